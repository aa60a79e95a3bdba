"""`python -m acsg_desktop` starts the GUI."""

from acsg_desktop.gui.app import main

raise SystemExit(main())
