"""What every command shares: the journal path, option types, and the read/write entry points.

Typer-free: the markers below become typer.Option/typer.Argument only when cli/app.py builds the app.
"""

from datetime import date, datetime
from typing import Annotated

from mentorlog.cli.decl import Arg, Opt
from mentorlog.cli.session import State, journal, reading

__all__ = ["State", "journal", "reading"]


def parse_date_value(text: str) -> date:
    from mentorlog.config import load_config
    from mentorlog.core.dates import parse_date

    return parse_date(text, week_start=load_config().week_start)


def parse_datetime_value(text: str) -> datetime:
    from mentorlog.core.dates import parse_datetime

    return parse_datetime(text)


def parse_cadence_value(text: str) -> str:
    from mentorlog.core.cadence import parse_cadence

    return parse_cadence(text).spec


def record_id(text: str) -> int:
    from mentorlog.core.dates import parse_id

    return parse_id(text)


DATE_HELP = "DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom..."

Json = Annotated[bool, Opt("--json", help="Print plain JSON instead of a table.")]
MentorOpt = Annotated[
    str | None, Opt("--mentor", "-m", help="Mentor name or unique prefix.", metavar="NAME")
]
GoalOpt = Annotated[
    int | None,
    Opt("--goal", "-g", help="Link to goal ID.", parser=record_id, metavar="ID"),
]
IdArg = Annotated[int, Arg(help="Record id: 12 or #12.", parser=record_id, metavar="ID")]


def date_option(*names: str, help: str) -> Opt:
    return Opt(*names, help=f"{help} {DATE_HELP}", parser=parse_date_value, metavar="DATE")


def datetime_option(*names: str, help: str) -> Opt:
    return Opt(
        *names,
        help=f"{help} A DATE with optional time, e.g. 'yesterday 15:30'.",
        parser=parse_datetime_value,
        metavar="DATETIME",
    )


def cadence_option(*names: str, help: str) -> Opt:
    return Opt(
        *names,
        help=f"{help} weekly, biweekly, monthly, quarterly, every 3 weeks, 10d...",
        parser=parse_cadence_value,
        metavar="CADENCE",
    )


def changes(**fields: object) -> dict[str, object]:
    """The options the user actually gave to an edit command."""
    return {key: value for key, value in fields.items() if value is not None}
