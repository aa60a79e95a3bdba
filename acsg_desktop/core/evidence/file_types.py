"""Which files may be attached as evidence: the extension and the content must agree, and both
be on the allow-list (PDF, PNG, JPEG, TIFF, plain text, DOCX, XLSX, ODT). Anything that could
run when opened (a program, a script, a web page, an SVG image) is refused by name."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import N_, _


class EvidenceError(AcsgError):
    """A file was refused or an evidence action could not be done; nothing was changed."""


@dataclass(frozen=True)
class FileType:
    label: str  # N_(): shown in messages, translated when used
    media_type: str
    extensions: tuple[str, ...]
    matches: Callable[[bytes], bool]


def _starts(*signatures: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(signatures)


ACTIVE_TEXT = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"#!")
TEXT_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13}


def _plain_text(data: bytes) -> bool:
    """UTF-8 text without control characters that is not a web page, an SVG or a script."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    head = text.lstrip()[:20].lower().encode()
    return not head.startswith(ACTIVE_TEXT) and not any(ord(c) in TEXT_CONTROLS for c in text)


def _zip_names(data: bytes) -> list[str] | None:
    """The entry names of a ZIP file, first entry first (None: not a readable ZIP)."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return None


def _first_entry(data: bytes) -> bytes:
    """The content of a ZIP's first entry, at most 100 bytes of it (b"": none or unreadable)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            first = archive.infolist()[0]
            return archive.read(first)[:100] if first.filename == "mimetype" else b""
    except (zipfile.BadZipFile, ValueError, IndexError):
        return b""


def _office_open_xml(main_part: str) -> Callable[[bytes], bool]:
    """A DOCX or XLSX: its [Content_Types].xml and main part, and no macros."""

    def matches(data: bytes) -> bool:
        names = _zip_names(data)
        return (
            names is not None
            and "[Content_Types].xml" in names
            and main_part in names
            and not any(name.lower().endswith("vbaproject.bin") for name in names)
        )

    return matches


ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _odt(data: bytes) -> bool:
    """An ODT: its first entry is ``mimetype``, saying so (as the format requires)."""
    return data.startswith(b"PK\x03\x04") and _first_entry(data).strip() == ODT_MIMETYPE


OOXML = "application/vnd.openxmlformats-officedocument."
TYPES = (
    FileType(N_("PDF document"), "application/pdf", ("pdf",), _starts(b"%PDF-")),
    FileType(N_("PNG image"), "image/png", ("png",), _starts(b"\x89PNG\r\n\x1a\n")),
    FileType(N_("JPEG image"), "image/jpeg", ("jpg", "jpeg"), _starts(b"\xff\xd8\xff")),
    FileType(N_("TIFF image"), "image/tiff", ("tif", "tiff"), _starts(b"II*\x00", b"MM\x00*")),
    FileType(N_("plain text file"), "text/plain", ("txt",), _plain_text),
    FileType(
        N_("Word document (DOCX)"),
        OOXML + "wordprocessingml.document",
        ("docx",),
        _office_open_xml("word/document.xml"),
    ),
    FileType(
        N_("Excel workbook (XLSX)"),
        OOXML + "spreadsheetml.sheet",
        ("xlsx",),
        _office_open_xml("xl/workbook.xml"),
    ),
    FileType(
        N_("OpenDocument text (ODT)"), "application/vnd.oasis.opendocument.text", ("odt",), _odt
    ),
)
BY_EXTENSION = {extension: kind for kind in TYPES for extension in kind.extensions}
BY_MEDIA_TYPE = {kind.media_type: kind for kind in TYPES}
PROGRAMS = ("exe", "com", "bat", "cmd", "msi", "scr", "dll", "so", "dylib", "app", "apk", "jar")
SCRIPTS = ("sh", "bash", "ps1", "psm1", "vbs", "vbe", "js", "jse", "mjs", "wsf", "hta", "py")
MORE_SCRIPTS = ("pyw", "pl", "rb", "php", "lnk", "docm", "xlsm", "dotm", "xltm")
WEB_PAGES = ("html", "htm", "xhtml", "shtml", "mht", "svg", "svgz")
RUNNABLE_EXTENSIONS = frozenset(PROGRAMS + SCRIPTS + MORE_SCRIPTS + WEB_PAGES)
RUNNABLE_CONTENT = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def allowed_kinds() -> str:
    return _("a PDF, an image (PNG, JPEG, TIFF), a plain text file or a DOCX, XLSX or ODT document")


def checked_type(name: str, data: bytes) -> FileType:
    """The type of the file ``name`` holding ``data``, once its extension and content agree.

    Raises:
        EvidenceError: a program, script or web page; a type not on the list; a content that
            does not match its extension.
    """
    extension = extension_of(name)
    if extension in RUNNABLE_EXTENSIONS or data.startswith(RUNNABLE_CONTENT):
        raise EvidenceError(
            _(
                "{name} is refused: programs, scripts, web pages and SVG images are never kept "
                "as evidence, because they could run when opened."
            ).format(name=name)
        )
    kind = BY_EXTENSION.get(extension)
    if kind is None:
        raise EvidenceError(
            _("{name} cannot be attached: attach {kinds}.").format(name=name, kinds=allowed_kinds())
        )
    if not kind.matches(data):
        raise EvidenceError(
            _(
                "{name} is not a real {kind}: its content does not match its .{extension} "
                "extension, so it was not attached."
            ).format(name=name, kind=_(kind.label), extension=extension)
        )
    return kind
