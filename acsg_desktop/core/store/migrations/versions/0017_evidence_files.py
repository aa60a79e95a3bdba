"""Evidence files attached to answers: each distinct content once (keyed by its SHA-256, the
bytes in the database: bytea on PostgreSQL, a BLOB on SQLite), and one link per answer and file.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    server = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "evidence_blob",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessment.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("indicator_id", sa.String(100), nullable=False),
        sa.Column(
            "blob_sha256", sa.String(64), sa.ForeignKey("evidence_blob.sha256"), nullable=False
        ),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=server), nullable=False),
        sa.UniqueConstraint("assessment_id", "indicator_id", "blob_sha256"),
    )
    if server:
        op.execute(
            "CREATE TRIGGER evidence_file_changed AFTER INSERT OR UPDATE OR DELETE ON "
            "evidence_file FOR EACH STATEMENT EXECUTE FUNCTION acsg_notify_change()"
        )


def downgrade() -> None:
    op.drop_table("evidence_file")
    op.drop_table("evidence_blob")
