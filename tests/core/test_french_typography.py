"""French typography: the checker's rules, and no violation in the UI, framework and guides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.tool_module import load_tool

ROOT = Path(__file__).resolve().parents[2]
NNBSP, NBSP = "\u202f", "\u00a0"


TOOL = load_tool("french_typography")


def fixed(text: str) -> str:
    return str(TOOL.fix_text(text)[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Domaine :", f"Domaine{NBSP}:"),
        ("Domaine: oui", f"Domaine{NBSP}: oui"),
        ("Prêt ?", f"Prêt{NNBSP}?"),
        ("Prêt?", f"Prêt{NNBSP}?"),
        ("Attention !", f"Attention{NNBSP}!"),
        ("un ; deux", f"un{NNBSP}; deux"),
        ("« sans objet »", f"«{NBSP}sans objet{NBSP}»"),
        ("«sans objet»", f"«{NBSP}sans objet{NBSP}»"),
        (f"erreur{NBSP} : oui", f"erreur{NBSP}: oui"),  # two spaces become one
        (f"Vraiment{NBSP}?", f"Vraiment{NNBSP}?"),  # the narrow one before ?
        ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
    ],
)
def test_spaces_are_replaced_or_added(text: str, expected: str) -> None:
    assert fixed(text) == expected
    assert fixed(expected) == expected  # idempotent
    assert TOOL.fix_text(expected)[1] == []


@pytest.mark.parametrize(
    "text",
    [
        "à 10:30 le matin",
        "un ratio de 1:5",
        "voir https://www.example.org/a?b=1&c=2:3",
        "tapez `acsg profile set` puis `a:b`",
        "{name}:{value}",
        "%H:%M",
        "![image](a.png) et [lien](http://example.org/x?y)",
        "&amp; et &nbsp;",
        "Certificats (*.pem);;Tous les fichiers (*)",  # Qt's filter separator
        "(?)",
    ],
)
def test_code_urls_times_and_placeholders_are_left_alone(text: str) -> None:
    assert fixed(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a reading list, a title in another language keeps its own punctuation
        (
            f"- HCR, *Beyond Proof{NBSP}: Credibility Assessment*, 2013",
            "- HCR, *Beyond Proof: Credibility Assessment*, 2013",
        ),
        (
            "- *Mexico : expedited procedures* et *Safe & Sound: what can States do?*",
            "- *Mexico: expedited procedures* et *Safe & Sound: what can States do?*",
        ),
        # a French one, or French prose around it, does not
        (
            "- *Principes directeurs n° 8 : les demandes d'asile*",
            f"- *Principes directeurs n° 8{NBSP}: les demandes d'asile*",
        ),
        ("- *Mexique : procédures accélérées*", f"- *Mexique{NBSP}: procédures accélérées*"),
        ("- voir *Beyond Proof*: un guide", f"- voir *Beyond Proof*{NBSP}: un guide"),
    ],
)
def test_a_title_in_another_language_keeps_its_punctuation(text: str, expected: str) -> None:
    assert str(TOOL.fix_text(text, titles=True)[0]) == expected
    assert TOOL.fix_text(expected, titles=True)[1] == []


def test_italics_in_prose_are_french_and_titles_only_in_the_reading_list(tmp_path: Path) -> None:
    guide = tmp_path / "g.fr.md"
    guide.write_text(
        "---\nlang: fr\n---\n## Étapes\n\n*Attention !* et *Remarque : voir*\n\n"
        "## Pour aller plus loin\n\n- HCR, *Beyond Proof : Credibility*, 2013\n",
        encoding="utf-8",
    )
    _original, fixed_text, found = TOOL.process_file(guide)
    assert f"*Attention{NNBSP}!* et *Remarque{NBSP}: voir*" in fixed_text
    assert "*Beyond Proof: Credibility*" in fixed_text
    assert len(found) == 3


def test_po_only_msgstr_changes_and_is_rewrapped_as_pybabel_writes(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Project-Id-Version: X\\n"\n\n'
        'msgid "Area: {name}?"\nmsgstr "Domaine : {name} ?"\n',
        encoding="utf-8",
    )
    assert TOOL.main(["--fix", str(po)]) == 0
    text = po.read_text(encoding="utf-8")
    assert 'msgid "Area: {name}?"' in text and "Project-Id-Version: X" in text
    assert f'msgstr "Domaine{NBSP}: {{name}}{NNBSP}?"' in text
    assert TOOL.main(["--check", str(po)]) == 0


def test_json_only_fr_values_change(tmp_path: Path) -> None:
    path = tmp_path / "area.json"
    path.write_text(
        json.dumps({"title": {"en": "Why: this?", "fr": "Pourquoi : ceci ?"}, "id": "a:b"}),
        encoding="utf-8",
    )
    assert TOOL.main(["--check", str(path)]) == 1
    TOOL.main(["--fix", str(path)])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "title": {"en": "Why: this?", "fr": f"Pourquoi{NBSP}: ceci{NNBSP}?"},
        "id": "a:b",
    }


def test_markdown_keeps_front_matter_keys_tables_and_code(tmp_path: Path) -> None:
    guide = tmp_path / "g.fr.md"
    guide.write_text(
        '---\nid: g\nlang: fr\ntitle: "Titre : sous-titre"\nareas: [a]\n---\n\n'
        "## Étapes\n\n| A | B |\n|:--|--:|\n| x : y | z |\n\n```\ncode : ici\n```\n"
        "Texte ; fin\n",
        encoding="utf-8",
    )
    TOOL.main(["--fix", str(guide)])
    text = guide.read_text(encoding="utf-8")
    assert f'title: "Titre{NBSP}: sous-titre"' in text and "lang: fr\n" in text
    assert "|:--|--:|" in text and f"| x{NBSP}: y | z |" in text
    assert "code : ici" in text and f"Texte{NNBSP}; fin" in text


def test_an_english_guide_is_not_touched(tmp_path: Path) -> None:
    guide = tmp_path / "g.en.md"
    source = "---\nid: g\nlang: en\ntitle: A: b\n---\n\nText; end?\n"
    guide.write_text(source, encoding="utf-8")
    TOOL.main(["--fix", str(guide)])
    assert guide.read_text(encoding="utf-8") == source


def french_files() -> list[Path]:
    return [
        ROOT / "translations" / "fr" / "LC_MESSAGES" / "acsg.po",
        ROOT / "resources" / "glossary.json",
        *sorted((ROOT / "resources" / "frameworks").rglob("*.json")),
        *sorted((ROOT / "resources" / "guides").glob("*.fr.md")),
    ]


@pytest.mark.parametrize("path", french_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_french_texts_are_typeset(path: Path) -> None:
    problems = TOOL.check_files([path])
    assert not problems, (
        f"{len(problems)} French typography problem(s); run "
        f"`.venv/bin/python tools/french_typography.py --fix {path.relative_to(ROOT)}`:\n"
        + "\n".join(problems[:20])
    )
