"""The action plan: what the authority itself will do about the gaps of an assessment.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    server = op.get_bind().dialect.name == "postgresql"
    moment = sa.DateTime(timezone=server)  # timestamptz on a server, as 0015 made the others
    op.create_table(
        "plan_action",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessment.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("indicator_id", sa.String(100), nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False, server_default=""),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", moment, nullable=False),
        sa.Column("updated_at", moment, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    if server:
        op.execute(
            "CREATE TRIGGER plan_action_changed AFTER INSERT OR UPDATE OR DELETE ON plan_action "
            "FOR EACH STATEMENT EXECUTE FUNCTION acsg_notify_change()"
        )


def downgrade() -> None:
    op.drop_table("plan_action")
