"""`python -m acsg_desktop` starts the GUI.

In the bundle (build.spec) this is the one executable, ``acsg``, and ``acsg-desktop`` is a
symbolic link to it: called by the name ``acsg`` it is the command line, by any other name the
GUI. Only the side that runs is imported, so ``acsg verify`` never loads Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

CLI_NAME = "acsg"


def main() -> int:
    """Run the command line or the GUI, as the program's name says; returns the exit status."""
    if Path(sys.argv[0]).stem == CLI_NAME:
        from acsg_desktop.cli import main as run
    else:
        from acsg_desktop.gui.app import main as run
    return run()


if __name__ == "__main__":
    raise SystemExit(main())
