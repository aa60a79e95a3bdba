"""`python -m acsg_desktop.cli`."""

from acsg_desktop.cli import main

raise SystemExit(main())
