"""report: the period as one HTML page to hand to a manager (issue 21)."""

from datetime import date
from pathlib import Path
from typing import Annotated, Any

from mentorlog.cli.common import MentorOpt, date_option, reading
from mentorlog.cli.decl import Group, Opt

top = Group()  # top-level commands, registered in cli/registry.py


@top.command(
    "report",
    epilog="Example: mentorlog report --html -o report.html --since 2026-06-01",
)
def report(
    html: Annotated[bool, Opt("--html", help="An HTML page (the one format so far).")] = False,
    output: Annotated[
        Path | None,
        Opt("--output", "-o", help="The file to write (private, 0600).", metavar="FILE"),
    ] = None,
    since: Annotated[
        date | None, date_option("--since", help="From this day (default: 6 months ago).")
    ] = None,
    until: Annotated[
        date | None, date_option("--until", help="Up to this day (default: today).")
    ] = None,
    mentor: MentorOpt = None,
    force: Annotated[bool, Opt("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """A report of a period for a performance review: one self-contained HTML file that opens
    in any browser and prints to PDF (the charts are never cut by a page).

    It holds the period's numbers (meetings, mentors met, actions done, milestones, goals
    achieved, wins), a calendar of activity by day and each goal's milestones by week as
    inline SVG, the mentors met, and the brag document's achievements. Nothing in it is fetched
    from anywhere and it runs no script; constructive feedback and meeting notes are never in
    it. The default period is the brag document's: the last 6 months, from the journal's first
    record if that is later.
    """
    from mentorlog.errors import UsageProblem

    if output is None:
        raise UsageProblem("report writes a file: add -o FILE, e.g. -o report.html")
    write_report(report_data(since, until, mentor), output, force)


def report_data(since: date | None, until: date | None, mentor: str | None) -> dict[str, Any]:
    """Everything the page shows, read in one snapshot."""
    from mentorlog.cli.common import mentor_id_of as _mentor_id
    from mentorlog.cli.common import period_in_order as _period_order
    from mentorlog.config import load_config
    from mentorlog.core.clock import today
    from mentorlog.store.brag import brag, default_period, first_record_day
    from mentorlog.store.pictures import activity, goal_weeks, mentors_met
    from mentorlog.store.queries import get_record, list_goals

    start, end = default_period(today(), since, until)
    _period_order(start, end)
    week_start = load_config().week_start
    with reading() as conn:
        if since is None:
            first = first_record_day(conn)
            if first is not None and start < first <= end:
                start = first
        mentor_id = _mentor_id(conn, mentor)
        name = get_record(conn, "mentor", mentor_id)["name"] if mentor_id is not None else None
        goals = [
            g
            for g in list_goals(conn, mentor_id=mentor_id, achieved_since=start.isoformat())
            if (g["achieved_on"] or "") <= end.isoformat()
            and g["created_at"][:10] <= end.isoformat()
        ]
        weeks = goal_weeks(conn, goals, week_start, today=end)
        for goal in goals:
            goal["progress_by_week"] = weeks[goal["id"]]
        return {
            "period": {"start": start.isoformat(), "end": end.isoformat()},
            "mentor": name,
            "today": today().isoformat(),
            "week_start": week_start,
            "brag": brag(conn, start, end, mentor_id),
            "activity": activity(conn, start, end, mentor_id),
            "goals": goals,
            "mentors": mentors_met(conn, start, end, mentor_id),
        }


def write_report(data: dict[str, Any], output: Path | None, force: bool) -> None:
    """The page to FILE (0600, never the journal, never over a file unless --force), or to
    stdout when no file is given (brag --format html)."""
    from mentorlog.render.output import say
    from mentorlog.render.report import render_html

    page = render_html(data)
    if output is None:
        import sys

        sys.stdout.write(page)
        return
    from mentorlog.cli.session import State
    from mentorlog.paths import db_path, write_private_text

    write_private_text(output, page, protect=db_path(State.db), overwrite=force)
    say(f"Wrote {output}: open it in a browser; print it to PDF from there")
