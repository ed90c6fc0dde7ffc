"""gave add/list/show/edit/delete: what you gave back to a mentor."""

from datetime import date
from enum import StrEnum
from typing import Annotated

from mentorlog.cli.common import (
    IdArg,
    Json,
    MentorOpt,
    changes,
    date_option,
    delete_command,
    journal,
    show_detail,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py


class GaveKind(StrEnum):
    insight = "insight"
    intro = "intro"
    resource = "resource"
    thanks = "thanks"
    help = "help"
    other = "other"


KIND_HELP = "insight, intro, resource, thanks, help or other."


@app.command(
    "add",
    epilog="Example: mentorlog gave add 'Sent the paper on queue theory' --mentor alex --kind resource",
)
def add(
    text: Annotated[str, Arg(help="What you gave back.")],
    mentor: Annotated[
        str | None,
        Opt("--mentor", "-m", help="To whom (name or prefix; required).", metavar="NAME"),
    ] = None,
    kind: Annotated[GaveKind, Opt("--kind", "-k", help=KIND_HELP)] = GaveKind.other,
    on: Annotated[date | None, date_option("--on", help="When (default today).")] = None,
) -> None:
    """Record something you gave back to a mentor: an insight, an intro, thanks, help."""
    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import say
    from mentorlog.store.relationship import add_contribution

    if mentor is None:
        raise UsageProblem("say to whom with --mentor NAME")
    contribution, name = add_contribution(journal(), text, mentor, kind.value, on)
    say(f"Recorded contribution #{contribution.id} to {name}.")


@app.command("list", epilog="Example: mentorlog gave list --mentor alex --json")
def list_(mentor: MentorOpt = None, json: Json = False) -> None:
    """List what you gave back, newest first."""
    from mentorlog.store.queries import resolve_mentor
    from mentorlog.store.relationship import list_contributions

    def read(conn):
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor is not None else None
        return list_contributions(conn, mentor_id)

    show_view(read, json, "relationship.gave_table")


@app.command("show", epilog="Example: mentorlog gave show 3")
def show(contribution_id: IdArg, json: Json = False) -> None:
    """Show one thing you gave back."""
    from mentorlog.store.relationship import contribution_detail

    show_detail(contribution_detail, contribution_id, json, "relationship.gave_detail")


@app.command("edit", epilog="Example: mentorlog gave edit 3 --kind insight")
def edit(
    contribution_id: IdArg,
    text: Annotated[str | None, Opt(help="New text.")] = None,
    mentor: MentorOpt = None,
    kind: Annotated[GaveKind | None, Opt("--kind", "-k", help=KIND_HELP)] = None,
    on: Annotated[date | None, date_option("--on", help="New date.")] = None,
) -> None:
    """Change what you gave back: its text, mentor, kind or date."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import edit_contribution

    fields = changes(text=text, mentor=mentor, kind=kind.value if kind else None, given_on=on)
    contribution = edit_contribution(journal(), contribution_id, fields)
    say(f"Updated contribution #{contribution.id}.")


delete_command(app, "contribution", "contribution", "mentorlog gave delete 3 --yes")
