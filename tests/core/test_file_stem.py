"""Default file names say what the file holds, in the user's language."""

from acsg_desktop.core.display import file_stem
from acsg_desktop.core.i18n import _, language_as


def test_a_stem_keeps_the_words_of_any_language() -> None:
    assert file_stem("Référence 2025 (2025)", "package") == "référence-2025-2025"
    assert file_stem("  ---  ", "package") == "package"


def test_the_fallback_words_are_translated() -> None:
    with language_as("fr"):
        assert file_stem(_("certificate") + " Fatimé Zakaria", "x") == "certificat-fatimé-zakaria"
        assert file_stem("", _("package")) == "paquet"
