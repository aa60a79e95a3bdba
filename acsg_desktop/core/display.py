"""Showing text that came from a file: control, format and bidi characters made visible.

A certificate subject or an entry name may hold ESC sequences that repaint a terminal, or
bidi overrides that reorder what a reader sees. Both the CLI and the GUI pass such text through
``escape_controls``; the escapes (``\\u001b``) are also valid inside JSON strings.
"""

from __future__ import annotations

import re
import unicodedata

from acsg_desktop.core.live_text import LiveText, live, retranslated_text

KEPT = frozenset("\n\t")


def _visible(character: str) -> str:
    category = unicodedata.category(character)
    if character in KEPT or not (category.startswith("C") or category in ("Zl", "Zp")):
        return character
    if character == "\r":
        return "\\r"
    code = ord(character)
    if code > 0xFFFF:  # as a UTF-16 surrogate pair, the only form JSON accepts
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control, format (bidi, zero-width) or unassigned character escaped.

    Line feeds and tabs stay: they cannot move the cursor over earlier output.
    """
    if text.isprintable():
        return text
    escaped = "".join(_visible(character) for character in text)
    if isinstance(text, LiveText):  # a translated message quoting a name from a file
        return live(escaped, lambda: escape_controls(retranslated_text(text)))
    return escaped


def escape_line(text: str) -> str:
    """Like ``escape_controls`` but also escapes line feeds and tabs (one-line fields)."""
    escaped = escape_controls(text).replace("\n", "\\n").replace("\t", "\\t")
    if isinstance(text, LiveText):
        return live(escaped, lambda: escape_line(retranslated_text(text)))
    return escaped


def file_stem(text: str, fallback: str) -> str:
    """``text`` as a file name stem in its own language ("Référence 2025" -> "référence-2025"):
    letters and digits kept, anything else one hyphen; ``fallback`` when nothing is left."""
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or fallback
