"""French next steps (« Adoptez une procédure écrite… ») in the authority's voice (« Nous prévoyons
d'adopter une procédure écrite… »), for drafted requests: imperatives become infinitives."""

from __future__ import annotations

import re

from acsg_desktop.core.requests.voice_sentences import planned_sentences

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

    def convert(sentence: str, first: bool) -> str | None:
        text, done = _fr_sentence(sentence, first)
        return text if done else None

    planned = planned_sentences(step, convert)
    return planned or f"Nous prévoyons la mesure suivante\u00a0: {step.strip()}"
