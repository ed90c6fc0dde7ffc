"""ask, agenda list/drop: questions and talking points queued for the next meeting."""

from typing import Annotated

from mentorlog.cli.common import GoalOpt, IdArg, Json, MentorOpt, delete_command, journal, reading
from mentorlog.cli.decl import Arg, Group

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

    topic = queue(journal(), text, mentor, goal)
    say(f"Queued question #{topic.id}. It will be on your next prep.")


@app.command("list", epilog="Example: mentorlog agenda list alex")
def list_(
    mentor: Annotated[str | None, Arg(help="Only what's queued for this mentor.")] = None,
    json: Json = False,
) -> None:
    """List queued questions (those for no mentor in particular show for every mentor)."""
    from mentorlog.store.queries import list_topics, resolve_mentor

    with reading() as conn:
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor else None
        rows = list_topics(conn, mentor_id)
    from mentorlog.render import output, records

    output.emit(rows, json, records.topics_table)


@app.command("drop", epilog="Example: mentorlog agenda drop 5")
def drop(topic_id: IdArg) -> None:
    """Remove a queued question you no longer need to ask."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import drop_topic

    topic = drop_topic(journal(), topic_id)
    say(f"Dropped question #{topic.id}.")


delete_command(app, "topic", "question", "mentorlog agenda delete 5")
