"""prep, review and status: the views that turn the record into a better next meeting."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mentorlog.cli.common import date_option, journal, reading


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="text, markdown or json.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE (private, 0600) instead of the screen.",
        metavar="FILE",
    ),
]


def _deliver(data: dict, fmt: Format, output: Path | None, text, markdown) -> None:
    """Print or save a view in the chosen format."""
    import json as jsonlib

    from mentorlog.render import output as out

    if output is not None:
        from mentorlog.paths import write_private_text

        if fmt == Format.text:
            fmt = Format.markdown  # a file gets the portable form
        body = (
            jsonlib.dumps(data, indent=2, ensure_ascii=False) + "\n"
            if fmt == Format.json
            else markdown(data)
        )
        write_private_text(output, body)
        out.say(f"Wrote {output}")
    elif fmt == Format.json:
        out.print_json(data)
    elif fmt == Format.markdown:
        out.say(markdown(data).rstrip("\n"))
    else:
        text(data)


def prep(
    mentor: Annotated[
        str | None, typer.Argument(help="Mentor (default: the one due soonest).")
    ] = None,
    fmt: FormatOpt = Format.text,
    json: JsonFlag = False,
    output: OutOpt = None,
) -> None:
    """Your agenda for the next meeting: report back, commitments, goals, questions, suggestions."""
    from mentorlog.config import load_config
    from mentorlog.core.agenda import build_prep
    from mentorlog.core.clock import today
    from mentorlog.render import agenda
    from mentorlog.store.facts import prep_facts
    from mentorlog.store.queries import mentor_due_soonest, resolve_mentor

    with reading() as conn:
        chosen = (
            resolve_mentor(conn, mentor)
            if mentor
            else mentor_due_soonest(conn, load_config().default_mentor)
        )
        data = build_prep(prep_facts(conn, chosen["id"]), today())
    _deliver(data, Format.json if json else fmt, output, agenda.prep_text, agenda.prep_markdown)


def review(
    week: Annotated[
        bool, typer.Option("--week", help="This week so far (config week_start).")
    ] = False,
    month: Annotated[bool, typer.Option("--month", help="The last month.")] = False,
    since: Annotated[date | None, date_option("--since", help="From this day to today.")] = None,
    fmt: FormatOpt = Format.text,
    json: JsonFlag = False,
    output: OutOpt = None,
    reflect: Annotated[
        str | None, typer.Option("--reflect", help="Save this period's reflection.")
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", "-e", help="Write the reflection in $EDITOR.")
    ] = False,
) -> None:
    """The week (default: the 7 days ending today): done, overdue, goals moved, meetings, wins."""
    from mentorlog.config import load_config
    from mentorlog.core.clock import today
    from mentorlog.core.review import build_review, review_period
    from mentorlog.errors import UsageProblem
    from mentorlog.render import agenda
    from mentorlog.store.facts import review_facts

    if sum([week, month, since is not None]) > 1:
        raise UsageProblem("choose one of --week, --month, --since")
    if reflect is not None and edit:
        raise UsageProblem("choose --reflect TEXT or --edit, not both")
    config = load_config()
    start, end = review_period(today(), week, month, since, config.week_start)
    if start > end:
        raise UsageProblem(f"--since {start} is in the future; pick a day up to today")
    with reading() as conn:
        data = build_review(review_facts(conn, start, end, config.week_start))
    if reflect is not None or edit:
        _save_reflection(data, start, end, reflect, config.editor_command())
        return
    _deliver(data, Format.json if json else fmt, output, agenda.review_text, agenda.review_markdown)


def _save_reflection(data: dict, start: date, end: date, text: str | None, editor: str) -> None:
    from mentorlog.render.output import say
    from mentorlog.store.writes import save_reflection

    if text is None:
        text = _reflect_in_editor(data, editor)
    save_reflection(journal(), start, end, text)
    say(f"Saved your reflection for {start} → {end}. It will show in your next review.")


def _reflect_in_editor(data: dict, editor: str) -> str:
    """Prompts in comments; what the user writes below them is the reflection."""
    import re
    import shlex
    import subprocess
    import tempfile

    from mentorlog.errors import MentorlogError, NothingRecorded

    prompts = "\n".join(f"<!-- {p} -->" for p in data["prompts"])
    template = f"<!-- Reflection for {data['period']['start']} → {data['period']['end']}. -->\n{prompts}\n\n"
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as handle:
        handle.write(template)
        path = Path(handle.name)
    try:
        finished = subprocess.run([*shlex.split(editor), str(path)], check=False)
        if finished.returncode != 0:
            raise MentorlogError(
                f"the editor exited with status {finished.returncode}; nothing saved"
            )
        text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL).strip()
    except OSError:
        raise MentorlogError(f"could not start the editor {editor!r}; set $EDITOR") from None
    finally:
        path.unlink(missing_ok=True)
    if not text:
        raise NothingRecorded("the reflection is empty; nothing saved")
    return text


def status(
    json: JsonFlag = False,
) -> None:
    """The dashboard: next meetings, overdue and this week's actions, goals."""
    from mentorlog.config import load_config
    from mentorlog.core.status import build_status
    from mentorlog.render import agenda, output
    from mentorlog.store.facts import status_facts

    with reading() as conn:
        data = build_status(status_facts(conn, load_config().week_start))
    output.emit(data, json, agenda.status_text)
