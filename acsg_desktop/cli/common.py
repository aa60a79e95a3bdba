"""What every `acsg` command shares: output, the --json flag, the data folder."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from acsg_desktop.core.i18n import _

Handler = Callable[[argparse.Namespace, Path], int]


def emit(args: argparse.Namespace, document: dict[str, Any], lines: Sequence[str]) -> None:
    """Print ``document`` as one JSON document with --json, else ``lines`` for people."""
    if getattr(args, "json", False):
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))


def json_flag() -> argparse.ArgumentParser:
    """A parent parser adding ``--json`` to a command."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help=_("print one JSON document"))
    return parent
