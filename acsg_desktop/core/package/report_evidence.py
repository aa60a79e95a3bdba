"""The report's section on evidence files: one sentence on whether the files are in the
package or only their hashes, then the files of each area (indicator, name, size, SHA-256)."""

from __future__ import annotations

from typing import Any

from acsg_desktop.core.evidence.names import size_text
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.package.model import EvidenceEntry, PackageDocument
from acsg_desktop.core.package.report_style import area_titles, p


def evidence_sentence(files: tuple[EvidenceEntry, ...]) -> str:
    """Whether the package holds the evidence files or only their hashes."""
    if not files:
        return _("No file is attached to the answers as evidence.")
    if all(item.included for item in files):
        return ngettext(
            "The {count} evidence file is included in this package (folder evidence), "
            "listed with its SHA-256 in SHA256SUMS.",
            "The {count} evidence files are included in this package (folder evidence), "
            "each listed with its SHA-256 in SHA256SUMS.",
            len(files),
        ).format(count=len(files))
    return ngettext(
        "Only the SHA-256 of the {count} evidence file is given: the file stays with the "
        "authority, which can show it on request.",
        "Only the SHA-256 of the {count} evidence files is given: the files stay with the "
        "authority, which can show them on request.",
        len(files),
    ).format(count=len(files))


def _line(item: EvidenceEntry) -> str:
    return _("{indicator} · {name} ({size}) · SHA-256 {sha256}").format(
        indicator=item.indicator, name=item.name, size=size_text(item.size), sha256=item.sha256
    )


def evidence_flowables(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """The section: its title, the sentence, and a list per area that has files."""
    files = document.evidence_files
    flow: list[Any] = [p(_("Evidence files"), s["h1"]), p(evidence_sentence(files), s["body"])]
    titles = area_titles(document.scores.areas)
    for area in dict.fromkeys(item.area for item in files):
        flow.append(p(titles.get(area, area), s["h2"]))
        flow += [p(_line(item), s["small"]) for item in files if item.area == area]
    return flow
