"""`report --html`: one self-contained page, parsed the way a browser parses it (html5lib): its
structure, charts drawn from the JSON's numbers, no URL to anywhere, user text shown as text
(a <script> in a win is never a script), written 0600 and never over a file unasked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date

import html5lib
import pytest

from mentorlog.core.pictures import day_total
from mentorlog.render import svg
from support import PICTURE_STEPS, dump

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


@pytest.fixture
def built(cli, private_env):
    for step in PICTURE_STEPS:
        cli(*step)
    return cli


def _page(cli, tmp_path, *args: str):
    target = tmp_path / "report.html"
    target.unlink(missing_ok=True)
    result = cli("report", "--html", "-o", str(target), *args)
    assert result.stdout.startswith(f"Wrote {target}")
    text = target.read_text(encoding="utf-8")
    return text, html5lib.parse(text, namespaceHTMLElements=False), target


def test_the_page_holds_the_period_its_numbers_charts_and_achievements(built, tmp_path):
    _text, page, target = _page(built, tmp_path, "--since", "2026-11-01")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert page.find("head/title").text == "Mentorship report 2026-11-01 → 2026-11-22"
    assert page.find(".//h1").text == "Mentorship report"
    assert [s.get("id") for s in page.iter("section")] == [
        "activity", "goals", "mentors", "achievements"
    ]  # fmt: skip
    numbers = {
        li.find("span").text: int(li.find("strong").text) for li in page.iter("li") if li.find("strong") is not None
    }  # fmt: skip
    assert numbers == {"meetings": 4, "mentors met": 2, "actions done": 3,
                       "milestones reached": 2, "goals achieved": 0, "wins": 1}  # fmt: skip
    mentors = [[td.text for td in tr.findall("td")] for tr in page.iter("tr") if tr.findall("td")]
    assert mentors == [
        ["Alex Chen", None, "3", "2026-11-20"],
        ["Sam Rivera", None, "1", "2026-11-20"],
    ]
    items = [" ".join("".join(li.itertext()).split()) for li in page.iter("li")]
    assert "2026-11-17 Co-lead — goal: Lead a review" in items
    assert "2026-11-10 Shipped it" in items


def test_the_calendar_is_the_review_activity(built, tmp_path):
    _text, page, _ = _page(built, tmp_path, "--since", "2026-11-01")
    activity = built.json("review", "--since", "2026-11-01")["activity"]
    (calendar,) = [s for s in page.iter(SVG + "svg") if s.get("class") == "calendar"]
    cells = {r.get("data-day"): r.get("class") for r in calendar.iter(SVG + "rect")}
    assert cells == {a["day"]: f"l{min(day_total(a), 4)}" for a in activity}
    titles = [r.find(SVG + "title").text for r in calendar.iter(SVG + "rect")]
    assert "2026-11-10: 1 action done, 1 win" in titles
    # the data changes, the picture changes
    built("win", "add", "Another", "--on", "2026-11-21")
    built("win", "add", "And one more", "--on", "2026-11-21")
    _, again, _ = _page(built, tmp_path, "--since", "2026-11-01")
    (calendar,) = [s for s in again.iter(SVG + "svg") if s.get("class") == "calendar"]
    assert {r.get("data-day"): r.get("class") for r in calendar.iter(SVG + "rect")}[
        "2026-11-21"
    ] == "l2"


def test_each_goal_with_milestones_has_its_weeks_drawn(built, tmp_path):
    built("goal", "add", "No steps yet")
    _, page, _ = _page(built, tmp_path, "--since", "2026-11-01")
    goals = [div for div in page.iter("div") if div.get("class") == "goal"]
    assert [g.find("h3").text for g in goals] == ["Lead a review", "No steps yet"]
    meta = " ".join("".join(goals[0].find("p").itertext()).split())
    assert meta == "2 of 4 milestones · target 2027-01-31 · on pace"
    (chart,) = goals[0].iter(SVG + "svg")
    assert goals[1].find(f".//{SVG}svg") is None  # no milestones: nothing to draw
    weeks = built.json("goal", "show", "1")["progress_by_week"]
    done = next(s for s in chart.iter(SVG + "polyline") if s.get("class") == "done")
    assert len(done.get("points").split()) == 2 * len(weeks)  # a step a week
    assert any(line.get("class") == "target" for line in chart.iter(SVG + "line"))


def test_nothing_on_the_page_comes_from_elsewhere(built, tmp_path):
    built("resource", "add", "A post", "--url", "https://example.com/track.png")
    text, page, _ = _page(built, tmp_path)
    for element in page.iter():
        for name in ("src", "href", "action", "srcset", "xlink:href", "poster", "data"):
            assert element.get(name) is None, (element.tag, name)
        assert element.tag not in ("script", "link", "img", "iframe", "object", "embed", "base")
    style = page.find("head/style").text
    assert "url(" not in style and "@import" not in style
    csp = [m.get("content") for m in page.iter("meta") if m.get("http-equiv")]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in text


def test_user_text_is_shown_never_run(built, tmp_path):
    built("win", "add", HOSTILE, "--on", "2026-11-21")
    built("goal", "add", HOSTILE, "--milestone", "step", "--by", "2027-02-01")
    built("milestone", "done", "5", "--on", "2026-11-21")
    text, page, _ = _page(built, tmp_path)
    assert "<script>" not in text and "<b>bold" not in text
    assert page.find(".//script") is None and page.find(".//b") is None
    shown = ["".join(e.itertext()) for e in page.iter("li")] + [e.text for e in page.iter("h3")]
    assert any(HOSTILE in (s or "") for s in shown)
    for chart in (s for s in page.iter(SVG + "svg") if s.get("class") == "progress"):
        assert chart.find(SVG + "title").text.startswith("Milestones done by week: ")


def test_control_characters_in_user_text_are_shown_as_escapes(built, tmp_path):
    built("win", "add", "bell\x07 and escape\x1b[31m", "--on", "2026-11-21")
    text, _, _ = _page(built, tmp_path)
    assert "\x07" not in text and "\x1b" not in text and "\\x1b" in text


def test_one_mentor(built, tmp_path):
    _, page, _ = _page(built, tmp_path, "--mentor", "sam", "--since", "2026-11-01")
    assert (
        page.find("head/title").text == "Mentorship report with Sam Rivera 2026-11-01 → 2026-11-22"
    )
    mentors = [tr.find("td").text for tr in page.iter("tr") if tr.find("td") is not None]
    assert mentors == ["Sam Rivera"]
    assert not [g for g in page.iter("div") if g.get("class") == "goal"]  # alex's goal


def test_refusals_write_nothing(built, tmp_path, db_file):
    before = dump(db_file)
    assert "-o FILE" in built.fails("report", "--html", code=2)
    target = tmp_path / "taken.html"
    target.write_text("mine\n")
    assert "--force" in built.fails("report", "-o", str(target))
    assert target.read_text() == "mine\n"
    built("report", "-o", str(target), "--force")
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert "journal" in built.fails("report", "-o", str(db_file), "--force")
    built.fails(
        "report",
        "-o",
        str(tmp_path / "x.html"),
        "--since",
        "2026-11-10",
        "--until",
        "2026-11-01",
        code=2,
    )
    built.fails("report", "-o", str(tmp_path / "x.html"), "--mentor", "nobody")
    assert not (tmp_path / "x.html").exists()
    assert dump(db_file) == before


def test_brag_format_html_is_the_same_page(built, tmp_path):
    out = built("brag", "--format", "html", "--since", "2026-11-01").stdout
    page = html5lib.parse(out, namespaceHTMLElements=False)
    assert page.find("head/title").text == "Mentorship report 2026-11-01 → 2026-11-22"
    target = tmp_path / "brag.html"
    built("brag", "-f", "html", "--since", "2026-11-01", "-o", str(target))
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert built.fails("brag", "-f", "html", "--json", code=2)


def test_an_empty_journal_makes_a_page(cli, tmp_path):
    cli("mentor", "add", "Alex")
    _, page, _ = _page(cli, tmp_path)
    assert page.find(".//h1").text == "Mentorship report"
    assert next(p.text for p in page.iter("p") if p.get("class") == "empty").startswith("No goals")


def test_only_the_report_loads_jinja(built, db_file, tmp_path):
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    for argv, expected in ((["review", "--month"], False), (["report", "-o", str(tmp_path / "r.html")], True)):  # fmt: skip
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "mentorlog", *argv],
                                capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)  # fmt: skip
        assert result.returncode == 0, result.stderr[-400:]
        assert ("jinja2" in result.stderr) is expected, argv


# ------------------------------------------------------------------ the SVG module


def test_svg_escapes_attributes_and_text():
    built = svg.tag("text", svg.text('<a href="x">&'), x=1, class_='"><script>', data_day=None)
    assert (
        built
        == '<text x="1" class="&quot;&gt;&lt;script&gt;">&lt;a href=&quot;x&quot;&gt;&amp;</text>'
    )
    node = ET.fromstring(built)
    assert node.text == '<a href="x">&' and node.get("class") == '"><script>'
    assert svg.tag("line", x1=0, stroke_width=2) == '<line x1="0" stroke-width="2"/>'


def _days(start: str, n: int, busy: dict[int, int]) -> list[dict]:
    from datetime import timedelta

    first = date.fromisoformat(start)
    return [
        {"day": (first + timedelta(days=i)).isoformat(), "meetings": busy.get(i, 0),
         "actions_done": 0, "wins": 0, "milestones_done": 0}
        for i in range(n)
    ]  # fmt: skip


@pytest.mark.parametrize(("start", "days", "week_start"), [("2026-01-01", 365, 0),
                         ("2026-11-01", 22, 6), ("2026-02-27", 3, 2)])  # fmt: skip
def test_svg_calendar_has_a_square_a_day_in_its_place(start, days, week_start):
    activity = _days(start, days, {0: 1, 2: 7})
    root = ET.fromstring(svg.calendar(activity, week_start))
    rects = list(root.iter(f"{SVG}rect"))
    assert [r.get("data-day") for r in rects] == [a["day"] for a in activity]
    assert rects[0].get("class") == "l1" and rects[1].get("class") == "l0"
    assert rects[min(2, days - 1)].get("class") == ("l4" if days > 2 else "l0")
    _, _, width, height = map(int, root.get("viewBox").split())
    step = svg.CELL + svg.GAP
    for r, a in zip(rects, activity, strict=True):
        x, y = int(r.get("x")), int(r.get("y"))
        assert 0 <= x <= width - svg.CELL and 0 <= y <= height - svg.CELL
        assert (y - svg.TOP) // step == (date.fromisoformat(a["day"]).weekday() - week_start) % 7
    months = [t.text for t in root.iter(f"{SVG}text") if t.text in svg.MONTHS]
    if days == 365:
        assert months == list(svg.MONTHS)


def test_svg_progress_is_well_formed_and_marks_the_target():
    weeks = [{"week": "2026-11-02", "milestones_done": 1, "total": 2},
             {"week": "2026-11-09", "milestones_done": 2, "total": 3}]  # fmt: skip
    root = ET.fromstring(svg.progress(weeks, "2027-01-10", "A <title>"))
    assert root.find(f"{SVG}title").text == "A <title>"
    assert [t.text for t in root.iter(f"{SVG}text")][-1] == "target 2027-01-10"
    assert ET.fromstring(svg.progress(weeks)).find(f".//{SVG}line[@class='target']") is None
    assert svg.progress([]) == "" and svg.calendar([]) == ""
