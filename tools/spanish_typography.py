#!/usr/bin/env python3
"""Check Spanish typography in the UI catalogue, the framework files and the guides.

Rules (Spanish, as the RAE and UN Spanish editing set them):

- every ``?`` closes a question opened by ``¿``, every ``!`` an exclamation opened by ``¡``,
  in the same text (a message, a framework text, a line of a guide);
- no space before ``:``, ``;``, ``?`` or ``!`` (the French habit), none after ``¿`` or ``¡``;
- quotation marks « » hold their words without inner spaces.

Only Spanish prose is read: the ``msgstr`` texts of a ``.po``, the ``"es"`` values of a
``.json``, the ``title``, ``summary`` and ``source`` and the body of a ``.es.md`` guide. Code,
URLs, placeholders, format fields and Markdown table rules are left out, as in
``tools/french_typography.py``.

Usage::

    tools/spanish_typography.py FILES...   # list violations, exit 1 if any
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from french_typography import _PROTECTED, _TABLE_RULE, SPACES

sys.path.pop(0)

_FRONT_FIELDS = re.compile(r"^(title|summary|source):\s*(.*)$")


def _masked(text: str) -> str:
    """``text`` with code, URLs and placeholders written over (same length)."""
    return _PROTECTED.sub(lambda match: "x" * len(match.group(0)), text)


def text_problems(text: str) -> list[str]:
    """What breaks the rules in one piece of Spanish prose."""
    prose = _masked(text)
    problems = []
    for opening, closing, name in (("¿", "?", "question"), ("¡", "!", "exclamation")):
        if prose.count(opening) != prose.count(closing):
            problems.append(
                f"{name} marks unpaired ({opening} x{prose.count(opening)}, "
                f"{closing} x{prose.count(closing)})"
            )
    # Punctuation of the prose is followed by a space, a closing mark or the end (":port" is not)
    for match in re.finditer(rf"[{SPACES}]+[:;?!](?=[\s»\"')\]…]|$)", prose):
        problems.append(f"space before {match.group(0)[-1]!r}")
    if re.search(rf"[¿¡«][{SPACES}]|[{SPACES}]»", prose):
        problems.append("space inside ¿ ¡ or « »")
    return problems


def _po_texts(path: Path) -> Iterator[tuple[str, str]]:
    from babel.messages.pofile import read_po

    with path.open("rb") as stream:
        catalog = read_po(stream)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        first = message.id[0] if isinstance(message.id, tuple) else message.id
        for text in strings:
            yield first[:40], text


def _json_texts(path: Path) -> Iterator[tuple[str, str]]:
    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "es" and isinstance(value, str):
                    yield where, value
                else:
                    yield from walk(value, f"{where}.{key}" if where else key)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, f"{where}[{index}]")

    yield from walk(json.loads(path.read_text(encoding="utf-8")), "")


def _md_texts(path: Path) -> Iterator[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    end = next((k for k in range(1, len(lines)) if lines[k].strip() == "---"), 0)
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if number <= end + 1:
            field = _FRONT_FIELDS.match(line)
            if field:
                yield f"line {number}", field.group(2)
            continue
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and not _TABLE_RULE.match(line):
            yield f"line {number}", line


READERS = {".po": _po_texts, ".json": _json_texts, ".md": _md_texts}


def check_files(paths: list[Path]) -> list[str]:
    """Human-readable violations, "file: where: rule: text"."""
    report = []
    for path in paths:
        for where, text in READERS[path.suffix](path):
            report += [f"{path}: {where}: {rule}: {text[:70]!r}" for rule in text_problems(text)]
    return report


def main(argv: list[str] | None = None) -> int:
    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    report = check_files(paths)
    print("\n".join(report) or "Spanish typography: nothing to mend")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
