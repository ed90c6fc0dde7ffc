"""Days as people read them in the views: the configured date format, and how far away it is.

Its own room so the lists (render/records.py) and the pictures (render/charts.py) can both use it
without importing each other."""

from __future__ import annotations

from datetime import date

from mentorlog.config import format_day
from mentorlog.core import clock


def when(day: str | None, today: date | None = None) -> str:
    """'2026-11-27 (in 5d)': the date (in config's date_format) and how far it is."""
    if not day:
        return ""
    today = today or clock.today()
    delta = (date.fromisoformat(day) - today).days
    rel = "today" if delta == 0 else f"in {delta}d" if delta > 0 else f"{-delta}d ago"
    return f"{format_day(day)} ({rel})"


def day(value: str | None) -> str:
    """A stored day as the configured date_format ('' when there is none)."""
    return format_day(value) if value else ""
