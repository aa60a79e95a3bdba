"""The report's cover: who sends it, about which assessment, when, whom to contact, and the
signature block (who signs, in which role, on which date, and where the signature is checked).

A draft preview has the same cover, its signature block saying that it is not signed.
"""

from __future__ import annotations

from typing import Any

from acsg_desktop.core.assessment.labels import assessment_name
from acsg_desktop.core.i18n import _, country_name
from acsg_desktop.core.package.model import PackageDocument
from acsg_desktop.core.package.report_style import BLUE, FONT, long_date, p
from acsg_desktop.core.people.service import role_label
from acsg_desktop.core.records.roles import SIGNATORY

LABEL_WIDTH = 130
VALUE_WIDTH = 365
FRAME_PADDING = 10


def _facts_table(rows: list[tuple[str, str]], s: dict[str, Any], inset: float = 0) -> Any:
    """Names in bold beside their values; ``inset`` narrows the values (inside a frame)."""
    from reportlab.platypus import Table, TableStyle

    cells = [[p(name, s["label"]), p(value, s["body"])] for name, value in rows]
    facts = Table(cells, colWidths=[LABEL_WIDTH, VALUE_WIDTH - inset])
    facts.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Helvetica, never embedded
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return facts


def _contact(document: PackageDocument) -> str:
    authority = document.authority
    return "\n".join(part for part in (authority.contact_person, authority.email) if part)


def _facts(document: PackageDocument) -> list[tuple[str, str]]:
    authority, assessment = document.authority, document.assessment
    country = country_name(authority.country) or authority.country
    return [
        (_("Country"), f"{country} ({authority.country})"),
        (_("Assessment"), assessment_name(assessment.title, assessment.year)),
        (_("Framework version"), assessment.framework.version),
        (_("Date"), long_date(document.created)),
        (_("Contact"), _contact(document)),
        (_("Prepared by"), document.prepared_by),
    ]


def _signature_rows(document: PackageDocument, draft: bool) -> list[tuple[str, str]]:
    if draft:
        return [
            (_("Signatory"), "–"),
            (_("Role"), role_label(SIGNATORY)),
            (_("Date"), "–"),
        ]
    return [
        (_("Signatory"), document.prepared_by),
        (_("Role"), role_label(SIGNATORY)),
        (_("Date"), long_date(document.created)),
    ]


def _signature_statement(draft: bool) -> str:
    if draft:
        return _(
            "Draft, not signed. This preview carries no signature and is not the package: the "
            "report in the package is signed when a signatory exports it."
        )
    return _(
        "Signed electronically: see the signature panel of your PDF reader, or VERIFY.txt in "
        "the package, to check the signature."
    )


def signature_block(document: PackageDocument, s: dict[str, Any], draft: bool) -> Any:
    """A framed block: the signatory, their role, the date and where the signature is checked."""
    from reportlab.platypus import Table, TableStyle

    inner = [
        [p(_("Signature"), s["h2"])],
        [_facts_table(_signature_rows(document, draft), s, inset=FRAME_PADDING * 2)],
        [p(_signature_statement(draft), s["notice"] if draft else s["small"])],
    ]
    block = Table(inner, colWidths=[LABEL_WIDTH + VALUE_WIDTH])
    block.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, BLUE),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), FRAME_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), FRAME_PADDING),
            ]
        )
    )
    return block


def cover(document: PackageDocument, s: dict[str, Any], draft: bool = False) -> list[Any]:
    """The first page."""
    from reportlab.platypus import PageBreak, Spacer

    return [
        Spacer(1, 70),
        p(_("Asylum capacity self-assessment and support requests"), s["title"]),
        p(document.authority.name, s["h1"]),
        Spacer(1, 14),
        _facts_table(_facts(document), s),
        Spacer(1, 40),
        signature_block(document, s, draft),
        Spacer(1, 24),
        p(_("Package {id}").format(id=document.package_id), s["small"]),
        PageBreak(),
    ]
