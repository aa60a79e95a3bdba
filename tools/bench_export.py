"""Exporting and verifying a package, against floors built from the same public parts.

Export: the app's `ExportService.export` of the demo baseline in a fresh interpreter (the
first export of a session: it pays its imports), timed from the call; each run on its own copy
of one prepared folder, since an export of unchanged content is only looked up. Floor, in a
fresh interpreter too, timed from its first import: ReportLab building a document as long as
the app's report (tables of paragraphs, the same embedded DejaVu fonts), pyHanko signing it
(PAdES, the same key; without importing its network client, as the app does) and the key
derivation that unlocks that key.

Verify: `acsg verify` as a user runs it, against `sha256sum` of the package's entries plus
`openssl cms -verify` of its signed SHA256SUMS.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from bench_common import figure, paired, run_command, run_python

RUNS = 5
SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = "bench passphrase, long enough"
APP_EXPORT = """
import sys, time
from pathlib import Path
from acsg_desktop.core.workspace import Workspace
folder, person, passphrase, out = sys.argv[1:5]
with Workspace.open(Path(folder)) as workspace:
    started = time.perf_counter()
    workspace.exports.export(1, person, passphrase.encode(), Path(out), "en")
    print(time.perf_counter() - started)
"""
FLOOR_EXPORT = """
import sys, time
started = time.perf_counter()
import io
from pathlib import Path
from acsg_desktop.core.package import no_network
no_network.install()  # offline signing needs no network client, here as in the app
from asn1crypto import keys, x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate
from acsg_desktop.core.package.identities import IdentityStore
import bench_export
folder, person, passphrase, rows, fonts = sys.argv[1:6]
for name, file in bench_export.FACES.items():
    pdfmetrics.registerFont(TTFont(name, str(Path(fonts) / file)))
identity = IdentityStore(Path(folder)).unlock(person, passphrase.encode())
pdf = io.BytesIO()
SimpleDocTemplate(pdf, pagesize=A4).build(bench_export.floor_story(int(rows)))
der = serialization.Encoding.DER
pkcs8, clear = serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
key = identity.key.private_bytes(der, pkcs8, clear)
signer = signers.SimpleSigner(
    signing_cert=x509.Certificate.load(identity.certificate.public_bytes(der)),
    signing_key=keys.PrivateKeyInfo.load(key),
    cert_registry=SimpleCertificateStore(),
)
metadata = signers.PdfSignatureMetadata(
    field_name="Signature", subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256"
)
signed = io.BytesIO()
signers.PdfSigner(metadata, signer=signer).sign_pdf(
    IncrementalPdfFileWriter(io.BytesIO(pdf.getvalue())), output=signed
)
print(time.perf_counter() - started)
"""
FACES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
}
WORDS = "capacity registration evidence interview decision appeal quality training backlog "


def floor_story(rows: int) -> list[Any]:
    """One table of ``rows`` answers (four columns of wrapped paragraphs), as the report's
    appendix lays out every answer."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=9.5, leading=12.5)
    bold = ParagraphStyle("bold", parent=style, fontName="DejaVuSans-Bold")
    cells = [
        [
            Paragraph(f"Indicator {n}: {WORDS * 2}", bold),
            Paragraph("Level 3 · Working", style),
            Paragraph(WORDS * 3, style),
            Paragraph(WORDS * 2, style),
        ]
        for n in range(rows)
    ]
    table = Table(cells, colWidths=[185, 85, 105, 105], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [table]


def _pages_of(rows: int) -> int:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    template = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    template.build(floor_story(rows))
    return int(template.page)


def rows_for(pages: int) -> int:
    """How many floor rows fill ``pages`` pages (the fonts registered here, in the bench)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from acsg_desktop.paths import resources_dir

    for name, file in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resources_dir() / "fonts" / file)))
    low, high = 1, 40 * pages
    while low < high:
        middle = (low + high) // 2
        low, high = (middle + 1, high) if _pages_of(middle) < pages else (low, middle)
    return low


def _prepare(folder: Path) -> None:
    from acsg_desktop.core.demo.build import create_demo
    from acsg_desktop.core.package.identities import IdentityStore
    from acsg_desktop.core.workspace import Workspace

    with Workspace.open(folder) as workspace:
        create_demo(workspace, "en")
        IdentityStore(folder).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE.encode())  # type: ignore[arg-type]


def _report_pages(package: Path) -> int:
    import pikepdf

    with (
        zipfile.ZipFile(package) as archive,
        pikepdf.open(io.BytesIO(archive.read("report.pdf"))) as pdf,
    ):
        return len(pdf.pages)


def export_figures() -> list[dict[str, Any]]:
    from acsg_desktop.paths import resources_dir

    tools = str(Path(__file__).resolve().parent)
    env = {"PYTHONPATH": tools}
    with tempfile.TemporaryDirectory() as home:
        prepared, runs = Path(home) / "prepared", iter(range(1000))
        _prepare(prepared)
        first = Path(home) / "first.acsgpkg"

        def app() -> float:
            copy = Path(home) / f"copy{next(runs)}"
            shutil.copytree(prepared, copy)
            out = copy / "out.acsgpkg"
            seconds = float(run_python(APP_EXPORT, str(copy), SIGNATORY, PASSPHRASE, str(out))[1])
            if not first.exists():
                shutil.copy(out, first)
            shutil.rmtree(copy)
            return seconds

        app()  # warms the disk cache and gives the page count
        rows = str(rows_for(_report_pages(first)))
        fonts = str(resources_dir() / "fonts")
        arguments = (str(prepared), SIGNATORY, PASSPHRASE, rows, fonts)

        def floor() -> float:
            return float(run_python(FLOOR_EXPORT, *arguments, env={**_env(), **env})[1])

        values, floors = paired(app, floor, RUNS)
        verify = verify_figure(first, Path(home))
    return [figure("build and sign a package", "s", values, floors, 1.5), verify]


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def verify_figure(package: Path, home: Path) -> dict[str, Any]:
    entries = home / "entries"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(entries)
    names = sorted(str(p) for p in entries.iterdir())
    sums, signature = entries / "SHA256SUMS", entries / "SHA256SUMS.p7s"
    openssl = [
        "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(signature),
        "-content", str(sums), "-CAfile", str(entries / "signer.pem"), "-purpose", "any",
        "-out", "/dev/null",
    ]  # fmt: skip
    acsg = [sys.executable, "-m", "acsg_desktop.cli", "--data-dir", str(home / "v"), "verify"]

    def floor() -> float:
        return run_command(["sha256sum", *names]) + run_command(openssl)

    values, floors = paired(lambda: run_command([*acsg, str(package)]), floor, RUNS)
    return figure("acsg verify", "s", values, floors, 3.0)
