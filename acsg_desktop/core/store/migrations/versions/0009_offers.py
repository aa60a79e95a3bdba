"""The offers catalogue, the offers a request is interested in, and a request's match stage.

The old outcome statuses become match stages of an exported request: "matched" was an agreed
match, "not matched" stays so.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offer",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
    )
    op.create_table(
        "offer_interest",
        sa.Column(
            "request_id",
            sa.Integer,
            sa.ForeignKey("support_request.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("offer_id", sa.String(32), primary_key=True),
        sa.Column("catalogue_version", sa.Integer, nullable=False),
        sa.Column("marked_by", sa.String(200), nullable=False),
        sa.Column("marked_at", sa.DateTime, nullable=False),
    )
    op.add_column("support_request", sa.Column("match_stage", sa.String(20), nullable=True))
    op.add_column(
        "support_request",
        sa.Column("match_message", sa.Text, nullable=False, server_default=""),
    )
    for old, stage in (("matched", "agreed"), ("not_matched", "not_matched")):
        op.execute(
            sa.text(
                "UPDATE support_request SET status = 'exported', match_stage = :stage "
                "WHERE status = :old"
            ).bindparams(stage=stage, old=old)
        )


def downgrade() -> None:
    op.execute(
        "UPDATE support_request SET status = CASE match_stage WHEN 'not_matched' THEN "
        "'not_matched' ELSE 'matched' END WHERE match_stage IS NOT NULL"
    )
    with op.batch_alter_table("support_request") as batch:
        batch.drop_column("match_message")
        batch.drop_column("match_stage")
    op.drop_table("offer_interest")
    op.drop_table("offer")
