"""The report's charts, drawn as vectors in the PDF (ReportLab graphics): the four aims and the
areas (with the previous assessment beside the current one when there is one), and the change
by area since the previous assessment.

Scores are in % (level 1 = 0, level 5 = 100); a score that cannot be worked out (nothing
answered in the area) has no bar, and its label says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from acsg_desktop.core.assessment.labels import aim_label, assessment_name, percent_label
from acsg_desktop.core.i18n import _, format_percent
from acsg_desktop.core.package.model import PackageDocument
from acsg_desktop.core.package.report_style import BLUE, FONT, GREY

WIDTH = 495  # the page's width inside its margins
LABEL_WIDTH = 190  # room for an area's name, on up to two lines
LABEL_SIZE = 7
FALL = "#c0562b"  # a score that went down


def colour(hex_code: str) -> Any:
    from reportlab.lib.colors import HexColor

    return HexColor(hex_code)


def series_names(document: PackageDocument) -> list[str]:
    """The series as their legend names them: the previous assessment first, if any."""
    now = assessment_name(document.assessment.title, document.assessment.year)
    previous = document.previous
    if previous is None:
        return [now]
    return [assessment_name(previous.title, previous.year), now]


def _style_axis_labels(chart: Any) -> None:
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = FONT
        labels.fontSize = LABEL_SIZE
    chart.categoryAxis.strokeColor = colour(GREY)
    chart.valueAxis.strokeColor = colour(GREY)
    chart.valueAxis.gridStrokeColor = colour("#e3e7eb")
    chart.valueAxis.visibleGrid = True


def _percent_axis(chart: Any) -> None:
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labelTextFormat = lambda value: percent_label(value)
    chart.barLabelFormat = lambda value: percent_label(value)


def _colour_series(chart: Any, count: int, upwards: bool = False) -> None:
    """The previous assessment in grey, the current one in blue; ``upwards``: the series are
    stacked from the bottom (horizontal bars), so the current one comes first."""
    colours = [GREY, BLUE] if count == 2 else [BLUE]
    for row, hex_code in enumerate(reversed(colours) if upwards else colours):
        chart.bars[row].fillColor = colour(hex_code)
        chart.bars[row].strokeColor = None


def _legend(drawing: Any, names: list[str], y: float) -> None:
    """A legend above the chart, only when two assessments are drawn."""
    if len(names) < 2:
        return
    from reportlab.graphics.charts.legends import Legend

    legend = Legend()
    legend.x, legend.y = 0, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 210
    legend.fontName, legend.fontSize = FONT, LABEL_SIZE + 1
    legend.dx = legend.dy = 7
    legend.strokeColor = None
    legend.colorNamePairs = list(zip([colour(GREY), colour(BLUE)], names, strict=True))
    drawing.add(legend)


def _rows(document: PackageDocument, now: dict[str, float | None], before: Any) -> list[Any]:
    """The chart's data: the previous assessment's row first when there is one."""
    keys = list(now)
    rows = [[now[key] for key in keys]]
    if document.previous is not None:
        rows.insert(0, [before.get(key) for key in keys])
    return rows


def aims_chart(document: PackageDocument) -> Any:
    """The four aims as columns, with the previous assessment's beside them."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing

    aims = document.scores.aims
    before = document.previous.aims if document.previous else {}
    drawing = Drawing(WIDTH, 175, initialFontName=FONT)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 20, WIDTH - 50, 125
    chart.data = _rows(document, aims, before)
    chart.categoryAxis.categoryNames = [aim_label(aim) for aim in aims]
    chart.barLabels.nudge = 6
    _style_axis_labels(chart)
    _percent_axis(chart)
    _colour_series(chart, len(chart.data))
    drawing.add(chart)
    _legend(drawing, series_names(document), 165)
    return drawing


def wrapped(text: str, width: float = LABEL_WIDTH) -> str:
    """``text`` on as many lines as ``width`` needs (a category label keeps line breaks)."""
    from reportlab.lib.utils import simpleSplit

    return "\n".join(simpleSplit(text, FONT, LABEL_SIZE, width))


def _horizontal(labels: Sequence[str], rows: list[list[float | None]], row_height: float) -> Any:
    """A horizontal bar chart, first label at the top, with room for the labels at the left."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH + 8, 18
    chart.width, chart.height = WIDTH - LABEL_WIDTH - 40, row_height * len(labels)
    chart.data = [list(reversed(row)) for row in reversed(rows)]  # drawn from the bottom up
    chart.categoryAxis.categoryNames = [wrapped(label) for label in reversed(labels)]
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    _style_axis_labels(chart)
    return chart


def areas_chart(document: PackageDocument) -> Any:
    """Every area's score as a bar, the previous assessment's beside it."""
    from reportlab.graphics.shapes import Drawing

    now = {area.id: area.score for area in document.scores.areas}
    before = {area.id: area.score for area in document.previous.areas} if document.previous else {}
    rows = _rows(document, now, before)
    chart = _horizontal([a.title for a in document.scores.areas], rows, 12.0 + 8 * len(rows))
    _percent_axis(chart)
    _colour_series(chart, len(rows), upwards=True)
    drawing = Drawing(WIDTH, chart.height + 45, initialFontName=FONT)
    drawing.add(chart)
    _legend(drawing, series_names(document), chart.height + 35)
    return drawing


def changes(document: PackageDocument) -> dict[str, float | None]:
    """Each area's change since the previous assessment, in points (None: not comparable)."""
    assert document.previous is not None
    before = {area.id: area.score for area in document.previous.areas}
    result: dict[str, float | None] = {}
    for area in document.scores.areas:
        earlier = before.get(area.id)
        comparable = area.score is not None and earlier is not None
        result[area.id] = round(area.score - earlier, 1) if comparable else None  # type: ignore[operator]
    return result


def _change_axis(chart: Any, values: list[float], signed: Callable[[float | None], str]) -> None:
    reach = max([10.0, *(abs(value) for value in values)])
    step = 10 if reach <= 50 else 25
    limit = step * -(-reach // step)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = -limit, limit
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = signed
    chart.barLabelFormat = signed


def change_chart(document: PackageDocument, signed: Callable[[float | None], str]) -> Any:
    """The change of each area's score since the previous assessment, as bars left or right
    of zero (a fall in another colour)."""
    from reportlab.graphics.shapes import Drawing

    delta = changes(document)
    values = [delta[area.id] for area in document.scores.areas]
    chart = _horizontal([area.title for area in document.scores.areas], [values], 17.0)
    _change_axis(chart, [v for v in values if v is not None], signed)
    chart.bars[0].strokeColor = None
    for column, value in enumerate(reversed(values)):
        chart.bars[(0, column)].fillColor = colour(FALL if (value or 0) < 0 else BLUE)
    chart.barLabels.boxAnchor = "w"
    drawing = Drawing(WIDTH, chart.height + 30, initialFontName=FONT)
    drawing.add(chart)
    return drawing


def chart_note() -> str:
    """What the bars are, said in words under the chart."""
    return _(
        "Scores in %: level 1 counts {zero}, level 5 counts {full}. An area with nothing "
        "scored has no bar."
    ).format(zero=format_percent(0), full=format_percent(1))
