"""package.schema.json and the offers fields: optional (packages made before offers existed
still validate and verify), strict in shape when present."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen import canvas

from acsg_desktop.core.package.pdf_finish import make_pdfa3, sign_pdf
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.schemas import schema_problem
from tests.core.package.conftest import Exported, resigned, write_zip

OFFERS_KEYS = ("offers_catalogue", "unmet_needs")


def old_shape(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` as a package made before offers existed wrote it."""
    old = {key: value for key, value in copy.deepcopy(document).items() if key not in OFFERS_KEYS}
    for request in old["requests"]:
        del request["offers_of_interest"]
    return old


def with_offers(exported: Exported) -> dict[str, Any]:
    document = json.loads(exported.entries()["package.json"])
    document["requests"][0]["offers_of_interest"] = [{"id": "EX-OFR-004", "catalogue_version": 3}]
    document["offers_catalogue"] = {"version": 3, "illustrative": False}
    document["unmet_needs"] = [{"indicator": "contingency.plan", "area": "contingency"}]
    return document


def problem(document: dict[str, Any]) -> str | None:
    return schema_problem(document, "package.schema.json", "package.json")


def test_an_old_shape_package_json_and_one_with_offers_both_validate(exported: Exported) -> None:
    document = with_offers(exported)
    assert problem(document) is None
    old = old_shape(document)
    assert "offers_catalogue" not in old and "offers_of_interest" not in old["requests"][0]
    assert problem(old) is None


def test_an_old_shape_package_verifies(exported: Exported, tmp_path: Path) -> None:
    entries = exported.entries()
    old = json.dumps(old_shape(json.loads(entries["package.json"]))).encode()
    page = io.BytesIO()
    drawing = canvas.Canvas(page)
    drawing.drawString(72, 720, "A report made before offers existed")
    drawing.save()
    entries["package.json"] = old
    entries["report.pdf"] = sign_pdf(make_pdfa3(page.getvalue(), old, "ACSG"), exported.identity())
    check = verify_package(
        write_zip(tmp_path / "old.acsgpkg", resigned(entries, exported.identity())),
        [exported.identity().certificate],
    )
    assert check.ok, check.failures


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"id": "ex-ofr-004", "catalogue_version": 1}, "requests[0].offers_of_interest[0].id"),
        ({"id": "EX", "catalogue_version": 1}, "requests[0].offers_of_interest[0].id"),
        (
            {"id": "EX-OFR-004", "catalogue_version": -1},
            "requests[0].offers_of_interest[0].catalogue_version",
        ),
        (
            {"id": "EX-OFR-004", "catalogue_version": "1"},
            "requests[0].offers_of_interest[0].catalogue_version",
        ),
        (
            {"id": "EX-OFR-004", "catalogue_version": 10**12},
            "requests[0].offers_of_interest[0].catalogue_version",
        ),
        ({"id": "EX-OFR-004"}, "requests[0].offers_of_interest[0]"),
        (
            {"id": "EX-OFR-004", "catalogue_version": 1, "title": "x"},
            "requests[0].offers_of_interest[0]",
        ),
    ],
)
def test_a_malformed_offer_of_interest_is_refused_naming_the_field(
    exported: Exported, item: dict[str, Any], field: str
) -> None:
    document = with_offers(exported)
    document["requests"][0]["offers_of_interest"] = [item]
    found = problem(document)
    assert found is not None and f"the field {field} is invalid" in found


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("offers_catalogue", {"version": 1}),
        ("offers_catalogue", {"version": 1, "illustrative": "yes"}),
        ("offers_catalogue", {"version": 1, "illustrative": True, "offers": 30}),
        ("unmet_needs", [{"indicator": "contingency.plan"}]),
        ("unmet_needs", [{"indicator": "<script>", "area": "contingency"}]),
        ("unmet_needs", {"indicator": "contingency.plan", "area": "contingency"}),
    ],
)
def test_malformed_catalogue_and_unmet_needs_are_refused(
    exported: Exported, key: str, value: Any
) -> None:
    document = with_offers(exported)
    document[key] = value
    found = problem(document)
    assert found is not None and key in found
