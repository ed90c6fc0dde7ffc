"""What every command shares: the journal path, option types, and the read/write entry points.

Typer-free: the markers below become typer.Option/typer.Argument only when cli/app.py builds the app.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any

from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.cli.session import State, journal, reading
from mentorlog.errors import UsageProblem

__all__ = ["State", "journal", "reading"]


def parse_date_value(text: str) -> date:
    from mentorlog.config import load_config
    from mentorlog.core.dates import parse_date

    return parse_date(text, week_start=load_config().week_start)


def parse_future_date_value(text: str) -> date:
    """A day for a field about what is to come (due, target, next meeting): `jan 31` in November is
    next January's; a day explicitly in the past is kept, with a warning on stderr."""
    import sys

    from mentorlog.config import load_config
    from mentorlog.core.dates import parse_date, past_warning

    day = parse_date(text, week_start=load_config().week_start, future=True)
    if warning := past_warning(day):
        print(warning, file=sys.stderr)
    return day


def parse_datetime_value(text: str) -> datetime:
    from mentorlog.config import load_config
    from mentorlog.core.dates import parse_datetime

    return parse_datetime(text, week_start=load_config().week_start)


def parse_cadence_value(text: str) -> str:
    from mentorlog.core.cadence import parse_cadence

    return parse_cadence(text).spec


def parse_id(text: str | int, kind: str = "record") -> int:
    """`12` or `#12` as 12; anything else is a usage error naming the input."""
    if isinstance(text, int):
        return text
    cleaned = text.strip().lstrip("#")
    if not cleaned.isascii() or not cleaned.isdigit() or len(cleaned) > 18:
        from mentorlog.render.output import a

        raise UsageProblem(f"{text!r} is not {a(kind)} id; ids look like 12 or #12")
    return int(cleaned)


def record_id(text: str) -> int:
    return parse_id(text)


def later_id(text: str) -> str:
    """An id the command reads itself with parse_id (as `log` does, once piped notes are kept);
    completed as a record_id is."""
    return text


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


def ids_arg(noun: str) -> Arg:
    """One or more ids of one kind, for commands that change the state of several at once."""
    return Arg(help=f"One or more {noun} ids: 12 or #12.", parser=record_id, metavar="ID...")


def date_option(*names: str, help: str) -> Opt:
    return Opt(*names, help=f"{help} {DATE_HELP}", parser=parse_date_value, metavar="DATE")


def future_date_option(*names: str, help: str) -> Opt:
    """A DATE for what is to come: a month and day without a year mean the next one."""
    return Opt(*names, help=f"{help} {DATE_HELP}", parser=parse_future_date_value, metavar="DATE")


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


def show_detail(detail: Callable[..., Any], record_id: int, as_json: bool, human: str) -> None:
    """One record read in a snapshot and printed (see show_view). What every `show` command does."""
    show_view(lambda conn: detail(conn, record_id), as_json, human)


def renderer(name: str) -> Callable[..., Any]:
    """`render.<module>.<function>` by name, imported only when human output is wanted: JSON
    never loads the renderers (nor Rich)."""
    import importlib

    module, _, function = name.partition(".")
    return getattr(importlib.import_module(f"mentorlog.render.{module}"), function)


def emit_view(data: Any, as_json: bool, human: str) -> None:
    """Plain JSON (`--json`), or the renderer named `human`."""
    if as_json:
        from mentorlog.render.output import print_json

        print_json(data)
    else:
        renderer(human)(data)


def show_view(read: Callable[[Any], Any], as_json: bool, human: str) -> None:
    """What a list or show command prints: `read(conn)` in one snapshot, then `emit_view`."""
    with reading() as conn:
        data = read(conn)
    emit_view(data, as_json, human)


def changes(**fields: object) -> dict[str, object]:
    """The options the user actually gave to an edit command."""
    return {key: value for key, value in fields.items() if value is not None}


def delete(
    record_id: IdArg,
    yes: Annotated[bool, Opt("--yes", "-y", help="Don't ask for confirmation.")] = False,
    *,
    table: str,
    noun: str,
) -> None:
    """Delete a record for good (each group binds `table` and `noun`; see `delete_command`)."""
    import sys

    from mentorlog.errors import MentorlogError, UsageProblem
    from mentorlog.render.output import confirm, plural, say
    from mentorlog.store.queries import NOUNS, delete_impact, get_record
    from mentorlog.store.writes import delete_record

    with reading() as conn:
        get_record(conn, table, record_id)
        impact = delete_impact(conn, table, record_id)
    effects = "; ".join(
        f"{plural(count, NOUNS.get(child, (child,))[0])} {how}" for child, count, how in impact
    )
    question = f"Delete {noun} #{record_id}" + (f" ({effects})" if effects else "") + "?"
    if not yes:
        if not sys.stdin.isatty():
            raise UsageProblem(f"{question[:-1]} needs confirmation: rerun with --yes")
        if not confirm(question):
            raise MentorlogError("aborted; nothing was changed")
    delete_record(journal(), table, record_id)
    say(f"Deleted {noun} #{record_id}" + (f"; {effects}." if effects else "."))


def delete_command(app: Group, table: str, noun: str, example: str) -> None:
    """Register `<group> delete ID [--yes]` for one record kind."""
    from mentorlog.render.output import a

    app.command(
        "delete",
        epilog=f"Example: {example}",
        help=f"Delete {a(noun)} for good (linked records are listed first; --yes skips the question).",
        table=table,
        noun=noun,
    )(delete)


def mentor_id_of(conn, name: str | None) -> int | None:
    """--mentor NAME as its id (None when not given); an unknown name is the usual error."""
    from mentorlog.store.queries import resolve_mentor

    return resolve_mentor(conn, name)["id"] if name else None


def period_in_order(start: date, end: date) -> None:
    """--since after --until is a usage error naming both."""
    from mentorlog.errors import UsageProblem

    if start > end:
        raise UsageProblem(f"the period starts ({start}) after it ends ({end}); swap the dates")
