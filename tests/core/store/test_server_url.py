"""Office-server addresses that are not addresses get a sentence, not a crash."""

from __future__ import annotations

import pytest

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.store.server_url import parse_address, without_password


@pytest.mark.parametrize(
    "address", ["postgresql://a b@::::/", "postgresql://x@host:port/db", "mysql://x@y/z"]
)
def test_a_malformed_address_is_refused_in_words(address: str) -> None:
    with pytest.raises(AcsgError) as refused:
        parse_address(address)
    assert "office server address" in refused.value.message


def test_the_password_never_stays_in_the_shown_address() -> None:
    shown = without_password("postgresql://amina:secret@127.0.0.1:5432/acsg?sslmode=verify-full")
    assert "secret" not in shown and shown.startswith("postgresql://amina@127.0.0.1:5432/acsg")
