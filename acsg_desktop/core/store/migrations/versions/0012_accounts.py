"""Local accounts: each person's passphrase (a scrypt hash, never the passphrase) and the
administrator role, given to the existing signatories (or to the first person when none).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("passphrase_hash", sa.String(200), nullable=True))
        batch.alter_column("role", type_=sa.String(100), existing_type=sa.String(20))
    person = sa.table("person", sa.column("id", sa.Integer), sa.column("role", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(person.c.id, person.c.role).order_by(person.c.id)).all()
    chosen = [row for row in rows if "signatory" in row.role.split(",")] or rows[:1]
    for row in chosen:
        roles = sorted({*filter(None, row.role.split(",")), "administrator"})
        connection.execute(
            person.update().where(person.c.id == row.id).values(role=",".join(roles))
        )


def downgrade() -> None:
    person = sa.table("person", sa.column("id", sa.Integer), sa.column("role", sa.String))
    connection = op.get_bind()
    for row in connection.execute(sa.select(person.c.id, person.c.role)).all():
        roles = [role for role in row.role.split(",") if role and role != "administrator"]
        connection.execute(
            person.update().where(person.c.id == row.id).values(role=",".join(roles) or "drafter")
        )
    with op.batch_alter_table("person") as batch:
        batch.drop_column("passphrase_hash")
        batch.alter_column("role", type_=sa.String(20), existing_type=sa.String(100))
