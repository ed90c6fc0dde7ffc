"""ask, agenda list/drop/edit: questions and talking points queued for the next meeting."""

from typing import Annotated

from mentorlog.cli.common import (
    GoalOpt,
    IdArg,
    Json,
    MentorOpt,
    delete_command,
    ids_arg,
    journal,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py
top = Group()  # top-level commands, registered in cli/registry.py


@top.command("ask", epilog="Example: mentorlog ask 'How do I get more visibility?' --mentor alex")
def ask(
    text: Annotated[str, Arg(help="The question or talking point.")],
    mentor: MentorOpt = None,
    goal: GoalOpt = None,
) -> None:
    """Queue a question for the next meeting (for one mentor, or any)."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import ask as queue

    question = queue(journal(), text, mentor, goal)
    say(f"Queued question #{question.id}. It will be on your next prep.")


@app.command("list", epilog="Example: mentorlog agenda list alex")
def list_(
    mentor: Annotated[str | None, Arg(help="Only what's queued for this mentor.")] = None,
    json: Json = False,
) -> None:
    """List queued questions (those for no mentor in particular show for every mentor)."""
    from mentorlog.store.queries import list_topics, resolve_mentor

    def read(conn):
        return list_topics(conn, resolve_mentor(conn, mentor)["id"] if mentor else None)

    show_view(read, json, "records.topics_table")


@app.command("drop", epilog="Example: mentorlog agenda drop 5")
def drop(question_ids: Annotated[list[int], ids_arg("question")]) -> None:
    """Take one or more queued questions off the agenda."""
    from mentorlog.render.output import ids, plural, say
    from mentorlog.store.writes import drop_topics

    dropped = drop_topics(journal(), question_ids)
    say(f"Dropped {plural(len(dropped), 'question')}: {ids(dropped)}.")


@app.command("edit", epilog="Example: mentorlog agenda edit 5 --mentor sam")
def edit(
    question_id: IdArg,
    text: Annotated[str | None, Opt(help="New text.")] = None,
    mentor: MentorOpt = None,
    goal: GoalOpt = None,
) -> None:
    """Change a queued question: its text, the mentor it is for, its goal."""
    from mentorlog.cli.common import changes
    from mentorlog.render.output import say
    from mentorlog.store.writes import edit_topic

    topic = edit_topic(journal(), question_id, changes(text=text, mentor=mentor, goal_id=goal))
    say(f"Updated question #{topic.id}.")


delete_command(app, "topic", "question", "mentorlog agenda delete 5")
