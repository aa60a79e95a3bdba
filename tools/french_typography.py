#!/usr/bin/env python3
"""Check and fix French typography in the UI catalogue, the framework files and the guides.

Rules (French administrative typography):

- a narrow no-break space U+202F before ``;``, ``?`` and ``!``;
- a no-break space U+00A0 before ``:``, after ``«`` and before ``»``.

An ordinary space (or a wrong kind of space) in those places is replaced; a missing one is added.
Only French prose is touched:

- ``.po``: the ``msgstr`` texts (never ``msgid``); a changed entry is re-wrapped as pybabel
  writes it, so that ``make i18n`` produces no further change;
- ``.json``: the string values of ``"fr"`` keys only (framework areas, glossary);
- ``.md``: the body and the values of ``title``, ``summary`` and ``source`` in the front matter.

A title in another language quoted in italics in a guide's reading list (``## Pour aller plus
loin``: ``*Beyond Proof: Credibility Assessment*``) keeps its own punctuation, as French
typography wants: there, an italic span with no French function word and no French accented
letter takes no space before ``: ; ? !`` (one there is removed). Italics in prose (``*Attention
!*``) are French.

Never touched: Markdown syntax (code fences, table alignment rows, link targets, images, HTML),
URLs, code in backticks, ``{placeholders}``, ``%`` format fields, times (10:30) and ratios (1:5).

Usage::

    tools/french_typography.py --check FILES...   # list violations, exit 1 if any
    tools/french_typography.py --fix FILES...     # rewrite the files in place
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NNBSP = "\u202f"  # narrow no-break space: before ; ? !
NBSP = "\u00a0"  # no-break space: before :, after «, before »
# Characters taken for "a space" in front of or after the punctuation (never a line break).
SPACES = " \t\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a"
# After ; : ? ! the prose continues with a space, the end of the text or a closing mark;
# anything else (10:30, 1:5, %H:%M, ?query, !=, ![image], &amp;) is not prose punctuation.
CLOSERS = "»\"')]*_”’…"
NO_INSERT_AFTER = "?!;:.,(«[{/\\-–—'\"\n"

_PROTECTED_PATTERNS = [
    r"```.*?```",  # fenced code written inline
    r"`[^`\n]*`",  # inline code
    r"<!--.*?-->",  # HTML comment
    r"</?[A-Za-z][^<>\n]*>",  # HTML tag
    r"<(?:https?|mailto):[^>\s]*>",  # autolink
    r"(?:https?|ftp)://[^\s<>\"»)\]]*[^\s<>\"»)\].,;:!?'’]",  # URL without trailing punctuation
    r"mailto:[^\s<>\"»)]+",
    r"\]\([^)\n]*\)",  # Markdown link or image target
    r"\{[^{}\n]*\}",  # {placeholder}
    r"%(?:\([^)\n]*\))?[-#0+]*\d*(?:\.\d+)?[a-zA-Z%]",  # % format field (and strftime)
    r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);",  # HTML entity
    r";;",  # Qt's separator of file-dialog filters
]
_PROTECTED = re.compile("|".join(_PROTECTED_PATTERNS), re.DOTALL)


@dataclass(frozen=True)
class Violation:
    offset: int  # in the original text
    rule: str
    snippet: str


_ITALIC = re.compile(r"(?<![*\w])\*(?![*\s])([^*\n]+?)(?<!\s)\*(?![*\w])")
_FRENCH_WORDS = frozenset(
    {
        *("le", "la", "les", "l", "des", "du", "de", "d", "et", "pour", "sur", "dans", "au"),
        *("aux", "un", "une", "en", "à", "par", "avec", "ou", "qui", "que", "est", "son", "sa"),
        *("ses", "leur", "leurs", "ce", "cette", "ces"),
    }
)
_FRENCH_LETTERS = frozenset("éèêëàâçùûüîïôœÉÈÊÀÂÇÙÛÎÔ")


def _foreign_mask(text: str) -> list[bool]:
    """True inside an italic span that reads as a title in another language (see above)."""
    mask = [False] * len(text)
    for match in _ITALIC.finditer(text):
        span = match.group(1)
        words = {word.lower() for word in re.findall(r"[^\W\d_]+", span)}
        if words & _FRENCH_WORDS or _FRENCH_LETTERS & set(span):
            continue
        for i in range(match.start(1), match.end(1)):
            mask[i] = True
    return mask


def _protected_mask(text: str) -> list[bool]:
    mask = [False] * len(text)
    for match in _PROTECTED.finditer(text):
        for i in range(match.start(), match.end()):
            mask[i] = True
    return mask


def _snippet(text: str, pos: int) -> str:
    start = max(0, pos - 25)
    end = min(len(text), pos + 15)
    shown = text[start:end].replace("\n", " ")
    return shown.replace(NBSP, "⍽").replace(NNBSP, "·")  # visible in a terminal


def fix_text(text: str, titles: bool = False) -> tuple[str, list[Violation]]:
    """Return the text with French typography applied, and what was wrong in the original;
    ``titles``: a line of a reading list, whose italics are titles (see above)."""
    mask = _protected_mask(text)
    foreign = _foreign_mask(text) if titles else [False] * len(text)
    out: list[str] = []
    violations: list[Violation] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if mask[i]:
            out.append(ch)
            i += 1
            continue
        if foreign[i] and ch in ";?!:":
            j = len(out)
            while j > 0 and out[j - 1] in SPACES:
                j -= 1
            if j < len(out):
                del out[j:]
                violations.append(
                    Violation(i, f"space before {ch} in a foreign title", _snippet(text, i))
                )
            out.append(ch)
            i += 1
            continue
        if ch in ";?!:»":
            needed = NBSP if ch in ":»" else NNBSP
            nxt = text[i + 1] if i + 1 < n else ""
            prose = nxt == "" or nxt in SPACES or nxt == "\n" or nxt in CLOSERS or nxt in ";:?!.,"
            if ch == "»":
                prose = True
            # the run of spaces already written before the mark
            j = len(out)
            while j > 0 and out[j - 1] in SPACES:
                j -= 1
            run = "".join(out[j:])
            before = out[j - 1] if j > 0 else ""
            if run:
                if before and before != "\n" and run != needed:
                    del out[j:]
                    out.append(needed)
                    violations.append(Violation(i, f"space before {ch}", _snippet(text, i)))
            elif (
                prose
                and before
                and (before not in NO_INSERT_AFTER or (ch == "»" and before in "?!.…"))
                and not (ch == "»" and before in "«(")
                and not (ch in "?!" and before in "?!")
            ):
                out.append(needed)
                violations.append(Violation(i, f"missing space before {ch}", _snippet(text, i)))
            out.append(ch)
            i += 1
            continue
        if ch == "«":
            out.append(ch)
            k = i + 1
            while k < n and text[k] in SPACES and not mask[k]:
                k += 1
            run = text[i + 1 : k]
            after = text[k] if k < n else ""
            if run:
                if after and after != "\n" and run != NBSP:
                    out.append(NBSP)
                    violations.append(Violation(i, "space after «", _snippet(text, i)))
                else:
                    out.append(run)
            elif after and after not in "\n»":
                out.append(NBSP)
                violations.append(Violation(i, "missing space after «", _snippet(text, i)))
            i = k
            continue
        out.append(ch)
        i += 1
    return "".join(out), violations


# --- Markdown guides -------------------------------------------------------------------------

_FRONT_MATTER_FIELDS = ("title", "summary", "source")
_FRONT_MATTER_LINE = re.compile(r"^(\s*(?:" + "|".join(_FRONT_MATTER_FIELDS) + r")\s*:\s*)(.*)$")
_READING_LIST = re.compile(r"^#+\s*Pour aller plus loin\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Segment:
    """A piece of French prose inside a file: where it starts and how to put it back."""

    line: int  # 1-based line of the first character
    text: str
    line_of: Callable[[int], int]


def _md_process(source: str) -> tuple[str, list[tuple[int, Violation]]]:
    lines = source.split("\n")
    found: list[tuple[int, Violation]] = []
    start = 0
    if re.search(r"^lang:\s*en\s*$", source, re.MULTILINE) and not re.search(
        r"^lang:\s*fr\s*$", source, re.MULTILINE
    ):
        return source, found  # an English guide: nothing to do
    if lines and lines[0].strip() == "---":
        end = next((k for k in range(1, len(lines)) if lines[k].strip() == "---"), None)
        if end is not None:
            for k in range(1, end):
                m = _FRONT_MATTER_LINE.match(lines[k])
                if not m:
                    continue
                head, value = m.group(1), m.group(2)
                quote = ""
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    quote, value = value[0], value[1:-1]
                fixed, vs = fix_text(value)
                found += [(k + 1, v) for v in vs]
                lines[k] = head + quote + fixed + quote
            start = end + 1
    in_fence = in_reading_list = False
    for k in range(start, len(lines)):
        line = lines[k]
        if line.startswith("#"):
            in_reading_list = bool(_READING_LIST.match(line))
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if _TABLE_RULE.match(line):
            continue
        fixed, vs = fix_text(line, titles=in_reading_list)
        found += [(k + 1, v) for v in vs]
        lines[k] = fixed
    return "\n".join(lines), found


# --- JSON (framework areas, glossary) ---------------------------------------------------------

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _json_process(source: str) -> tuple[str, list[tuple[int, Violation]]]:
    json.loads(source)  # refuse to touch a file that is not JSON
    ascii_only = all(ord(c) < 128 for c in source)
    found: list[tuple[int, Violation]] = []
    pieces: list[str] = []
    last = 0
    tokens = list(_JSON_STRING.finditer(source))
    for idx, tok in enumerate(tokens[:-1]):
        if tok.group(0) != '"fr"':
            continue
        between = source[tok.end() : tokens[idx + 1].start()]
        if not re.fullmatch(r"\s*:\s*", between):
            continue  # "fr" is a value here, not a key, or its value is not a string
        value_tok = tokens[idx + 1]
        value = json.loads(value_tok.group(0))
        fixed, vs = fix_text(value)
        line = source.count("\n", 0, value_tok.start()) + 1
        found += [(line, v) for v in vs]
        if fixed != value:
            pieces.append(source[last : value_tok.start()])
            pieces.append(json.dumps(fixed, ensure_ascii=ascii_only))
            last = value_tok.end()
    pieces.append(source[last:])
    result = "".join(pieces)
    json.loads(result)
    return result, found


# --- PO catalogue ------------------------------------------------------------------------------

_PO_STR = re.compile(r'^(msgstr(?:\[\d+\])?) (".*")\s*$')
_PO_CONT = re.compile(r'^(".*")\s*$')


def _po_unquote(quoted: str) -> str:
    from ast import literal_eval

    # PO escapes are a subset of Python's; keep non-ASCII characters as they are.
    return str(literal_eval(quoted))


def _po_quote_lines(keyword: str, text: str) -> list[str]:
    try:
        from babel.messages.pofile import normalize
    except ImportError:  # pragma: no cover - babel is in the dev requirements
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        escaped = escaped.replace("\t", "\\t").replace("\r", "\\r")
        return [f'{keyword} "{escaped}"']
    return f"{keyword} {normalize(text, prefix='', width=76)}".split("\n")


def _po_process(source: str) -> tuple[str, list[tuple[int, Violation]]]:
    lines = source.split("\n")
    out: list[str] = []
    found: list[tuple[int, Violation]] = []
    k = 0
    while k < len(lines):
        m = _PO_STR.match(lines[k])
        if not m:
            out.append(lines[k])
            k += 1
            continue
        keyword = m.group(1)
        chunks = [(k, _po_unquote(m.group(2)))]
        j = k + 1
        while j < len(lines) and _PO_CONT.match(lines[j]):
            chunks.append((j, _po_unquote(_PO_CONT.match(lines[j]).group(1))))  # type: ignore[union-attr]
            j += 1
        text = "".join(c for _, c in chunks)
        is_header = k > 0 and lines[k - 1] == 'msgid ""' and text.startswith("Project-Id")
        fixed, vs = (text, []) if is_header else fix_text(text)
        starts = []
        pos = 0
        for line_no, chunk in chunks:
            starts.append((pos, line_no))
            pos += len(chunk)
        for v in vs:
            line_no = max((ln for p, ln in starts if p <= v.offset), default=k)
            found.append((line_no + 1, v))
        if fixed != text:
            out += _po_quote_lines(keyword, fixed)
        else:
            out += lines[k:j]
        k = j
    return "\n".join(out), found


PROCESSORS = {".po": _po_process, ".json": _json_process, ".md": _md_process}


def process_file(path: Path) -> tuple[str, str, list[tuple[int, Violation]]]:
    processor = PROCESSORS.get(path.suffix)
    if processor is None:
        raise ValueError(f"{path}: unsupported file type (use .po, .json or .md)")
    source = path.read_text(encoding="utf-8")
    fixed, found = processor(source)
    return source, fixed, found


def check_files(paths: list[Path]) -> list[str]:
    """Human-readable violations, "file:line: rule: text", for the tests and --check."""
    report: list[str] = []
    for path in paths:
        _, _, found = process_file(path)
        for line, v in found:
            report.append(f"{path}:{line}: {v.rule}: {v.snippet!r}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="list violations, exit 1 if any")
    mode.add_argument("--fix", action="store_true", help="rewrite the files in place")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    total = 0
    for path in args.files:
        try:
            source, fixed, found = process_file(path)
        except (OSError, ValueError) as exc:
            print(exc, file=sys.stderr)
            return 2
        total += len(found)
        if args.check:
            for line, v in found:
                print(f"{path}:{line}: {v.rule}: {v.snippet!r}")
        elif fixed != source:
            path.write_text(fixed, encoding="utf-8")
            print(f"{path}: {len(found)} fixed")
    if args.check:
        if total:
            print(f"{total} French typography violation(s)", file=sys.stderr)
            return 1
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
