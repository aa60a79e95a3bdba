"""ACSG Desktop: asylum-capacity self-assessment and support requests, offline."""

__version__ = "0.1.0"
APP_NAME = "ACSG Desktop"
APP_ID = "org.acsg.desktop"
