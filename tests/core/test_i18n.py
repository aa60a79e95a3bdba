from datetime import date, datetime
from decimal import Decimal

import pytest
from babel.messages.pofile import read_po

from acsg_desktop.core import i18n
from acsg_desktop.paths import translations_dir

NNBSP, NBSP = "\u202f", "\u00a0"
TRANSLATED = [code for code in i18n.SUPPORTED_LANGUAGES if code != i18n.SOURCE_LANGUAGE]


def catalog_of(language: str):
    with (translations_dir() / language / "LC_MESSAGES" / "acsg.po").open("rb") as stream:
        return read_po(stream, locale=language)


def french_catalog():
    return catalog_of("fr")


def test_spanish_is_the_third_working_language() -> None:
    assert i18n.SUPPORTED_LANGUAGES == ("en", "fr", "es")
    assert i18n.LANGUAGE_NAMES["es"] == "Español"


def test_switching_language_changes_translations_at_call_time() -> None:
    assert i18n._("Settings") == "Settings"
    i18n.set_language("fr")
    assert i18n._("Settings") == "Paramètres"
    i18n.set_language("en")
    assert i18n._("Settings") == "Settings"


def test_unknown_language_falls_back_to_english() -> None:
    assert i18n.set_language("xx") == "en"
    assert i18n.current_language() == "en"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_not_fuzzy(language: str) -> None:
    catalog = catalog_of(language)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(text.strip() for text in strings):
            problems.append(message.id)
    assert problems == []
    assert len(catalog) > 50


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_match_the_source(language: str) -> None:
    mismatched = []
    for message in catalog_of(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = i18n.placeholders(sources[-1])
        mismatched += [text for text in strings if i18n.placeholders(text) != expected]
    assert mismatched == []


def test_a_translation_with_wrong_placeholders_is_ignored() -> None:
    translations = i18n._read_catalog("fr")  # a fresh copy: the cached one stays as it is
    messages = translations._catalog  # type: ignore[attr-defined]
    messages["Data folder: {path}"] = "Dossier : {chemin}"
    i18n._drop_mismatched(translations)
    assert translations.gettext("Data folder: {path}").format(path="/x") == "Data folder: /x"


def test_french_has_three_plural_forms_including_many(french: None) -> None:
    assert french_catalog().num_plurals == 3
    forms = {
        count: i18n.ngettext("{count} backup in {path}", "{count} backups in {path}", count)
        for count in (0, 1, 2, 1_000_000)
    }
    assert forms[0] == forms[1] == "{count} sauvegarde dans {path}"
    assert forms[2] == "{count} sauvegardes dans {path}"
    assert forms[1_000_000] == "{count} de sauvegardes dans {path}"


def test_english_plurals() -> None:
    assert i18n.ngettext("{count} backup in {path}", "{count} backups in {path}", 1).startswith(
        "{count} backup "
    )
    assert "backups" in i18n.ngettext("{count} backup in {path}", "{count} backups in {path}", 0)


def test_numbers_money_percent_dates_in_french(french: None) -> None:
    assert i18n.format_number(Decimal("1234567.891")) == f"1{NNBSP}234{NNBSP}567,891"
    assert i18n.format_money(Decimal("1234.5"), "EUR") == f"1{NNBSP}234,50{NBSP}€"
    assert i18n.format_percent(0.26) == f"26{NBSP}%"
    assert i18n.format_percent(0.265, decimals=1) == f"26,5{NBSP}%"
    assert i18n.format_date(date(2026, 11, 29), "long") == "29 novembre 2026"


def test_numbers_money_percent_dates_in_spanish() -> None:
    with i18n.language_as("es"):
        assert i18n.format_number(Decimal("1234567.891")) == "1.234.567,891"
        assert i18n.format_money(Decimal("1234.5"), "EUR") == f"1.234,50{NBSP}€"
        assert i18n.format_percent(0.26) == f"26{NBSP}%"
        assert i18n.format_date(date(2026, 11, 29), "long") == "29 de noviembre de 2026"
        assert i18n.country_name("XA") == "República de Valdoria (ficticia)"
        names = [name for _code, name in i18n.countries()]
        assert names.index("Egipto") < names.index("España") < names.index("Estados Unidos")


def test_numbers_money_percent_dates_in_english() -> None:
    """English as the UN writes it: day before month, 24 hours, the dollar said whose."""
    assert i18n.format_number(Decimal("1234567.891")) == "1,234,567.891"
    assert i18n.format_money(Decimal("1234.5"), "USD") == "US$1,234.50"
    assert i18n.format_percent(0.265, decimals=1) == "26.5%"
    assert i18n.format_date(date(2026, 11, 29), "long") == "29 November 2026"
    assert i18n.format_date(date(2027, 1, 15)) == "15 Jan 2027"
    assert i18n.format_datetime(datetime(2026, 12, 2, 17, 59), "short") == "02/12/2026, 17:59"


def test_the_first_of_the_month_is_an_ordinal_in_french() -> None:
    with i18n.language_as("fr"):
        assert i18n.format_date(date(2025, 6, 1), "long") == "1er juin 2025"
        assert i18n.format_date(date(2025, 6, 1), "full") == "dimanche 1er juin 2025"
        assert i18n.format_date(date(2025, 6, 11), "long") == "11 juin 2025"
        assert i18n.format_date(date(2025, 6, 1), "short") == "01/06/2025"
        assert i18n.format_datetime(datetime(2025, 6, 1, 9, 5), "short") == "01/06/2025 09:05"
    assert i18n.format_date(date(2025, 6, 1), "long") == "1 June 2025"


def test_short_dates_keep_a_four_digit_year_in_every_language() -> None:
    """Spanish CLDR writes « 2/12/26 »; a list's dates read « 2/12/2026 », as in en and fr."""
    with i18n.language_as("es"):
        assert i18n.format_date(date(2026, 12, 2), "short") == "2/12/2026"
        assert i18n.format_datetime(datetime(2026, 12, 2, 7, 5), "short") == "2/12/2026, 7:05"
        assert i18n.format_date(date(2026, 12, 2), "long") == "2 de diciembre de 2026"


@pytest.mark.parametrize(("language", "name"), [("en", "Chad"), ("fr", "Tchad"), ("es", "Chad")])
def test_country_names_follow_the_language(language: str, name: str) -> None:
    i18n.set_language(language)
    assert dict(i18n.countries())["TD"] == name
    assert i18n.country_name("td") == name


def test_country_list_is_sorted_ignoring_accents_and_excludes_non_countries(french: None) -> None:
    names = [name for _code, name in i18n.countries()]
    assert names.index("Égypte") < names.index("Équateur") < names.index("Espagne")
    codes = {code for code, _name in i18n.countries()}
    assert {"EU", "UN", "ZZ"}.isdisjoint(codes)
    assert len(codes) > 240


def test_fold_ignores_case_and_accents() -> None:
    assert i18n.fold("ÉQUITÉ") == i18n.fold("equite")


def test_a_report_language_in_another_thread_leaves_the_screens_language() -> None:
    import threading

    from acsg_desktop.core.i18n import _, current_language, language_as, set_language

    set_language("en")
    inside, started, finish = [], threading.Event(), threading.Event()

    def background_french_export() -> None:
        with language_as("fr"):
            started.set()
            finish.wait(5)
            inside.append((current_language(), _("Settings")))

    worker = threading.Thread(target=background_french_export)
    worker.start()
    started.wait(5)
    assert (current_language(), _("Settings")) == ("en", "Settings")  # the GUI thread
    set_language("fr")  # the user switches while the export runs
    finish.set()
    worker.join(5)
    assert inside == [("fr", "Paramètres")]
    assert current_language() == "fr"  # the switch is not undone when the export ends
    set_language("en")


def test_pgettext_tells_two_senses_of_one_word_apart() -> None:
    from acsg_desktop.core.i18n import pgettext, set_language

    set_language("en")
    assert pgettext("capacity level", "Target") == "Target"


def test_the_demo_country_is_named_in_each_language_but_not_offered() -> None:
    from acsg_desktop.core.i18n import countries, country_name, language_as

    with language_as("fr"):
        assert country_name("XA") == "République de Valdorie (fictive)"
        assert "XA" not in {code for code, _name in countries()}
    assert country_name("XA") == "Republic of Valdoria (fictional)"


@pytest.mark.parametrize("language", TRANSLATED)
def test_plurals_keep_de_for_the_millions_only(language: str) -> None:
    """CLDR orders French and Spanish forms one, many (1 000 000: « de »), other (2: no « de »)."""
    swapped = [
        message.id[0]
        for message in catalog_of(language)
        if isinstance(message.id, tuple)
        and ("{count} de " in message.string[2] or "{count} d'" in message.string[2])
    ]
    assert swapped == []


def test_the_secretariats_reply_reads_in_words_in_the_history() -> None:
    from acsg_desktop.core.audit.chain import AuditEntry
    from acsg_desktop.core.audit.labels import action_label, value_label

    fields = {f: "" for f in AuditEntry.__dataclass_fields__}
    fields.update(id=1, at="2026-12-01T10:00:00", actor="A", entity="request", entity_id="1")
    reply = AuditEntry(**{**fields, "action": "match_stage", "new_value": "under_discussion"})
    old = AuditEntry(**{**fields, "action": "status", "new_value": "matched"})
    assert action_label(reply) == "The Secretariat's reply"
    assert value_label(reply, reply.new_value) == "Under discussion"
    assert value_label(old, old.new_value) == "Matched"  # recorded by earlier versions
