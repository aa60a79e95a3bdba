"""What each field of a support request asks for and why (its tooltip), by field name."""

from __future__ import annotations

from acsg_desktop.core.i18n import N_

REQUEST_TIPS = {
    "title": N_("A short name partners will see first in lists of requests."),
    "areas": N_("Tick the areas of the asylum system this support should strengthen."),
    "aims": N_("Tick the aims the support serves, so partners see what it improves."),
    "support_types": N_("Tick the kinds of help you need; offers are matched on them."),
    "modalities": N_("Tick how the support could be given; partners check what they can do."),
    "focus": N_("Say whether the support builds skills of staff or the institution itself."),
    "description": N_("Describe the problem in your own words: what is missing today and why."),
    "plan_linked": N_(
        "Say whether this need is in your capacity development plan and give its reference."
    ),
    "pledge_reference": N_(
        "The Global Refugee Forum pledge this request follows, so partners can link them."
    ),
    "partner_kinds": N_("Tick the partners you would welcome; leave all empty if any will do."),
    "start": N_("When the support should start at the earliest."),
    "duration_months": N_("How many months the support should last; leave at zero if unknown."),
    "budget": N_("A rough total cost and its three-letter currency, to help partners plan."),
    "expected_results": N_("What should be different when the support ends."),
    "measurement": N_("How you will know the results were reached, e.g. figures or checks."),
    "sustainability": N_("How the office keeps the results going once the partner leaves."),
    "contact_person": N_("Who partners should contact about this request."),
}
