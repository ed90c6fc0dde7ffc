"""resource add/start/done/drop/reopen/list/show/edit/delete: books, articles, courses... to get through."""

from datetime import date
from enum import StrEnum
from typing import Annotated

from mentorlog.cli.common import (
    GoalOpt,
    IdArg,
    Json,
    MentorOpt,
    changes,
    date_option,
    delete_command,
    journal,
    record_id,
    show_detail,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py


class ResourceKind(StrEnum):
    book = "book"
    article = "article"
    course = "course"
    talk = "talk"
    video = "video"
    podcast = "podcast"
    other = "other"


class ResourceStatus(StrEnum):
    queued = "queued"
    started = "started"
    done = "done"
    dropped = "dropped"


KIND_HELP = "book, article, course, talk, video, podcast or other."
IdsArg = Annotated[
    list[int], Arg(help="One or more resource ids: 12 or #12.", parser=record_id, metavar="ID...")
]
AdviceOpt = Annotated[
    int | None,
    Opt("--advice", help="The advice it came with (advice ID).", parser=record_id, metavar="ID"),
]


@app.command(
    "add",
    epilog="Example: mentorlog resource add 'Designing Data-Intensive Applications' --kind book --mentor alex",
)
def add(
    title: Annotated[str, Arg(help="Its title.")],
    url: Annotated[str | None, Opt(help="Where to find it.")] = None,
    kind: Annotated[ResourceKind, Opt("--kind", "-k", help=KIND_HELP)] = ResourceKind.other,
    mentor: MentorOpt = None,
    goal: GoalOpt = None,
    advice: AdviceOpt = None,
) -> None:
    """Add a resource to your queue: recommended by a mentor, for a goal, or with some advice."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import add_resource

    resource = add_resource(journal(), title, url, kind.value, mentor, goal, advice)
    say(f"Added resource #{resource.id}: {resource.title}.")


def _move(ids: list[int], status: str, verb: str, **extra: object) -> None:
    from mentorlog.render.output import say
    from mentorlog.render.relationship import count, listed
    from mentorlog.store.relationship import set_resource_status

    moved = set_resource_status(journal(), ids, status, **extra)
    tail = (
        " Add --takeaway next time: it's what your mentor will ask."
        if status == "done" and extra.get("takeaway") is None
        else ""
    )
    say(f"{verb} {count(len(moved), 'resource')}: {listed(moved, 'title')}.{tail}")


@app.command("start", epilog="Example: mentorlog resource start 3")
def start(resource_ids: IdsArg) -> None:
    """Mark resources started."""
    _move(resource_ids, "started", "Started")


@app.command(
    "done",
    epilog="Example: mentorlog resource done 3 --takeaway 'pick the log as the source of truth'",
)
def done(
    resource_ids: IdsArg,
    takeaway: Annotated[
        str | None, Opt(help="What you took from it: worth reporting back.")
    ] = None,
    on: Annotated[
        date | None, date_option("--on", help="When you finished (default today).")
    ] = None,
) -> None:
    """Mark resources done, with what you took from them."""
    _move(resource_ids, "done", "Finished", takeaway=takeaway, on=on)


@app.command("drop", epilog="Example: mentorlog resource drop 3")
def drop(resource_ids: IdsArg) -> None:
    """Drop resources you will not get through."""
    _move(resource_ids, "dropped", "Dropped")


@app.command("reopen", epilog="Example: mentorlog resource reopen 3")
def reopen(resource_ids: IdsArg) -> None:
    """Put resources back in the queue (undoes start, done and drop; a takeaway is kept)."""
    _move(resource_ids, "queued", "Requeued")


@app.command("list", epilog="Example: mentorlog resource list --status done --mentor alex")
def list_(
    status: Annotated[ResourceStatus | None, Opt(help="queued, started, done or dropped.")] = None,
    all_: Annotated[bool, Opt("--all", "-a", help="Every resource, done and dropped too.")] = False,
    mentor: MentorOpt = None,
    json: Json = False,
) -> None:
    """List resources: started and queued ones unless --status or --all says otherwise."""
    from mentorlog.errors import UsageProblem
    from mentorlog.store.queries import resolve_mentor
    from mentorlog.store.relationship import RESOURCE_OPEN, list_resources

    if status is not None and all_:
        raise UsageProblem("choose one of --status or --all")
    statuses = None if all_ else [status.value] if status is not None else RESOURCE_OPEN

    def read(conn):
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor is not None else None
        return list_resources(conn, statuses, mentor_id)

    show_view(read, json, "relationship.resources_table")


@app.command("show", epilog="Example: mentorlog resource show 3")
def show(resource_id: IdArg, json: Json = False) -> None:
    """Show one resource."""
    from mentorlog.store.relationship import resource_detail

    show_detail(resource_detail, resource_id, json, "relationship.resource_detail")


@app.command("edit", epilog="Example: mentorlog resource edit 3 --url https://dataintensive.net")
def edit(
    resource_id: IdArg,
    title: Annotated[str | None, Opt(help="New title.")] = None,
    url: Annotated[str | None, Opt(help="New URL ('' clears it).")] = None,
    kind: Annotated[ResourceKind | None, Opt("--kind", "-k", help=KIND_HELP)] = None,
    mentor: MentorOpt = None,
    goal: GoalOpt = None,
    advice: AdviceOpt = None,
    takeaway: Annotated[str | None, Opt(help="New takeaway ('' clears it).")] = None,
) -> None:
    """Change a resource: its title, URL, kind, links or takeaway."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import edit_resource

    fields = changes(
        title=title,
        url=url,
        kind=kind.value if kind else None,
        mentor=mentor,
        goal_id=goal,
        advice_id=advice,
        takeaway=takeaway,
    )
    resource = edit_resource(journal(), resource_id, fields)
    say(f"Updated resource #{resource.id}: {resource.title}.")


delete_command(app, "resource", "resource", "mentorlog resource delete 3 --yes")
