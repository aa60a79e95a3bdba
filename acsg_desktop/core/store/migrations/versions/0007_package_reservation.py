"""Sequence numbers reserved before a package file is written.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package_reservation",
        sa.Column("sequence", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("package_id", sa.String(36), nullable=False, unique=True),
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("content_digest", sa.String(64), nullable=False),
        sa.Column("file_path", sa.Text, nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(100), nullable=False),
        sa.Column("request_ids", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("package_reservation")
