"""One term for one concept: the glossary, and the UI, framework and guides checked against it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = json.loads((ROOT / "resources" / "glossary.json").read_text(encoding="utf-8"))
TERMS = GLOSSARY["terms"]
TRANSLATIONS = ROOT / "translations"
GUIDES = ROOT / "resources" / "guides"
FRAMEWORKS = ROOT / "resources" / "frameworks"
# References keep the titles of the documents they cite, in their own language.
READING = {
    "en": "## Further reading",
    "fr": "## Pour aller plus loin",
    "es": "## Lecturas complementarias",
}
LANGUAGES = ("en", "fr", "es")
TRANSLATED = ("fr", "es")
# Spelled out at the first use in a text, then the short form.
FULL_NAMES = {
    "en": {
        "EUAA": "European Union Agency for Asylum (EUAA)",
        "ACSG": "Asylum Capacity Support Group (ACSG)",
    },
    "fr": {
        "AUEA": "Agence de l'Union européenne pour l'asile (AUEA)",
        "ACSG": "Groupe d'appui à la capacité d'asile (ACSG)",
    },
    "es": {
        "AAUE": "Agencia de Asilo de la Unión Europea (AAUE)",
        "ACSG": "Grupo de Apoyo a la Capacidad de Asilo (ACSG)",
    },
}


def test_the_glossary_is_complete_and_consistent() -> None:
    ids = [term["id"] for term in TERMS]
    assert 40 <= len(ids) <= 80 and len(set(ids)) == len(ids)
    for term in TERMS:
        for language in LANGUAGES:
            assert term["term"][language].strip(), term["id"]
            assert isinstance(term["forbidden"][language], list), term["id"]
    for language in TRANSLATED:
        preferred = {t["term"][language].casefold() for t in TERMS}
        for term in TERMS:
            for variant in term["forbidden"][language]:
                assert variant.casefold() not in preferred, (term["id"], variant)
    for concept in ("first-instance", "case-officer", "euaa", "acsg", "target-capacity"):
        assert concept in ids
    by_id = {t["id"]: t for t in TERMS}
    assert by_id["first-instance"]["term"]["fr"] == "première instance"
    assert by_id["case-officer"]["term"]["fr"] == "agent de protection"
    assert by_id["internal-reconsideration"]["term"]["fr"] == "recours gracieux"
    assert by_id["target-capacity"]["term"]["fr"] == "capacité visée"
    assert by_id["focus"]["term"]["fr"] != by_id["target-capacity"]["term"]["fr"]
    assert by_id["asylum-seeker"]["term"]["es"] == "solicitante de asilo"
    assert by_id["backlog"]["term"]["es"] == "rezago"
    assert by_id["refugee-status-determination"]["term"]["es"] == (
        "determinación de la condición de refugiado"
    )
    assert by_id["focus"]["term"]["es"] != by_id["target-capacity"]["term"]["es"]


def _pattern(variant: str) -> re.Pattern[str]:
    # A variant with a capital letter (EUAA, Cible) is matched as written, others in any case.
    flags = 0 if any(c.isupper() for c in variant) else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + re.escape(variant).replace("'", "['’]") + r"(?![\w-])", flags)


FORBIDDEN = {
    language: [
        (term["id"], variant, _pattern(variant))
        for term in TERMS
        for variant in term["forbidden"][language]
    ]
    for language in LANGUAGES
}


def _without_reading(body: str, language: str) -> str:
    head, _sep, _rest = body.partition(READING[language])
    return head


def guide_texts(language: str) -> Iterator[tuple[str, str]]:
    for path in sorted(GUIDES.glob(f"*.{language}.md")):
        text = path.read_text(encoding="utf-8")
        _empty, front, body = text.split("---\n", 2) if text.startswith("---\n") else ("", "", text)
        kept = [line for line in front.splitlines() if line.startswith(("title:", "summary:"))]
        yield path.name, "\n".join(kept) + "\n" + _without_reading(body, language)


def framework_texts(language: str) -> Iterator[tuple[str, str]]:
    def strings(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == language and isinstance(value, str):
                    yield value
                else:
                    yield from strings(value)
        elif isinstance(node, list):
            for item in node:
                yield from strings(item)

    for path in sorted(FRAMEWORKS.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield str(path.relative_to(FRAMEWORKS)), "\n".join(strings(data))


def ui_texts(language: str) -> Iterator[tuple[str, str]]:
    catalog_of = "fr" if language == "en" else language  # English: the msgids of any catalogue
    with (TRANSLATIONS / catalog_of / "LC_MESSAGES" / "acsg.po").open("rb") as handle:
        catalog = read_po(handle)
    messages = [m for m in catalog if m.id]
    if language != "en":
        strings = [
            s for m in messages for s in (m.string if isinstance(m.string, tuple) else [m.string])
        ]
    else:
        strings = [i for m in messages for i in (m.id if isinstance(m.id, tuple) else [m.id])]
    yield "acsg.po", "\n".join(str(s) for s in strings)


SOURCES = {"ui": ui_texts, "framework": framework_texts, "guides": guide_texts}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("source", list(SOURCES))
def test_no_forbidden_variant(source: str, language: str) -> None:
    found = []
    for name, text in SOURCES[source](language):
        for term_id, variant, pattern in FORBIDDEN[language]:
            for match in pattern.finditer(text):
                start = max(0, match.start() - 30)
                found.append(f"{name}: {variant!r} ({term_id}): …{text[start : match.end() + 30]}…")
    assert not found, "\n".join(found[:40])


@pytest.mark.parametrize(
    ("language", "short", "full"),
    [
        (language, short, full)
        for language, names in FULL_NAMES.items()
        for short, full in names.items()
    ],
)
def test_a_guide_spells_out_the_agencies_at_first_use(language: str, short: str, full: str) -> None:
    wrong = []
    for path in sorted(GUIDES.glob(f"*.{language}.md")):
        body = _without_reading(path.read_text(encoding="utf-8").split("---\n", 2)[-1], language)
        first = re.search(rf"\b{short}\b", body)
        opening = full[: full.index(short)]  # « (AUEA, alors EASO) » is a first use too
        if first and body[max(0, first.start() - len(opening)) : first.start()] != opening:
            wrong.append(path.name)
    assert not wrong, f"{short} used before «{full}» in: {', '.join(wrong)}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_ui_spells_out_the_acsg_once(language: str) -> None:
    _name, text = next(ui_texts(language))
    assert all(full in text for full in FULL_NAMES[language].values())
