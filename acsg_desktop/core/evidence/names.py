"""Names and sizes of evidence files as shown and written: a file name that is safe on every
system (no path, no control or separator character, the type's own extension) and a size in
the current language."""

from __future__ import annotations

import unicodedata

from acsg_desktop.core.i18n import _, format_number

MAX_STEM = 80
KEPT_PUNCTUATION = frozenset(" -_()")
MEGABYTE = 1_000_000


def shown_name(name: str) -> str:
    """The name as the user gave it, on one line, without its folder, at most 255 characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rpartition("/")[2]
    name = "".join(c for c in name if unicodedata.category(c)[0] not in "CZ" or c == " ")
    return name.strip()[-255:]


def safe_name(name: str, extension: str) -> str:
    """A name that is safe to write anywhere: letters, digits, spaces and ``-_()`` only (others
    become ``_``), no leading dot, a stem of at most 80 characters and ``extension`` at the end
    (so the copy always opens as the type that was checked)."""
    stem = shown_name(name)
    if "." in stem:
        stem = stem.rpartition(".")[0]
    stem = "".join(c if c.isalnum() or c in KEPT_PUNCTUATION else "_" for c in stem)
    stem = stem.strip(" _")[:MAX_STEM].strip() or "evidence"
    return f"{stem}.{extension}"


def size_text(size: int) -> str:
    """A file size, e.g. "12 kB" or "3.4 MB" (in French "12 ko", "3,4 Mo")."""
    if size < MEGABYTE:
        text = _("{size} kB").format(size=format_number(max(1, round(size / 1000))))
    else:
        text = _("{size} MB").format(size=format_number(round(size / MEGABYTE, 1)))
    return text.replace(" ", "\u00a0")  # the number and its unit stay on one line
