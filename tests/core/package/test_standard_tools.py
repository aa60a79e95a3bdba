"""The package checked by tools we did not write, then broken one byte at a time."""

import json
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest

from acsg_desktop.paths import resources_dir
from tests.core.package.conftest import Exported


def unpack(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)  # test only: our own, just-verified package
    return folder


def tool(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def openssl_verify(folder: Path) -> subprocess.CompletedProcess:
    return tool(
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        "SHA256SUMS.p7s",
        "-content",
        "SHA256SUMS",
        "-certfile",
        "signer.pem",
        "-CAfile",
        "signer.pem",
        "-purpose",
        "any",
        "-out",
        "/dev/null",
        cwd=folder,
    )


def test_the_four_standard_tools_and_a_schema_validator_accept_it(
    exported: Exported, tmp_path: Path
) -> None:
    folder = unpack(exported.first, tmp_path)
    assert openssl_verify(folder).returncode == 0
    assert tool("sha256sum", "-c", "SHA256SUMS", cwd=folder).returncode == 0
    pdfsig = tool("pdfsig", "report.pdf", cwd=folder).stdout
    assert "Signature is Valid" in pdfsig and "Total document signed" in pdfsig
    assert "1: package.json" in tool("pdfdetach", "-list", "report.pdf", cwd=folder).stdout
    tool("pdfdetach", "-save", "1", "-o", "attached.json", "report.pdf", cwd=folder)
    assert (folder / "attached.json").read_bytes() == (folder / "package.json").read_bytes()
    schema = json.loads((resources_dir() / "schemas" / "package.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(
        json.loads((folder / "package.json").read_text())
    )
    fonts = tool("pdffonts", "report.pdf", cwd=folder).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)


@pytest.mark.parametrize(
    "entry", ["package.json", "report.pdf", "manifest.json", "VERIFY.txt", "signer.pem"]
)
def test_one_flipped_byte_in_any_entry_fails_the_standard_tools(
    exported: Exported, tmp_path: Path, entry: str
) -> None:
    folder = unpack(exported.first, tmp_path)
    data = bytearray((folder / entry).read_bytes())
    data[len(data) // 2] ^= 0x01
    (folder / entry).write_bytes(bytes(data))
    assert tool("sha256sum", "-c", "SHA256SUMS", cwd=folder).returncode != 0


def test_an_edited_sums_file_breaks_the_cms_signature(exported: Exported, tmp_path: Path) -> None:
    folder = unpack(exported.first, tmp_path)
    sums = folder / "SHA256SUMS"
    sums.write_bytes(sums.read_bytes().replace(b"report.pdf", b"report.pdX"))
    assert openssl_verify(folder).returncode != 0


def test_the_report_reads_in_the_language_chosen_at_export(
    exported: Exported, tmp_path: Path
) -> None:
    french = unpack(exported.first, tmp_path / "fr")
    english = unpack(exported.second, tmp_path / "en")
    text_fr = " ".join(tool("pdftotext", "report.pdf", "-", cwd=french).stdout.split())
    text_en = " ".join(tool("pdftotext", "report.pdf", "-", cwd=english).stdout.split())
    assert "Page 1 sur" in text_fr and "Informations insuffisantes" in text_fr
    assert "Pays République de Valdorie (fictive) (XA)" in text_fr  # the demo's country
    assert "Annexe : toutes les réponses" in text_fr
    assert "Page 1 of" in text_en and "Appendix: every answer" in text_en
