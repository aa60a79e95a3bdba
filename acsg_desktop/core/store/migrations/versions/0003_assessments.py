"""Assessments, their answers, and the framework versions they are pinned to.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "framework_snapshot",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("framework_id", sa.String(50), nullable=False),
        sa.Column("version", sa.String(20), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.UniqueConstraint("framework_id", "version"),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("framework_id", sa.String(50), nullable=False),
        sa.Column("framework_version", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("contexts", sa.Text, nullable=False),
        sa.Column("cursor", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("completed_at", sa.DateTime, nullable=True),
        sa.Column(
            "copied_from",
            sa.Integer,
            sa.ForeignKey("assessment.id", ondelete="SET NULL"),
            nullable=True,
        ),
    )
    op.create_table(
        "answer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessment.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("indicator_id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("level", sa.Integer, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("answered_by", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("assessment_id", "indicator_id"),
    )


def downgrade() -> None:
    op.drop_table("answer")
    op.drop_table("assessment")
    op.drop_table("framework_snapshot")
