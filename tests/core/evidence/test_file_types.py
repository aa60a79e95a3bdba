"""What may be attached: extension and content must agree and be on the allow-list; programs,
scripts, web pages and SVG images are refused by name, whatever they are called."""

import pytest

from acsg_desktop.core.evidence.file_types import EvidenceError, checked_type
from acsg_desktop.core.evidence.names import safe_name, shown_name
from tests.core.evidence.samples import DOCX, ODT, PDF, PNG, zipped

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
TIFF = b"II*\x00\x08\x00\x00\x00"
XLSX = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("Decree.pdf", PDF, "application/pdf"),
        ("scan.PNG", PNG, "image/png"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("fax.tif", TIFF, "image/tiff"),
        ("notes.txt", "Procès-verbal du 3 mars\n".encode(), "text/plain"),
        (
            "law.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("figures.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("minutes.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_allowed_types_are_recognised(name: str, data: bytes, media_type: str) -> None:
    assert checked_type(name, data).media_type == media_type


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", b"MZ\x90\x00"),
        ("report.pdf.exe", PDF),
        ("invoice.pdf", b"MZ\x90\x00 a program renamed"),
        ("run.sh", b"echo hi\n"),
        ("notes.txt", b"#!/bin/sh\nrm -rf ~\n"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("macro.docm", DOCX),
    ],
)
def test_what_could_run_is_refused_by_name(name: str, data: bytes) -> None:
    with pytest.raises(EvidenceError, match="could run when opened"):
        checked_type(name, data)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.png", PDF, "not a real PNG image"),
        ("law.docx", zipped({"word/document.xml": b"<w/>"}), "not a real Word"),
        (
            "law.docx",
            zipped(
                {
                    **{"[Content_Types].xml": b"<T/>", "word/document.xml": b"<w/>"},
                    "word/vbaProject.bin": b"macro",
                }
            ),
            "not a real Word",
        ),
        ("minutes.odt", DOCX, "not a real OpenDocument"),
        ("page.txt", b"<!DOCTYPE html><p>hi</p>", "not a real plain text"),
        ("binary.txt", b"abc\x00def", "not a real plain text"),
        ("archive.zip", DOCX, "cannot be attached"),
        ("no extension", PDF, "cannot be attached"),
    ],
)
def test_mismatch_and_unknown_types_say_why(name: str, data: bytes, message: str) -> None:
    with pytest.raises(EvidenceError, match=message):
        checked_type(name, data)


def test_names_are_made_safe_with_the_checked_extension() -> None:
    assert shown_name("C:\\Users\\x\\Procès\u202everbal.pdf") == "Procèsverbal.pdf"
    assert safe_name("../../.bashrc; rm -rf.PDF", "pdf") == "bashrc_ rm -rf.pdf"
    assert safe_name("...", "png") == "evidence.png"
    assert len(safe_name("a" * 500 + ".txt", "txt")) == 84
