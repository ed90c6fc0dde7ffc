"""mentor add/list/show/edit/end/reopen."""

from datetime import date
from typing import Annotated

from mentorlog.cli.common import (
    Json,
    cadence_option,
    changes,
    date_option,
    delete_command,
    journal,
    reading,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.cli.reads import NoChart, charts_wanted

app = Group()  # its help text: GROUPS in cli/registry.py

NameArg = Annotated[str, Arg(help="Mentor name (any unique prefix when looking up).")]


@app.command(
    "add",
    epilog="Example: mentorlog mentor add 'Alex Chen' --focus 'system design' --cadence biweekly",
)
def add(
    name: NameArg,
    focus: Annotated[str | None, Opt(help="What this mentor helps you with.")] = None,
    cadence: Annotated[str, cadence_option("--cadence", "-c", help="How often you meet.")] = "1m",
    contact: Annotated[str | None, Opt(help="Email, handle or phone.")] = None,
    since: Annotated[
        date | None,
        date_option("--since", help="When the mentorship started (default today; not later)."),
    ] = None,
) -> None:
    """Add a mentor."""
    from mentorlog.core.cadence import parse_cadence
    from mentorlog.render.output import say
    from mentorlog.store.writes import add_mentor

    mentor = add_mentor(journal(), name, cadence, focus, contact, since)
    say(f"Added mentor #{mentor.id} {mentor.name} (meeting {parse_cadence(mentor.cadence).label}).")


@app.command("list", epilog="Example: mentorlog mentor list --all --json")
def list_(
    all_: Annotated[bool, Opt("--all", "-a", help="Include concluded mentorships.")] = False,
    json: Json = False,
    no_chart: NoChart = False,
) -> None:
    """List mentors with when you last met and when the next meeting is due; on a wide enough
    terminal, the last six months as a strip (a mark per meeting, dotted past the cadence)."""
    from mentorlog.store.queries import list_mentors

    drawn = not json and charts_wanted(not no_chart)

    def read(conn):
        mentors = list_mentors(conn, include_ended=all_)
        if drawn:
            _add_cadence(conn, mentors)
        return mentors

    show_view(read, json, "records.mentors_table")


def _add_cadence(conn, mentors: list[dict], keep_days: bool = False) -> None:
    """What the cadence strip needs: the days met in its window and the meeting before it."""
    from mentorlog.core.clock import today
    from mentorlog.core.pictures import cadence_window
    from mentorlog.store.pictures import cadence_facts

    found = cadence_facts(conn, [m["id"] for m in mentors], *cadence_window(today()))
    for mentor in mentors:
        if not keep_days:
            mentor["meetings_on"] = found[mentor["id"]]["meetings_on"]
        mentor["met_before"] = found[mentor["id"]]["met_before"]


@app.command("show", epilog="Example: mentorlog mentor show alex")
def show(name: NameArg, json: Json = False, no_chart: NoChart = False) -> None:
    """Show one mentor: cadence health, counts and recent meetings, and the last six months as
    a time line: a mark per meeting, gaps longer than the cadence dotted, the next due date at
    the end. --json has the days met in `meetings_on`."""
    from mentorlog.store.queries import mentor_detail, resolve_mentor

    drawn = not json and charts_wanted(not no_chart)

    def read(conn):
        from mentorlog.core.clock import today
        from mentorlog.core.pictures import cadence_window
        from mentorlog.store.pictures import cadence_facts

        mentor = mentor_detail(conn, resolve_mentor(conn, name))
        # the days met in the cadence strip's window (the last six months), oldest first
        mid = mentor["id"]
        mentor["meetings_on"] = cadence_facts(conn, [mid], *cadence_window(today()))[mid][
            "meetings_on"
        ]
        if drawn:
            _add_cadence(conn, [mentor], keep_days=True)
        elif not json:
            del mentor["meetings_on"]  # --no-chart: nothing to draw
        return mentor

    show_view(read, json, "records.mentor_detail")


@app.command(
    "edit", epilog="Example: mentorlog mentor edit alex --cadence monthly --focus 'career growth'"
)
def edit(
    name: NameArg,
    rename: Annotated[str | None, Opt("--name", help="New name.")] = None,
    focus: Annotated[str | None, Opt(help="New focus area.")] = None,
    cadence: Annotated[str | None, cadence_option("--cadence", "-c", help="New cadence.")] = None,
    contact: Annotated[str | None, Opt(help="New contact.")] = None,
    since: Annotated[date | None, date_option("--since", help="New start date.")] = None,
) -> None:
    """Change a mentor's details."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import edit_mentor

    fields = changes(name=rename, focus=focus, cadence=cadence, contact=contact, started_on=since)
    mentor = edit_mentor(journal(), name, fields)
    say(f"Updated mentor #{mentor.id} {mentor.name}.")


@app.command(
    "end", epilog="Example: mentorlog mentor end alex --note 'Goals reached, staying in touch'"
)
def end(
    name: NameArg,
    on: Annotated[date | None, date_option("--on", help="When it ended (default today).")] = None,
    note: Annotated[str | None, Opt(help="A closing note: what you got from it.")] = None,
    goals_to: Annotated[
        str | None,
        Opt("--goals-to", help="Move its active goals to this mentor.", metavar="NAME"),
    ] = None,
    keep_goals: Annotated[
        bool, Opt("--keep-goals", help="Keep its active goals as they are (still linked).")
    ] = False,
    drop_goals: Annotated[
        bool, Opt("--drop-goals", help="Drop its active goals (reason: the mentorship ended).")
    ] = False,
    json: Annotated[bool, Opt("--json", help="Print the closing summary as plain JSON.")] = False,
) -> None:
    """Conclude a mentorship gracefully and see what it brought, to thank them properly.

    The mentor leaves the default views but stays in the journal; 'mentor reopen' undoes it.
    Active goals linked to the mentor are named and need a decision — move them to another
    mentor (--goals-to NAME), keep them (--keep-goals) or drop them (--drop-goals). On a
    terminal you are asked; otherwise they are kept, with a warning naming them.
    """
    import sys

    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import safe
    from mentorlog.store.facts import closing_summary
    from mentorlog.store.queries import open_goals_of, resolve_mentor
    from mentorlog.store.writes import end_mentor

    chosen = [flag for flag, on_ in (("--goals-to", goals_to is not None),
              ("--keep-goals", keep_goals), ("--drop-goals", drop_goals)) if on_]  # fmt: skip
    if len(chosen) > 1:
        raise UsageProblem(
            f"choose one of --goals-to, --keep-goals, --drop-goals, not {' and '.join(chosen)}"
        )
    with reading() as conn:
        found = resolve_mentor(conn, name)
        goals = open_goals_of(conn, found["id"])
    choice = (
        "move" if goals_to is not None else "keep" if keep_goals else "drop" if drop_goals else None
    )
    if goals and choice is None:
        listed = ", ".join(f"#{g['id']} {g['title']}" for g in goals)
        if sys.stdin.isatty():
            choice, goals_to = _ask_about_goals(found["name"], listed)
        else:  # a script: DESIGN's `mentor end NAME` keeps working, and says what it left
            choice = "keep"
    mentor, moved = end_mentor(
        journal(), name, on, note, goals=choice if goals else None, goals_to=goals_to
    )
    if moved and moved["how"] == "keep" and not keep_goals:
        print(
            safe(
                f"Warning: {mentor.name}'s active goals stay linked to the ended mentorship "
                f"({listed}); move them with 'mentorlog goal edit ID --mentor NAME' or drop "
                "them with 'mentorlog goal drop ID' (next time: mentor end --goals-to NAME)."
            ),
            file=sys.stderr,
        )
    elif moved and moved["how"] != "keep":
        ids = ", ".join(f"#{g}" for g in moved["ids"])
        verb = {"move": f"moved to {moved['to']}", "drop": "dropped", "keep": "kept"}[moved["how"]]
        # on stderr: with --json, stdout is the summary alone
        print(safe(f"Goal{'s' if len(moved['ids']) > 1 else ''} {ids} {verb}."), file=sys.stderr)
    show_view(lambda conn: closing_summary(conn, mentor.id), json, "briefing.closing_text")


def _ask_about_goals(mentor: str, listed: str) -> tuple[str, str | None]:
    """On a terminal: move, keep or drop the ended mentorship's active goals (and to whom)."""
    from mentorlog.errors import MentorlogError
    from mentorlog.render.output import safe

    try:
        answer = (
            input(
                safe(
                    f"{mentor}'s active goals: {listed}. Move them to another mentor, keep or drop them? [m/k/d]: "
                )
            )
            .strip()
            .lower()
        )
        if answer in ("m", "move"):
            to = input("Move them to which mentor? ").strip()
            if to:
                return "move", to
        elif answer in ("k", "keep"):
            return "keep", None
        elif answer in ("d", "drop"):
            return "drop", None
    except EOFError:
        print(flush=True)
    raise MentorlogError("aborted; nothing was changed")


@app.command("reopen", epilog="Example: mentorlog mentor reopen alex")
def reopen(name: NameArg) -> None:
    """Undo 'mentor end': the mentorship is active again.

    The closing note belonged to the end: it is cleared, and printed on stderr so it isn't lost
    (give it again with 'mentor end --note' when the mentorship ends).
    """
    from mentorlog.render.output import say, warn
    from mentorlog.store.writes import reopen_mentor

    before, mentor = reopen_mentor(journal(), name)
    say(f"Reopened the mentorship with {mentor.name}; it is back in status, prep and log.")
    if before.closing_note:
        warn(
            f"cleared the closing note of the mentorship with {mentor.name}: {before.closing_note}"
        )


delete_command(app, "mentor", "mentor", "mentorlog mentor delete 2 --yes")
