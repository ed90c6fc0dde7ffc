"""prep, review and status: the views that turn the record into a better next meeting."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from mentorlog.cli.common import date_option, journal
from mentorlog.cli.decl import Arg, Group, Opt

top = Group()  # top-level commands, registered in cli/registry.py


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


FormatOpt = Annotated[Format, Opt("--format", "-f", help="text, markdown or json.")]
JsonFlag = Annotated[bool, Opt("--json", help="Same as --format json.")]
OutOpt = Annotated[
    Path | None,
    Opt(
        "--output",
        "-o",
        help="Write to FILE (private, 0600) instead of the screen.",
        metavar="FILE",
    ),
]


@top.command("prep", epilog="Example: mentorlog prep alex --format markdown -o agenda.md")
def prep(
    mentor: Annotated[str | None, Arg(help="Mentor (default: the one due soonest).")] = None,
    fmt: FormatOpt = Format.text,
    json: JsonFlag = False,
    output: OutOpt = None,
) -> None:
    """Your agenda for the next meeting: report back, commitments, goals, questions, suggestions."""
    from mentorlog.cli.reads import show_prep

    show_prep(mentor, "json" if json else fmt.value, output)


@top.command(
    "review",
    epilog="Example: mentorlog review --week --reflect 'Shipped the RFC; next: speak up earlier'",
)
def review(
    week: Annotated[bool, Opt("--week", help="This week so far (config week_start).")] = False,
    month: Annotated[bool, Opt("--month", help="The last month.")] = False,
    since: Annotated[date | None, date_option("--since", help="From this day to today.")] = None,
    fmt: FormatOpt = Format.text,
    json: JsonFlag = False,
    output: OutOpt = None,
    reflect: Annotated[str | None, Opt("--reflect", help="Save this period's reflection.")] = None,
    edit: Annotated[bool, Opt("--edit", "-e", help="Write the reflection in $EDITOR.")] = False,
) -> None:
    """The week (default: the 7 days ending today): done, overdue, goals moved, meetings, wins."""
    from mentorlog.cli.reads import review_data, show_review
    from mentorlog.errors import UsageProblem

    if reflect is not None and edit:
        raise UsageProblem("choose --reflect TEXT or --edit, not both")
    period = {"week": week, "month": month, "since": since}
    if reflect is not None or edit:
        from mentorlog.config import load_config

        data, start, end = review_data(**period)
        _save_reflection(data, start, end, reflect, load_config().editor_command())
        return
    show_review("json" if json else fmt.value, output, **period)


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
    import tempfile

    from mentorlog.cli.editor import edit_file
    from mentorlog.errors import NothingRecorded

    prompts = "\n".join(f"<!-- {p} -->" for p in data["prompts"])
    template = f"<!-- Reflection for {data['period']['start']} → {data['period']['end']}. -->\n{prompts}\n\n"
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as handle:
        handle.write(template)  # NamedTemporaryFile is 0600
        path = Path(handle.name)
    try:
        text = re.sub(r"<!--.*?-->", "", edit_file(path, editor), flags=re.DOTALL).strip()
    finally:
        path.unlink(missing_ok=True)
    if not text:
        raise NothingRecorded("the reflection is empty; nothing saved")
    return text


@top.command("status", epilog="Example: mentorlog status --json")
def status(
    json: JsonFlag = False,
) -> None:
    """The dashboard: next meetings, overdue and this week's actions, goals."""
    from mentorlog.cli.reads import show_status

    show_status(json)
