"""Receipts imported from the Secretariat, one row per receipt.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "receipt",
        sa.Column("receipt_id", sa.String(36), primary_key=True),
        sa.Column("package_id", sa.String(36), nullable=False, index=True),
        sa.Column("issued", sa.String(40), nullable=False),
        sa.Column("verification", sa.String(20), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("imported_by", sa.String(200), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("receipt")
