"""Translated texts can be made again in the language the user switched to (issue 15.4)."""

import copy
import json
import pickle
from datetime import date, time

from acsg_desktop.core import i18n
from acsg_desktop.core.display import escape_controls, escape_line
from acsg_desktop.core.errors import AcsgError, ConflictError
from acsg_desktop.core.i18n import _, format_date, format_number, format_time, ngettext
from acsg_desktop.core.live_text import LiveText, retranslated, retranslated_text

NNBSP = "\u202f"


def test_a_message_with_an_error_inside_comes_back_wholly_in_the_new_language() -> None:
    i18n.set_language("en")
    error = ConflictError("Amina", "10:00")  # its own sentence, and "someone else" inside
    shown = _("Not saved: {reason}").format(reason=error.message)
    assert shown.startswith("Not saved: Amina changed this")
    i18n.set_language("fr")
    again = retranslated_text(shown)
    assert again.startswith("Non enregistré\u00a0: Amina a modifié")
    assert "changed" not in again
    i18n.set_language("en")
    assert retranslated_text(again) == shown  # and back, any number of times


def test_plurals_numbers_dates_and_times_follow_the_language() -> None:
    i18n.set_language("en")
    count = ngettext("{count} offer", "{count} offers", 1234).format(count=format_number(1234))
    day = format_date(date(2027, 1, 15))
    moment = format_time(time(14, 5, 9))
    assert (count, day) == ("1,234 offers", "15 Jan 2027")
    assert moment == "14:05:09"  # as the UN writes English: 24 hours
    i18n.set_language("fr")
    assert retranslated(count) == f"1{NNBSP}234 offres"
    assert retranslated(day) == "15 janv. 2027"
    assert retranslated(moment) == "14:05:09"
    i18n.set_language("en")


def test_text_joined_with_plus_stays_live_and_user_data_is_left_alone() -> None:
    i18n.set_language("en")
    joined = _("Saved.") + " " + _("Still needed: {problem}").format(problem="a note")
    i18n.set_language("fr")
    assert retranslated(joined) == "Enregistré. Reste à faire\u00a0: a note"
    assert retranslated("typed by a user") == "typed by a user"
    assert retranslated(42) == 42
    i18n.set_language("en")


def test_a_live_text_is_an_ordinary_string_everywhere_else() -> None:
    i18n.set_language("en")
    text = _("Saved at {time}.").format(time="10:00")
    assert isinstance(text, LiveText) and text == "Saved at 10:00."
    for made in (copy.deepcopy(text), copy.copy(text), pickle.loads(pickle.dumps(text))):
        assert type(made) is str and made == text
    assert json.dumps({"m": text}) == '{"m": "Saved at 10:00."}'
    assert AcsgError(text).message == "Saved at 10:00."


def test_escaped_file_text_inside_a_message_stays_live() -> None:
    i18n.set_language("en")
    reason = _("Not installed: {reason}").format(reason="bad\x1bname")
    shown, line = escape_controls(reason), escape_line(reason)
    assert shown == "Not installed: bad\\u001bname" and line == shown
    i18n.set_language("fr")
    assert retranslated(shown) == "Non installé\u00a0: bad\\u001bname"
    assert retranslated(line) == "Non installé\u00a0: bad\\u001bname"
    i18n.set_language("en")


def test_a_report_language_override_does_not_change_what_a_screen_remakes() -> None:
    i18n.set_language("en")
    with i18n.language_as("fr"):
        made_for_report = _("Saved.")
    assert made_for_report == "Enregistré."
    assert retranslated(made_for_report) == "Saved."  # remade for the screens' language
