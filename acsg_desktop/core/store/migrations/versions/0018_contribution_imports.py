"""Contributions imported from other laptops: one row per file merged into an assessment, with
the state both sides shared after it (to tell a conflict from a change next time).

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    server = op.get_bind().dialect.name == "postgresql"
    moment = sa.DateTime(timezone=server)  # timestamptz on a server, as 0015 made the others
    op.create_table(
        "contribution_import",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessment.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("contribution_id", sa.String(36), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("contributor", sa.String(200), nullable=False),
        sa.Column("signer_fingerprint", sa.String(200), nullable=False),
        sa.Column("created_at", moment, nullable=False),
        sa.Column("imported_by", sa.String(200), nullable=False),
        sa.Column("imported_at", moment, nullable=False),
        sa.Column("common", postgresql.JSONB() if server else sa.Text(), nullable=False),
        sa.UniqueConstraint("assessment_id", "sha256"),
    )
    if server:
        op.execute(
            "CREATE TRIGGER contribution_import_changed AFTER INSERT OR UPDATE OR DELETE ON "
            "contribution_import FOR EACH STATEMENT EXECUTE FUNCTION acsg_notify_change()"
        )


def downgrade() -> None:
    op.drop_table("contribution_import")
