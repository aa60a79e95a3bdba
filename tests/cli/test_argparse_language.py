"""argparse's own words (usage, errors, help titles) in the user's language, on both commands."""

from __future__ import annotations

import argparse
import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core import argparse_language
from acsg_desktop.core.argparse_language import (
    ARGPARSE_MESSAGES,
    argparse_gettext,
    leading_options,
    printf_placeholders,
)
from acsg_desktop.core.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, language_as
from acsg_desktop.gui.app import parse_arguments

# argparse's messages that only a programmer's mistake in building a parser can show.
PROGRAMMER_ERRORS = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
}

# Messages whose words are the same in the language.
SAME_WORDS = {("es", "%(prog)s: error: %(message)s\n")}


def _argparse_messages() -> set[str]:
    """Every literal argparse passes to its ``_`` in this Python."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    return {
        call.args[0].value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "_"
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    }


def test_the_list_is_argparses_own_messages_and_misses_none_a_person_can_meet() -> None:
    used = _argparse_messages()
    assert set(ARGPARSE_MESSAGES) <= used  # a Python whose argparse says it otherwise fails here
    assert used - PROGRAMMER_ERRORS - {"subcommands"} == set(ARGPARSE_MESSAGES)


@pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
def test_every_translation_keeps_argparses_placeholders(language: str) -> None:
    with language_as(language):
        for message in ARGPARSE_MESSAGES:
            translated = argparse_gettext(message)
            assert translated != message or (language, message) in SAME_WORDS, (language, message)
            assert sorted(printf_placeholders(translated)) == sorted(printf_placeholders(message))


def test_a_translation_that_breaks_the_placeholders_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(argparse_language, "_", lambda message: "choix %(valeur)r")
    message = "invalid choice: %(value)r (choose from %(choices)s)"
    assert argparse_gettext(message) == message
    monkeypatch.setattr(argparse_language, "_", lambda message: "choix %(value)r : %(choices)s")
    assert argparse_gettext(message) == "choix %(value)r : %(choices)s"


def _failed(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    assert caught.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "usage", "choice", "missing"),
    [
        ("fr", "utilisation\u00a0:", "choix non valable\u00a0: 'xx'", "arguments obligatoires"),
        ("es", "uso:", "valor no válido: 'xx'", "faltan argumentos obligatorios: file"),
        (SOURCE_LANGUAGE, "usage:", "invalid choice: 'xx'", "arguments are required: file"),
    ],
)
def test_a_mistyped_command_is_explained_in_the_users_language(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    language: str,
    usage: str,
    choice: str,
    missing: str,
) -> None:
    monkeypatch.setenv("LANGUAGE", language)
    folder = ["--data-dir", str(tmp_path)]
    said = _failed(capsys, *folder, "export", "--lang", "xx")
    assert said.startswith(usage) and choice in said
    assert missing in _failed(capsys, *folder, "verify")


def test_a_missing_folder_value_is_reported_by_the_whole_parser_in_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    said = _failed(capsys, "--data-dir")
    assert "argument --data-dir\u00a0: une valeur attendue" in said
    assert "{info," in said  # the usage of the whole command, not of a part read first


@pytest.mark.parametrize(
    ("language", "parse", "translated", "english"),
    [
        ("es", main, ["mostrar esta ayuda y salir", "argumentos posicionales"], "positional"),
        ("fr", parse_arguments, ["ouvrir le bureau du Secrétariat", "\noptions\u00a0:\n"], "open"),
    ],
    ids=["acsg", "acsg-desktop"],
)
def test_help_is_in_the_users_language(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    language: str,
    parse: Callable[[list[str]], object],
    translated: list[str],
    english: str,
) -> None:
    monkeypatch.setenv("LANGUAGE", language)
    with pytest.raises(SystemExit):
        parse(["--data-dir", str(tmp_path), "--help"])
    shown = capsys.readouterr().out
    assert all(text in shown for text in translated)  # French: argparse's colon, spaced
    assert english not in shown and "show this help" not in shown


def test_leading_options_never_fail_and_keep_the_rest() -> None:
    known, rest = leading_options(["--data-dir", "d", "info"], ("--data-dir",), ("--secretariat",))
    assert known.data_dir == "d" and not known.secretariat and rest == ["info"]
    known, rest = leading_options(["--data-dir"], ("--data-dir",))
    assert known.data_dir is None and rest == ["--data-dir"]
    values = ("--user", "--user-passphrase-file")  # "--us" could be either
    known, rest = leading_options(["--us", "x", "info"], values)
    assert known.user is None and rest == ["--us", "x", "info"]


def test_an_ambiguous_option_is_explained_by_the_whole_parser(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    said = _failed(capsys, "--us", "x", "info")
    assert "option ambiguë\u00a0: --us peut désigner --user, --user-passphrase-file" in said
