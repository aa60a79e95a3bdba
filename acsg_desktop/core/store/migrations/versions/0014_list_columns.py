"""What the lists read, at hand: each request's completeness kept with it (the requests list
reads it instead of checking every request it shows), and the desk's received packages indexed
by their arrival (the list shows the newest first, a page at a time).

Existing requests get NULL here: the rules live with the requests service, which works the
missing values out when the workspace opens (the partial index finds them at once, and finds
none after that).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

INDEX = "ix_support_request_completeness_unknown"
ARRIVAL = "ix_desk_package_received_at"


def upgrade() -> None:
    op.add_column("support_request", sa.Column("completeness", sa.Float, nullable=True))
    op.create_index(INDEX, "support_request", ["id"], sqlite_where=sa.text("completeness IS NULL"))
    op.create_index(ARRIVAL, "desk_package", ["received_at"])


def downgrade() -> None:
    op.drop_index(ARRIVAL, "desk_package")
    op.drop_index(INDEX, "support_request")
    with op.batch_alter_table("support_request") as batch:
        batch.drop_column("completeness")
