"""The read views' bodies, shared by their Typer commands and the fast path (no Typer here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

from mentorlog.cli.decl import Opt
from mentorlog.cli.session import reading

FORMATS = ("text", "markdown", "json")
NoChart = Annotated[
    bool, Opt("--no-chart", help="Leave the pictures out (config: charts = false).")
]
ACTION_FLAGS = ("open", "done", "overdue", "all")


def shown(sections: str, all_: bool, section: str | None, more: str, fmt: str) -> Any:
    """How much of a view the terminal and Markdown get (render.briefing.View): prep_items per
    section with the command that lists the rest, everything with --all, one section with
    --section KEY. JSON always has every item."""
    from mentorlog.config import load_config
    from mentorlog.errors import UsageProblem
    from mentorlog.render import briefing

    listed = getattr(briefing, sections)
    if section is not None:
        keys = briefing.section_keys(listed)
        if fmt == "json":
            raise UsageProblem(
                "--section is for the text and Markdown views; --json has every item"
            )
        if section not in keys:
            raise UsageProblem(f"no section {section!r}; sections: {', '.join(keys)}")
        return briefing.View(only=section)
    if all_:
        return briefing.ALL
    return briefing.View(limit=load_config().prep_items, more=more, budget=briefing.SCREEN_LINES)


def command_line(*words: str) -> str:
    """A mentorlog command to copy: the --db this invocation was given, words shell-quoted."""
    import shlex

    from mentorlog.cli.session import State

    prefix = ["mentorlog", *(("--db", State.db) if State.db else ())]
    return " ".join(shlex.quote(w) if "{" not in w else w for w in (*prefix, *words))


def deliver(
    data: dict[str, Any],
    fmt: str,
    output: Path | None,
    view: str,
    force: bool = False,
    shown: Any = None,
) -> None:
    """Print or save a view in the chosen format; a file gets Markdown unless JSON was asked for.
    Text and Markdown come from `render.briefing.<view>_text` / `<view>_markdown`, loaded only then.

    A file is never replaced unless --force: yesterday's agenda may hold notes added by hand."""
    import json

    from mentorlog.cli.common import renderer
    from mentorlog.render import output as out

    def markdown(data: dict[str, Any]) -> str:
        if shown is None:
            return renderer(f"briefing.{view}_markdown")(data)
        return renderer(f"briefing.{view}_markdown")(data, shown)

    if output is not None:
        from mentorlog.cli.session import State
        from mentorlog.paths import db_path, write_private_text

        body = (
            json.dumps(data, indent=2, ensure_ascii=False) + "\n"
            if fmt == "json"
            else markdown(data)
        )
        write_private_text(output, body, protect=db_path(State.db), overwrite=force)
        out.say(f"Wrote {output}")
    elif fmt == "json":
        out.print_json(data)
    elif fmt == "markdown":
        out.say(markdown(data).rstrip("\n"))
    elif shown is None:
        renderer(f"briefing.{view}_text")(data)
    else:
        renderer(f"briefing.{view}_text")(data, shown)


def show_prep(
    mentor: str | None,
    fmt: str = "text",
    output: Path | None = None,
    force: bool = False,
    all_: bool = False,
    section: str | None = None,
) -> None:
    from mentorlog.config import load_config
    from mentorlog.core.clock import today
    from mentorlog.core.prep import build_prep
    from mentorlog.store.facts import prep_facts
    from mentorlog.store.queries import open_sync_conflicts, resolve_mentor

    with reading() as conn:
        chosen = (
            resolve_mentor(conn, mentor)
            if mentor
            else _mentor_to_prep(conn, load_config().default_mentor, today())
        )
        data = build_prep(prep_facts(conn, chosen["id"]), today())
        conflicts = open_sync_conflicts(conn)
    more = command_line("prep", chosen["name"], "--section", "{key}")
    view = (
        None
        if fmt == "json" and section is None
        else shown("PREP_SECTIONS", all_, section, more, fmt)
    )
    deliver(data, fmt, output, "prep", force, view)
    if output is None and fmt != "json":
        sync_conflicts_line(conflicts)


def sync_conflicts_line(count: int) -> None:
    """One line under status and prep while sync conflicts wait (DESIGN "Sync across devices")."""
    if count:
        from mentorlog.render.output import plural

        print(f"\n{plural(count, 'sync conflict')} — mentorlog sync conflicts", flush=True)


def _mentor_to_prep(conn: Any, default: str | None, day: date) -> dict[str, Any]:
    """prep without a name: config's default; else the one meeting planned today (the meeting
    you are about to have); else the active mentor due soonest (DESIGN)."""
    from mentorlog.errors import UsageProblem
    from mentorlog.store.queries import mentor_due_soonest, mentor_for_meeting

    if default:
        return mentor_due_soonest(conn, default)
    try:
        chosen, _ = mentor_for_meeting(conn, None, day, "prep")
    except UsageProblem:
        return mentor_due_soonest(conn)
    return chosen


def checked_period(
    today: date,
    week: bool,
    month: bool,
    since: date | None,
    until: date | None,
    week_start: int,
) -> tuple[date, date]:
    """The review's first and last day, or a usage error that says which bound is wrong."""
    from mentorlog.core.review import review_period
    from mentorlog.errors import UsageProblem

    if sum([week, month, since is not None]) > 1:
        raise UsageProblem("choose one of --week, --month, --since")
    if until is not None and until > today:
        raise UsageProblem(f"--until {until} is in the future; pick a day up to today")
    start, end = review_period(today, week, month, since, week_start, until)
    if start > end:
        bound = "today" if until is None else f"--until {until}"
        raise UsageProblem(f"--since {start} is after {bound}; pick a day before it")
    return start, end


def review_data(
    week: bool = False,
    month: bool = False,
    since: date | None = None,
    until: date | None = None,
    pictures: dict[str, Any] | None = None,
) -> tuple[dict, date, date]:
    """The review of the period; with `pictures` (a dict), the goals' weeks are added to it
    for the sparklines, read in the same snapshot."""
    from mentorlog.config import load_config
    from mentorlog.core.clock import today
    from mentorlog.core.review import build_review
    from mentorlog.store.facts import review_facts

    config = load_config()
    start, end = checked_period(today(), week, month, since, until, config.week_start)
    with reading() as conn:
        facts = review_facts(conn, start, end, config.week_start)
        if pictures is not None:
            pictures.update(goal_pictures(conn, facts["goals"]))
        return build_review(facts), start, end


def goal_pictures(conn: Any, goals: list[dict]) -> dict[str, Any]:
    """What the pictures need besides a view's data: the week start and each goal's weeks."""
    from mentorlog.config import load_config
    from mentorlog.store.pictures import goal_weeks

    week_start = load_config().week_start
    return {"week_start": week_start, "goal_weeks": goal_weeks(conn, goals, week_start)}


def charts_wanted(asked: bool = True) -> bool:
    """The pictures are drawn unless --no-chart or config `charts = false` says not to."""
    from mentorlog.config import load_config

    return asked and load_config().charts


def show_review(
    fmt: str = "text",
    output: Path | None = None,
    force: bool = False,
    all_: bool = False,
    section: str | None = None,
    charts: bool = True,
    **period: Any,
) -> None:
    drawn = fmt == "text" and output is None and section is None and charts_wanted(charts)
    pictures: dict[str, Any] | None = {} if drawn else None
    data, start, end = review_data(**period, pictures=pictures)
    more = command_line(
        "review", "--since", start.isoformat(), "--until", end.isoformat(), "--section", "{key}"
    )
    view = (
        None
        if fmt == "json" and section is None
        else shown("REVIEW_SECTIONS", all_, section, more, fmt)
    )
    if pictures is not None:
        view = view._replace(charts=pictures)
    deliver(data, fmt, output, "review", force, view)


def show_status(as_json: bool = False, all_: bool = False, charts: bool = True) -> None:
    from mentorlog.cli.common import emit_view
    from mentorlog.config import load_config
    from mentorlog.core.status import build_status
    from mentorlog.store.facts import status_facts
    from mentorlog.store.queries import open_sync_conflicts

    pictures = None
    with reading() as conn:
        facts = status_facts(conn, load_config().week_start)
        if not as_json and charts_wanted(charts):
            pictures = goal_pictures(conn, facts["goals"])
        data = build_status(facts)
        conflicts = open_sync_conflicts(conn)
    if as_json:
        emit_view(data, as_json, "briefing.status_text")
        return
    from mentorlog.cli.common import renderer

    renderer("briefing.status_text")(data, all_, command_line("status", "--all"), pictures)
    sync_conflicts_line(conflicts)


def show_actions(
    flags: dict[str, bool],
    mentor: str | None,
    goal: int | None,
    as_json: bool,
    status: str | None = None,
) -> None:
    from mentorlog.cli.common import emit_view
    from mentorlog.errors import UsageProblem
    from mentorlog.store.queries import get_record, list_actions, resolve_mentor

    chosen = [name for name in ACTION_FLAGS if flags.get(name)] + ([status] if status else [])
    if len(set(chosen)) > 1:
        raise UsageProblem("choose one of --open, --done, --overdue, --all, --status")
    with reading() as conn:
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor else None
        if goal is not None:
            get_record(conn, "goal", goal)
        rows = list_actions(conn, chosen[0] if chosen else "open", mentor_id, goal)
    emit_view(rows, as_json, "records.actions_table")
