"""The report's signature is checked without a PDF signing library: the byte range must frame
the signature and cover the whole file, and the CMS inside must hold over the covered bytes."""

import re
from pathlib import Path

import pytest

from acsg_desktop.core.package.verify import verify_package
from tests.core.package.conftest import Exported, resigned, write_zip
from tests.core.package.test_verify import failures

BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def _with_report(exported: Exported, tmp_path: Path, report: bytes) -> set[tuple[str, str]]:
    entries = {**exported.entries(), "report.pdf": report}
    package = write_zip(tmp_path / "p.acsgpkg", resigned(entries, exported.identity()))
    return failures(verify_package(package))


def _rewritten_range(pdf: bytes, *numbers: int) -> bytes:
    """The PDF with its /ByteRange numbers replaced, the line kept at the same length."""
    match = BYTE_RANGE.search(pdf)
    assert match is not None
    old = match.group(0)
    new = b"/ByteRange [" + b" ".join(b"%d" % n for n in numbers) + b"]"
    return pdf[: match.start()] + new.ljust(len(old)) + pdf[match.end() :]


def test_a_changed_byte_under_the_signature_is_caught(exported: Exported, tmp_path: Path) -> None:
    pdf = bytearray(exported.entries()["report.pdf"])
    stream = pdf.index(b"stream", 2000)
    pdf[stream + 20] ^= 0x01  # inside a page's content, covered by the signature
    assert ("report.pdf", "pdf-signature") in _with_report(exported, tmp_path, bytes(pdf))


@pytest.mark.parametrize(
    "shift",
    [
        lambda a, b, c, d: (a + 1, b, c, d),  # does not start at the first byte
        lambda a, b, c, d: (a, b - 2, c, d),  # the gap no longer frames the signature
        lambda a, b, c, d: (a, c, b, d),  # the runs out of order
        lambda a, b, c, d: (a, b, c, d + 10**6),  # past the end of the file
    ],
)
def test_a_byte_range_that_does_not_frame_the_signature_is_refused(
    exported: Exported, tmp_path: Path, shift
) -> None:
    pdf = exported.entries()["report.pdf"]
    numbers = [int(n) for n in BYTE_RANGE.search(pdf).groups()]  # type: ignore[union-attr]
    found = _with_report(exported, tmp_path, _rewritten_range(pdf, *shift(*numbers)))
    assert ("report.pdf", "pdf-signature") in found or ("report.pdf", "pdf") in found


def test_bytes_added_after_the_signed_range_are_not_covered(
    exported: Exported, tmp_path: Path
) -> None:
    pdf = exported.entries()["report.pdf"] + b"\n% appended after signing\n"
    assert ("report.pdf", "pdf-coverage") in _with_report(exported, tmp_path, pdf)


def test_verifying_a_package_does_not_load_a_pdf_signing_library(exported: Exported) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from acsg_desktop.core.package.verify import verify_package; "
        f"assert verify_package(__import__('pathlib').Path({str(exported.first)!r})).ok; "
        "print(sorted(m for m in sys.modules if m.startswith('pyhanko')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
