"""Fail when the committed template lacks or keeps messages the code does not (run `make i18n`).

Usage: pot_is_current.py FRESH.pot COMMITTED.pot
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po


def message_ids(path: Path) -> set[tuple[str, ...]]:
    with path.open("rb") as stream:
        catalog = read_po(stream)
    ids = set()
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, tuple) else (message.id,)
        ids.add(((message.context or ""), *key))
    return ids


def main(fresh: str, committed: str) -> int:
    wanted, found = message_ids(Path(fresh)), message_ids(Path(committed))
    missing, stale = sorted(wanted - found), sorted(found - wanted)
    for label, items in (("not in", missing), ("no longer in the code but still in", stale)):
        for item in items:
            print(f"{label} {committed}: {item[1:]!r}", file=sys.stderr)
    if missing or stale:
        print("acsg.pot is out of date: run `make i18n`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
