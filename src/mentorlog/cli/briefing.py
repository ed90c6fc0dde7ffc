"""prep, review and status: the views that turn the record into a better next meeting."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from mentorlog.cli.common import date_option, journal
from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.cli.reads import NoChart

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
ForceOpt = Annotated[bool, Opt("--force", help="With -o: replace FILE if it exists.")]
AllOpt = Annotated[
    bool, Opt("--all", "-a", help="Every item of every section (default: prep_items, 7, each).")
]
SectionOpt = Annotated[
    str | None,
    Opt(
        "--section",
        help="Only this section, in full (its name as the '… more' line says).",
        metavar="KEY",
    ),
]


def chosen_format(fmt: "Format", json: bool) -> str:
    """--json is --format json; with --format markdown it is a contradiction, not a choice."""
    if json and fmt is Format.markdown:
        from mentorlog.errors import UsageProblem

        raise UsageProblem("--json and --format markdown contradict each other; choose one")
    return "json" if json else fmt.value


@top.command("prep", epilog="Example: mentorlog prep alex --format markdown -o agenda.md")
def prep(
    mentor: Annotated[str | None, Arg(help="Mentor (default: the one due soonest).")] = None,
    fmt: FormatOpt = Format.text,
    json: JsonFlag = False,
    output: OutOpt = None,
    force: ForceOpt = False,
    all_: AllOpt = False,
    section: SectionOpt = None,
) -> None:
    """Your agenda for the next meeting: report back, commitments, goals, questions, suggestions.

    Each section shows what matters most first (overdue before due, newer before older, this
    mentor's before general) and at most prep_items (config, default 7), then one line naming
    the command that lists the rest; --all shows everything. --json always has every item, and
    `totals` says how many each section holds.
    """
    from mentorlog.cli.reads import show_prep

    show_prep(mentor, chosen_format(fmt, json), output, force, all_, section)


@top.command(
    "review",
    epilog="Example: mentorlog review --week --reflect 'Shipped the RFC; next: speak up earlier'",
)
def review(
    week: Annotated[bool, Opt("--week", help="This week so far (config week_start).")] = False,
    month: Annotated[bool, Opt("--month", help="The last month.")] = False,
    since: Annotated[
        date | None, date_option("--since", help="From this day to today (or --until).")
    ] = None,
    until: Annotated[
        date | None,
        date_option("--until", help="End the period on this day instead of today."),
    ] = None,
    fmt: FormatOpt = Format.text,
    json: JsonFlag = False,
    output: OutOpt = None,
    force: ForceOpt = False,
    reflect: Annotated[
        str | None,
        Opt("--reflect", help="Save this period's reflection; '-' reads stdin.", metavar="TEXT"),
    ] = None,
    edit: Annotated[
        bool,
        Opt("--edit", "-e", help="Write the reflection in $EDITOR (the saved one, to edit it)."),
    ] = False,
    replace: Annotated[
        bool, Opt("--replace", help="With --reflect: replace the period's reflection.")
    ] = False,
    append: Annotated[
        bool, Opt("--append", help="With --reflect: add to the period's reflection.")
    ] = False,
    all_: AllOpt = False,
    section: SectionOpt = None,
    no_chart: NoChart = False,
) -> None:
    """The week (default: the 7 days ending today): done, overdue, goals moved, meetings, wins.

    On the terminal it opens with a picture of the period: a strip of the week's days, or for
    a longer period (--month, --since) a calendar of weeks across and days down, each day
    shaded by how much happened (meetings, actions done, wins, milestones); --json has the
    same numbers in `activity`.

    A period keeps one reflection: a second --reflect is refused (your text is kept in drafts/
    and the error gives the command that saves it from there) unless --replace or --append says
    what to do with the first; --edit opens the saved one in the editor. A draft in drafts/ is
    removed once its text is saved.
    """
    from mentorlog.cli.reads import show_review
    from mentorlog.errors import UsageProblem

    if reflect is not None and edit:
        raise UsageProblem("choose --reflect TEXT or --edit, not both")
    if replace and append:
        raise UsageProblem("choose --replace or --append, not both")
    if (replace or append) and reflect is None:
        raise UsageProblem(
            f"--{'replace' if replace else 'append'} goes with --reflect TEXT; "
            "--edit shows the saved reflection to edit"
        )
    period = {"week": week, "month": month, "since": since, "until": until}
    if reflect is not None or edit:
        existing = "replace" if replace else "append" if append else "refuse"
        _reflection(period, reflect, existing)
        return
    show_review(
        chosen_format(fmt, json),
        output,
        force=force,
        all_=all_,
        section=section,
        charts=not no_chart,
        **period,
    )


def _reflection(period: dict, text: str | None, existing: str) -> None:
    """Save the period's reflection (from --reflect, stdin or the editor); never lose the text."""
    import sys

    from mentorlog.cli.reads import checked_period
    from mentorlog.config import load_config
    from mentorlog.core.clock import today
    from mentorlog.core.review import build_review
    from mentorlog.errors import MentorlogError
    from mentorlog.render.output import say
    from mentorlog.store.db import read_connection
    from mentorlog.store.facts import review_facts
    from mentorlog.store.queries import fetch_one
    from mentorlog.store.writes import REFLECTION_FOR, save_reflection

    config = load_config()
    start, end = checked_period(today(), week_start=config.week_start, **period)
    db = journal()  # this invocation's journal, opened once
    with read_connection(db) as conn:
        found = fetch_one(conn, REFLECTION_FOR, (end.isoformat(), start.isoformat()))
        data = (
            build_review(review_facts(conn, start, end, config.week_start))
            if text is None
            else None
        )
    kept = None
    if text == "-":
        text = sys.stdin.read()
    elif text is None:  # --edit: the saved reflection, if any, is what the editor opens on
        edited = _reflect_in_editor(
            db, data, found and found["text"], config.editor_command(), _period_flags(period)
        )
        if edited is None:
            say(f"Your reflection for {start} → {end} is unchanged; nothing to save.")
            return
        kept, text = edited
        existing = "replace" if found else "refuse"
    try:
        save_reflection(db, start, end, text, existing)
    except MentorlogError as exc:
        if not text.strip():
            raise
        kept = kept or _keep_reflection(db, start, end, text)
        how = "--append" if found and existing == "refuse" else ""
        again = _read_back(period, kept, how)
        raise type(exc)(f"{exc.message}. Your text waits in {kept}; {again}") from None
    if kept is not None:
        kept.unlink(missing_ok=True)
    verb = (
        {"replace": "Replaced", "append": "Added to"}.get(existing, "Saved") if found else "Saved"
    )
    say(f"{verb} your reflection for {start} → {end}. It will show in your next review.")
    for used in _used_drafts(db, text):
        say(f"Removed the draft {used}: its text is saved now.")


def _period_flags(period: dict) -> str:
    """The review options that chose the period, as the user would type them again."""
    if period["since"] is not None:
        return f" --since {period['since']}"
    return " --week" if period["week"] else " --month" if period["month"] else ""


def _read_back(period: dict, kept: Path, how: str = "") -> str:
    """The command that saves a kept reflection draft; `how` is --append when the period has a
    reflection already (a plain --reflect would be refused again)."""
    import shlex

    flags = f"{_period_flags(period)} --reflect -" + (f" {how}" if how else "")
    command = f"'mentorlog review{flags} < {shlex.quote(str(kept))}'"
    if how == "--append":
        return f"{command} adds it to the saved one (--replace instead of --append replaces it)"
    return f"{command} saves it"


def _used_drafts(db: Path, text: str) -> list[Path]:
    """Remove the reflection drafts whose text was just saved (read back with --reflect -)."""
    from mentorlog.paths import drafts_dir

    folder = drafts_dir(db)
    used = []
    for path in sorted(folder.glob("reflection-*.md")) if folder.is_dir() else ():
        try:
            if path.read_text(encoding="utf-8", errors="replace").strip() == text.strip():
                path.unlink()
                used.append(path)
        except OSError:
            continue
    return used


def _keep_reflection(db: Path, start: date, end: date, text: str) -> Path:
    from mentorlog.core.clock import utcnow
    from mentorlog.paths import drafts_dir, write_private_text

    name = f"reflection-{start}-{end}-{utcnow():%Y%m%dT%H%M%S%f}.md"
    return write_private_text(drafts_dir(db) / name, text.rstrip("\n") + "\n")


def _reflect_in_editor(
    db: Path, data: dict, saved: str | None, editor: str, flags: str = ""
) -> tuple[Path, str] | None:
    """Prompts in comments, then the saved reflection if there is one; what the user leaves below
    them is the reflection. Returns the draft file (kept until the text is saved) and the text,
    or None when the saved reflection came back unchanged (a no-op, not an error)."""
    import re
    import shlex

    from mentorlog.cli.editor import EditorFailed, edit_file, read_draft
    from mentorlog.errors import MentorlogError, NothingRecorded
    from mentorlog.paths import write_private_text

    start, end = data["period"]["start"], data["period"]["end"]
    prompts = "\n".join(f"<!-- {p} -->" for p in data["prompts"])
    template = (
        f"<!-- Reflection for {start} → {end}. Save and close; text in these marks is ignored. -->\n"
        f"{prompts}\n\n" + (f"{saved.rstrip()}\n" if saved else "")
    )
    path = _keep_reflection(db, start, end, template)

    def written(raw: str) -> str:
        return re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL).strip()

    try:
        text = written(edit_file(path, editor))
    except EditorFailed as exc:
        left = written(read_draft(path)) if path.exists() else ""
        if left and left != (saved or "").strip():
            # Only the text (no prompt comments) stays, so --reflect - can read it back whole;
            # it held the saved reflection too, so it replaces that one.
            write_private_text(path, left + "\n")
            how = " --replace" if saved else ""
            raise MentorlogError(
                f"{exc.message}; nothing was saved. Your text waits in {path}; "
                f"'mentorlog review{flags} --reflect -{how} < {shlex.quote(str(path))}' saves it"
            ) from None
        path.unlink(missing_ok=True)
        raise MentorlogError(f"{exc.message}; nothing was saved") from None
    if text and text == (saved or "").strip():
        path.unlink(missing_ok=True)
        return None
    if not text:
        path.unlink(missing_ok=True)
        raise NothingRecorded("the reflection is empty; nothing saved")
    return path, text


@top.command("status", epilog="Example: mentorlog status --json")
def status(
    json: JsonFlag = False,
    all_: Annotated[
        bool, Opt("--all", "-a", help="Every item (default: what fits 24 lines).")
    ] = False,
    no_chart: NoChart = False,
) -> None:
    """The dashboard: next meetings, overdue and this week's actions, goals.

    It fits 24 lines, showing fewer items per section when there are many; --all shows them all.
    In a terminal 60 columns or wider it ends with a calendar of the last 13 weeks.
    """
    from mentorlog.cli.reads import show_status

    show_status(json, all_, charts=not no_chart)
