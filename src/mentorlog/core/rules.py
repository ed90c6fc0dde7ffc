"""Rules every record kind shares: a day something already happened, how mentor names match,
which state a record may move to, what counts as progress, overdue and due soonest.

Pure functions (no store, no I/O): the store calls them inside its transactions.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from mentorlog.core import clock
from mentorlog.errors import UsageProblem


def not_in_future(day: date | None, what: str, today: date | None = None) -> date:
    """The day something already happened (default today); a later day is a usage error.

    `what` names the option or field in the message, e.g. '--on'.
    """
    today = today or clock.today()
    if day is None:
        return today
    if day > today:
        raise UsageProblem(f"{what} {day} is in the future; give a day up to today ({today})")
    return day


# Letters Unicode does not split into a base letter and an accent (so NFKD leaves them whole).
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i"}
)  # fmt: skip


# A meeting may be logged this much before the time given for it, to log one as it ends.
MEETING_GRACE_MINUTES = 15


def meeting_not_in_future(held_at: datetime, what: str = "the meeting's time") -> None:
    """A meeting has happened: not on a later day, nor later today than now plus the grace."""
    from datetime import timedelta

    now = clock.utcnow()
    held = clock.to_utc(held_at)
    local = clock.to_local(held)
    not_in_future(local.date(), "the meeting's day" if what == "the meeting's time" else what)
    if held > now + timedelta(minutes=MEETING_GRACE_MINUTES):
        raise UsageProblem(
            f"{what} {local:%Y-%m-%d %H:%M} is in the future (it is {clock.to_local(now):%H:%M} "
            f"now); log a meeting once it has happened, at most {MEETING_GRACE_MINUTES} minutes "
            "early"
        )


def fold_name(name: str) -> str:
    """A name as it is compared: accents stripped, case folded, spaces collapsed.

    'Émile', 'EMILE' and 'emile' fold alike (SQLite's NOCASE only folds ASCII letters).
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


# command: (the status it sets, the statuses it may come from)
GOAL_MOVES = {
    "done": ("achieved", ("active", "paused")),
    "drop": ("dropped", ("active", "paused")),
    "pause": ("paused", ("active",)),
    "resume": ("active", ("paused", "dropped")),
    "reopen": ("active", ("achieved", "dropped")),
}
ACTION_MOVES = {
    "done": ("done", ("open",)),
    "drop": ("dropped", ("open",)),
    "reopen": ("open", ("done", "dropped")),
}

# new status: the statuses it may come from
ADVICE_TRANSITIONS = {
    "trying": ("new",),
    "applied": ("new", "trying"),
    "skipped": ("new", "trying"),
    "new": ("trying", "applied", "skipped"),  # advice reopen
}
RESOURCE_TRANSITIONS = {
    "started": ("queued",),
    "done": ("queued", "started"),
    "dropped": ("queued", "started"),
    "queued": ("started", "done", "dropped"),
}


def goal_progress(status: str, done: int, total: int) -> float:
    """Milestones done / total; an achieved goal is 100% whatever its milestones say."""
    if status == "achieved":
        return 1.0
    return round(done / total, 4) if total else 0.0


def is_overdue(status: str, due: str | date | None, today: str | date) -> bool:
    """An open action past its due day (a due day today is not overdue yet); days as dates or
    ISO text, as the store holds them."""
    if status != "open" or not due:
        return False
    return str(due) < str(today)


def due_soonest(candidates: list[tuple[str | None, str]]) -> int:
    """The index of the candidate (next due day, name) to meet first: earliest day, then name;
    a mentor with no date yet comes first (nothing logged: the first meeting is due)."""
    order = sorted(
        range(len(candidates)), key=lambda i: (candidates[i][0] or "", fold_name(candidates[i][1]))
    )
    return order[0]
