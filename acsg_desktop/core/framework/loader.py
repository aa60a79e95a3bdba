"""Loading a framework from its JSON files, each checked against its JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.framework.model import (
    DEFAULT_TARGET_LEVEL,
    Area,
    Condition,
    Context,
    Framework,
    Indicator,
    Text,
    fingerprint,
)
from acsg_desktop.core.i18n import _
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json
from acsg_desktop.paths import resources_dir

MANIFEST = "framework.json"
DEFAULT_FRAMEWORK = "acsg-capacity"


class FrameworkError(AcsgError):
    """A framework file is unreadable or breaks the schema; the message names file and field."""


def framework_folder(name: str = DEFAULT_FRAMEWORK) -> Path:
    """Where the shipped framework ``name`` lives."""
    return resources_dir() / "frameworks" / name


def validate_document(document: object, schema_name: str, file_name: str) -> None:
    """Raise FrameworkError naming the file and the field when ``document`` breaks the schema."""
    problem = schema_problem(document, schema_name, file_name)
    if problem:
        raise FrameworkError(problem)


def _read_json(path: Path) -> Any:
    try:
        return strict_json(path.read_bytes())
    except OSError as error:
        raise FrameworkError(
            _("{file} cannot be read: {reason}").format(file=path.name, reason=os_reason(error))
        ) from error
    except JsonDocumentError as error:
        raise FrameworkError(
            _("{file} is not valid JSON: {reason}").format(file=path.name, reason=error.message)
        ) from error


def read_framework_source(folder: Path) -> dict[str, Any]:
    """The raw manifest and area documents of the framework in ``folder``, validated."""
    manifest = _read_json(folder / MANIFEST)
    validate_document(manifest, "framework.schema.json", MANIFEST)
    areas = []
    for file_name in manifest["areas"]:
        area = _read_json(folder / "areas" / file_name)
        validate_document(area, "area.schema.json", file_name)
        areas.append(area)
    return {"manifest": manifest, "areas": areas}


def _text(raw: dict[str, str]) -> Text:
    return Text(dict(raw))


def _condition(raw: dict[str, Any]) -> Condition:
    return Condition(raw["context"], _text(raw["reason"]))


def _indicator(raw: dict[str, Any], area_id: str) -> Indicator:
    condition = raw.get("applies_if")
    return Indicator(
        id=raw["id"],
        area_id=area_id,
        question=_text(raw["question"]),
        levels=tuple(_text(level) for level in raw["levels"]),
        aims=tuple(raw["aims"]),
        evidence_prompt=_text(raw["evidence_prompt"]),
        next_steps=tuple(_text(step) for step in raw["next_steps"]),
        weight=int(raw["weight"]),
        target_level=int(raw.get("target_level", DEFAULT_TARGET_LEVEL)),
        guides=tuple(raw.get("guides", ())),
        condition=_condition(condition) if condition else None,
        fingerprint=fingerprint(raw),
        always_applies=bool(raw.get("always_applies", False)),
    )


def _check_references(framework: Framework) -> None:
    context_ids = {context.id for context in framework.contexts}
    seen: set[str] = set()
    for area in framework.areas:
        for indicator in area.indicators:
            if indicator.id in seen or not indicator.id.startswith(area.id + "."):
                raise FrameworkError(
                    _("{file}: the indicator id {id} is repeated or outside its area.").format(
                        file=area.id, id=indicator.id
                    )
                )
            seen.add(indicator.id)
            if indicator.condition and indicator.condition.context not in context_ids:
                raise FrameworkError(
                    _("{file}: {id} depends on an unknown context {context}.").format(
                        file=area.id, id=indicator.id, context=indicator.condition.context
                    )
                )
            if indicator.condition and indicator.always_applies:
                raise FrameworkError(
                    _("{file}: {id} always applies, so it cannot depend on a context.").format(
                        file=area.id, id=indicator.id
                    )
                )


def framework_from_source(source: dict[str, Any]) -> Framework:
    """Build a Framework from raw documents (shipped files or a snapshot kept in the database)."""
    manifest = source["manifest"]
    framework = Framework(
        id=manifest["id"],
        version=manifest["version"],
        title=_text(manifest["title"]),
        contexts=tuple(Context(c["id"], _text(c["question"])) for c in manifest["contexts"]),
        areas=tuple(
            Area(
                id=area["id"],
                title=_text(area["title"]),
                summary=_text(area["summary"]),
                indicators=tuple(_indicator(raw, area["id"]) for raw in area["indicators"]),
            )
            for area in source["areas"]
        ),
        source=source,
    )
    _check_references(framework)
    return framework


def load_framework(folder: Path | None = None) -> Framework:
    """Load and validate the framework in ``folder`` (default: the shipped one)."""
    return framework_from_source(read_framework_source(folder or framework_folder()))
