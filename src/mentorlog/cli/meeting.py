"""meeting list/show/edit (record new ones with `mentorlog log`)."""

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from mentorlog.cli.common import (
    IdArg,
    Json,
    changes,
    date_option,
    datetime_option,
    delete_command,
    journal,
    show_detail,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.core.fields import MINUTES

app = Group()  # its help text: GROUPS in cli/registry.py


class Mode(StrEnum):
    in_person = "in-person"
    video = "video"
    call = "call"
    chat = "chat"


@app.command("list", epilog="Example: mentorlog meeting list alex --json")
def list_(
    mentor: Annotated[str | None, Arg(help="Only meetings with this mentor.")] = None,
    json: Json = False,
) -> None:
    """List meetings, latest first."""
    from mentorlog.store.queries import list_meetings, resolve_mentor

    def read(conn):
        return list_meetings(conn, resolve_mentor(conn, mentor)["id"] if mentor else None)

    show_view(read, json, "records.meetings_table")


@app.command("show", epilog="Example: mentorlog meeting show 8")
def show(meeting_id: IdArg, json: Json = False) -> None:
    """Show a meeting: notes, advice, actions and questions covered."""
    from mentorlog.store.queries import meeting_detail

    show_detail(meeting_detail, meeting_id, json, "records.meeting_detail")


@app.command("edit", epilog="Example: mentorlog meeting edit 8 --next 'next fri' --minutes 45")
def edit(
    meeting_id: IdArg,
    on: Annotated[datetime | None, datetime_option("--on", help="When it was held.")] = None,
    notes: Annotated[str | None, Opt(help="Replace the notes ('-' reads stdin).")] = None,
    next_: Annotated[date | None, date_option("--next", help="Planned next meeting.")] = None,
    mode: Annotated[Mode | None, Opt(help="in-person, video, call or chat.")] = None,
    minutes: Annotated[
        int | None, Opt(min=MINUTES[0], max=MINUTES[1], help="How long it took.")
    ] = None,
    mentor: Annotated[
        str | None,
        Opt(
            "--mentor",
            "-m",
            help="File it under this mentor, with what came from it.",
            metavar="NAME",
        ),
    ] = None,
) -> None:
    """Correct a logged meeting: when, notes, next date, mode, length, or its mentor.

    --mentor moves a misfiled meeting and what came from it: its advice and actions, and the
    feedback, resources and introductions the same log recorded.
    """
    import sys

    from mentorlog.render.output import plural, say
    from mentorlog.store.queries import NOUNS
    from mentorlog.store.writes import edit_meeting

    if notes == "-":
        notes = sys.stdin.read()
    fields = changes(
        held_at=on,
        notes=notes,
        next_date=next_,
        mode=mode.value if mode else None,
        minutes=minutes,
        mentor=mentor,
    )
    moved: dict[str, int] = {}
    meeting = edit_meeting(journal(), meeting_id, fields, moved)
    if mentor is not None and "mentor_id" in fields:
        from mentorlog.cli.common import reading
        from mentorlog.store.queries import get_record

        with reading() as conn:
            name = get_record(conn, "mentor", meeting.mentor_id)["name"]
        along = ", ".join(plural(n, NOUNS.get(t, (t,))[0]) for t, n in moved.items())
        say(f"Moved meeting #{meeting.id} to {name}" + (f" with {along}." if along else "."))
        return
    say(f"Updated meeting #{meeting.id}.")


delete_command(app, "meeting", "meeting", "mentorlog meeting delete 8")
