"""Alembic migrations of the ACSG Desktop database."""
