"""Practice guides with an FTS5 full-text index (accent- and case-insensitive), and bookmarks.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FTS_TRIGGERS = (
    """CREATE TRIGGER guide_document_ai AFTER INSERT ON guide_document BEGIN
         INSERT INTO guide_fts(rowid, title, summary, body)
         VALUES (new.id, new.title, new.summary, new.body);
       END""",
    """CREATE TRIGGER guide_document_ad AFTER DELETE ON guide_document BEGIN
         INSERT INTO guide_fts(guide_fts, rowid, title, summary, body)
         VALUES ('delete', old.id, old.title, old.summary, old.body);
       END""",
    """CREATE TRIGGER guide_document_au AFTER UPDATE ON guide_document BEGIN
         INSERT INTO guide_fts(guide_fts, rowid, title, summary, body)
         VALUES ('delete', old.id, old.title, old.summary, old.body);
         INSERT INTO guide_fts(rowid, title, summary, body)
         VALUES (new.id, new.title, new.summary, new.body);
       END""",
)


def upgrade() -> None:
    op.create_table(
        "guide_document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("guide_id", sa.String(100), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("type", sa.String(30), nullable=False),
        sa.Column("areas", sa.Text, nullable=False),
        sa.Column("aims", sa.Text, nullable=False),
        sa.Column("region", sa.String(40), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.UniqueConstraint("guide_id", "lang"),
    )
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL searches with tsvector (0015)
        _create_fts5()
    op.create_table(
        "guide_bookmark",
        sa.Column("guide_id", sa.String(100), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def _create_fts5() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE guide_fts USING fts5(title, summary, body, "
        "content='guide_document', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    for trigger in FTS_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    op.drop_table("guide_bookmark")
    if op.get_bind().dialect.name == "sqlite":
        for name in ("guide_document_ai", "guide_document_ad", "guide_document_au"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE guide_fts")
    op.drop_table("guide_document")
