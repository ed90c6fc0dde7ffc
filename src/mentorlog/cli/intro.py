"""intro add/met/thanked/list/show/edit/delete: people your mentors introduced you to."""

from datetime import date
from typing import Annotated

from mentorlog.cli.common import (
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

IdsArg = Annotated[
    list[int],
    Arg(help="One or more introduction ids: 12 or #12.", parser=record_id, metavar="ID..."),
]
ByOpt = Annotated[
    str | None, Opt("--by", help="The mentor who introduced you (name or prefix).", metavar="NAME")
]


@app.command(
    "add",
    epilog="Example: mentorlog intro add 'Jordan Lee' --by alex --context 'ran the Postgres migration'",
)
def add(
    person: Annotated[str, Arg(help="Who you were introduced to.")],
    by: ByOpt = None,
    context: Annotated[str | None, Opt(help="Who they are, why you should talk.")] = None,
    on: Annotated[
        date | None, date_option("--on", help="When the introduction was made (default today).")
    ] = None,
) -> None:
    """Record an introduction a mentor made (--by is required)."""
    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import say
    from mentorlog.store.relationship import add_introduction

    if by is None:
        raise UsageProblem("say which mentor made the introduction with --by NAME")
    intro, name = add_introduction(journal(), person, by, context, on)
    say(
        f"Recorded introduction #{intro.id}: {intro.person}, by {name}. "
        f"After you meet: mentorlog intro met {intro.id}"
    )


@app.command("met", epilog="Example: mentorlog intro met 2 --note 'coffee; she'll review my RFC'")
def met(
    intro_ids: IdsArg,
    on: Annotated[date | None, date_option("--on", help="When you met (default today).")] = None,
    note: Annotated[str | None, Opt(help="How it went.")] = None,
) -> None:
    """Mark that you met the people you were introduced to."""
    from mentorlog.render.output import say
    from mentorlog.render.relationship import count, listed
    from mentorlog.store.relationship import meet_introductions

    intros = meet_introductions(journal(), intro_ids, on, note)
    unthanked = [f"{i.id}" for i in intros if not i.thanked_on]
    tail = f" Thank your mentor: mentorlog intro thanked {' '.join(unthanked)}" if unthanked else ""
    say(f"Met {count(len(intros), 'introduction')}: {listed(intros, 'person')}.{tail}")


@app.command("thanked", epilog="Example: mentorlog intro thanked 2")
def thanked(
    intro_ids: IdsArg,
    on: Annotated[
        date | None, date_option("--on", help="When you said thanks (default today).")
    ] = None,
) -> None:
    """Mark that you thanked the mentor for introductions (before or after meeting)."""
    from mentorlog.render.output import say
    from mentorlog.render.relationship import count, listed
    from mentorlog.store.relationship import thank_for_introductions

    intros = thank_for_introductions(journal(), intro_ids, on)
    say(f"Thanked for {count(len(intros), 'introduction')}: {listed(intros, 'person')}.")


@app.command("reopen", epilog="Example: mentorlog intro reopen 2")
def reopen(intro_ids: IdsArg) -> None:
    """Undo met and thanked: the introduction is pending again (its meeting note goes too)."""
    from mentorlog.render.output import say
    from mentorlog.render.relationship import count, listed
    from mentorlog.store.relationship import reopen_introductions

    intros = reopen_introductions(journal(), intro_ids)
    say(f"Reopened {count(len(intros), 'introduction')}: {listed(intros, 'person')}.")


@app.command("list", epilog="Example: mentorlog intro list --pending")
def list_(
    mentor: MentorOpt = None,
    pending: Annotated[
        bool, Opt("--pending", help="Only those not met yet or not thanked for yet.")
    ] = False,
    json: Json = False,
) -> None:
    """List introductions, newest first."""
    from mentorlog.store.queries import resolve_mentor
    from mentorlog.store.relationship import list_introductions

    def read(conn):
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor is not None else None
        return list_introductions(conn, mentor_id, pending)

    show_view(read, json, "relationship.intros_table")


@app.command("show", epilog="Example: mentorlog intro show 2")
def show(intro_id: IdArg, json: Json = False) -> None:
    """Show one introduction."""
    from mentorlog.store.relationship import introduction_detail

    show_detail(introduction_detail, intro_id, json, "relationship.intro_detail")


@app.command("edit", epilog="Example: mentorlog intro edit 2 --context 'staff engineer, payments'")
def edit(
    intro_id: IdArg,
    person: Annotated[str | None, Opt(help="New name.")] = None,
    by: ByOpt = None,
    context: Annotated[str | None, Opt(help="New context ('' clears it).")] = None,
    on: Annotated[date | None, date_option("--on", help="When the introduction was made.")] = None,
    note: Annotated[str | None, Opt(help="How the meeting went ('' clears it).")] = None,
) -> None:
    """Change an introduction: the person, who introduced you, the context, date or note."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import edit_introduction

    fields = changes(person=person, mentor=by, context=context, introduced_on=on, met_note=note)
    intro = edit_introduction(journal(), intro_id, fields)
    say(f"Updated introduction #{intro.id}: {intro.person}.")


delete_command(app, "introduction", "introduction", "mentorlog intro delete 2 --yes")
