"""Spanish next steps («Adopte un procedimiento escrito…») in the authority's voice («Prevemos
adoptar un procedimiento escrito…»), for drafted requests: usted imperatives become infinitives.

Spanish imperatives cannot be told from nouns by their ending alone (informe, nombre, base), so
the verbs are listed: those the framework's steps use, with the regular -e → -ar rule only for
the first word of a sentence. Enclitic pronouns follow the verb («Consúltelas» → «consultarlas»;
«Asegúrese» → «asegurarnos»: we now speak).
"""

from __future__ import annotations

import re
import unicodedata

from acsg_desktop.core.requests.voice_sentences import planned_sentences

_IRREGULAR = {
    "abra": "abrir",
    "acuerde": "acordar",
    "añada": "añadir",
    "advierta": "advertir",
    "averigue": "averiguar",
    "compruebe": "comprobar",
    "comparta": "compartir",
    "concluya": "concluir",
    "convierta": "convertir",
    "cubra": "cubrir",
    "cuente": "contar",
    "cierre": "cerrar",
    "de": "dar",
    "defina": "definir",
    "difunda": "difundir",
    "distribuya": "distribuir",
    "elija": "elegir",
    "emita": "emitir",
    "empiece": "empezar",
    "escriba": "escribir",
    "establezca": "establecer",
    "exija": "exigir",
    "expida": "expedir",
    "extienda": "extender",
    "haga": "hacer",
    "impida": "impedir",
    "incluya": "incluir",
    "instruya": "instruir",
    "introduzca": "introducir",
    "lea": "leer",
    "mantenga": "mantener",
    "mida": "medir",
    "obtenga": "obtener",
    "ofrezca": "ofrecer",
    "permita": "permitir",
    "pida": "pedir",
    "ponga": "poner",
    "prevea": "prever",
    "prohiba": "prohibir",
    "proponga": "proponer",
    "pruebe": "probar",
    "recoja": "recoger",
    "recuerde": "recordar",
    "remita": "remitir",
    "repita": "repetir",
    "responda": "responder",
    "reuna": "reunir",
    "siga": "seguir",
    "someta": "someter",
    "sustituya": "sustituir",
    "tenga": "tener",
    "traduzca": "traducir",
    "vuelva": "volver",
    "asuma": "asumir",
    "atienda": "atender",
    "construya": "construir",
    "decida": "decidir",
    "describa": "describir",
    "divida": "dividir",
    "incluyala": "incluir",
    "suscriba": "suscribir",
    "contribuya": "contribuir",
    "resuelva": "resolver",
    "sostenga": "sostener",
    "disponga": "disponer",
    "reconozca": "reconocer",
    "fortalezca": "fortalecer",
    "promueva": "promover",
    "corrija": "corregir",
    "sirva": "servir",
    "renueve": "renovar",
    "consiga": "conseguir",
    "invierta": "invertir",
    "refuerce": "reforzar",
}
# Regular -ar verbs (imperative in -e) that the steps use after "y" or ";" as well.
_REGULAR_AR = (
    "actualice adapte adopte ajuste alinee amplie analice anote asegure asigne audite base"
    " calcule capacite celebre clasifique codifique coloque compare complete consulte coteje"
    " cree desarrolle designe dibuje diseñe documente dote ejecute elabore entregue enumere"
    " envie equipe estandarice examine financie firme formalice forme formule fotografie"
    " habilite hable identifique incorpore indique informe integre invite lleve modifique"
    " negocie nombre organice pase planifique prepare programe proporcione publique realice"
    " redacte registre revise solicite utilice verifique vincule evite conserve limite"
    " garantice trate use explique aclare separe evalue busque mejore elimine contrate"
    " acompañe supervise vigile tome archive guarde convoque oriente derive cite marque"
    " involucre priorice asocie active fije presupueste acredite consigne investigue presente"
    " aplique notifique armonice califique pague comunique plantee"
)
_AR_ENDINGS = (("que", "car"), ("gue", "gar"), ("güe", "guar"), ("ce", "zar"), ("e", "ar"))
# Words that are also nouns or adjectives: a verb only at the start of a sentence or a clause.
_AMBIGUOUS = frozenset(
    {"base", "de", "firme", "forme", "informe", "nombre", "cuente", "complete", "presente"}
)
_ENCLITICS = ("selas", "selos", "sela", "selo", "las", "los", "les", "la", "lo", "le", "se")
# A sentence that opens with one of these puts its verb after the first comma:
# «Para cada perfil, redacte…» becomes «Para cada perfil, prevemos redactar…».
_LEADS = frozenset(  # without accents, as _plain() writes them
    [
        "a",
        "al",
        "antes",
        "cada",
        "con",
        "cuando",
        "desde",
        "despues",
        "durante",
        "en",
        "entre",
        "mientras",
        "para",
        "por",
        "si",
        "sin",
        "tras",
        "una",
        "un",
        "dentro",
        "hasta",
    ]
)
_COORDINATORS = frozenset({"y", "e", "o", "u", "luego", "despues", "tambien"})
_WORD = re.compile(r"\w+|\W+")


def _plain(word: str) -> str:
    """``word`` in lower case without acute accents or diaeresis (ñ kept)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    kept = "".join(c for c in decomposed if c not in ("\u0301", "\u0308"))
    return unicodedata.normalize("NFC", kept)


def _regular(word: str) -> str | None:
    for ending, infinitive in _AR_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + infinitive
    return None


_KNOWN = dict(_IRREGULAR) | {word: _regular(word) or word for word in _REGULAR_AR.split()}


def infinitive(word: str, first: bool) -> str | None:
    """The infinitive (with its pronoun) of the usted imperative ``word``, else None."""
    if word.lower() == "dé":
        return "dar"
    plain = _plain(word)
    if plain == "de":
        return None  # the preposition
    for pronoun in _ENCLITICS:  # «asegúrese»: a known verb and its pronoun
        verb = _KNOWN.get(plain[: -len(pronoun)]) if plain.endswith(pronoun) else None
        if verb:
            return verb + ("nos" if pronoun == "se" else pronoun.replace("se", "nos", 1))
    return _KNOWN.get(plain) or (_regular(plain) if first else None)


def _sentence(sentence: str, opening: str) -> str | None:
    """The sentence with its imperatives as infinitives after ``opening``; None if none."""
    tokens = _WORD.findall(sentence)
    words = [i for i, token in enumerate(tokens) if token[0].isalnum()]
    if not words:
        return None
    start = 0
    if _plain(tokens[words[0]]) in _LEADS:
        comma = next((i for i, t in enumerate(tokens) if t.startswith(",")), None)
        after = [i for i in words if comma is not None and i > comma]
        if not after:
            return None
        start = words.index(after[0])
    negative = _plain(tokens[words[start]]) == "no" and start + 1 < len(words)
    verb_at = words[start + 1] if negative else words[start]
    verb = infinitive(tokens[verb_at], first=True)
    if verb is None:
        return None
    if negative:
        tokens[words[start]], tokens[verb_at] = f"{opening} no", verb
    else:
        tokens[verb_at] = f"{opening} {verb}"
    if start == 0:
        tokens[words[0]] = tokens[words[0]][:1].upper() + tokens[words[0]][1:]
    _coordinated(tokens, words, start + (2 if negative else 1))
    return "".join(tokens)


def _coordinated(tokens: list[str], words: list[int], begin: int) -> None:
    """Turn the imperatives that follow «y», a comma, «;» or «:» into infinitives too."""
    for position in range(begin, len(words)):
        index = words[position]
        before = tokens[index - 1] if index else ""
        previous = _plain(tokens[words[position - 1]]) if position else ""
        clause_start = ";" in before or ":" in before
        if not (clause_start or "," in before or previous in _COORDINATORS):
            continue
        word = tokens[index]
        if not word.islower() or (_plain(word) in _AMBIGUOUS and not clause_start):
            continue
        verb = infinitive(word, first=False)
        if verb:
            tokens[index] = verb


def plan_in_spanish(step: str) -> str:
    """``step`` (un consejo en imperativo) as what the authority plans: «Prevemos…»."""
    planned = planned_sentences(
        step,
        lambda sentence, first: _sentence(sentence, "prevemos" if first else "también prevemos"),
    )
    return planned or f"Prevemos la medida siguiente: {step.strip()}"
