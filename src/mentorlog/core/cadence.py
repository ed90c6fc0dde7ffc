"""How often a mentee meets a mentor, and whether the next meeting is on track, due or overdue."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from mentorlog.core.dates import UNITS, shift
from mentorlog.errors import MentorlogError, UsageProblem

CADENCE_FORMS = (
    "weekly, biweekly, fortnightly, every other week, monthly, quarterly, "
    "every N days|weeks|months, 2 weeks, Nd, Nw, Nm"
)
NAMED = {
    "weekly": "1w", "biweekly": "2w", "fortnightly": "2w", "monthly": "1m", "quarterly": "3m",
    "every other week": "2w", "every second week": "2w", "every fortnight": "2w",
    "every other month": "2m", "every second month": "2m", "every quarter": "3m",
    "daily": "1d", "every day": "1d", "every other day": "2d", "yearly": "12m", "annually": "12m",
}  # fmt: skip
LABELS = {"1w": "weekly", "2w": "biweekly", "1m": "monthly", "3m": "quarterly"}
UNIT_WORDS = {"d": "day", "w": "week", "m": "month"}
MEETING_DUE_SOON_DAYS = 3


class Cadence(NamedTuple):
    """Every `count` units (d, w or m); stored as its canonical spec, e.g. '2w'."""

    count: int
    unit: str

    @property
    def spec(self) -> str:
        return f"{self.count}{self.unit}"

    @property
    def label(self) -> str:
        if self.spec in LABELS:
            return LABELS[self.spec]
        word = UNIT_WORDS[self.unit]
        return f"every {self.count} {word}{'s' if self.count != 1 else ''}"

    def after(self, day: date, times: int = 1) -> date:
        return shift(day, self.count * times, self.unit)


def parse_cadence(text: str) -> Cadence:
    """Any CADENCE form of DESIGN.md, or a usage error listing them."""
    from mentorlog.core.dates import _numbers_as_digits

    cleaned = _numbers_as_digits(" ".join(text.strip().lower().split()))
    spec = NAMED.get(cleaned, cleaned)
    m = re.fullmatch(r"(?:every\s+)?(\d{1,3})\s*([a-z]+)", spec) or re.fullmatch(
        r"every\s+()([a-z]+)", spec
    )
    if m and UNITS.get(m[2]) in ("d", "w", "m"):
        count = int(m[1] or 1)
        if 1 <= count <= 365:
            return Cadence(count, UNITS[m[2]])
    import difflib

    close = difflib.get_close_matches(cleaned, list(NAMED), n=1, cutoff=0.75)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise UsageProblem(f"can't read {text!r} as a cadence; {hint}use one of: {CADENCE_FORMS}")


def stored_cadence(spec: str, mentor: str) -> Cadence:
    """A mentor's cadence as the journal holds it. One mentorlog can't read (a journal written
    by hand, or by an import before import checked it) names the mentor and the fix, not exit 2."""
    try:
        return parse_cadence(spec if isinstance(spec, str) else str(spec))
    except UsageProblem:
        import shlex

        raise MentorlogError(
            f"mentor {mentor} has a cadence mentorlog can't read ({spec!r}); set one with "
            f"'mentorlog mentor edit {shlex.quote(mentor)} --cadence monthly'"
        ) from None


class MeetingHealth(NamedTuple):
    """A mentor's next meeting and how the relationship is keeping to its rhythm."""

    next_due: date | None
    status: str  # no-meetings, on-track, due-soon, overdue, lapsed, or ended
    days_since_last: int | None


def meeting_health(
    cadence: Cadence,
    last_met: date | None,
    planned_next: date | None,
    today: date,
    ended_on: date | str | None = None,
) -> MeetingHealth:
    """next due = planned date from the last meeting, else last meeting + cadence; never stored.

    A concluded mentorship (`ended_on` set) has no next meeting: its status is `ended`.
    """
    days_since_last = (today - last_met).days if last_met else None
    if ended_on:
        return MeetingHealth(None, "ended", days_since_last)
    if last_met is None:
        return MeetingHealth(planned_next, "no-meetings", None)
    next_due = planned_next or cadence.after(last_met)
    if today > next_due and today > cadence.after(last_met, times=2):
        status = "lapsed"
    elif today > next_due:
        status = "overdue"
    elif (next_due - today).days <= MEETING_DUE_SOON_DAYS:
        status = "due-soon"
    else:
        status = "on-track"
    return MeetingHealth(next_due, status, days_since_last)
