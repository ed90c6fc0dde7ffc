"""The one clock: every 'now' and 'today' comes from here so tests can freeze time."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    """Aware UTC now; the store keeps moments as UTC."""
    return datetime.now(UTC)


def local_now() -> datetime:
    """Aware local now, for parsing what the user types."""
    return datetime.now().astimezone()


def today() -> date:
    """The user's local calendar day."""
    return local_now().date()


def to_local(moment: datetime) -> datetime:
    """A stored moment (naive means UTC) as an aware local datetime, for display."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def moment_text(moment: datetime) -> str:
    """A moment as every --json, show and export prints it: UTC, microseconds always, `Z`
    ('2026-11-20T14:00:00.000000Z'). One form, lossless (the store keeps microseconds), that
    Python's fromisoformat and JavaScript's Date read as is, and jq after one step:
    `.created_at | sub("\\.[0-9]+"; "") | fromdate`. (isoformat() drops a zero fraction, so the
    same column came out in two lengths, and its `+00:00` is a form jq's fromdate refuses.)"""
    moment = to_utc(moment)
    return f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S.%f}Z"


def to_utc(moment: datetime) -> datetime:
    """Any datetime (naive means local) as aware UTC, the form the store keeps."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC)


def parse_stored(value: str | None) -> datetime | None:
    """A moment as SQLite holds it ('2026-11-20 14:00:00.000000', UTC) as an aware datetime."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)
