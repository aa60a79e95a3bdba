"""argparse's own words ("usage:", "error:", "invalid choice: ...") in the user's language.

argparse translates through the standard ``gettext`` domain, which holds nothing of ours, so
its messages stayed English around our translated help. ``speak_our_language`` points
argparse's ``_`` at our catalogue; the messages below are argparse's own (Python 3.11), listed
so that extraction puts them in the catalogues. A translation whose ``%`` placeholders differ
from argparse's is not used: it would crash the error it reports. (argparse's one plural,
"expected %s arguments", comes only with a fixed ``nargs``, which no command of ours takes.)
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import NoReturn

from acsg_desktop.core.i18n import N_, _

# The messages a person can meet: errors in what they typed, and the help's own words.
# (Errors only a programmer can cause, such as conflicting option strings, stay English.)
ARGPARSE_MESSAGES = (
    N_("usage: "),
    # argparse writes ":" right after these two titles: French ends them with a no-break space.
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
_PRINTF = re.compile(r"%(?:\([a-z_]+\))?[srd%]")


def printf_placeholders(text: str) -> list[str]:
    """The ``%`` placeholders of ``text``, in order (``%%`` included)."""
    return _PRINTF.findall(text)


def argparse_gettext(message: str) -> str:
    """``message`` in the current language, unless its translation would break its ``%``."""
    translated = str(_(message))
    same = sorted(printf_placeholders(message)) == sorted(printf_placeholders(translated))
    return translated if same else message


def speak_our_language() -> None:
    """From now on, argparse says its words through our catalogue, in the current language."""
    setattr(argparse, "_", argparse_gettext)  # noqa: B010  (argparse's module global)


def new_parser(
    program: str, version: str, description: str | None = None
) -> argparse.ArgumentParser:
    """A parser for ``program`` in the current language, with its ``--version``."""
    parser = argparse.ArgumentParser(prog=program, description=description)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{program} {version}",
        help=_("show the program's version number and exit"),
    )
    return parser


class _Quiet(argparse.ArgumentParser):
    """A parser that raises where argparse would print and exit (``exit_on_error`` does not
    cover them all: an ambiguous abbreviation such as ``--us`` still exits)."""

    def error(self, message: str) -> NoReturn:
        raise argparse.ArgumentError(None, message)


def leading_options(
    argv: Sequence[str], values: Sequence[str], flags: Sequence[str] = ()
) -> tuple[argparse.Namespace, list[str]]:
    """The options named in ``values`` (each with a value) and ``flags`` found in ``argv``, and
    the rest: read before the language is known (it depends on the folder), so a malformed
    line gives the defaults here and the full parser reports it, in the user's language."""
    pre = _Quiet(add_help=False, exit_on_error=False)
    for option in values:
        pre.add_argument(option)
    for option in flags:
        pre.add_argument(option, action="store_true")
    try:
        return pre.parse_known_args(argv)
    except argparse.ArgumentError:
        return pre.parse_known_args([])[0], list(argv)
