"""A first draft of a request from gaps found in a self-assessment.

The framework's next steps are written as advice to the authority ("Adopt a written procedure…",
« Adoptez une procédure écrite… »). A request is the authority speaking, so the draft turns each
step into what the authority plans: "We plan to adopt a written procedure…", « Nous prévoyons
d'adopter une procédure écrite… ».
"""

from __future__ import annotations

import re

from acsg_desktop.core.assessment.rules import gap_next_step
from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import AIMS, Framework, Text
from acsg_desktop.core.i18n import SOURCE_LANGUAGE, _, current_language
from acsg_desktop.core.records.requests import Focus, RequestContent

MAX_TITLE = 150

# --- English ---------------------------------------------------------------------------------

# A step that opens with one of these words puts its verb after the first comma:
# "For each caseload, write…" becomes "For each caseload, we plan to write…".
_EN_LEADS = frozenset(
    [
        "for",
        "after",
        "before",
        "with",
        "without",
        "once",
        "if",
        "when",
        "where",
        "whenever",
        "in",
        "at",
        "from",
        "until",
        "within",
        "during",
        "each",
        "every",
        "together",
        "then",
        "over",
        "on",
        "by",
        "using",
        "starting",
        "between",
        "based",
        "through",
        "under",
        "across",
        "alongside",
        "as",
        "while",
        "beyond",
        "instead",
        "first",
        "next",
        "finally",
        "also",
    ]
)
_EN_PRONOUNS = (
    (r"\byourselves\b", "ourselves"),
    (r"\byourself\b", "ourselves"),
    (r"\byours\b", "ours"),
    (r"\byour\b", "our"),
    (r"\bYour\b", "Our"),
    (
        r"\b(to|for|with|help|helps|give|gives|tell|tells|ask|asks|let|lets|show|shows|send|sends"
        r"|from|of|about|contact|support|supports|assist|assists|reach|invite|invites) you\b",
        r"\1 us",
    ),
    (r"\byou\b", "we"),
    (r"\bYou\b", "We"),
)
# After a semicolon the advice goes on in the imperative unless the clause opens with one of these.
_EN_NOT_VERBS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "that",
        "those",
        "it",
        "its",
        "they",
        "their",
        "we",
        "our",
        "each",
        "every",
        "all",
        "no",
        "not",
        "only",
        "one",
        "two",
        "three",
        "if",
        "when",
        "where",
        "otherwise",
        "then",
        "also",
        "and",
        "or",
        "but",
        "so",
        "as",
        "at",
        "in",
        "on",
        "for",
        "with",
    ]
)


# Verbs the framework's steps open with: after a colon, a clause that opens with one of them is
# more advice ("…: have a supervisor allocate…"); any other word opens a list ("…: who does what").
_VERB_WORDS = (
    "adapt add adjust adopt agree align analyse apply appoint arrange ask assemble assign audit"
    " base bring build calculate carry check choose collect compare complete consult create"
    " define design designate develop draft draw equip extend feed fill find fix follow forbid"
    " formalise gather get give hand have hold identify include instruct introduce invite"
    " involve issue keep link make measure meet move name negotiate open organise photograph"
    " prepare produce propose provide publish put rank record refresh rehearse remind require"
    " review revise run schedule screen secure send set sign standardise start stop talk tell"
    " test track train turn update use widen write"
)
_EN_VERBS = frozenset(_VERB_WORDS.split())


def _en_clause_is_advice(clause: str, after_colon: bool) -> bool:
    first = clause.split(" ", 1)[0]
    if not (first.isalpha() and first.islower()) or first in _EN_NOT_VERBS:
        return False
    if after_colon or first in _EN_VERBS:
        return first in _EN_VERBS
    # "checks only with consent" is a noun; an imperative never ends in a lone -s.
    return not (first.endswith("s") and not first.endswith(("ss", "us")))


def _en_clauses(sentence: str) -> str:
    """Turn the advice that goes on after "; " or ": " into what the authority plans too."""
    out: list[str] = []
    for part in re.split(r"(; |: )", sentence):
        if out and _en_clause_is_advice(part, after_colon=out[-1] == ": "):
            part = "we also plan to " + part
        out.append(part)
    return "".join(out)


def _lower_first(text: str) -> str:
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[:2].isupper():  # an acronym: UNHCR, COI
        return text
    return text[:1].lower() + text[1:]


def _en_sentence(sentence: str, opening: str) -> str | None:
    words = sentence.split(" ", 1)
    first = words[0].strip(",").lower()
    if first in ("don't", "do") and sentence.lower().startswith(("don't ", "do not ")):
        rest = sentence.split(" ", 2)[-1] if first == "do" else sentence.split(" ", 1)[1]
        return f"{opening} not to {rest}"
    if first in _EN_LEADS:
        lead, comma, rest = sentence.partition(", ")
        if not comma or not rest:
            return None
        return f"{lead}, {opening.lower()} to {_lower_first(rest)}"
    return f"{opening} to {_lower_first(sentence)}"


def plan_in_english(step: str) -> str:
    """``step`` (advice in the imperative) as what the authority plans: "We plan to…"."""
    sentences = re.split(r"(?<=[.!?])\s+", step.strip())
    out: list[str] = []
    planned = False
    for sentence in sentences:
        converted = _en_sentence(sentence, "We also plan" if planned else "We plan")
        planned = planned or converted is not None
        out.append(_en_clauses(converted) if converted else sentence)
    text = " ".join(out) if planned else f"We plan the following: {step.strip()}"
    for pattern, replacement in _EN_PRONOUNS:
        text = re.sub(pattern, replacement, text)
    return text


# --- French ----------------------------------------------------------------------------------

_FR_IRREGULAR = {
    "faites": "faire",
    "dites": "dire",
    "soyez": "être",
    "ayez": "avoir",
    "sachez": "savoir",
    "veuillez": "vouloir",
    "allez": "aller",
    "voyez": "voir",
    "revoyez": "revoir",
    "prévoyez": "prévoir",
    "pourvoyez": "pourvoir",
    "envoyez": "envoyer",
    "renvoyez": "renvoyer",
    "concluez": "conclure",
    "excluez": "exclure",
    "incluez": "inclure",
    "résolvez": "résoudre",
    "croyez": "croire",
    "lisez": "lire",
    "relisez": "relire",
    "élisez": "élire",
    "interdisez": "interdire",
    "contredisez": "contredire",
    "suivez": "suivre",
    "poursuivez": "poursuivre",
    "vivez": "vivre",
    "servez": "servir",
    "desservez": "desservir",
    "sortez": "sortir",
    "partez": "partir",
    "consentez": "consentir",
    "ressentez": "ressentir",
    "courez": "courir",
    "recourez": "recourir",
    "parcourez": "parcourir",
    "accueillez": "accueillir",
    "recueillez": "recueillir",
    "connaissez": "connaître",
    "reconnaissez": "reconnaître",
    "paraissez": "paraître",
    "rejoignez": "rejoindre",
    "joignez": "joindre",
    "adjoignez": "adjoindre",
    "atteignez": "atteindre",
    "restreignez": "restreindre",
    "contraignez": "contraindre",
    "craignez": "craindre",
    "battez": "battre",
    "combattez": "combattre",
    "débattez": "débattre",
    "interrompez": "interrompre",
    "rompez": "rompre",
    "ouvrez": "ouvrir",
    "rouvrez": "rouvrir",
    "couvrez": "couvrir",
    "découvrez": "découvrir",
    "offrez": "offrir",
    "acquérez": "acquérir",
    "requérez": "requérir",
    "convainquez": "convaincre",
    "dormez": "dormir",
    "répondez": "répondre",
    "correspondez": "correspondre",
    "répandez": "répandre",
    "amendez": "amender",
    "regrettez": "regretter",
}
_FR_SUFFIXES = (  # the first that matches wins
    ("prenez", "prendre"),
    ("tenez", "tenir"),
    ("venez", "venir"),
    ("mettez", "mettre"),
    ("cevez", "cevoir"),
    ("uisez", "uire"),
    ("crivez", "crire"),
    ("issez", "ir"),
    ("endez", "endre"),
    ("ez", "er"),
)
_FR_NOT_VERBS = frozenset({"chez", "assez", "nez", "rez"})
_FR_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "au",
        "aux",
        "ce",
        "ces",
        "cet",
        "cette",
        "nos",
        "vos",
        "leurs",
        "chaque",
    ]
)
_FR_ENCLITICS = ("les", "le", "la", "lui", "leur", "en", "y", "vous", "nous", "moi")
_FR_MINE = {"votre": "notre", "vos": "nos", "vôtre": "nôtre", "vôtres": "nôtres"}
_FR_COORDINATORS = frozenset({"et", "puis", "ou", ",", ";", ":"})
_FR_VOWELS = "aeiouyhàâäéèêëîïôöûüœæ"
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒ]+(?:'|’)?(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*|\s+|.", re.DOTALL)


def _fr_infinitive(word: str) -> str | None:
    """The infinitive of a verb in the imperative (vous form), or None if it is not one."""
    lower = word.lower()
    if lower in _FR_NOT_VERBS:
        return None
    if lower in _FR_IRREGULAR:
        return _FR_IRREGULAR[lower]
    if not lower.endswith("ez") or len(lower) < 4:
        return None
    for suffix, replacement in _FR_SUFFIXES:
        if lower.endswith(suffix):
            return lower[: -len(suffix)] + replacement
    return None  # pragma: no cover - "ez" always matches


def _fr_verb_group(token: str) -> str | None:
    """``partagez-les`` → ``les partager``, ``assurez-vous`` → ``nous assurer``."""
    verb, *pronouns = token.split("-")
    if any(p.lower() not in _FR_ENCLITICS for p in pronouns):
        return None
    infinitive = _fr_infinitive(verb)
    if infinitive is None:
        return None
    words = [*("nous" if p.lower() == "vous" else p.lower() for p in pronouns), infinitive]
    text = words[-1]
    for word in reversed(words[:-1]):  # « le » and « la » elide: « l'inscrire »
        elide = word in ("le", "la") and text[:1] in _FR_VOWELS
        text = f"l'{text}" if elide else f"{word} {text}"
    return text


def _de(text: str) -> str:
    return ("d'" if text[:1].lower() in _FR_VOWELS else "de ") + text


def _fr_nous_form(word: str) -> str:
    """``pouvez`` → ``pouvons``, ``rédigez`` → ``rédigeons``: after « vous », now « nous »."""
    lower = word.lower()
    special = {"êtes": "sommes", "faites": "faisons", "dites": "disons"}
    if lower in special:
        return special[lower]
    if not lower.endswith("ez"):
        return word
    stem = lower[:-2]
    if stem.endswith("g"):
        return stem + "eons"
    if stem.endswith("c"):
        return stem[:-1] + "çons"
    return stem + "ons"


def _fr_sentence(sentence: str, first_in_step: bool, opened: bool = False) -> tuple[str, bool]:
    """The sentence with its imperatives turned into what « nous » plan; True if any was."""
    opening = "nous prévoyons " if first_in_step else "nous prévoyons aussi "
    negative = re.match(r"(?:Ne |N'|N’)(\w+) (pas|jamais|plus) ", sentence)
    if negative and (infinitive := _fr_infinitive(negative.group(1))):
        head = f"{opening}de ne {negative.group(2)} {infinitive} "
        rest, _done = _fr_sentence(sentence[negative.end() :], False, opened=True)
        return head[0].upper() + head[1:] + rest, True
    tokens = _TOKEN.findall(sentence)
    words = [(i, t) for i, t in enumerate(tokens) if not t.isspace()]
    out = list(tokens)
    converted = 1 if opened else 0
    previous = ""
    for position, (index, token) in enumerate(words):
        lower = token.lower()
        if previous == "vous":
            out[index] = _fr_nous_form(token)
        elif lower in _FR_MINE:
            mine = _FR_MINE[lower]
            out[index] = mine.capitalize() if token[0].isupper() else mine
        elif lower == "vous":
            out[index] = "Nous" if token[0].isupper() else "nous"
        elif (
            (token[0].islower() or position == 0)
            and previous not in _FR_DETERMINERS
            and (group := _fr_verb_group(token)) is not None
        ):
            if converted == 0:
                text = opening + _de(group)
                out[index] = text[0].upper() + text[1:] if position == 0 else text
            elif previous in _FR_COORDINATORS:
                out[index] = _de(group)
            else:
                out[index] = group
            converted += 1
        previous = lower
    return "".join(out), converted > 0


def plan_in_french(step: str) -> str:
    """``step`` (un conseil à l'impératif) as what the authority plans: « Nous prévoyons de… »."""
    sentences = re.split(r"(?<=[.!?])\s+", step.strip())
    out: list[str] = []
    planned = False
    for sentence in sentences:
        text, done = _fr_sentence(sentence, not planned)
        planned = planned or done
        out.append(text)
    if not planned:
        return f"Nous prévoyons la mesure suivante\u00a0: {step.strip()}"
    return " ".join(out)


PLANNERS = {"en": plan_in_english, "fr": plan_in_french}


def plan_step(step: Text) -> str:
    """The step in the current language, in the authority's voice."""
    language = current_language()
    if step.is_missing(language):
        language = next(
            (lang for lang in (SOURCE_LANGUAGE, *PLANNERS) if not step.is_missing(lang)), language
        )
    planner = PLANNERS.get(language)
    text = step.get(language)
    return planner(text) if planner else text


# --- The draft -------------------------------------------------------------------------------

# A step that starts from the one before ("Write triage criteria based on this analysis") names
# something with a demonstrative that the step itself has not introduced.
_BACK_REFERENCES = {
    "en": re.compile(
        r"\b(?:(?:this|that|these|those) (analysis|list|inventory|mapping|survey|review)"
        r"|the (list)(?! of))\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:cette|ce|cet|ces) (analyse|liste|inventaire|cartographie|enquête|recensement)\b",
        re.I,
    ),
}


def refers_back(text: str, language: str) -> bool:
    """Whether ``text`` starts from an earlier step ("this analysis", « cette liste »)."""
    pattern = _BACK_REFERENCES.get(language)
    for match in pattern.finditer(text) if pattern else ():
        noun = re.escape(match.group(1) or match.group(2))
        if not re.search(rf"\b{noun}\b", text[: match.start()], re.I):
            return True
    return False


def _with_earlier_step(framework: Framework, gap: Gap, step: Text) -> Text:
    """``step``, preceded by the step before it when it refers back to that one."""
    level = gap.level or 0
    previous = framework.indicator(gap.indicator_id).next_step(level - 1) if level > 1 else None
    if previous is None:
        return step
    languages = set(step.by_language) | set(previous.by_language)
    joined = {}
    for language in languages:
        text, before = step.get(language), previous.get(language)
        joined[language] = f"{before} {text}" if refers_back(text, language) else text
    return Text(joined)


def _gap_paragraph(framework: Framework, gap: Gap) -> str:
    indicator = framework.indicator(gap.indicator_id)
    step = gap_next_step(framework, gap)
    if gap.level:
        state = _("Now at level {level}, target {target}.").format(
            level=gap.level, target=gap.target_level
        )
    else:
        state = _("Not enough information to rate it yet.")
    if step:
        action = plan_step(_with_earlier_step(framework, gap, step))
    else:
        action = PLANNERS.get(current_language(), plan_in_english)(
            _("Find out where the authority stands, then act.")
        )
    return f"• {indicator.question.get()}\n  {state} {action}"


def draft_from_gaps(
    framework: Framework, assessment_id: int, gaps: list[Gap], contact_person: str
) -> RequestContent:
    """Prefill areas, aims, title and description from ``gaps``, in the current language."""
    indicators = [framework.indicator(gap.indicator_id) for gap in gaps]
    area_ids = list(dict.fromkeys(indicator.area_id for indicator in indicators))
    aims = [aim for aim in AIMS if any(aim in indicator.aims for indicator in indicators)]
    area_titles = ", ".join(framework.area(area_id).title.get() for area_id in area_ids)
    title = _("Strengthening: {areas}").format(areas=area_titles)
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1] + "…"
    description = "\n".join(
        [_("Gaps found in our self-assessment, and the next steps we plan:")]
        + [_gap_paragraph(framework, gap) for gap in gaps]
    )
    return RequestContent(
        title=title,
        assessment_id=assessment_id,
        areas=tuple(area_ids),
        indicators=tuple(indicator.id for indicator in indicators),
        aims=tuple(aims),
        focus=Focus.INSTITUTIONAL,
        description=description,
        contact_person=contact_person,
    )
