"""The office server: a person's PostgreSQL login; on PostgreSQL, time-zone-aware times, JSONB,
full-text search of the guides (tsvector, accent-insensitive, English and French), the text
functions the lists sort with, and change notifications for other open windows.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TIMES = {
    "assessment": ("created_at", "updated_at", "completed_at"),
    "authority_profile": ("updated_at",),
    "desk_certificate": ("not_after", "issued_at", "revoked_at"),
    "desk_package": ("received_at",),
    "guide_bookmark": ("created_at",),
    "package": ("created_at",),
    "package_reservation": ("created_at",),
    "person": ("created_at",),
    "receipt": ("imported_at",),
    "support_request": ("created_at", "updated_at", "approved_at"),
    "answer": ("saved_at",),
    "offer_interest": ("marked_at",),
    "request_comment": ("created_at", "responded_at"),
}
JSON = {
    "assessment": ("contexts",),
    "desk_package": ("replies",),
    "framework_snapshot": ("content",),
    "guide_document": ("areas", "aims"),
    "offer": ("document",),
    "support_request": ("content",),
}
# Tables whose changes other open windows show (the audit log is written with each of them).
NOTIFIED = (
    "assessment",
    "answer",
    "support_request",
    "request_comment",
    "package",
    "receipt",
    "offer",
    "guide_document",
    "person",
    "authority_profile",
)
TEXT_FUNCTIONS = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # unaccent() is only STABLE (it reads a dictionary): index expressions need IMMUTABLE.
    """CREATE FUNCTION acsg_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
       STRICT AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$""",
    """CREATE FUNCTION acsg_casefold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT lower(coalesce($1, '')) $$""",
    """CREATE FUNCTION acsg_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT lower(acsg_unaccent(coalesce($1, ''))) $$""",
)
# Words are unaccented and kept whole (no stemming, no stop words), as FTS5's unicode61 tokenizer
# with remove_diacritics does on SQLite: both backends find the same guides for the same words.
# One configuration per language all the same, so that a language's rules can be added later.
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, hword, hword_part, word"
SEARCH = (
    "CREATE TEXT SEARCH CONFIGURATION acsg_english (COPY = english)",
    f"ALTER TEXT SEARCH CONFIGURATION acsg_english ALTER MAPPING FOR {WORD_TOKENS} "
    "WITH unaccent, simple",
    "CREATE TEXT SEARCH CONFIGURATION acsg_french (COPY = french)",
    f"ALTER TEXT SEARCH CONFIGURATION acsg_french ALTER MAPPING FOR {WORD_TOKENS} "
    "WITH unaccent, simple",
    """ALTER TABLE guide_document ADD COLUMN search tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector(CASE lang WHEN 'fr' THEN 'acsg_french'::regconfig
                               ELSE 'acsg_english'::regconfig END, title), 'A') ||
         setweight(to_tsvector(CASE lang WHEN 'fr' THEN 'acsg_french'::regconfig
                               ELSE 'acsg_english'::regconfig END, summary), 'B') ||
         setweight(to_tsvector(CASE lang WHEN 'fr' THEN 'acsg_french'::regconfig
                               ELSE 'acsg_english'::regconfig END, body), 'D')) STORED""",
    "CREATE INDEX guide_document_search ON guide_document USING gin (search)",
)
NOTIFY_FUNCTION = """CREATE FUNCTION acsg_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('acsg_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$"""


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("login", sa.String(63), nullable=True))
        batch.create_unique_constraint("uq_person_login", ["login"])
    if op.get_bind().dialect.name == "postgresql":
        _server_types()
        for statement in (*TEXT_FUNCTIONS, *SEARCH, NOTIFY_FUNCTION):
            op.execute(statement)
        for table in NOTIFIED:
            op.execute(
                f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION acsg_notify_change()"
            )


def _server_types() -> None:
    for table, columns in TIMES.items():
        for column in columns:
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE timestamptz "
                f"USING {column} AT TIME ZONE 'UTC'"
            )
    for table, columns in JSON.items():
        for column in columns:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT")
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE jsonb "
                f"USING coalesce(nullif({column}, ''), 'null')::jsonb"
            )
    op.execute("ALTER TABLE desk_package ALTER COLUMN replies SET DEFAULT '{}'::jsonb")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        raise NotImplementedError("an office server is not downgraded: restore its pg_dump")
    with op.batch_alter_table("person") as batch:
        batch.drop_constraint("uq_person_login", type_="unique")
        batch.drop_column("login")
