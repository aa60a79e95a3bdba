"""The results' gaps: a list of a few short columns, and beside it the chosen gap in full
(question, level, target, next step, guides); the Scores tab shows area names whole."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from acsg_desktop.core.assessment.rules import gap_next_step
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.gap_table import COL_LEVEL, COL_QUESTION, COL_TARGET
from acsg_desktop.gui.assessment.results_page import ResultsPage
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.widgets.charts import BarChart, Series
from tests.gui.fit_checks import fit_problems
from tests.gui.screen_walk import load_demo, open_demo_window, settle


def shown_gaps(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> ResultsPage:
    load_demo(workspace)
    window: MainWindow = open_demo_window(qtbot, workspace, language)
    baseline = workspace.assessments.list()[-1]
    window.show_area(window.pages.indexOf(window.assessments_page))  # the Overview opens first
    window.assessments_page.show_results(baseline.id)
    results = window.assessments_page.results
    results.tabs.setCurrentIndex(1)
    return results


def test_the_gap_list_is_short_and_the_first_gap_is_shown_in_full(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    results = shown_gaps(qtbot, workspace, language)
    headers = [results.gaps.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["#", "Indicator", "Level", "Target", "Possible offers"]
    framework = workspace.assessments.shipped_framework()
    first = results.selected_gaps()
    assert len(first) == 1  # chosen at once: the pane is never empty while there are gaps
    gap = first[0]
    indicator = framework.indicator(gap.indicator_id)
    detail = results.gap_detail
    assert results.gaps.item(0, COL_QUESTION).text() == indicator.question.get()
    assert results.gaps.item(0, COL_LEVEL).text() == str(gap.level)
    assert results.gaps.item(0, COL_TARGET).text() == str(gap.target_level)
    assert detail.heading.text() == f"Gap 1 · {framework.area(gap.area_id).title.get()}"
    assert detail.question.text() == indicator.question.get()
    assert detail.facts.text() == f"Level: {gap.level} · Target: {gap.target_level} · " + (
        f"Priority: {gap.priority}"
    )
    step = gap_next_step(framework, gap)
    assert step is not None and detail.next_step.text() == step.get()
    assert detail.question.wordWrap() and detail.next_step.wordWrap()


def test_choosing_another_gap_shows_it_and_its_guide_link_opens_the_guide(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    results = shown_gaps(qtbot, workspace, language)
    framework = workspace.assessments.shipped_framework()
    rows = results._gap_rows
    row = next(r for r, gap in enumerate(rows) if framework.indicator(gap.indicator_id).guides)
    results.gaps.selectRow(row)
    gap = rows[row]
    guide = framework.indicator(gap.indicator_id).guides[0]
    detail = results.gap_detail
    assert detail.heading.text().startswith(f"Gap {row + 1} · ")
    links = detail.guides.shown_buttons()
    assert [link.property("link") for link in links] == list(
        framework.indicator(gap.indicator_id).guides
    )
    with qtbot.waitSignal(results.guide_requested) as opened:
        links[0].click()
    assert opened.args == [guide]
    unknown = next(r for r, gap in enumerate(rows) if not gap.level)  # insufficient information
    results.gaps.selectRow(unknown)
    assert detail.facts.text().startswith("Level: insufficient information · Target: ")
    assert detail.next_step.text() == "Find out, then answer this indicator."
    results.gaps.clearSelection()
    assert detail.heading.text().startswith("Select a gap") and detail.question.isHidden()


def test_the_detail_pane_follows_a_switch_to_french(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    """Passes once the lead has merged the layout fragment (the pane's own strings)."""
    results = shown_gaps(qtbot, workspace, language)
    language.apply("fr", remember=False)
    detail = results.gap_detail
    qtbot.waitUntil(lambda: detail.next_heading.text() == "Étape suivante")
    assert detail.heading.text().startswith("Lacune 1 · ")
    assert detail.facts.text().startswith("Niveau\u00a0: ")
    assert results.gaps.horizontalHeaderItem(COL_TARGET).text() == "Capacité visée"


def test_area_names_wrap_in_a_narrow_bar_chart_and_are_never_elided(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    long_name = "Evidence, credibility and country of origin information for every region"
    labels = {"a": long_name, "b": "Appeals"}
    chart.set_data(labels, Series("now", {"a": 40.0, "b": 60.0}), None)
    wide, narrow = chart.sizeHint().width(), chart.minimumSizeHint().width()
    assert chart.heightForWidth(narrow) > chart.heightForWidth(wide)  # the name takes 2 lines
    for width in (wide, narrow):
        chart.resize(width, chart.heightForWidth(width))
        assert chart.elided_texts() == []


def test_every_gap_fits_its_pane_in_both_languages(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    results = shown_gaps(qtbot, workspace, language)
    for code in ("en", "fr"):
        language.apply(code, remember=False)
        for row in range(results.gaps.rowCount()):
            results.gaps.selectRow(row)
            settle()
            assert fit_problems(results.gaps.parentWidget()) == [], (code, row)
