"""The Secretariat's desk: packages received from authorities, certificates issued to them.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_package",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("package_id", sa.String(36), nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("country", sa.String(2), nullable=False, index=True),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("signer", sa.String(400), nullable=False),
        sa.Column("signer_fingerprint", sa.String(100), nullable=False),
        sa.Column("certified", sa.Boolean, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("previous_sha256", sa.String(64), nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("state", sa.String(20), nullable=False, index=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("file_path", sa.Text, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("replies", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_table(
        "desk_certificate",
        sa.Column("serial", sa.String(64), primary_key=True),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("fingerprint", sa.String(100), nullable=False, unique=True),
        sa.Column("not_after", sa.DateTime, nullable=False),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("pem", sa.Text, nullable=False),
        sa.Column("revoked_at", sa.DateTime, nullable=True),
        sa.Column("revocation_reason", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("desk_certificate")
    op.drop_table("desk_package")
