"""Persistence: SQLAlchemy engine, rows, unit of work, migrations, backups.

All SQLite-specific code (pragmas, backup API, FTS5) lives in this package. ORM rows never leave
it: repositories return plain dataclasses.
"""
