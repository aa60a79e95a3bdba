"""Packages exported to the Secretariat (the outbox).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("package_id", sa.String(36), nullable=False, unique=True),
        sa.Column("sequence", sa.Integer, nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content_digest", sa.String(64), nullable=False, index=True),
        sa.Column("file_path", sa.Text, nullable=False),
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("package")
