"""The pictures on the terminal are drawn from the JSON's numbers: one cell a day, its shade the
day's count, and a change in the journal changes the picture; they fit 40-120 columns (shrunk
or left out, never wrapped), read without colour and on an ASCII stream, and --no-chart or
config `charts = false` leaves them out."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from mentorlog.core.pictures import day_total, week_start_of
from mentorlog.render import charts
from support import PICTURE_STEPS

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@pytest.fixture
def built(cli, private_env):
    for step in PICTURE_STEPS:
        cli(*step)
    return cli


def read_calendar(text: str, start: date, end: date, week_start: int = 0) -> dict[str, str]:
    """{day: the character drawn for it} read back from a printed calendar."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("Activity"))
    rows = {}
    for line in lines[top + 1 :]:
        if line[2:5] in DAYS and line[5:6] == " " and line[2:5] not in rows:
            rows[line[2:5]] = line
        if len(rows) == 7:
            break
    assert len(rows) == 7, text
    weeks = []
    week = week_start_of(start, week_start)
    while week <= end:
        weeks.append(week)
        week += timedelta(weeks=1)
    if "weeks)" in text:  # the oldest weeks left out
        shown = int(text.split("(the last ")[1].split(" ")[0])
        weeks = weeks[-shown:]
    width = max(len(r) for r in rows.values()) - 6
    cell = next(c for c in (3, 2, 1) if width > (len(weeks) - 1) * c)
    drawn = {}
    for index, first in enumerate(weeks):
        for offset in range(7):
            day = first + timedelta(days=offset)
            if start <= day <= end:
                line = rows[DAYS[day.weekday()]]
                column = 6 + index * cell
                drawn[day.isoformat()] = line[column] if column < len(line) else " "
    return drawn


def shades(activity: list[dict], glyphs=charts.UNICODE) -> dict[str, str]:
    return {a["day"]: glyphs.shades[min(day_total(a), 4)] for a in activity}


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("since", ["2026-11-01", "2026-01-01"])
def test_review_calendar_is_the_json_activity(built, monkeypatch, columns, since):
    monkeypatch.setenv("COLUMNS", str(columns))
    data = built.json("review", "--since", since)
    out = built("review", "--since", since).stdout
    assert "\x1b[" not in out  # NO_COLOR
    assert all(len(line) <= columns for line in out.splitlines()), out
    drawn = read_calendar(out, date.fromisoformat(since), date(2026, 11, 22))
    assert drawn == shades(data["activity"])  # one cell a day, each the day's shade
    assert "none · ░ ▒ ▓ █ 4+ a day" in out
    assert "Nov" in out.split("Activity")[1].splitlines()[1]  # the month names


def test_the_picture_follows_the_data(built):
    before = read_calendar(
        built("review", "--month").stdout, date(2026, 10, 23), date(2026, 11, 22)
    )
    built("win", "add", "One", "--on", "2026-11-12")
    built("win", "add", "Two", "--on", "2026-11-12")
    built("action", "done", "4", code=None)  # no such action: nothing changes
    after = read_calendar(built("review", "--month").stdout, date(2026, 10, 23), date(2026, 11, 22))
    assert before["2026-11-12"] == "·" and after["2026-11-12"] == "▒"
    assert {d: c for d, c in before.items() if d != "2026-11-12"} == {
        d: c for d, c in after.items() if d != "2026-11-12"
    }


def test_a_narrow_terminal_gets_the_last_weeks_not_a_wrapped_grid(built, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    out = built("review", "--since", "2026-01-01").stdout
    assert all(len(line) <= 40 for line in out.splitlines())
    assert "(the last 34 of 47 weeks)" in out
    drawn = read_calendar(out, date(2026, 1, 1), date(2026, 11, 22))
    data = built.json("review", "--since", "2026-01-01")
    expected = shades(data["activity"])
    assert all(expected[day] == mark for day, mark in drawn.items() if mark != " ")
    assert drawn["2026-11-02"] == "▒"


def test_too_narrow_for_a_calendar_leaves_it_out(built, monkeypatch):
    monkeypatch.setenv("COLUMNS", "12")  # five weeks still fit, a day a character
    assert "Mon ·▒··" in built("review", "--month").stdout.replace("  Mon  ", "Mon ")
    monkeypatch.setenv("COLUMNS", "9")
    out = built("review", "--month").stdout
    assert "Mon " not in out and "Done (3)" in out


def test_week_strip(built, monkeypatch):
    data = built.json("review")  # the 7 days ending today
    out = built("review").stdout.splitlines()
    top = out.index(next(line for line in out if line.startswith("Activity")))
    names, marks = out[top + 1], out[top + 2]
    assert names.split() == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert [marks[3 + 4 * i] for i in range(7)] == list(shades(data["activity"]).values())
    assert out[top].startswith("Activity  2 meetings · 0 actions done · 0 wins · 1 milestone")
    monkeypatch.setenv("COLUMNS", "20")  # two cells a day
    small = built("review").stdout
    assert all(len(line) <= 20 for line in small.splitlines())
    assert "M T W T F S S" in small


def test_no_chart_and_config_charts_false(built):
    assert "Activity" in built("review", "--month").stdout
    assert "Activity" not in built("review", "--month", "--no-chart").stdout
    assert "Activity" not in built("status", "--no-chart").stdout
    assert "Activity" not in built("review", "--section", "done").stdout
    built("config", "set", "charts", "false")
    assert "Activity" not in built("review", "--month").stdout
    assert "Activity" not in built("status", "--all").stdout
    built.fails("config", "set", "charts", "maybe", code=2)
    built("config", "set", "charts", "on")
    assert "Activity" in built("review", "--month").stdout


def test_config_charts_reads_a_toml_boolean(built, private_env):
    from mentorlog.config import config_file

    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("charts = false\n", encoding="utf-8")
    assert "Activity" not in built("review", "--month").stdout
    config_file().write_text('charts = "sometimes"\n', encoding="utf-8")
    error = built.fails("review", "--month")
    assert "charts" in error and str(config_file()) in error


def test_the_json_has_no_picture(built):
    for args in (["review", "--month"], ["status"]):
        out = built(*args, "--json").stdout
        assert not any(glyph in out for glyph in "░▒▓█")


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_status_calendar_is_the_json_activity_and_fits_24_lines(built, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    data = built.json("status")
    out = built("status").stdout
    assert len(out.splitlines()) <= 24
    assert all(len(line) <= columns for line in out.splitlines())
    activity = data["activity"]
    drawn = read_calendar(
        out, date.fromisoformat(activity[0]["day"]), date.fromisoformat(activity[-1]["day"])
    )
    assert drawn == shades(activity)
    assert "█ 4+ a day" in out


def test_status_calendar_needs_sixty_columns(built, monkeypatch):
    monkeypatch.setenv("COLUMNS", "59")
    out = built("status").stdout
    assert "Activity" not in out and "Alex Chen" in out


def test_status_items_come_before_the_calendar(built):
    """24 lines hold the calendar only when every section keeps an item; else it is left out
    (a terminal taller than 24 lines shows both)."""
    assert "Activity" in built("status").stdout  # room for both
    for n in range(3):
        built("action", "add", f"Overdue thing {n} due:2026-11-{n + 1:02d}")
        built("action", "add", f"Due soon {n} due:2026-11-22")
        built("goal", "add", f"Goal {n}")
        built("resource", "add", f"Book {n}")
        built("resource", "start", str(n + 1))
    out = built("status").stdout
    assert len(out.splitlines()) <= 24
    assert "Activity" not in out
    for shown in ("Overdue thing", "Due soon", "Goal", "reading #"):
        assert shown in out
    assert "Activity" in built("status", "--all").stdout


def _run(env_extra: dict, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "mentorlog", *args], capture_output=True,
                          env=env, stdin=subprocess.DEVNULL, text=False)  # fmt: skip


def test_an_ascii_stream_gets_ascii_pictures(built, db_file):
    result = _run({"MENTORLOG_DB": str(db_file), "PYTHONIOENCODING": "ascii"}, "review", "--month")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("ascii")
    assert "none . - + * # 4+ a day" in text
    picture = text.split("Activity")[1].split("\n\n")[0]
    assert "\\u" not in picture and "Mon " in picture  # no escaped block characters


def test_calendar_never_exceeds_its_width():
    start = date(2025, 3, 9)
    activity = [
        {"day": (start + timedelta(days=i)).isoformat(), "meetings": i % 5, "actions_done": 0,
         "wins": 0, "milestones_done": 0}
        for i in range(400)
    ]  # fmt: skip
    for width in range(0, 140):
        for days in (8, 31, 92, 400):
            lines = charts.calendar(activity[:days], width)
            plain = [charts_plain(line) for line in lines]
            assert all(len(line) <= width for line in plain), (width, days, plain)
            if lines:
                assert len(lines) in (8, 9)


def charts_plain(markup: str) -> str:
    from mentorlog.render.screen import parse

    return parse(markup)[0]


# ------------------------------------------------------------------ goals


def _line_with(text: str, marker: str) -> str:
    return next(line for line in text.splitlines() if marker in line)


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_goal_show_sparkline_is_the_json_weeks(built, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    out = built("goal", "show", "1").stdout
    assert all(len(line) <= columns for line in out.splitlines()), out
    assert "Progress by week" in out and "\x1b[" not in out
    # weeks 11-02 (1 of 1 known), 11-09 (1/1), 11-16 (2/4), then ten weeks to the target
    assert _line_with(out, "┃").strip() == "██▅·········┃  2/4 · on pace"
    assert "┃ target 2027-01-31 (in 70d)" in out
    built("milestone", "done", "3")
    assert _line_with(built("goal", "show", "1").stdout, "┃").strip() == (
        "██▆·········┃  3/4 · on pace"
    )
    built("goal", "edit", "1", "--by", "2026-11-25")  # one more milestone, in three days
    assert _line_with(built("goal", "show", "1").stdout, "┃").strip().endswith("3/4 · behind")


def test_goal_show_sparkline_shrinks_to_fit(built, monkeypatch):
    built("goal", "edit", "1", "--by", "2029-12-31")  # 162 weeks to draw
    for columns in (40, 60, 100):
        monkeypatch.setenv("COLUMNS", str(columns))
        out = built("goal", "show", "1").stdout
        assert all(len(line) <= columns for line in out.splitlines()), out
        line = _line_with(out, "┃")
        assert line.rstrip().endswith("2/4 · on pace") and line.strip()[0] in "█▅"
        assert "a mark every" in out


def test_goal_list_and_status_sparklines(built, monkeypatch):
    weeks = built.json("goal", "show", "1")["progress_by_week"]
    spark = charts.recent_spark(weeks, 8)
    assert spark == "     ██▅"
    monkeypatch.setenv("COLUMNS", "130")
    listed = built("goal", "list").stdout
    assert "8 weeks" in listed and spark.strip() in _line_with(listed, "Lead a review")
    assert "8 weeks" not in built("goal", "list", "--no-chart").stdout
    assert _line_with(built("status").stdout, "#1 Lead a review").endswith(spark.strip())
    assert _line_with(built("review").stdout, "#1 Lead a review").endswith(spark.strip())
    monkeypatch.setenv("COLUMNS", "60")
    assert "8 weeks" not in built("goal", "list").stdout
    built("goal", "edit", "1", "--title", "Lead a design review end to end, then a second")
    status = built("status").stdout  # no room on the line: the bar only
    assert "2/4" in status and "██▅" not in status
    assert built.json("goal", "list")[0].get("progress_by_week") is None  # JSON as before


# ------------------------------------------------------------------ cadence


def _strip(out: str) -> str:
    return _line_with(out, "→ due")[2:].split(" → ")[0]


def _cells(strip: str, start: date, end: date) -> tuple[int, dict[int, str]]:
    days = (end - start).days + 1
    per = next(p for p in range(1, days + 1) if -(-days // p) == len(strip))
    return per, dict(enumerate(strip))


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_mentor_show_cadence_strip_follows_the_days_met(built, monkeypatch, columns):
    from mentorlog.core.pictures import cadence_window

    monkeypatch.setenv("COLUMNS", str(columns))
    start, end = cadence_window(date(2026, 11, 22))
    out = built("mentor", "show", "alex").stdout
    assert all(len(line) <= columns for line in out.splitlines()), out
    assert "→ due 2026-11-27 (in 5d)" in out
    strip = _strip(out)
    per, cells = _cells(strip, start, end)
    met = built.json("mentor", "show", "alex")["meetings_on"]
    expected = {(date.fromisoformat(d) - start).days // per for d in met}
    assert {i for i, c in cells.items() if c == "●"} == expected

    def at(day: str) -> str:
        index = (date.fromisoformat(day) - start).days // per
        return "●" if index in expected else cells[index]

    assert at("2026-06-15") == "┄"  # weekly, and last met in April
    assert at("2026-11-06") in "─●"  # within a week of 11-02 (a wide cell holds the meeting)
    assert at("2026-11-15") == "┄"  # due 11-09, next met 11-20
    built("log", "alex", "--on", "2026-11-12 10:00", "--notes", "in between")
    again = _cells(_strip(built("mentor", "show", "alex").stdout), start, end)[1]
    assert again[(date(2026, 11, 12) - start).days // per] == "●"
    assert again[(date(2026, 11, 15) - start).days // per] == "─"  # due 11-19 now


def test_mentor_strip_starts_with_the_mentorship_and_the_list_has_one(built, monkeypatch):
    out = built("mentor", "show", "sam").stdout  # since 2026-10-01, monthly, met 11-20
    strip = _strip(out)
    assert strip.startswith(" ") and "●" in strip and "┄" not in strip
    assert "Jun" in out.split("→ due")[1].splitlines()[1]  # the month names under it
    monkeypatch.setenv("COLUMNS", "140")
    listed = built("mentor", "list").stdout
    assert "Last 6 months" in listed
    assert _line_with(listed, "Sam Rivera").rstrip().endswith("──●")
    assert "Last 6 months" not in built("mentor", "list", "--no-chart").stdout
    assert "Meetings, last 6 months" not in built("mentor", "show", "sam", "--no-chart").stdout
    assert "meetings_on" in built.json("mentor", "show", "sam", "--no-chart")


def test_ended_mentorship_strip(built):
    built("mentor", "end", "sam", "--on", "2026-11-21", "--note", "done", input="n\n", code=None)
    out = built("mentor", "show", "sam").stdout
    assert "ended" in out


# ------------------------------------------------------------------ pictures only add


@pytest.fixture
def sample(cli, private_env, tmp_path_factory):
    from support import build_sample_journal

    path = build_sample_journal(private_env)
    assert path.exists()
    return cli


PICTURED = [["review", "--month"], ["review"], ["status", "--all"], ["goal", "show", "1"],
            ["goal", "list"], ["mentor", "show", "alex"], ["mentor", "list"]]  # fmt: skip


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_pictures_only_add_lines(sample, monkeypatch, columns):
    """Every line of a view without pictures is still there, in order, with them (lists gain
    a column, which only widens its rows)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in PICTURED:
        if args[0] == "review":  # the 60-line budget gives the picture's room to fewer items
            args = (*args, "--all")
        plain = sample(*args, "--no-chart").stdout.splitlines()
        drawn = sample(*args).stdout.splitlines()
        assert all(len(line) <= columns for line in drawn), (args, drawn)
        if args[1:2] == ["list"]:
            assert len(drawn) >= len(plain) - 2, args
            continue
        left = iter(drawn)  # a goal's line may end with its sparkline
        assert all(
            any(other == line or other.startswith(line + "  ") for other in left) for line in plain
        ), (args, columns)
