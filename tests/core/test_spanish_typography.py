"""Spanish typography: the checker's rules, and no violation in the UI, framework and guides."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.tool_module import load_tool

ROOT = Path(__file__).resolve().parents[2]


TOOL = load_tool("spanish_typography")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Desea guardar?", "question marks unpaired"),
        ("¡Listo", "exclamation marks unpaired"),
        ("Carpeta de datos : {path}", "space before ':'"),
        ("¿Guardar los cambios ?", "space before '?'"),
        ("Lea « Lecturas complementarias»", "space inside"),
    ],
)
def test_each_rule_is_caught(text: str, rule: str) -> None:
    assert any(problem.startswith(rule) for problem in TOOL.text_problems(text))


@pytest.mark.parametrize(
    "text",
    [
        "¿Desea guardar los cambios? ¡Hecho!",
        "Carpeta de datos: {path}",
        "Consulte https://example.org/page?id=1 y `area.x`: véase «Lecturas complementarias».",
        "De 10:30 a 12:00, en %H:%M.",
    ],
)
def test_good_spanish_passes(text: str) -> None:
    assert TOOL.text_problems(text) == []


def spanish_files() -> list[Path]:
    return [
        ROOT / "translations" / "es" / "LC_MESSAGES" / "acsg.po",
        ROOT / "resources" / "glossary.json",
        *sorted((ROOT / "resources" / "frameworks").rglob("*.json")),
        *sorted((ROOT / "resources" / "guides").glob("*.es.md")),
        *sorted((ROOT / "resources" / "help").glob("*.es.md")),
    ]


@pytest.mark.parametrize("path", spanish_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_spanish_texts_are_typeset(path: Path) -> None:
    problems = TOOL.check_files([path])
    assert not problems, f"{len(problems)} Spanish typography problem(s):\n" + "\n".join(
        problems[:20]
    )
