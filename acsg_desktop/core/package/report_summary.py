"""The report's executive summary (overall score, the four aims, the five largest gaps, what is
requested), the scores by area, and the comparison with the previous assessment."""

from __future__ import annotations

from typing import Any

from acsg_desktop.core.assessment.labels import aim_label, percent_label
from acsg_desktop.core.i18n import _, format_number
from acsg_desktop.core.package.model import PackageDocument
from acsg_desktop.core.package.report_answers import level_cell, level_names
from acsg_desktop.core.package.report_charts import (
    aims_chart,
    areas_chart,
    change_chart,
    chart_note,
    series_names,
)
from acsg_desktop.core.package.report_style import area_titles, headed_table, p
from acsg_desktop.core.records.request_codec import content_from_dict
from acsg_desktop.core.requests.labels import label

LARGEST_GAPS = 5


def signed_points(value: float | None) -> str:
    """A change in points, with its sign: "+12", "−3", "0"; a dash when not comparable."""
    if value is None:
        return "–"
    delta = round(value)
    if delta < 0:
        return "−" + format_number(-delta)
    return ("+" if delta > 0 else "") + format_number(delta)


def _headline(document: PackageDocument) -> str:
    scores = document.scores
    return _(
        "Overall score: {overall}. Answered: {completion} of the applicable indicators."
    ).format(overall=percent_label(scores.overall), completion=percent_label(scores.completion))


def _largest_gaps(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    gaps = document.gaps[:LARGEST_GAPS]
    if not gaps:
        return [p(_("No gap: every indicator is at or above its target level."), s["body"])]
    titles = area_titles(document.scores.areas)
    rows = [
        [
            p(rank, s["small"]),
            p(titles.get(gap.area, gap.area), s["small"]),
            p(gap.question, s["small"]),
            p(level_cell(gap.level), s["small"]),
            p(level_cell(gap.target_level), s["small"]),
        ]
        for rank, gap in enumerate(gaps, start=1)
    ]
    headers = ["#", _("Area"), _("Indicator"), _("Level"), _("Target level")]
    names = level_names()
    return [headed_table(headers, rows, [20, 105, 200, 85, 85], s, whole={3: names, 4: names})]


def _requested(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    if not document.requests:
        return [p(_("No support request is included in this package."), s["body"])]
    titles = area_titles(document.scores.areas)
    rows = []
    for request in document.requests:
        content = content_from_dict(request.content)
        areas = ", ".join(titles.get(area, area) for area in content.areas) or "–"
        kinds = ", ".join(label(kind) for kind in content.support_types) or "–"
        rows.append([p(content.title, s["small"]), p(kinds, s["small"]), p(areas, s["small"])])
    headers = [_("Request"), _("Type of support"), _("Areas")]
    return [headed_table(headers, rows, [205, 130, 160], s)]


def executive_summary(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """One page: where the authority stands, what falls short most, and what it asks for."""
    from reportlab.platypus import KeepTogether

    return [
        p(_("Executive summary"), s["h1"]),
        p(_headline(document), s["body"]),
        KeepTogether([p(_("The four ACSG aims"), s["h2"]), aims_chart(document)]),
        KeepTogether([p(_("The five largest gaps"), s["h2"]), *_largest_gaps(document, s)]),
        p(_("What is requested"), s["h2"]),
        *_requested(document, s),
    ]


def area_scores(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """The areas' scores as a chart."""
    return [p(_("Scores by area"), s["h1"]), areas_chart(document), p(chart_note(), s["small"])]


def _comparison_rows(document: PackageDocument, s: dict[str, Any]) -> list[list[Any]]:
    previous = document.previous
    assert previous is not None
    pairs = [(_("Overall score"), previous.overall, document.scores.overall)]
    pairs += [
        (aim_label(aim), previous.aims.get(aim), now) for aim, now in document.scores.aims.items()
    ]
    rows = []
    for name, before, now in pairs:
        change = None if before is None or now is None else now - before
        cells = (name, percent_label(before), percent_label(now), signed_points(change))
        rows.append([p(cell, s["small"]) for cell in cells])
    return rows


def comparison(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """The change since the previous assessment: overall and aims in a table, areas in a chart."""
    from reportlab.platypus import KeepTogether

    flow = [p(_("Compared with the previous assessment"), s["h1"])]
    if document.previous is None:
        text = _("No completed assessment comes before this one: there is nothing to compare with.")
        return [*flow, p(text, s["body"])]
    before, now = series_names(document)
    flow.append(
        p(
            _("Scores of {before} and of {now}, and the change in percentage points.").format(
                before=before, now=now
            ),
            s["body"],
        )
    )
    headers = ["", before, now, _("Change")]
    flow.append(headed_table(headers, _comparison_rows(document, s), [165, 125, 125, 80], s))
    flow += [
        p(_("Change by area, in percentage points"), s["h2"]),
        change_chart(document, signed_points),
    ]
    return [KeepTogether(flow)]
