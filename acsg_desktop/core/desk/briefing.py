"""The desk's PDF briefing: the dashboard's numbers on paper, in the current language, with the
report's embedded fonts. Every table is the same data as a dashboard view and its CSV export."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from acsg_desktop.core.assessment.labels import AIM_LABELS, aim_label, percent_label
from acsg_desktop.core.desk.overview import Overview
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, country_name, format_date, format_number
from acsg_desktop.core.offers.regions import region_name
from acsg_desktop.core.package.report_style import FONT, p, register_fonts, styles, table
from acsg_desktop.core.records.requests import MatchStage, SupportType
from acsg_desktop.core.requests.labels import label

HEAT = ((25, "#f4c7c3"), (50, "#fce8b2"), (75, "#d9ead3"), (101, "#b7e1cd"))
NO_SCORE = "#e6e6e6"


def heat_colour(value: float | None) -> str:
    """The cell colour for a score: red to green by quarter, grey when nothing is scored."""
    if value is None:
        return NO_SCORE
    return next(colour for limit, colour in HEAT if value < limit)


def _change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "–"
    return f"{now - before:+.0f}"


def _submissions(overview: Overview, s: dict[str, Any]) -> list[Any]:
    header = [
        _("Country"),
        _("Authority"),
        _("Year"),
        _("Packages"),
        _("Packages held"),
        _("Completion"),
        _("Overall"),
        _("Change"),
    ]
    rows = [[p(text, s["small"]) for text in header]]
    for item in overview.submissions:
        cells = [
            country_name(item.country) or item.country,
            item.authority,
            str(item.year),
            str(item.packages),
            str(item.held),
            percent_label(item.completion),
            percent_label(item.overall),
            _change(item.overall, item.previous_overall),
        ]
        rows.append([p(cell, s["small"]) for cell in cells])
    return [p(_("Submissions"), s["h1"]), table(rows, [90, 230, 40, 55, 40, 65, 55, 50])]


def _heat_map(overview: Overview, framework: Framework, s: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Table, TableStyle

    areas = [area.id for area in framework.areas]
    rows: list[list[Any]] = [[_("Country")] + [str(n) for n in range(1, len(areas) + 1)]]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("GRID", (0, 0), (-1, -1), 0.25, "#ffffff"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
    ]
    for row, item in enumerate(overview.submissions, start=1):
        values = [item.areas.get(area) for area in areas]
        rows.append(
            [country_name(item.country) or item.country]
            + [f"{v:.0f}" if v is not None else "–" for v in values]
        )
        commands += [
            ("BACKGROUND", (col, row), (col, row), heat_colour(v))
            for col, v in enumerate(values, start=1)
        ]
    grid = Table(rows, colWidths=[110] + [28] * len(areas), repeatRows=1)
    grid.setStyle(TableStyle(commands))
    legend = "; ".join(f"{n} {area.title.get()}" for n, area in enumerate(framework.areas, 1))
    return [p(_("Area scores by country (%)"), s["h1"]), grid, p(legend, s["small_note"])]


def _aims(overview: Overview, s: dict[str, Any]) -> list[Any]:
    rows: list[list[Any]] = [[_("Country")] + [aim_label(aim) for aim in AIM_LABELS]]
    for item in overview.submissions:
        rows.append(
            [country_name(item.country) or item.country]
            + [percent_label(item.aims.get(aim)) for aim in AIM_LABELS]
        )
    return [p(_("The four aims by country"), s["h1"]), table(rows, [150, 110, 110, 110, 110])]


def _counts(title: str, counts: Counter[str], name: Any, s: dict[str, Any]) -> list[Any]:
    rows: list[list[Any]] = [[_("What"), _("Requests")]]
    rows += [[p(name(key), s["small"]), format_number(n)] for key, n in counts.most_common()]
    return [p(title, s["h2"]), table(rows, [360, 80])]


def _stage(value: str) -> str:
    return label(MatchStage(value)) if value else _("No reply sent yet")


def _needs(overview: Overview, framework: Framework, s: dict[str, Any]) -> list[Any]:
    titles = {area.id: area.title.get() for area in framework.areas}
    by_area = [[_("Area"), _("Unmet needs"), _("Open offers")]]
    by_area += [
        [p(titles.get(a, a), s["small"]), str(n), str(overview.open_offers_by_area[a])]
        for a, n in overview.unmet_by_area.most_common()
    ]
    by_region = [[_("Region"), _("Unmet needs"), _("Open offers")]]
    by_region += [
        [
            p(region_name(r).get() if r else _("Region unknown"), s["small"]),
            str(n),
            str(overview.open_offers_by_region[r]),
        ]
        for r, n in overview.unmet_by_region.most_common()
    ]
    return [
        p(_("Unmet needs against open offers"), s["h1"]),
        p(
            _(
                "Gaps that no open offer in the authority's catalogue could meet, next to the open "
                "offers of the desk's catalogue for the same area or region."
            ),
            s["body"],
        ),
        table(by_area, [320, 90, 90]),
        table(by_region, [320, 90, 90]),
    ]


def _story(overview: Overview, framework: Framework) -> list[Any]:
    from reportlab.platypus import PageBreak

    s = styles()
    titles = {area.id: area.title.get() for area in framework.areas}
    story = [
        p(_("ACSG Secretariat briefing"), s["title"]),
        p(
            _("Made on {date} from the latest accepted package of each authority.").format(
                date=format_date(datetime.now(UTC).date())
            ),
            s["body"],
        ),
    ]
    if not overview.submissions:
        return [*story, p(_("No package received yet."), s["body"])]
    story += _submissions(overview, s) + _heat_map(overview, framework, s) + [PageBreak()]
    story += [*_aims(overview, s), p(_("Requests"), s["h1"])]
    story += _counts(
        _("By type of support"), overview.requests_by_type, lambda key: label(SupportType(key)), s
    )
    story += _counts(_("By area"), overview.requests_by_area, lambda key: titles.get(key, key), s)
    story += _counts(_("By match stage"), overview.requests_by_stage, _stage, s)
    return [*story, PageBreak(), *_needs(overview, framework, s)]


def briefing_pdf(overview: Overview, framework: Framework) -> bytes:
    """The briefing as PDF bytes (A4 landscape), in the current language."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=_("ACSG Secretariat briefing"),
        leftMargin=36,
        rightMargin=36,
        topMargin=36,
        bottomMargin=36,
    ).build(_story(overview, framework))
    return buffer.getvalue()
