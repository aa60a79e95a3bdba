"""The office server tells a listener which tables another official changed."""

from __future__ import annotations

import select
from pathlib import Path

import pytest

from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.store.change_listener import ChangeListener
from acsg_desktop.core.store.server_errors import ServerUnreachableError
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD


def _readable(listener: ChangeListener, seconds: float = 5.0) -> bool:
    ready, _, _ = select.select([listener.fileno()], [], [], seconds)
    return bool(ready)


def test_a_change_by_another_workspace_reaches_the_listener(
    postgres_url: str, tmp_path: Path
) -> None:
    with Workspace.open(tmp_path / "other", postgres_url) as other:
        other.profiles.save(CHAD)
        with ChangeListener(postgres_url) as listener:
            assert listener.drain() == set()  # nothing before: drain does not wait
            other.requests.create(RequestContent(title="Interpreters"), actor=other.current_user)
            assert _readable(listener)
            assert "support_request" in listener.drain()
            assert listener.drain() == set()  # each change is told once


def test_many_changes_in_a_row_are_drained_at_once(postgres_url: str, tmp_path: Path) -> None:
    with (
        Workspace.open(tmp_path / "other", postgres_url) as other,
        ChangeListener(postgres_url) as listener,
    ):
        other.profiles.save(CHAD)
        for title in ("One", "Two", "Three"):
            other.requests.create(RequestContent(title=title), actor=other.current_user)
        assert _readable(listener)
        seen: set[str] = set()
        while _readable(listener, 0.5):
            seen |= listener.drain()
        assert {"authority_profile", "support_request"} <= seen


def test_an_unreachable_server_is_said_in_words() -> None:
    with pytest.raises(ServerUnreachableError) as raised:
        ChangeListener("postgresql://nobody@127.0.0.1:1/none")
    assert "cannot be reached" in raised.value.message
    assert "127.0.0.1:1" in raised.value.message


def test_a_closed_listener_says_so(postgres_url: str) -> None:
    listener = ChangeListener(postgres_url)
    assert not listener.closed
    listener.close()
    assert listener.closed
