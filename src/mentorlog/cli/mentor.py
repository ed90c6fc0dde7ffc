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
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

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
) -> None:
    """List mentors with when you last met and when the next meeting is due."""
    from mentorlog.store.queries import list_mentors

    show_view(lambda conn: list_mentors(conn, include_ended=all_), json, "records.mentors_table")


@app.command("show", epilog="Example: mentorlog mentor show alex")
def show(name: NameArg, json: Json = False) -> None:
    """Show one mentor: cadence health, counts and recent meetings."""
    from mentorlog.store.queries import mentor_detail, resolve_mentor

    show_view(
        lambda conn: mentor_detail(conn, resolve_mentor(conn, name)), json, "records.mentor_detail"
    )


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
    json: Annotated[bool, Opt("--json", help="Print the closing summary as plain JSON.")] = False,
) -> None:
    """Conclude a mentorship gracefully and see what it brought, to thank them properly.

    The mentor leaves the default views but stays in the journal; 'mentor reopen' undoes it.
    """
    from mentorlog.store.facts import closing_summary
    from mentorlog.store.writes import end_mentor

    mentor = end_mentor(journal(), name, on, note)
    show_view(lambda conn: closing_summary(conn, mentor.id), json, "briefing.closing_text")


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
