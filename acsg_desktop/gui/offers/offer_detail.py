"""One offer in full, read-only, in the current language."""

from __future__ import annotations

import html
import re

from PySide6.QtWidgets import QTextBrowser, QWidget

from acsg_desktop.core.assessment.labels import aim_label
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, country_name, format_money, format_number, ngettext
from acsg_desktop.core.offers.words import language_name, period_text, scope_text
from acsg_desktop.core.records.offers import Offer, OfferSize
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.widgets.retranslate import Retranslatable

NO_BREAK_RUN = re.compile(r"[^ \n]*[\u00a0\u202f][^ \n]*")
LEFT_FIELDS = 10  # from "Offered by" to "Working languages"; period, size, pledge, contact right


def _listed(words: list[str]) -> str:
    return ", ".join(words) or "–"


def _budget_text(size: OfferSize) -> str:
    amounts = [amount for amount in (size.budget_min, size.budget_max) if amount is not None]
    if not size.currency or not amounts:
        return ""
    if len(amounts) == 1:
        return format_money(amounts[0], size.currency)
    low, high = (format_money(amount, size.currency) for amount in amounts)
    return _("{low} to {high}").format(low=low, high=high)


def size_text(size: OfferSize | None) -> str:
    """Expert-days and the budget range, in the current language's numbers and money."""
    if size is None:
        return "–"
    days = ""
    if size.expert_days is not None:
        days = ngettext("{count} expert-day", "{count} expert-days", size.expert_days).format(
            count=format_number(size.expert_days)
        )
    budget = _budget_text(size)
    if days and budget:
        return _("{days}; {budget}").format(days=days, budget=budget)
    return days or budget or "–"


def _party(offer: Offer) -> str:
    party = offer.party_name.get()
    country = country_name(offer.party_country) if offer.party_country else None
    return _("{party}, {country}").format(party=party, country=country) if country else party


def offer_fields(offer: Offer, framework: Framework) -> list[tuple[str, str]]:
    """(label, value) for every field the detail panel shows, in order."""
    pledge = offer.pledge
    return [
        (_("Offered by"), _party(offer)),
        (_("Partner kind"), label(offer.party_kind)),
        (_("Status"), label(offer.status)),
        (_("Support types"), _listed([label(kind) for kind in offer.support_types])),
        (_("Modalities"), _listed([label(modality) for modality in offer.modalities])),
        (_("Framework areas"), _listed([framework.area(a).title.get() for a in offer.areas])),
        (_("GRF pledging areas"), _listed([label(area) for area in offer.pledging_areas])),
        (_("Aims"), _listed([aim_label(aim) for aim in offer.aims])),
        (_("Where"), scope_text(offer)),
        (_("Working languages"), _listed([language_name(code) for code in offer.languages])),
        (_("Period"), period_text(offer)),
        (_("Size"), size_text(offer.size)),
        (
            _("GRF pledge"),
            _("{reference} ({year})").format(reference=pledge.reference, year=pledge.year)
            if pledge
            else "–",
        ),
        (_("Contact"), offer.contact or "–"),
    ]


def _unbroken(text: str) -> str:
    """``text`` escaped, words joined by a no-break space kept on one line ("150 000,00 $US":
    Qt's rich text would otherwise break inside the number)."""
    return NO_BREAK_RUN.sub(
        lambda run: f"<span style='white-space:nowrap'>{run.group(0)}</span>", html.escape(text)
    )


def _rows(fields: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><th align='left' valign='top' style='padding-right:12px'>{html.escape(name)}</th>"
        f"<td valign='top'>{_unbroken(value)}</td></tr>"
        for name, value in fields
    )
    return f"<table cellspacing='2'>{cells}</table>"


def offer_html(offer: Offer, framework: Framework) -> str:
    """The offer as rich text: the title; what and where on the left; the description, when,
    how much and whom to ask on the right."""
    fields = offer_fields(offer, framework)
    description = html.escape(_("Description"))  # not inside the f-string: extraction skips it
    return (
        f"<h3>{html.escape(offer.title.get())} "
        f"<span style='font-weight:normal'><i>({html.escape(offer.id)})</i></span></h3>"
        "<table width='100%' cellspacing='0'><tr>"
        f"<td width='52%' valign='top'>{_rows(fields[:LEFT_FIELDS])}</td>"
        "<td valign='top' style='padding-left:18px'>"
        f"<p><b>{description}</b><br/>{html.escape(offer.description.get())}</p>"
        f"{_rows(fields[LEFT_FIELDS:])}</td>"
        "</tr></table>"
    )


class OfferDetailWidget(Retranslatable, QTextBrowser):
    """The chosen offer; a hint when none is chosen."""

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework = framework
        self.offer: Offer | None = None
        self.setOpenLinks(False)
        self.retranslate_ui()

    def show_offer(self, offer: Offer | None) -> None:
        self.offer = offer
        if offer is None:
            self.setPlainText(_("Select an offer to read it in full."))
        else:
            self.setHtml(offer_html(offer, self._framework))

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Offer in full"))
        self.show_offer(self.offer)
