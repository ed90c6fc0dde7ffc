"""The journal's tables as SQLModel classes: the single source the migrations are checked against."""

from __future__ import annotations

import uuid as uuidlib
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from mentorlog.core.clock import utcnow
from mentorlog.core.vocab import (
    ACTION_STATUSES,
    ADVICE_STATUSES,
    CONFLICT_KEEPS,
    CONFLICT_KINDS,
    CONFLICT_STATUSES,
    CONTRIBUTION_KINDS,
    FEEDBACK_DIRECTIONS,
    GOAL_STATUSES,
    HORIZONS,
    MEETING_MODES,
    RESOURCE_KINDS,
    RESOURCE_STATUSES,
    TOPIC_STATUSES,
    WIN_SOURCES,
)

# Named constraints let Alembic's batch mode find and alter them on SQLite.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """For Alembic: the FTS5 search index and its shadow tables are made by hand (0003), not here."""
    return not (type_ == "table" and name.startswith("search_index"))


def _new_uuid() -> str:
    return str(uuidlib.uuid4())


def _check(column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=f"{column}_valid")


def _table_args(*items: object) -> tuple[object, ...]:
    """Constraints and indexes, plus AUTOINCREMENT so a deleted record's id is never handed out again."""
    return (*items, {"sqlite_autoincrement": True})


def _fk(target: str, ondelete: str = "SET NULL") -> int | None:
    return Field(default=None, foreign_key=f"{target}.id", ondelete=ondelete, index=True)


class Record(SQLModel):
    """What every record has: a short id, a UUID for export/import, UTC timestamps."""

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=_new_uuid, unique=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})


class Mentor(Record, table=True):
    __table_args__ = _table_args()
    name: str = Field(sa_type=sa.String(collation="NOCASE"), unique=True)
    focus: str | None = None
    cadence: str = "1m"
    contact: str | None = None
    started_on: date
    ended_on: date | None = None
    closing_note: str | None = None


class Goal(Record, table=True):
    __table_args__ = _table_args(
        _check("status", GOAL_STATUSES),
        _check("horizon", HORIZONS),
        sa.Index("ix_goal_status_achieved", "status", "achieved_on"),
        sa.Index("ix_goal_mentor_status", "mentor_id", "status"),
    )
    title: str
    why: str | None = None
    measure: str | None = None
    target_date: date | None = None
    horizon: str = "short"
    status: str = Field(default="active", index=True)
    status_note: str | None = None
    achieved_on: date | None = None
    mentor_id: int | None = _fk("mentor")


class Milestone(Record, table=True):
    __table_args__ = _table_args(sa.Index("ix_milestone_goal_position", "goal_id", "position"))
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE", index=True)
    title: str
    due_date: date | None = None
    done_on: date | None = Field(default=None, index=True)
    note: str | None = None
    position: int = 0


class Meeting(Record, table=True):
    __table_args__ = _table_args(
        _check("mode", MEETING_MODES),
        sa.Index("ix_meeting_mentor_held", "mentor_id", "held_at"),
    )
    mentor_id: int = Field(foreign_key="mentor.id", ondelete="CASCADE", index=True)
    held_at: datetime = Field(index=True)
    minutes: int | None = None
    mode: str = "video"
    notes: str = ""
    next_date: date | None = None


class Topic(Record, table=True):
    __table_args__ = _table_args(_check("status", TOPIC_STATUSES))
    text: str
    status: str = Field(default="queued", index=True)
    mentor_id: int | None = _fk("mentor")
    goal_id: int | None = _fk("goal")
    meeting_id: int | None = _fk("meeting")


class Advice(Record, table=True):
    __table_args__ = _table_args(
        _check("status", ADVICE_STATUSES),
        sa.Index("ix_advice_status_on", "status", "status_on"),
    )
    text: str
    why: str | None = None
    status: str = Field(default="new", index=True)
    outcome: str | None = None
    given_on: date = Field(index=True)
    status_on: date | None = None
    mentor_id: int | None = _fk("mentor")
    meeting_id: int | None = _fk("meeting")
    goal_id: int | None = _fk("goal")


class Action(Record, table=True):
    __table_args__ = _table_args(
        _check("status", ACTION_STATUSES),
        sa.Index("ix_action_status_due", "status", "due_date"),
        sa.Index("ix_action_status_done", "status", "done_on"),
    )
    text: str
    due_date: date | None = None
    status: str = "open"
    result: str | None = None
    done_on: date | None = None
    goal_id: int | None = _fk("goal")
    milestone_id: int | None = _fk("milestone")
    advice_id: int | None = _fk("advice")
    meeting_id: int | None = _fk("meeting")
    mentor_id: int | None = _fk("mentor")


class Win(Record, table=True):
    """An achievement worth celebrating; milestones and goals completed record one themselves
    (`source` says which; their uuid is uuid5 of the milestone's or goal's, so two devices
    completing the same milestone make one win)."""

    __table_args__ = _table_args(_check("source", WIN_SOURCES))
    text: str
    won_on: date = Field(index=True)
    goal_id: int | None = _fk("goal")
    milestone_id: int | None = _fk("milestone")
    mentor_id: int | None = _fk("mentor")
    source: str = "manual"


class Reflection(Record, table=True):
    """The weekly review's free-text note, one per review period."""

    __table_args__ = _table_args()
    period_start: date
    period_end: date = Field(index=True)
    text: str


class Feedback(Record, table=True):
    """Feedback received from (or given to) a mentor; received constructive feedback gets acted on."""

    __table_args__ = _table_args(
        _check("direction", FEEDBACK_DIRECTIONS),
        sa.CheckConstraint("kind IS NULL OR kind IN ('praise', 'constructive')", name="kind_valid"),
    )
    text: str
    direction: str = "received"
    kind: str | None = None
    given_on: date = Field(index=True)
    acted_on: date | None = None
    acted_note: str | None = None
    mentor_id: int = Field(foreign_key="mentor.id", ondelete="CASCADE", index=True)
    goal_id: int | None = _fk("goal")


class Contribution(Record, table=True):
    """What the mentee gave back to a mentor (`gave`)."""

    __table_args__ = _table_args(_check("kind", CONTRIBUTION_KINDS))
    text: str
    kind: str = "other"
    given_on: date = Field(index=True)
    mentor_id: int = Field(foreign_key="mentor.id", ondelete="CASCADE", index=True)


class Resource(Record, table=True):
    """A book, article, course... recommended by a mentor, for a goal or from advice."""

    __table_args__ = _table_args(
        _check("kind", RESOURCE_KINDS),
        _check("status", RESOURCE_STATUSES),
        sa.Index("ix_resource_status_done", "status", "done_on"),
    )
    title: str
    url: str | None = None
    kind: str = "other"
    status: str = "queued"
    takeaway: str | None = None
    done_on: date | None = None
    mentor_id: int | None = _fk("mentor")
    goal_id: int | None = _fk("goal")
    advice_id: int | None = _fk("advice")


class Introduction(Record, table=True):
    """A person a mentor introduced: met on (with a note), thanked on."""

    __table_args__ = _table_args()
    person: str
    context: str | None = None
    introduced_on: date = Field(index=True)
    met_on: date | None = Field(default=None, index=True)
    met_note: str | None = None
    thanked_on: date | None = None
    mentor_id: int = Field(foreign_key="mentor.id", ondelete="CASCADE", index=True)


class Checkin(Record, table=True):
    """A periodic rating (1-5) of the relationship with one mentor."""

    __table_args__ = _table_args(
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name="rating_valid"),
        sa.Index("ix_checkin_mentor_on", "mentor_id", "checked_on"),
    )
    rating: int
    working: str | None = None
    change: str | None = None
    checked_on: date = Field(index=True)
    mentor_id: int = Field(foreign_key="mentor.id", ondelete="CASCADE", index=True)


# ---------------------------------------------------------------- sync (DESIGN "Sync across devices")
# Local bookkeeping of `mentorlog sync`; none of it is exported. Conflicts travel between devices
# as records of their own (kind "sync_conflict" in the repo), the rest never leaves this file.


class SyncState(SQLModel, table=True):
    """This device's side of the sync: who it is, where the journal's repo is, what it applied."""

    __tablename__ = "sync_state"
    __table_args__ = (sa.CheckConstraint("id = 1", name="one_row"),)
    id: int = Field(default=1, primary_key=True)
    device_id: str = Field(max_length=36)
    journal_id: str = Field(max_length=36)  # the same on every device of one journal
    recipient: str  # the sync identity's public half (age1...)
    remote: str | None = None  # a git URL, or None with `folder`
    folder: str | None = None  # a Syncthing/Dropbox folder holding one bundle per device
    last_commit: str | None = None  # the commit whose tree this journal was last made equal to
    last_synced_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})


class SyncRecord(SQLModel, table=True):
    """One file of `last_commit`'s tree: which record, the digest of its plaintext, its blob.

    Comparing a record's digest now with this one tells what changed here since the last sync
    (a record gone from its table but listed here was deleted here)."""

    __tablename__ = "sync_record"
    uuid: str = Field(primary_key=True, max_length=36)
    kind: str
    digest: str
    blob: str


class SyncTombstone(SQLModel, table=True):
    """A record deleted on some device; kept so a copy arriving later is not brought back."""

    __tablename__ = "sync_tombstone"
    uuid: str = Field(primary_key=True, max_length=36)
    kind: str
    deleted_at: datetime
    device_id: str | None = None


class SyncConflict(Record, table=True):
    """Two devices disagreed and one value had to win: the value kept and the one that lost."""

    __tablename__ = "sync_conflict"
    __table_args__ = _table_args(
        _check("kind", CONFLICT_KINDS),
        _check("status", CONFLICT_STATUSES),
        sa.CheckConstraint(
            "resolution IS NULL OR resolution IN ({})".format(
                ", ".join(f"'{v}'" for v in CONFLICT_KEEPS)
            ),
            name="resolution_valid",
        ),
    )
    kind: str
    record_kind: str
    record_uuid: str = Field(index=True, max_length=36)
    field: str | None = None
    kept: str | None = None  # JSON: the value the journal holds now
    lost: str | None = None  # JSON: the value that lost
    kept_device: str | None = None
    lost_device: str | None = None
    status: str = Field(default="open", index=True)
    resolved_at: datetime | None = None
    resolution: str | None = None
