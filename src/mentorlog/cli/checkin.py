"""checkin add/list/show/edit/delete: how the relationship with each mentor is going."""

from datetime import date
from typing import Annotated

from mentorlog.cli.common import (
    IdArg,
    Json,
    changes,
    date_option,
    delete_command,
    journal,
    show_detail,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py

RatingOpt = Annotated[
    int | None,
    Opt("--rating", "-r", help="1 (not working) to 5 (works very well).", metavar="1-5"),
]


@app.command(
    "add",
    epilog="Example: mentorlog checkin add alex --rating 4 --working 'honest feedback' --change 'more async'",
)
def add(
    name: Annotated[str, Arg(help="Mentor name or unique prefix.")],
    rating: RatingOpt = None,
    working: Annotated[str | None, Opt(help="What works in the relationship.")] = None,
    change: Annotated[str | None, Opt(help="What you would change.")] = None,
    on: Annotated[date | None, date_option("--on", help="When (default today).")] = None,
) -> None:
    """Rate the relationship with a mentor (1-5; --rating is required)."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import add_checkin

    checkin, mentor = add_checkin(journal(), name, rating, working, change, on)
    say(f"Recorded check-in #{checkin.id} with {mentor}: {checkin.rating}/5.")


@app.command("list", epilog="Example: mentorlog checkin list alex --json")
def list_(
    name: Annotated[str | None, Arg(help="Only this mentor's check-ins.", metavar="[NAME]")] = None,
    json: Json = False,
) -> None:
    """List check-ins, newest first."""
    from mentorlog.store.queries import resolve_mentor
    from mentorlog.store.relationship import list_checkins

    def read(conn):
        mentor_id = resolve_mentor(conn, name)["id"] if name is not None else None
        return list_checkins(conn, mentor_id)

    show_view(read, json, "relationship.checkins_table")


@app.command("show", epilog="Example: mentorlog checkin show 2")
def show(checkin_id: IdArg, json: Json = False) -> None:
    """Show one check-in."""
    from mentorlog.store.relationship import checkin_detail

    show_detail(checkin_detail, checkin_id, json, "relationship.checkin_detail")


@app.command("edit", epilog="Example: mentorlog checkin edit 2 --rating 3")
def edit(
    checkin_id: IdArg,
    rating: RatingOpt = None,
    working: Annotated[str | None, Opt(help="What works ('' clears it).")] = None,
    change: Annotated[str | None, Opt(help="What you would change ('' clears it).")] = None,
    on: Annotated[date | None, date_option("--on", help="New date.")] = None,
) -> None:
    """Change a check-in: its rating, notes or date."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import edit_checkin

    fields = changes(rating=rating, working=working, change=change, checked_on=on)
    checkin = edit_checkin(journal(), checkin_id, fields)
    say(f"Updated check-in #{checkin.id}: {checkin.rating}/5.")


delete_command(app, "checkin", "check-in", "mentorlog checkin delete 2 --yes")
