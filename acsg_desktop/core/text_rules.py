"""What users may type: a length cap for every free-text field, and the characters refused.

Every cap is in characters (Unicode code points, what ``len()`` counts). The GUI mirrors the
caps of single-line fields with ``QLineEdit.setMaxLength``; the core checks every field when it
is saved, with a message naming the field and the cap.

| Field                                       | Cap    | Lines  | Unprintable characters  |
|---------------------------------------------|--------|--------|-------------------------|
| Answer: note, evidence                      | 10,000 | many   | stripped                |
| Answer: answered by                         | 200    | one    | refused                 |
| Assessment title                            | 200    | one    | refused                 |
| Request: title                              | 200    | one    | refused                 |
| Request: description, expected results,     | 5,000  | many   | stripped                |
| how results are measured, after the support |        |        |                         |
| Request: plan reference, pledge reference   | 500    | one    | refused                 |
| Request: contact person                     | 200    | one    | refused                 |
| Review comment, response, reason            | 5,000  | many   | stripped                |
| Profile: authority name, contact person     | 200    | one    | refused                 |
| Profile: e-mail                             | 254    | one    | refused                 |
| Person name                                 | 200    | one    | refused                 |

Unprintable characters: C0 controls (NUL, ESC, VT, FF, ...), DEL and C1 controls; the bidi
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069, U+061C) that can make text
read differently from how it is stored; the invisible U+200B and U+FEFF; lone surrogates and
the noncharacters U+FDD0-U+FDEF, U+FFFE, U+FFFF. TAB, LF and CR are allowed in multi-line
fields only; U+2028, U+2029 and NEL become LF there.

Why two treatments: a single-line field (a name, a title, an e-mail) is short and typed, so a
refusal that names the character (``U+001B``) is clearer than a silent change. Multi-line text is
usually pasted from a document, where stray controls are invisible: stripping them is kinder.
The report and the CSV export strip them again (``clean``), because data saved by older versions
can still hold them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from acsg_desktop.core.i18n import N_, _, format_number

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    Record = TypeVar("Record", bound=DataclassInstance)
else:
    Record = TypeVar("Record")

NAME_CAP = 200
TITLE_CAP = 200
REFERENCE_CAP = 500
EMAIL_CAP = 254
LONG_TEXT_CAP = 5_000
ANSWER_TEXT_CAP = 10_000

_UNPRINTABLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
)
_REFUSED_MULTI_LINE = re.compile(f"[{_UNPRINTABLE}]")
_REFUSED_ONE_LINE = re.compile(f"[{_UNPRINTABLE}\t\n\r\u2028\u2029]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")


@dataclass(frozen=True)
class TextField:
    """The rule for one free-text field: its name for messages (an ``N_`` msgid) and its cap."""

    label: str
    cap: int
    multiline: bool = False


ANSWER_FIELDS = {
    "note": TextField(N_("Note"), ANSWER_TEXT_CAP, multiline=True),
    "evidence": TextField(N_("Evidence"), ANSWER_TEXT_CAP, multiline=True),
    "answered_by": TextField(N_("Answered by"), NAME_CAP),
}
ASSESSMENT_TITLE = TextField(N_("Assessment title"), TITLE_CAP)
REQUEST_FIELDS = {
    "title": TextField(N_("Title"), TITLE_CAP),
    "description": TextField(N_("Description of the need"), LONG_TEXT_CAP, multiline=True),
    "plan_reference": TextField(N_("Capacity plan"), REFERENCE_CAP),
    "pledge_reference": TextField(N_("Forum pledge"), REFERENCE_CAP),
    "expected_results": TextField(N_("Expected results"), LONG_TEXT_CAP, multiline=True),
    "measurement": TextField(N_("How results are measured"), LONG_TEXT_CAP, multiline=True),
    "sustainability": TextField(N_("After the support ends"), LONG_TEXT_CAP, multiline=True),
    "contact_person": TextField(N_("Contact person"), NAME_CAP),
}
REVIEW_TEXT = TextField(N_("Comment or response"), LONG_TEXT_CAP, multiline=True)
PROFILE_FIELDS = {
    "authority_name": TextField(N_("Authority name"), NAME_CAP),
    "contact_person": TextField(N_("Contact person"), NAME_CAP),
    "email": TextField(N_("E-mail"), EMAIL_CAP),
}
PERSON_NAME = TextField(N_("Name"), NAME_CAP)


def clean(text: str, multiline: bool = True) -> str:
    """``text`` without its unprintable characters (see the module docstring).

    Args:
        text: any text, typed, pasted or read from an older database.
        multiline: keep TAB, LF and CR (and turn U+2028, U+2029 and NEL into LF); otherwise
            those are removed too.

    Returns:
        The text that can be drawn in a PDF or written to a spreadsheet cell.
    """
    if multiline:
        return _REFUSED_MULTI_LINE.sub("", _LINE_SEPARATORS.sub("\n", text))
    return _REFUSED_ONE_LINE.sub("", text)


def unprintable_character(text: str, multiline: bool = False) -> str | None:
    """The first character of ``text`` that ``clean`` would remove, or None."""
    pattern = _REFUSED_MULTI_LINE if multiline else _REFUSED_ONE_LINE
    found = pattern.search(_LINE_SEPARATORS.sub("\n", text) if multiline else text)
    return found.group() if found else None


def text_problem(field: TextField, value: str) -> str | None:
    """Why ``value`` cannot be saved in ``field`` (too long, an unprintable character), or None.

    Multi-line values are checked as they are: clean them first (``cleaned``), so that only
    their length can be refused.
    """
    if len(value) > field.cap:
        return _("{field} is too long: {count} characters, at most {limit}.").format(
            field=_(field.label), count=format_number(len(value)), limit=format_number(field.cap)
        )
    character = unprintable_character(value, field.multiline)
    if character is not None:
        return _("{field} contains a character that cannot be printed ({code}): remove it.").format(
            field=_(field.label), code=f"U+{ord(character):04X}"
        )
    return None


def text_problems(record: Any, fields: dict[str, TextField]) -> dict[str, str]:
    """Attribute name -> message for each of ``fields`` of ``record`` that cannot be saved."""
    problems = {name: text_problem(field, getattr(record, name)) for name, field in fields.items()}
    return {name: message for name, message in problems.items() if message}


def cleaned(record: Record, fields: dict[str, TextField]) -> Record:
    """The same dataclass with its multi-line ``fields`` stripped of unprintable characters."""
    changes = {
        name: clean(getattr(record, name)) for name, field in fields.items() if field.multiline
    }
    return replace(record, **changes)
