"""Translations and locale-aware formatting.

``_()`` looks the message up in the current catalog at call time, so switching the language
takes effect at once. Never call ``_()`` at import time: mark such strings with ``N_()`` and
translate them where they are shown.

Two levels of language: ``set_language`` sets the user's language (the one the screens are in,
for the whole process); ``language_as`` overrides it for one block in the current thread or task
only (a ContextVar), so a French report made in the background never turns the English screens
French, and a switch the user makes meanwhile is not undone when the report is done. Compiled
catalogues are cached, one per language.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import io
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from acsg_desktop.core.live_text import live
from acsg_desktop.paths import translations_dir

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "acsg"
SOURCE_LANGUAGE = "en"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# CLDR territory codes that are not countries a State could be.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"})


class _UserLanguage:
    """The language of the screens: one per process, changed only by ``set_language``."""

    language: str = SOURCE_LANGUAGE


_user = _UserLanguage()
_override: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "acsg_language", default=None
)
_catalogs: dict[str, gettext.NullTranslations] = {}


def placeholders(text: str) -> set[str]:
    """The ``{named}`` placeholders of a message (``{{`` escapes excluded)."""
    return set(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def _read_catalog(language: str) -> gettext.NullTranslations:
    folder = translations_dir() / language / "LC_MESSAGES"
    po_path, mo_path = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo_path.exists() and (
        not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
    ):
        with mo_path.open("rb") as mo_file:
            return gettext.GNUTranslations(mo_file)
    if not po_path.exists():
        return gettext.NullTranslations()
    # No compiled catalog (a fresh checkout): compile the .po in memory.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _drop_mismatched(catalog: gettext.NullTranslations) -> None:
    """Forget translations whose placeholders differ from the source (they would crash)."""
    messages: dict[object, str] = getattr(catalog, "_catalog", {})
    for key in list(messages):
        source = key[0] if isinstance(key, tuple) else key
        if (
            isinstance(source, str)
            and source
            and placeholders(source) != placeholders(messages[key])
        ):
            del messages[key]


def _supported(language: str) -> str:
    return language if language in SUPPORTED_LANGUAGES else SOURCE_LANGUAGE


def _catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language``, read once."""
    if language not in _catalogs:
        catalog = gettext.NullTranslations()
        if language != SOURCE_LANGUAGE:
            catalog = _read_catalog(language)
            _drop_mismatched(catalog)
        _catalogs[language] = catalog
    return _catalogs[language]


def set_language(language: str) -> str:
    """Switch the user's language; unknown languages fall back to English. Returns the one set."""
    language = _supported(language)
    _catalog(language)
    _user.language = language
    return language


@contextlib.contextmanager
def language_as(language: str) -> Iterator[None]:
    """Run a block in ``language`` (e.g. a report in French) in this thread or task only."""
    language = _supported(language)
    _catalog(language)
    token = _override.set(language)
    try:
        yield
    finally:
        _override.reset(token)


def current_language() -> str:
    """The language now in use here, e.g. ``"fr"``."""
    return _override.get() or _user.language


def _active() -> gettext.NullTranslations:
    return _catalogs.get(current_language()) or _catalog(current_language())


def _(message: str) -> str:
    """Translate ``message`` into the current language (a text a screen can remake after a
    language switch: see :mod:`acsg_desktop.core.live_text`)."""
    return live(_active().gettext(message), lambda: _(message))


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` as meant in ``context`` (a word with two senses, such as the
    capacity "Target" and the request's "Focus")."""
    return live(_active().pgettext(context, message), lambda: pgettext(context, message))


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message with a plural form chosen by ``count``."""
    return live(
        _active().ngettext(singular, plural, count), lambda: ngettext(singular, plural, count)
    )


# The conventions each language writes dates and numbers in. English as the UN writes it:
# "2 December 2026", "02/12/2026, 05:59" (Babel's plain "en" is American: "12/2/26, 5:59 AM",
# which an official outside the United States reads as 12 February).
FORMAT_LOCALES = {"en": "en_GB"}


@functools.lru_cache(maxsize=8)
def babel_locale(language: str) -> Locale:
    """Babel's locale for formatting in ``language``, parsed once (parsing it costs more than
    most formatting does, and lists format hundreds of dates and numbers)."""
    from babel import Locale

    return Locale.parse(FORMAT_LOCALES.get(language, language))


def _babel_locale() -> Locale:
    return babel_locale(current_language())


_TWO_DIGIT_YEAR = re.compile(r"(?<!y)yy(?!y)")


@functools.lru_cache(maxsize=8)
def _patterns(language: str, length: str) -> tuple[str, str]:
    """Babel's date and date-time patterns of ``length`` in ``language``; a short date keeps
    its four-digit year (Spanish CLDR writes « 2/12/26 », which reads as a day in 1926 or as
    a code: a list's "Updated" column and a history show « 2/12/2026 »)."""
    locale = babel_locale(language)
    if length != "short":
        return length, length
    day = _TWO_DIGIT_YEAR.sub("y", str(locale.date_formats["short"].pattern))
    clock = str(locale.time_formats["short"].pattern)
    return day, str(locale.datetime_formats["short"]).format(clock, day)


def format_date(value: date, length: str = "medium") -> str:
    """A date in the current language, e.g. ``29 nov. 2026``."""
    from babel.dates import format_date as babel_format_date

    pattern = _patterns(current_language(), length)[0]
    text = _first_of_month(
        str(babel_format_date(value, format=pattern, locale=_babel_locale())), value
    )
    return live(text, lambda: format_date(value, length))


def format_datetime(value: datetime, length: str = "medium") -> str:
    """A date and time in the current language."""
    from babel.dates import format_datetime as babel_format_datetime

    pattern = _patterns(current_language(), length)[1]
    text = str(babel_format_datetime(value, format=pattern, locale=_babel_locale()))
    return live(_first_of_month(text, value), lambda: format_datetime(value, length))


_FIRST_DAY = re.compile(r"(?<![\d/.-])1(?= )")  # the day, written out before its month


def _first_of_month(text: str, value: date) -> str:
    """French writes the first of the month as an ordinal: « 1er juin 2025 » (CLDR has no
    such pattern); numeric dates (01/06/2025) stay as they are."""
    if value.day != 1 or current_language() != "fr":
        return text
    return _FIRST_DAY.sub("1er", text, count=1)


def format_time(value: time) -> str:
    """A time of day in the current language, e.g. ``14:05:09`` or ``2:05:09 PM``."""
    from babel.dates import format_time as babel_format_time

    text = str(babel_format_time(value, format="medium", locale=_babel_locale()))
    return live(text, lambda: format_time(value))


def format_number(value: int | float | Decimal) -> str:
    """A number with the current language's separators, e.g. ``1 234,5``."""
    from babel.numbers import format_decimal

    return live(str(format_decimal(value, locale=_babel_locale())), lambda: format_number(value))


def format_percent(ratio: float | Decimal, decimals: int = 0) -> str:
    """A ratio (0.26) as a percentage in the current language (``26 %``)."""
    from babel.numbers import format_percent as babel_format_percent

    pattern: str = _babel_locale().percent_formats[None].pattern
    if decimals:
        head, _zero, tail = pattern.rpartition("0")
        pattern = f"{head}0.{'0' * decimals}{tail}"
    text = str(babel_format_percent(ratio, format=pattern, locale=_babel_locale()))
    return live(text, lambda: format_percent(ratio, decimals))


def format_money(amount: int | float | Decimal, currency: str) -> str:
    """An amount of money, e.g. ``1 234,50 €`` in French or ``€1,234.50`` in English."""
    from babel.numbers import format_currency

    text = str(format_currency(amount, currency, locale=_babel_locale()))
    return live(text, lambda: format_money(amount, currency))


def _sort_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``, for matching and sorting."""
    return _sort_key(text)


def countries() -> list[tuple[str, str]]:
    """(ISO 3166 code, name in the current language), sorted by name as a reader expects."""
    territories = {str(code): str(name) for code, name in _babel_locale().territories.items()}
    pairs = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return sorted(pairs, key=lambda pair: _sort_key(pair[1]))


FICTIONAL_COUNTRY = "XA"  # user-assigned in ISO 3166-1: never a real State (the demo's)
_FICTIONAL_NAMES = {
    FICTIONAL_COUNTRY: {
        "en": "Republic of Valdoria (fictional)",
        "fr": "République de Valdorie (fictive)",
        "es": "República de Valdoria (ficticia)",
    },
}


def is_fictional_country(code: str) -> bool:
    """True for the user-assigned code of the demo's invented country (``XA``)."""
    return code.strip().upper() in _FICTIONAL_NAMES


def fictional_country_name(code: str, language: str) -> str | None:
    """The invented name for ``code`` in ``language`` (English if not known), else None."""
    names = _FICTIONAL_NAMES.get(code.strip().upper())
    return None if names is None else names.get(language, names["en"])


def _real_country_name(code: str) -> str | None:

    if len(code) != 2 or code.upper() in _NOT_COUNTRIES:
        return None
    name = _babel_locale().territories.get(code.upper())
    return str(name) if name else None


def country_name(code: str) -> str | None:
    """The name of the country ``code`` in the current language, or None if unknown (the
    demo's invented country, under a user-assigned code, has a name too)."""
    name = fictional_country_name(code, current_language()) or _real_country_name(code)
    return None if name is None else live(name, lambda: country_name(code) or name)


def is_country(code: str) -> bool:
    """True when ``code`` is a two-letter code of a real country Babel knows."""
    return _real_country_name(code) is not None
