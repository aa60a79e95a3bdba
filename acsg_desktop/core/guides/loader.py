"""Reading guides from Markdown files with a YAML front matter, each checked by a schema."""

from __future__ import annotations

import functools
import json
from functools import cache
from pathlib import Path
from typing import Any

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.guides import Guide, GuideText
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.text_rules import unprintable_character
from acsg_desktop.paths import resources_dir

FRONT = "---"
SHARED_FIELDS = ("type", "areas", "aims", "region", "year")  # the source line is per language


class GuideError(AcsgError):
    """A guide file is unreadable or badly formed; the message names the file and field."""


def shipped_guides_dir() -> Path:
    return resources_dir() / "guides"


def shipped_version() -> int:
    """The version of the guide set shipped with this app."""
    return int(json.loads((shipped_guides_dir() / "library.json").read_text())["version"])


@functools.cache
def _no_aliases_loader() -> Any:
    """PyYAML's safe loader without anchors and aliases: a guide's front matter needs none,
    and nested aliases expand exponentially (2 KB of them held an import for minutes)."""
    import yaml

    class NoAliases(yaml.SafeLoader):  # type: ignore[misc]
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, _("aliases (*name) are not allowed"), event.start_mark
                )
            return super().compose_node(parent, index)

    return NoAliases


def split_front_matter(text: str, file_name: str) -> tuple[dict[str, Any], str]:
    """The front matter as a dict, and the Markdown body."""
    import yaml

    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != FRONT or FRONT not in (s.strip() for s in lines[1:]):
        raise GuideError(_("{file} has no front matter between --- lines.").format(file=file_name))
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FRONT)
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=_no_aliases_loader())
    except yaml.YAMLError as error:
        raise GuideError(
            _("{file}: the front matter is not valid YAML: {reason}").format(
                file=file_name, reason=error
            )
        ) from error
    except RecursionError as error:  # PyYAML composes nested collections recursively
        raise GuideError(
            _("{file}: the front matter is not valid YAML: {reason}").format(
                file=file_name, reason=_("it is nested too deeply")
            )
        ) from error
    if not isinstance(meta, dict):
        raise GuideError(_("{file} has no front matter between --- lines.").format(file=file_name))
    return meta, "\n".join(lines[end + 1 :]).strip() + "\n"


def parse_guide_file(name: str, text: str) -> tuple[dict[str, Any], GuideText]:
    """Validate one ``<id>.<lang>.md`` file; return its metadata and text."""
    meta, body = split_front_matter(text, name)
    problem = schema_problem(meta, "guide.schema.json", name)
    if problem:
        raise GuideError(problem)
    if name != f"{meta['id']}.{meta['lang']}.md":
        raise GuideError(
            _("{file}: the id and language must match the file name.").format(file=name)
        )
    for key in ("title", "summary", "source"):
        found = unprintable_character(meta[key], multiline=False)
        if found:  # one-line fields are printed in lists: a line feed would fake a row
            raise GuideError(
                _("{file}: the {field} holds a character that cannot be shown ({code}).").format(
                    file=name, field=key, code=f"U+{ord(found):04X}"
                )
            )
    return meta, GuideText(meta["title"], meta["summary"], body, meta["source"])


def guides_from_files(files: dict[str, str]) -> list[Guide]:
    """Build guides from file name -> text; language versions must agree on their metadata."""
    metas: dict[str, dict[str, Any]] = {}
    texts: dict[str, dict[str, GuideText]] = {}
    for name in sorted(files):
        meta, text = parse_guide_file(name, files[name])
        shared = {key: meta[key] for key in SHARED_FIELDS}
        if metas.setdefault(meta["id"], shared) != shared:
            raise GuideError(
                _("{file}: its metadata differs from the other language.").format(file=name)
            )
        texts.setdefault(meta["id"], {})[meta["lang"]] = text
    return [
        Guide(
            guide_id,
            meta["type"],
            tuple(meta["areas"]),
            tuple(meta["aims"]),
            meta["region"],
            int(meta["year"]),
            texts[guide_id],
        )
        for guide_id, meta in sorted(metas.items())
    ]


@cache
def _shipped() -> tuple[Guide, ...]:
    folder = shipped_guides_dir()
    files = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.*.md")}
    return tuple(guides_from_files(files))


def load_shipped_guides() -> list[Guide]:
    """Every guide shipped in resources/guides (parsed once per process)."""
    return list(_shipped())
