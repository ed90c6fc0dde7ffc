"""feedback, contributions, resources, introductions, check-ins, search

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:40:36.017745

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# ---------------------------------------------------------------- the full-text index
# One FTS5 table over every text field of every record, kept in step by triggers in the same
# transaction as each write, delete and import. A row's rowid is code * 2**40 + id (kinds lie in
# separate rowid ranges, so a search can take each kind's newest matches cheaply), so a
# trigger finds it by rowid (no scan). `on_day` and `mentor_id` are stored beside the text so the
# --since and --mentor filters need no join. Alembic's batch mode recreates a table without its
# triggers: a later migration that batch-alters one of these tables must call create_triggers().
# This spec is frozen with the revision on purpose: migrations never import the current code.

KIND_SPAN = 2**40  # record ids stay below this (AUTOINCREMENT from 1)
SEARCH_KINDS = {
    # kind: (code, table, body, on_day, mentor)
    "meeting": (1, "meeting", "{r}.notes", "{r}.held_at", "{r}.mentor_id"),
    "advice": (2, "advice", "{r}.text || char(10) || COALESCE({r}.why, '') || char(10) || COALESCE({r}.outcome, '')",
               "{r}.given_on",
               "COALESCE({r}.mentor_id, (SELECT mentor_id FROM meeting WHERE id = {r}.meeting_id), "
               "(SELECT mentor_id FROM goal WHERE id = {r}.goal_id))"),
    "action": (3, "action", "{r}.text || char(10) || COALESCE({r}.result, '')",
               "COALESCE({r}.done_on, {r}.due_date, substr({r}.created_at, 1, 10))",
               "COALESCE({r}.mentor_id, (SELECT mentor_id FROM meeting WHERE id = {r}.meeting_id), "
               "(SELECT mentor_id FROM advice WHERE id = {r}.advice_id), "
               "(SELECT mentor_id FROM goal WHERE id = {r}.goal_id))"),
    "goal": (4, "goal", "{r}.title || char(10) || COALESCE({r}.why, '') || char(10) || COALESCE({r}.measure, '')",
             "COALESCE({r}.achieved_on, substr({r}.created_at, 1, 10))", "{r}.mentor_id"),
    "milestone": (5, "milestone", "{r}.title || char(10) || COALESCE({r}.note, '')",
                  "COALESCE({r}.done_on, {r}.due_date, substr({r}.created_at, 1, 10))",
                  "(SELECT mentor_id FROM goal WHERE id = {r}.goal_id)"),
    "question": (6, "topic", "{r}.text", "substr({r}.created_at, 1, 10)",
                 "COALESCE({r}.mentor_id, (SELECT mentor_id FROM goal WHERE id = {r}.goal_id))"),
    "win": (7, "win", "{r}.text", "{r}.won_on", "{r}.mentor_id"),
    "feedback": (8, "feedback", "{r}.text || char(10) || COALESCE({r}.acted_note, '')", "{r}.given_on",
                 "{r}.mentor_id"),
    "gave": (9, "contribution", "{r}.text", "{r}.given_on", "{r}.mentor_id"),
    "resource": (10, "resource", "{r}.title || char(10) || COALESCE({r}.url, '') || char(10) || COALESCE({r}.takeaway, '')",
                 "COALESCE({r}.done_on, substr({r}.created_at, 1, 10))",
                 "COALESCE({r}.mentor_id, (SELECT mentor_id FROM goal WHERE id = {r}.goal_id), "
                 "(SELECT mentor_id FROM advice WHERE id = {r}.advice_id))"),
    "intro": (11, "introduction", "{r}.person || char(10) || COALESCE({r}.context, '') || char(10) || COALESCE({r}.met_note, '')",
              "{r}.introduced_on", "{r}.mentor_id"),
    "checkin": (12, "checkin", "COALESCE({r}.working, '') || char(10) || COALESCE({r}.change, '')",
                "{r}.checked_on", "{r}.mentor_id"),
    "reflection": (13, "reflection", "{r}.text", "{r}.period_end", "NULL"),
}  # fmt: skip


def _row_sql(kind: str, r: str) -> str:
    code, _, body, on_day, mentor = SEARCH_KINDS[kind]
    return (
        f"INSERT INTO search_index (rowid, kind, body, on_day, mentor_id) VALUES ("
        f"{code} * {KIND_SPAN} + {r}.id, '{kind}', {body.format(r=r)}, {on_day.format(r=r)}, "
        f"{mentor.format(r=r)})"
    )


def create_triggers(kind: str) -> None:
    code, table = SEARCH_KINDS[kind][:2]
    op.execute(f"DROP TRIGGER IF EXISTS search_{table}_insert")
    op.execute(f"DROP TRIGGER IF EXISTS search_{table}_update")
    op.execute(f"DROP TRIGGER IF EXISTS search_{table}_delete")
    op.execute(
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN "
        f"{_row_sql(kind, 'new')}; END"
    )
    op.execute(
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = {code} * {KIND_SPAN} + old.id; "
        f"{_row_sql(kind, 'new')}; END"
    )
    op.execute(
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = {code} * {KIND_SPAN} + old.id; END"
    )


# An item's mentor can come through its goal or advice: when those links change, re-index the items.
RELINKS = {
    # parent table: (the parent columns that decide its items' mentor, [(kind, link column)])
    "goal": ("mentor_id", [("milestone", "goal_id"), ("question", "goal_id"), ("advice", "goal_id"),
                           ("action", "goal_id"), ("resource", "goal_id")]),
    "advice": ("mentor_id, meeting_id, goal_id", [("action", "advice_id"), ("resource", "advice_id")]),
}  # fmt: skip


def create_relink_trigger(parent: str) -> None:
    columns, children = RELINKS[parent]
    steps = []
    for kind, link in children:
        code, table = SEARCH_KINDS[kind][:2]
        steps.append(
            f"DELETE FROM search_index WHERE rowid IN "
            f"(SELECT {code} * {KIND_SPAN} + id FROM {table} WHERE {link} = new.id)"
        )
        select = _row_sql(kind, "r").replace(" VALUES (", " SELECT ")[:-1]
        steps.append(f"{select} FROM {table} r WHERE r.{link} = new.id")
    op.execute(f"DROP TRIGGER IF EXISTS search_{parent}_relink")
    op.execute(
        f"CREATE TRIGGER search_{parent}_relink AFTER UPDATE OF {columns} ON {parent} BEGIN "
        + "; ".join(steps)
        + "; END"
    )


def create_search_index() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, body, on_day UNINDEXED, mentor_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    for kind, (_, table, *_) in SEARCH_KINDS.items():
        select = _row_sql(kind, "r").replace(" VALUES (", " SELECT ")[:-1] + f" FROM {table} r"
        op.execute(select)
        create_triggers(kind)
    for parent in RELINKS:
        create_relink_trigger(parent)
    # The index's vocabulary: search expands a typed prefix into the few whole terms it stands for,
    # which FTS5 reads far faster than a prefix query (that merges the doclists on every use).
    op.execute("CREATE VIRTUAL TABLE search_index_terms USING fts5vocab(search_index, row)")


def upgrade() -> None:
    """Upgrade schema."""
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("working", sa.String(), nullable=True),
        sa.Column("change", sa.String(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_checkin_rating_valid")),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_checkin_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
        sa.UniqueConstraint("uuid", name=op.f("uq_checkin_uuid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkin_checked_on"), ["checked_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_checkin_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_index("ix_checkin_mentor_on", ["mentor_id", "checked_on"], unique=False)

    op.create_table(
        "contribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('insight', 'intro', 'resource', 'thanks', 'help', 'other')",
            name=op.f("ck_contribution_kind_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_contribution_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution")),
        sa.UniqueConstraint("uuid", name=op.f("uq_contribution_uuid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_given_on"), ["given_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_mentor_id"), ["mentor_id"], unique=False)

    op.create_table(
        "introduction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person", sa.String(), nullable=False),
        sa.Column("context", sa.String(), nullable=True),
        sa.Column("introduced_on", sa.Date(), nullable=False),
        sa.Column("met_on", sa.Date(), nullable=True),
        sa.Column("met_note", sa.String(), nullable=True),
        sa.Column("thanked_on", sa.Date(), nullable=True),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_introduction_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_introduction")),
        sa.UniqueConstraint("uuid", name=op.f("uq_introduction_uuid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("introduction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_introduction_introduced_on"), ["introduced_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_introduction_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_introduction_met_on"), ["met_on"], unique=False)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("acted_on", sa.Date(), nullable=True),
        sa.Column("acted_note", sa.String(), nullable=True),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "direction IN ('received', 'given')", name=op.f("ck_feedback_direction_valid")
        ),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('praise', 'constructive')",
            name=op.f("ck_feedback_kind_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_feedback_goal_id_goal"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_feedback_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
        sa.UniqueConstraint("uuid", name=op.f("uq_feedback_uuid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_given_on"), ["given_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_mentor_id"), ["mentor_id"], unique=False)

    op.create_table(
        "resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("takeaway", sa.String(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("advice_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('book', 'article', 'course', 'talk', 'video', 'podcast', 'other')",
            name=op.f("ck_resource_kind_valid"),
        ),
        sa.CheckConstraint(
            "status IN ('queued', 'started', 'done', 'dropped')",
            name=op.f("ck_resource_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["advice_id"],
            ["advice.id"],
            name=op.f("fk_resource_advice_id_advice"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_resource_goal_id_goal"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_resource_mentor_id_mentor"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource")),
        sa.UniqueConstraint("uuid", name=op.f("uq_resource_uuid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_advice_id"), ["advice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resource_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resource_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_index("ix_resource_status_done", ["status", "done_on"], unique=False)

    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index("ix_goal_status_achieved", ["status", "achieved_on"], unique=False)
        batch_op.create_index("ix_goal_mentor_status", ["mentor_id", "status"], unique=False)
    # ### end Alembic commands ###
    create_search_index()


def downgrade() -> None:
    """Downgrade schema."""
    for _, table, *_ in SEARCH_KINDS.values():
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
    for parent in RELINKS:
        op.execute(f"DROP TRIGGER IF EXISTS search_{parent}_relink")
    op.execute("DROP TABLE IF EXISTS search_index_terms")
    op.execute("DROP TABLE IF EXISTS search_index")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_mentor_status")
        batch_op.drop_index("ix_goal_status_achieved")
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.drop_index("ix_resource_status_done")
        batch_op.drop_index(batch_op.f("ix_resource_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_resource_goal_id"))
        batch_op.drop_index(batch_op.f("ix_resource_advice_id"))

    op.drop_table("resource")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_goal_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_given_on"))

    op.drop_table("feedback")
    with op.batch_alter_table("introduction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_introduction_met_on"))
        batch_op.drop_index(batch_op.f("ix_introduction_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_introduction_introduced_on"))

    op.drop_table("introduction")
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contribution_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_contribution_given_on"))

    op.drop_table("contribution")
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_index("ix_checkin_mentor_on")
        batch_op.drop_index(batch_op.f("ix_checkin_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_checkin_checked_on"))

    op.drop_table("checkin")
    # ### end Alembic commands ###
