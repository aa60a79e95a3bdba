"""The report's pages in English and French: cover and signature block, executive summary,
charts drawn in the PDF, comparison with the previous assessment, gaps with their areas, the
appendix with level names, human dates, header words kept whole; and the draft preview."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pikepdf
import pytest

from acsg_desktop.core.assessment.labels import aim_label, level_with_name, percent_label
from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.i18n import _, country_name, language_as
from acsg_desktop.core.package.model import PackageDocument
from acsg_desktop.core.package.report import build_draft_report, build_report
from acsg_desktop.core.package.report_style import BLUE
from acsg_desktop.core.package.report_summary import signed_points
from acsg_desktop.core.workspace import Workspace
from tests.core.package.report_helpers import (
    SIGNATORY,
    document_of,
    finish_follow_up,
    pdf_pages,
)

LANGUAGES = ("en", "fr")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|T\d{2}:\d{2}")
LONG_DATE = {"en": "1 December 2026", "fr": "1er décembre 2026"}


class Reports:
    def __init__(self) -> None:
        self.documents: dict[tuple[str, str], PackageDocument] = {}
        self.pdfs: dict[tuple[str, str], bytes] = {}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Reports:
    """The follow-up (finished, compared with the baseline) and the baseline (with the
    requests, nothing before it), each in both languages."""
    result = Reports()
    with Workspace.open(tmp_path_factory.mktemp("report") / "data") as workspace:
        demo = create_demo(workspace, "en")
        follow_up = finish_follow_up(workspace, demo)
        for name, assessment in (("follow_up", follow_up), ("baseline", demo.baseline.id)):
            for language in LANGUAGES:
                document = document_of(workspace, assessment, language)
                with language_as(language):
                    pdf = build_report(document)
                result.documents[name, language] = document
                result.pdfs[name, language] = pdf
    return result


def words(text: str) -> str:
    return " ".join(text.split())


def page_with(pages: list[str], heading: str) -> str:
    found = [page for page in pages if heading in page]
    assert found, heading
    return words(found[0])


def filled_rects(pdf: bytes, colour: str) -> list[int]:
    """Per page, how many rectangles are filled in ``colour`` (the charts' bars)."""
    wanted = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    counts = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            fill, count = None, 0
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "rg":
                    fill = [float(value) for value in operands]
                elif str(operator) == "re" and fill is not None:
                    count += all(abs(a - b) < 0.01 for a, b in zip(fill, wanted, strict=True))
            counts.append(count)
    return counts


def diagonal_marks(pdf: bytes) -> list[bool]:
    """Per page, whether something is drawn along the page's diagonal (the draft mark)."""
    marks = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            width, height = float(page.mediabox[2]), float(page.mediabox[3])
            angle = math.atan2(height, width)
            marks.append(
                any(
                    str(operator) == "cm"
                    and abs(float(operands[0]) - math.cos(angle)) < 1e-3
                    and abs(float(operands[1]) - math.sin(angle)) < 1e-3
                    for operands, operator in pikepdf.parse_content_stream(page)
                )
            )
    return marks


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cover_says_who_what_when_whom_to_contact_and_who_signs(
    reports: Reports, language: str, tmp_path: Path
) -> None:
    document = reports.documents["follow_up", language]
    cover = words(pdf_pages(reports.pdfs["follow_up", language], tmp_path)[0])
    with language_as(language):
        country = country_name(document.authority.country)
        labels = [_("Signature"), _("Signatory"), _("Role"), _("Framework version")]
    for expected in (
        document.authority.name,
        f"{country} ({document.authority.country})",
        document.authority.contact_person,
        document.authority.email,
        document.assessment.title,  # its year is in it: not said twice
        document.assessment.framework.version,
        LONG_DATE[language],
        SIGNATORY,
        "VERIFY.txt",
        *labels,
    ):
        assert expected in cover
    assert cover.count(LONG_DATE[language]) == 2  # the date on the cover and in the signature


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_executive_summary_has_the_scores_the_five_largest_gaps_and_the_requests(
    reports: Reports, language: str, tmp_path: Path
) -> None:
    document = reports.documents["baseline", language]
    pages = pdf_pages(reports.pdfs["baseline", language], tmp_path)
    summary = words(pages[1])
    areas = {area.id: area.title for area in document.scores.areas}
    with language_as(language):
        expected = [percent_label(document.scores.overall)]
        expected += [aim_label(aim) for aim in document.scores.aims]
        expected += [percent_label(value) for value in document.scores.aims.values()]
    for gap in document.gaps[:5]:
        expected += [words(gap.question), words(areas[gap.area])]
    for request in document.requests:
        expected.append(words(request.content["title"]))
    assert [text for text in map(words, expected) if text not in summary] == []
    assert words(document.gaps[5].question) not in summary


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_aim_and_area_charts_are_drawn_with_the_previous_assessment_beside(
    reports: Reports, language: str
) -> None:
    document = reports.documents["follow_up", language]
    blue = filled_rects(reports.pdfs["follow_up", language], BLUE)
    grey = filled_rects(reports.pdfs["follow_up", language], "#9aa5b1")
    scored = [area for area in document.scores.areas if area.score]
    assert blue[1] >= 4 and grey[1] >= 4  # the four aims, now and before (and the legend)
    assert blue[2] >= len(scored) and grey[2] >= len(scored)  # every area with a score


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_shows_the_change_since_the_previous_assessment(
    reports: Reports, language: str, tmp_path: Path
) -> None:
    document = reports.documents["follow_up", language]
    previous = document.previous
    assert previous is not None and previous.title == "2025 baseline"
    with language_as(language):
        heading = _("Compared with the previous assessment")
        overall = [percent_label(previous.overall), percent_label(document.scores.overall)]
        assert document.scores.overall is not None and previous.overall is not None
        change = signed_points(document.scores.overall - previous.overall)
    page = page_with(pdf_pages(reports.pdfs["follow_up", language], tmp_path), heading)
    assert "2025 baseline" in page and "2026 follow-up" in page and "(2025)" not in page
    assert words(" ".join([*overall, change])) in page
    number = next(
        i
        for i, text in enumerate(pdf_pages(reports.pdfs["follow_up", language], tmp_path))
        if heading in text
    )
    assert filled_rects(reports.pdfs["follow_up", language], BLUE)[number] >= 1  # change bars


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_an_earlier_completed_assessment_the_report_says_so(
    reports: Reports, language: str, tmp_path: Path
) -> None:
    assert reports.documents["baseline", language].previous is None
    with language_as(language):
        heading = _("Compared with the previous assessment")
        sentence = _(
            "No completed assessment comes before this one: there is nothing to compare with."
        )
    page = page_with(pdf_pages(reports.pdfs["baseline", language], tmp_path), heading)
    assert words(sentence) in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_gaps_name_their_area_and_the_appendix_groups_answers_by_area_with_level_names(
    reports: Reports, language: str, tmp_path: Path
) -> None:
    document = reports.documents["baseline", language]
    text = words(" ".join(pdf_pages(reports.pdfs["baseline", language], tmp_path)))
    with language_as(language):
        appendix = text[text.index(words(_("Appendix: every answer, by area"))) :]
        named = {
            answer.level: level_with_name(answer.level)
            for answer in document.assessment.answers
            if answer.level
        }
    areas = [area.title for area in document.scores.areas]
    position = 0
    for title in areas:  # area by area, in the framework's order
        position = appendix.index(words(title), position)
    assert [name for name in named.values() if name not in appendix] == []
    first = document.assessment.answers[0]
    row = appendix[appendix.index(words(first.question)) + len(words(first.question)) :]
    assert row.strip().startswith(words(named[first.level]))  # by name, not a bare digit
    gap = document.gaps[0]
    gap_row = text[text.index(words(gap.question)) - 80 :]
    assert words(dict((a.id, a.title) for a in document.scores.areas)[gap.area]) in gap_row


@pytest.mark.parametrize("name", ["follow_up", "baseline"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_are_written_for_people_never_in_iso_form(
    reports: Reports, name: str, language: str, tmp_path: Path
) -> None:
    text = " ".join(pdf_pages(reports.pdfs[name, language], tmp_path))
    assert ISO_DATE.findall(text) == []
    assert LONG_DATE[language] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_table_header_word_is_broken(reports: Reports, language: str, tmp_path: Path) -> None:
    tokens = set(" ".join(pdf_pages(reports.pdfs["baseline", language], tmp_path)).split())
    with language_as(language):
        headers = [
            _("Area"),
            _("Indicator"),
            _("Level"),
            _("Target level"),
            _("Answer"),
            _("Evidence"),
            _("Type of support"),
            _("Indicator and next step"),
            _("Request"),
        ]
    missing = [word for header in headers for word in header.split() if word not in tokens]
    assert missing == []


def test_fitted_widths_keep_every_word_whole_and_the_total_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from acsg_desktop.core.package.report_style import PADDING, fitted_widths, styles

    style = styles()["th"]
    columns = [["#"], ["Capacité visée"], ["Démontré et durable"], ["Étape suivante"]]
    fitted = fitted_widths([20, 30, 30, 415], columns, style)
    assert sum(fitted) == pytest.approx(495)
    for width, texts in zip(fitted, columns, strict=True):
        for word in " ".join(texts).split():
            assert stringWidth(word, style.fontName, style.fontSize) + PADDING <= width + 1e-6


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_draft_preview_is_the_same_report_marked_unsigned_on_every_page(
    reports: Reports, language: str, tmp_path: Path
) -> None:
    document = reports.documents["follow_up", language]
    with language_as(language):
        draft = build_draft_report(document)
        mark = _("DRAFT – NOT SIGNED")
    draft_pages = pdf_pages(draft, tmp_path)
    signed_marks = diagonal_marks(reports.pdfs["follow_up", language])
    assert diagonal_marks(draft) == [True] * len(signed_marks)  # as many pages, each marked
    assert not any(signed_marks)
    assert "VERIFY.txt" not in draft_pages[0] and SIGNATORY in draft_pages[0]  # prepared by
    assert set("".join(mark.split())) <= set("".join(" ".join(draft_pages).split()))
