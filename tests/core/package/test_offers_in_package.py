"""Offers in the package: the offers of interest of each request and the unmet needs, in
package.json (as OfferService gives them) and in the report, in English and French."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.workspace import Workspace
from tests.core.package.conftest import PASSPHRASE, SIGNATORY, Exported

DRAFTER = "Idriss Abakar"
MARKED = ("EX-OFR-004", "EX-OFR-005")


@dataclass
class OffersExport:
    english: Path
    french: Path
    request_id: int
    interests: dict[int, list[dict[str, Any]]]
    unmet: list[dict[str, str]]
    gaps: int
    data: Path
    pristine: Path

    def package_json(self, path: Path) -> dict[str, Any]:
        return json.loads(Exported(path.parent).entries(path)["package.json"])


def _prepare(workspace: Workspace) -> tuple[int, int]:
    """Demo data, the example catalogue, two offers marked on the request in review, which is
    then approved; the baseline's id and the request's."""
    demo = create_demo(workspace, "fr")
    IdentityStore(workspace.data_dir).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
    workspace.offers.load_example()
    request = next(r for r in demo.requests if r.status.value == "in_review")
    for offer_id in MARKED:
        workspace.offers.set_interest(request.id, offer_id, True, actor=DRAFTER)
    comment = workspace.requests.get(request.id).comments[0]
    workspace.requests.respond(request.id, comment.id, "Yes, included.", actor=DRAFTER)
    workspace.requests.approve(request.id, actor=SIGNATORY)
    return demo.baseline.id, request.id


@pytest.fixture(scope="module")
def offers_export(tmp_path_factory: pytest.TempPathFactory) -> OffersExport:
    folder = tmp_path_factory.mktemp("offers")
    data, copy, pristine = folder / "data", folder / "copy", folder / "pristine"
    with Workspace.open(data) as workspace:
        baseline, request_id = _prepare(workspace)
    shutil.copytree(data, copy)  # the same content, exported once in each language
    shutil.copytree(data, pristine)  # and not exported at all
    with Workspace.open(data) as workspace:
        workspace.exports.export(baseline, SIGNATORY, PASSPHRASE, folder / "en.acsgpkg", "en")
        interests: dict[int, list[dict[str, Any]]] = {}
        for interest in workspace.offers.interests():
            interests.setdefault(interest.request_id, []).append(
                {"id": interest.offer_id, "catalogue_version": interest.catalogue_version}
            )
        unmet = [
            {"indicator": item.gap.indicator_id, "area": item.gap.area_id}
            for item in workspace.offers.unmet_needs(baseline)
        ]
        gaps = len(workspace.assessments.scores(baseline).gaps)
    with Workspace.open(copy) as workspace:
        workspace.exports.export(baseline, SIGNATORY, PASSPHRASE, folder / "fr.acsgpkg", "fr")
    return OffersExport(
        folder / "en.acsgpkg",
        folder / "fr.acsgpkg",
        request_id,
        interests,
        unmet,
        gaps,
        data,
        pristine,
    )


def pdf_text(package: Path, folder: Path) -> str:
    path = folder / f"{package.stem}.pdf"
    path.write_bytes(Exported(package.parent).entries(package)["report.pdf"])
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())


def test_package_json_holds_the_offers_of_interest_and_unmet_needs_of_offer_service(
    offers_export: OffersExport,
) -> None:
    document = offers_export.package_json(offers_export.english)
    by_id = {request["id"]: request for request in document["requests"]}
    marked = by_id[offers_export.request_id]["offers_of_interest"]
    assert [item["id"] for item in marked] == list(MARKED)
    assert all(item["catalogue_version"] == 0 for item in marked)
    assert len(by_id) == 2  # and the demo's approved request, with the two it marked
    for request_id, request in by_id.items():
        assert request["offers_of_interest"] == offers_export.interests.get(request_id, [])
    assert offers_export.interests.keys() - by_id.keys()  # the draft's: not in the package
    assert document["offers_catalogue"] == {"version": 0, "illustrative": True}
    assert document["unmet_needs"] == offers_export.unmet
    assert 0 < len(offers_export.unmet) < offers_export.gaps  # some gaps met, some not
    french = offers_export.package_json(offers_export.french)
    assert french["unmet_needs"] == offers_export.unmet


def test_both_packages_verify(offers_export: OffersExport) -> None:
    certificate = IdentityStore(offers_export.data).info(SIGNATORY).certificate
    for package in (offers_export.english, offers_export.french):
        check = verify_package(package, [certificate])
        assert check.ok, check.failures


def test_the_english_report_lists_the_offers_and_the_unmet_needs(
    offers_export: OffersExport, tmp_path: Path
) -> None:
    text = pdf_text(offers_export.english, tmp_path)
    assert "Offers we would like to discuss" in text and "Unmet needs" in text
    assert "Illustrative example offers, not real ones." in text
    assert all(offer_id in text for offer_id in MARKED)
    assert "Backlog triage: deployment of case-processing experts" in text  # EX-OFR-004's title
    assert "version 0" in text


def test_the_french_report_lists_them_in_french(
    offers_export: OffersExport, tmp_path: Path
) -> None:
    text = pdf_text(offers_export.french, tmp_path)
    assert "Offres que nous souhaitons examiner" in text and "Besoins non satisfaits" in text
    assert "Offres d'exemple fictives, et non de vraies offres." in text
    assert all(offer_id in text for offer_id in MARKED)
    assert "Offers we would like to discuss" not in text and "Unmet needs" not in text


def _without_catalogue(offers_export: OffersExport, folder: Path) -> Path:
    """The prepared data with its catalogue emptied (the offers marked stay marked), exported."""
    from acsg_desktop.core.store.offer_repository import OfferRepository

    data = Path(shutil.copytree(offers_export.pristine, folder / "data"))
    out = folder / "none.acsgpkg"
    with Workspace.open(data) as workspace:
        with workspace.database.unit_of_work() as session:
            OfferRepository(session).replace_all([], 0, False, datetime.now(UTC))
        workspace.exports.export(1, SIGNATORY, PASSPHRASE, out, "en")
    return out


def test_with_no_catalogue_the_package_says_so_instead_of_calling_every_gap_unmet(
    offers_export: OffersExport, tmp_path: Path
) -> None:
    package = _without_catalogue(offers_export, tmp_path)
    document = offers_export.package_json(package)
    assert document["offers_catalogue"] is None and document["unmet_needs"] is None
    by_id = {request["id"]: request for request in document["requests"]}
    assert (
        by_id[offers_export.request_id]["offers_of_interest"]
        == (offers_export.interests[offers_export.request_id])
    )
    certificate = IdentityStore(offers_export.data).info(SIGNATORY).certificate
    assert verify_package(package, [certificate]).ok
    text = pdf_text(package, tmp_path)
    assert "No offers catalogue was installed when this package was made" in text
    assert "EX-OFR-004 No longer in the catalogue" in text
    assert "Backlog triage" not in text and "Illustrative example offers" not in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_header_word_is_wider_than_its_column(language: str) -> None:
    """A header that does not fit would be broken inside a word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from acsg_desktop.core.i18n import language_as
    from acsg_desktop.core.package import report_offers
    from acsg_desktop.core.package.report_style import FONT, register_fonts

    register_fonts()
    tables = [
        (report_offers.offer_headers, report_offers.OFFER_WIDTHS),
        (report_offers.unmet_headers, report_offers.UNMET_WIDTHS),
    ]
    padding = 12  # ReportLab's default, 6 on each side
    with language_as(language):
        for headers, widths in tables:
            for header, width in zip(headers(), widths, strict=True):
                widest = max(stringWidth(word, FONT, 8) for word in header.split())
                assert widest <= width - padding, header
