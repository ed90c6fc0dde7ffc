"""search, timeline and brag: finding things in the journal, seeing it in order, and showing it off."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from mentorlog.cli.common import MentorOpt, date_option, reading
from mentorlog.cli.common import mentor_id_of as _mentor_id
from mentorlog.cli.common import period_in_order as _period_order
from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.store.search import KIND_CODES

top = Group()  # top-level commands, registered in cli/registry.py


# One vocabulary of record kinds (DESIGN, 'Details that keep these consistent'): the index's own.
SearchKind = StrEnum("SearchKind", {kind: kind for kind in KIND_CODES}, module=__name__)


class TimelineKind(StrEnum):
    """The same words, with events where a record's completion is what happened."""

    meeting = "meeting"
    advice = "advice"
    action_done = "action_done"
    milestone_done = "milestone_done"
    goal_achieved = "goal_achieved"
    win = "win"
    feedback = "feedback"
    gave = "gave"
    resource_done = "resource_done"
    intro = "intro"
    checkin = "checkin"
    reflection = "reflection"


JsonRows = Annotated[bool, Opt("--json", help="Print plain JSON: a list of rows.")]


class BragFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


@top.command(
    "search",
    epilog="Example: mentorlog search 'deleg \"push back\"' --kind advice --mentor alex",
)
def search(
    query: Annotated[
        str,
        Arg(
            help="Words to find: each matches by prefix from 3 letters (deleg finds delegation); "
            '"a phrase" in double quotes matches as written. Punctuation is ignored.'
        ),
    ],
    kind: Annotated[
        list[SearchKind] | None,
        Opt(
            "--kind",
            "-k",
            help="Only this kind of record (repeat for several): " + ", ".join(SearchKind) + ".",
            metavar="KIND",
        ),
    ] = None,
    mentor: MentorOpt = None,
    since: Annotated[date | None, date_option("--since", help="Only from this day on.")] = None,
    json: JsonRows = False,
) -> None:
    """Search every text of every record; best matches first, at most 50.

    Matches are highlighted on a terminal; piped output and --json carry plain text. Each kind
    ranks its 50 most recent matches: add a word, --kind or --since to go further.
    No match prints nothing and exits 0.
    """
    from mentorlog.core.snippets import plain
    from mentorlog.errors import UsageProblem
    from mentorlog.render.explore import print_rows
    from mentorlog.store.search import search as run_search

    if not query.strip():
        raise UsageProblem("the search is empty; give a word to look for")
    with reading() as conn:
        mentor_id = _mentor_id(conn, mentor)
        rows = run_search(conn, query, [k.value for k in kind or []], mentor_id, since)
    if json:
        print_rows([{**r, "snippet": plain(r["snippet"])} for r in rows])
        return
    from mentorlog.render.explore import search_results

    search_results(rows)


@top.command("timeline", epilog="Example: mentorlog timeline --since 2026-09-01 --mentor alex")
def timeline(
    since: Annotated[
        date | None, date_option("--since", help="From this day (default: 90 days ago).")
    ] = None,
    until: Annotated[
        date | None, date_option("--until", help="Up to this day (default: today).")
    ] = None,
    mentor: MentorOpt = None,
    kind: Annotated[
        list[TimelineKind] | None,
        Opt(
            "--kind",
            "-k",
            help="Only this kind of event (repeat for several): " + ", ".join(TimelineKind) + ".",
            metavar="KIND",
        ),
    ] = None,
    json: JsonRows = False,
) -> None:
    """Everything that happened, oldest first (default: the last 90 days).

    Meetings, advice, actions done, milestones reached, goals achieved, wins, feedback, what you
    gave, resources finished, introductions, check-ins and reflections, one line each. --mentor
    keeps what is linked to that mentor, directly or through its meeting, advice or goal.
    """
    from mentorlog.core.clock import today
    from mentorlog.store.timeline import default_period
    from mentorlog.store.timeline import timeline as run_timeline

    start, end = default_period(today(), since, until)
    _period_order(start, end)
    with reading() as conn:
        if since is None:  # six months back, but not before the journal's first record
            from mentorlog.store.brag import first_record_day

            first = first_record_day(conn)
            if first is not None and start < first <= end:
                start = first
        mentor_id = _mentor_id(conn, mentor)
        rows = run_timeline(conn, start, end, [k.value for k in kind or []], mentor_id)
    if json:
        from mentorlog.render.explore import print_rows

        print_rows(rows)
        return
    from mentorlog.render.explore import timeline_lines

    timeline_lines(rows, start.isoformat(), end.isoformat())


@top.command(
    "brag",
    epilog="Example: mentorlog brag --since 2026-05-01 -o brag.md",
)
def brag(
    since: Annotated[
        date | None, date_option("--since", help="From this day (default: 6 months ago).")
    ] = None,
    until: Annotated[
        date | None, date_option("--until", help="Up to this day (default: today).")
    ] = None,
    mentor: MentorOpt = None,
    fmt: Annotated[
        BragFormat, Opt("--format", "-f", help="markdown, json or html (the report's page).")
    ] = BragFormat.markdown,
    json: Annotated[bool, Opt("--json", help="Same as --format json.")] = False,
    output: Annotated[
        Path | None,
        Opt("--output", "-o", help="Write to FILE (private, 0600).", metavar="FILE"),
    ] = None,
    force: Annotated[bool, Opt("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Your achievements for a review or promotion case (default: the last 6 months, from the
    journal's first record if that is later): highlights first, then month by month.

    Wins, milestones reached, goals achieved with their measure, praise received, advice applied
    that has an outcome, actions done that have a result. Constructive feedback and meeting notes
    never appear in it.
    """
    if fmt is BragFormat.html:  # the same page as `report --html`
        from mentorlog.cli.report import report_data, write_report

        if json:
            from mentorlog.errors import UsageProblem

            raise UsageProblem("--json and --format html contradict each other; choose one")
        write_report(report_data(since, until, mentor), output, force)
        return
    from mentorlog.core.clock import today
    from mentorlog.store.brag import brag as brag_data
    from mentorlog.store.brag import default_period

    start, end = default_period(today(), since, until)
    _period_order(start, end)
    with reading() as conn:
        if since is None:  # six months back, but not before the journal's first record
            from mentorlog.store.brag import first_record_day

            first = first_record_day(conn)
            if first is not None and start < first <= end:
                start = first
        mentor_id = _mentor_id(conn, mentor)
        mentor_name = None
        if mentor_id is not None:
            from mentorlog.store.queries import get_record

            mentor_name = get_record(conn, "mentor", mentor_id)["name"]
        data = brag_data(conn, start, end, mentor_id)
    as_json = json or fmt is BragFormat.json
    if output is not None:
        _write_output(output, data, as_json, mentor_name, force)
        return
    if as_json:
        from mentorlog.render.output import print_json

        print_json(data)
        return
    from mentorlog.render.explore import brag_markdown
    from mentorlog.render.output import say

    say(brag_markdown(data, mentor_name).rstrip("\n"))


def _write_output(output: Path, data: dict, as_json: bool, mentor: str | None, force: bool) -> None:
    """A private file, never the journal, never over an existing file unless --force."""
    from mentorlog.cli.session import State
    from mentorlog.paths import db_path, write_private_text
    from mentorlog.render.output import safe, say

    if as_json:
        import json

        body = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        from mentorlog.render.explore import brag_markdown

        body = brag_markdown(data, mentor)
    write_private_text(output, safe(body), protect=db_path(State.db), overwrite=force)
    say(f"Wrote {output}")
