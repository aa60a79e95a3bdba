"""How an assessment is named in lists and choices."""

from acsg_desktop.core.assessment.labels import assessment_name
from acsg_desktop.core.i18n import language_as


def test_the_year_is_added_only_when_the_title_does_not_say_it() -> None:
    assert assessment_name("2025 baseline", 2025) == "2025 baseline"
    assert assessment_name("Baseline", 2025) == "Baseline (2025)"
    assert assessment_name("Review of 2024", 2025) == "Review of 2024 (2025)"
    with language_as("fr"):
        assert assessment_name("Référence", 2025) == "Référence (2025)"
