"""Spanish next steps become what the authority plans («Prevemos…»), as in English and French."""

from __future__ import annotations

import re

import pytest

from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.requests.voice_es import infinitive, plan_in_spanish


@pytest.mark.parametrize(
    ("advice", "plan"),
    [
        (
            "Cree un registro único y designe a una persona responsable.",
            "Prevemos crear un registro único y designar a una persona responsable.",
        ),
        (
            "Para cada perfil, redacte una nota breve, compruébela con los socios y publíquela.",
            "Para cada perfil, prevemos redactar una nota breve, comprobarla con los socios y "
            "publicarla.",
        ),
        (
            "Asegúrese de que cada oficina tenga una copia. Después, revise el informe cada año.",
            "Prevemos asegurarnos de que cada oficina tenga una copia. Después, también prevemos "
            "revisar el informe cada año.",
        ),
        (
            "No espere a la ley; acuerde un calendario con el ministerio.",
            "Prevemos no esperar a la ley; acordar un calendario con el ministerio.",
        ),
        (
            "Dé a cada oficial un nombre de usuario y un informe mensual.",
            "Prevemos dar a cada oficial un nombre de usuario y un informe mensual.",
        ),
        ("Un texto sin consejo.", "Prevemos la medida siguiente: Un texto sin consejo."),
    ],
)
def test_spanish_advice_becomes_a_plan(advice: str, plan: str) -> None:
    assert plan_in_spanish(advice) == plan


def test_nouns_that_look_like_imperatives_stay_nouns() -> None:
    assert infinitive("informe", first=True) == "informar"  # "Informe a…" opens a sentence
    assert infinitive("de", first=False) is None  # the preposition, not "dé"
    plan = plan_in_spanish("Publique el informe y el nombre del responsable.")
    assert plan == "Prevemos publicar el informe y el nombre del responsable."


def test_every_spanish_next_step_of_the_framework_becomes_a_plan() -> None:
    for indicator in load_framework().indicators:
        for step in indicator.next_steps:
            plan = plan_in_spanish(step.get("es"))
            assert "prevemos" in plan.lower() and "medida siguiente" not in plan, plan
            for sentence in re.split(r"(?<=[.!?])\s+", plan):
                opener = sentence.split(" ", 1)[0].strip(",")
                assert infinitive(opener, first=False) is None or opener == "Prevemos", plan
