"""The dashboard's tables as headers and rows of text in the current language, from the
desk's overview: what the screen shows is what the CSV export writes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from acsg_desktop.core.assessment.labels import AIM_LABELS, aim_label, percent_label
from acsg_desktop.core.desk.overview import Overview, Submission
from acsg_desktop.core.display import escape_line
from acsg_desktop.core.i18n import _, fold, format_number
from acsg_desktop.core.offers.regions import region_ids
from acsg_desktop.gui.desk.heat_map import HeatRow
from acsg_desktop.gui.desk.labels import (
    area_label,
    country_label,
    region_label,
    stage_label,
    support_type_label,
)


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]


def sorted_submissions(overview: Overview) -> list[Submission]:
    return sorted(overview.submissions, key=lambda s: (fold(country_label(s.country)), s.authority))


def _change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "–"
    delta = round(now - before)
    return ("+" if delta > 0 else "") + format_number(delta)


def submissions_table(overview: Overview) -> Table:
    headers = [
        _("Country"),
        _("Authority"),
        _("Year"),
        _("Packages"),
        _("Held packages"),
        _("Completion"),
        _("Overall score"),
        _("Change since the previous package (points)"),
    ]
    rows = [
        [
            country_label(s.country),
            escape_line(s.authority),
            str(s.year),
            format_number(s.packages),
            format_number(s.held),
            percent_label(s.completion),
            percent_label(s.overall),
            _change(s.overall, s.previous_overall),
        ]
        for s in sorted_submissions(overview)
    ]
    return Table(headers, rows)


def heat_rows(overview: Overview) -> list[HeatRow]:
    return [HeatRow(country_label(s.country), s.areas) for s in sorted_submissions(overview)]


def areas_table(overview: Overview, titles: dict[str, str]) -> Table:
    """The heat map as a table: a row per country, a column per area (full titles)."""
    headers = [_("Country"), *titles.values()]
    rows = [
        [country_label(s.country), *(percent_label(s.areas.get(key)) for key in titles)]
        for s in sorted_submissions(overview)
    ]
    return Table(headers, rows)


def aims_table(overview: Overview) -> Table:
    headers = [_("Country"), *(aim_label(aim) for aim in AIM_LABELS), _("Overall score")]
    rows = [
        [
            country_label(s.country),
            *(percent_label(s.aims.get(aim)) for aim in AIM_LABELS),
            percent_label(s.overall),
        ]
        for s in sorted_submissions(overview)
    ]
    return Table(headers, rows)


def _counts(counter: Counter[str], name: str, names: dict[str, str]) -> Table:
    keys = [key for key in names if counter[key]] + sorted(k for k in counter if k not in names)
    rows = [[names.get(key) or escape_line(key), format_number(counter[key])] for key in keys]
    return Table([name, _("Requests")], rows)


def requests_by_type(overview: Overview) -> Table:
    names = {key: support_type_label(key) for key in overview.requests_by_type}
    return _counts(overview.requests_by_type, _("Support type"), names)


def requests_by_area(overview: Overview, titles: dict[str, str]) -> Table:
    return _counts(overview.requests_by_area, _("Area"), titles)


def requests_by_stage(overview: Overview) -> Table:
    names = {key: stage_label(key) for key in sorted(overview.requests_by_stage)}
    return _counts(overview.requests_by_stage, _("Match stage"), names)


def _against(
    unmet: Counter[str], offers: Counter[str], order: list[str], name: str, names: dict[str, str]
) -> Table:
    keys = [key for key in order if unmet[key] or offers[key]]
    keys += sorted(key for key in {*unmet, *offers} if key not in order)
    rows = [
        [names.get(key) or escape_line(key), format_number(unmet[key]), format_number(offers[key])]
        for key in keys
    ]
    return Table([name, _("Unmet needs"), _("Open offers")], rows)


def unmet_by_area(overview: Overview, titles: dict[str, str]) -> Table:
    names = {key: area_label(key, titles) for key in titles}
    return _against(
        overview.unmet_by_area, overview.open_offers_by_area, list(titles), _("Area"), names
    )


def need_bars(overview: Overview, titles: dict[str, str]) -> list[tuple[str, int, int]]:
    """(area, unmet needs, open offers) for the areas with either, in the framework's order."""
    unmet, offers = overview.unmet_by_area, overview.open_offers_by_area
    return [
        (title, unmet[key], offers[key])
        for key, title in titles.items()
        if unmet[key] or offers[key]
    ]


def unmet_by_region(overview: Overview) -> Table:
    order = [*region_ids(), ""]
    names = {key: region_label(key) for key in order}
    return _against(
        overview.unmet_by_region, overview.open_offers_by_region, order, _("Region"), names
    )
