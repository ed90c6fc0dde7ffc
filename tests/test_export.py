"""export --format markdown|csv|ics read back by parsers, and the JSON export's moments and ids."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from support import FROZEN, dump

NOTES = 'Said "ship it", then left;\n# not a heading\n## nor this — ünïcødé ✓, with commas'


def _modes(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---------------------------------------------------------------- markdown


def outline(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """The heading walk: (level, title, titles of the enclosing headings), checking the nesting."""
    walked: list[tuple[int, str, tuple[str, ...]]] = []
    stack: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            continue
        level = len(line) - len(line.lstrip("#"))
        assert line[level] == " ", line
        assert level <= len(stack) + 1, f"{line!r} skips a level after {stack}"
        del stack[level - 1 :]
        walked.append((level, line[level + 1 :], tuple(stack)))
        stack.append(line[level + 1 :])
    assert [w for w in walked if w[0] == 1] == [walked[0]], "one title, first"
    return walked


def under(walked, *path: str) -> list[str]:
    """The headings directly under the title's `path` (() = the sections)."""
    return [title for _, title, parents in walked if parents and parents[1:] == path]


def test_markdown_export_walks_back_to_every_mentor_goal_and_meeting(journal, tmp_path):
    cli = journal
    cli("log", "alex", "--on", "2026-11-10 09:00", "--notes", NOTES, "--action", "Sketch, then ask")
    cli("milestone", "done", "1", "--on", "2026-11-12")
    cli("feedback", "add", "Clear writing", "--from", "alex", "--kind", "praise")
    cli("review", "--reflect", "# a reflection that looks like a heading")
    out = tmp_path / "journal.md"
    assert "Exported to" in cli("export", "--format", "markdown", "-o", str(out)).stdout
    assert _modes(out) == 0o600
    text = out.read_text(encoding="utf-8")
    assert cli("export", "-f", "markdown").stdout == text  # the same document on stdout
    walked = outline(text)

    sections = under(walked)
    assert sections[:3] == ["Mentors", "Goals", "Meetings"]
    assert {"Feedback", "Reflections", "Questions"} <= set(sections)
    mentors = cli.json("mentor", "list", "--all")
    assert sorted(under(walked, "Mentors")) == sorted(m["name"] for m in mentors)
    goals = cli.json("goal", "list", "--all")
    assert under(walked, "Goals") == [f"#{g['id']} {g['title']}" for g in goals]
    assert under(walked, "Goals", "#1 Lead a design review") == ["Milestones"]
    assert under(walked, "Goals", "#2 Get promoted") == []  # no milestones, no empty heading

    meetings = sorted(cli.json("meeting", "list"), key=lambda m: m["held_at"])
    assert under(walked, "Meetings") == [
        f"{m['held_at'][:10]} {m['held_at'][11:16]} — {m['mentor']}" for m in meetings
    ]  # in date order
    sam = "2026-11-15 14:00 — Sam Rivera"
    assert under(walked, "Meetings", sam) == ["Advice", "Actions"]
    alex = "2026-11-10 09:00 — Alex Chen"
    assert under(walked, "Meetings", alex) == ["Actions"]
    # the notes' own headings stay quoted inside their meeting, never in the outline
    assert all("heading" not in title and "nor this" not in title for _, title, _ in walked)
    assert "> ## nor this — ünïcødé ✓, with commas" in text
    section = text.split(f"### {sam}")[1].split("\n### ")[0]
    assert "Find a sponsor" in section and "Ask about promo criteria" in section
    assert "- [x] Shadow a review — done 2026-11-12" in text


def test_markdown_export_of_an_empty_journal(cli):
    text = cli("export", "-f", "markdown").stdout
    assert outline(text) == [(1, "mentorlog journal", ())]
    assert "mentor add" in text


# ---------------------------------------------------------------- csv


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export_reads_back_with_the_csv_module(journal, tmp_path):
    from mentorlog.store.export_csv import FILE_NAMES
    from mentorlog.store.queries import RECORD_TABLES

    cli = journal
    cli("log", "alex", "--on", "2026-11-10 09:00", "--notes", NOTES, "--action", 'a "quoted", b')
    cli("gave", "add", 'Thanks, "really"\r\nmultiline', "--mentor", "alex")
    folder = tmp_path / "new" / "csv"
    assert "Exported 14 CSV files" in cli("export", "-f", "csv", "-o", str(folder)).stdout
    assert _modes(folder) == 0o700
    assert set(FILE_NAMES) == set(RECORD_TABLES)
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILE_NAMES.values())
    assert all(_modes(p) == 0o600 for p in folder.iterdir())

    exported = json.loads(cli("export").stdout)["records"]
    uuid_ids = {r["uuid"]: r["id"] for rows in exported.values() for r in rows}
    for table, name in FILE_NAMES.items():
        raw = (folder / name).read_bytes()
        assert raw.decode("utf-8")  # UTF-8, no BOM
        assert raw.split(b"\n", 1)[0].endswith(b"\r")  # RFC 4180 line ends
        with open(folder / name, encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
            handle.seek(0)
            rows = list(csv.DictReader(handle))
        assert header[:2] == ["id", "uuid"]
        assert len(rows) == len(exported[table]), table
        for row, record in zip(rows, exported[table], strict=True):
            for key, value in record.items():
                if key.endswith("_uuid"):
                    key, value = f"{key[:-5]}_id", uuid_ids.get(value)
                assert row[key] == ("" if value is None else str(value)), (table, key)
    meetings = {r["id"]: r for r in _read_csv(folder / "meetings.csv")}
    assert [m["notes"] for m in meetings.values()].count(NOTES) == 1
    shown = cli.json("meeting", "show", "2")
    assert meetings["2"]["held_at"] == shown["held_at"] == "2026-11-10T09:00:00.000000Z"
    assert meetings["1"]["next_date"] == "2026-12-13"
    gave = _read_csv(folder / "contributions.csv")
    assert gave[0]["text"] == 'Thanks, "really"\r\nmultiline'


def test_csv_export_needs_a_folder_and_never_overwrites(journal, tmp_path):
    cli = journal
    assert "-o DIR" in cli.fails("export", "--format", "csv", code=2)
    folder = tmp_path / "out"
    folder.mkdir(mode=0o700)
    (folder / "wins.csv").write_text("mine\n")
    assert "wins.csv" in cli.fails("export", "-f", "csv", "-o", str(folder))
    assert [p.name for p in folder.iterdir()] == ["wins.csv"]  # nothing written
    assert (folder / "wins.csv").read_text() == "mine\n"
    cli("export", "-f", "csv", "-o", str(folder), "--force")
    assert (folder / "wins.csv").read_text().startswith("id,uuid,")
    assert len(list(folder.iterdir())) == 14
    afile = tmp_path / "afile"
    afile.write_text("x")
    assert "folder" in cli.fails("export", "-f", "csv", "-o", str(afile))
    nul = cli("export", "-f", "csv", "-o", str(tmp_path / "a\x00b"), code=None)
    assert nul.exit_code in (1, 2) and nul.stderr.startswith("Error: ")


# ---------------------------------------------------------------- ics


def _calendar(text: str):
    from icalendar import Calendar

    return Calendar.from_ical(text)


def test_ics_export_parses_back_with_stable_uids(journal, tmp_path):
    cli = journal
    cli("log", "alex", "--on", "2026-11-10 09:00", "--notes", "n")  # alex: next = +2 weeks
    cli("mentor", "add", "Kim")  # no meeting yet: no date to put in a calendar
    out = tmp_path / "m.ics"
    cli("export", "-f", "ics", "-o", str(out))
    assert _modes(out) == 0o600
    first = _calendar(out.read_text(encoding="utf-8"))
    second = _calendar(cli("export", "--format", "ics").stdout)

    mentors = {m["name"]: m for m in cli.json("mentor", "list", "--all")}
    events = {str(e["UID"]): e for e in first.walk("VEVENT")}
    assert set(events) == {
        f"next-meeting-{mentors[name]['uuid']}@mentorlog" for name in ("Alex Chen", "Sam Rivera")
    }
    for name in ("Alex Chen", "Sam Rivera"):
        event = events[f"next-meeting-{mentors[name]['uuid']}@mentorlog"]
        start = event.decoded("DTSTART")
        assert start.isoformat() == mentors[name]["next_due"]  # as status and prep compute it
        assert not hasattr(start, "hour")  # all day
        assert (event.decoded("DTEND") - start).days == 1
        assert name in str(event["SUMMARY"])
        assert event.decoded("DTSTAMP") == FROZEN

    actions = {a["uuid"]: a for a in cli.json("action", "list", "--all")}
    todos = {str(t["UID"]): t for t in first.walk("VTODO")}
    wanted = {u for u, a in actions.items() if a["status"] == "open" and a["due"]}
    assert set(todos) == {f"action-{u}@mentorlog" for u in wanted} and len(wanted) == 3
    for uuid in wanted:
        due = todos[f"action-{uuid}@mentorlog"].decoded("DUE")
        assert not hasattr(due, "hour") and due.isoformat() == actions[uuid]["due"]

    uids = lambda cal: sorted(str(c["UID"]) for c in cal.walk() if "UID" in c)  # noqa: E731
    assert uids(first) == uids(second)  # a second export updates, never duplicates

    cli("log", "alex", "--on", "2026-11-21 09:00", "--notes", "n", "--next", "2026-12-02")
    cli("mentor", "end", "sam")
    cli("action", "done", "1")
    third = _calendar(cli("export", "-f", "ics").stdout)
    events = {str(e["UID"]): e for e in third.walk("VEVENT")}
    assert list(events) == [f"next-meeting-{mentors['Alex Chen']['uuid']}@mentorlog"]  # same UID
    assert next(iter(events.values())).decoded("DTSTART").isoformat() == "2026-12-02"
    done = next(u for u, a in actions.items() if a["id"] == 1)
    assert f"action-{done}@mentorlog" not in uids(third)
    assert len(third.walk("VTODO")) == 2


def test_ics_refuses_to_overwrite_and_only_ics_loads_icalendar(journal, db_file, tmp_path):
    cli = journal
    out = tmp_path / "m.ics"
    out.write_text("mine")
    assert "--force" in cli.fails("export", "-f", "ics", "-o", str(out))
    assert out.read_text() == "mine"
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    for fmt, loaded in (("json", False), ("markdown", False), ("ics", True)):
        probe = (
            "import sys; from mentorlog.cli.entry import main\n"
            f"sys.argv = ['mentorlog', 'export', '-f', '{fmt}']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('icalendar' in sys.modules, file=sys.stderr)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env
        )
        assert result.stderr.strip().splitlines()[-1] == str(loaded), (fmt, result.stderr)


# ---------------------------------------------------------------- json: moments and ids


def test_json_export_moments_match_json_output(journal):
    cli = journal
    records = json.loads(cli("export").stdout)["records"]
    meeting = records["meeting"][0]
    shown = cli.json("meeting", "show", str(meeting["id"]))
    for key in ("held_at", "created_at", "updated_at"):
        assert meeting[key] == shown[key]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", meeting[key]), meeting[key]
    action = cli.json("action", "show", "1")
    assert records["action"][0]["created_at"] == action["created_at"]
    assert [r["id"] for r in records["action"]] == [1, 2, 3]


def _old_form(export: dict) -> dict:
    """The same journal as version 1 wrote it: stored moments, no ids."""
    old = json.loads(json.dumps(export))
    old["version"] = 1
    for rows in old["records"].values():
        for row in rows:
            del row["id"]
            for key in ("created_at", "updated_at", "held_at"):
                if row.get(key):
                    row[key] = row[key].replace("T", " ").removesuffix("Z")
    return old


def test_import_reads_the_old_and_new_moment_forms(journal, tmp_path):
    cli = journal
    new = cli("export").stdout
    old = _old_form(json.loads(new))
    old["records"]["meeting"][0]["held_at"] = "2026-11-15 14:00:00.250000"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    target = tmp_path / "from-old.db"
    assert "Added:" in cli("--db", str(target), "import", str(path)).stdout
    again = json.loads(cli("--db", str(target), "export").stdout)
    assert again["records"]["meeting"][0]["held_at"] == "2026-11-15T14:00:00.250000Z"
    again["records"]["meeting"][0]["held_at"] = "2026-11-15T14:00:00.000000Z"
    assert again == json.loads(new)  # the old file gives the journal the new file describes

    (tmp_path / "new.json").write_text(new)
    fresh = tmp_path / "from-new.db"
    cli("--db", str(fresh), "import", str(tmp_path / "new.json"))
    assert cli("--db", str(fresh), "export").stdout == new  # identical files, ids included
    stored = dump(fresh)
    assert "2026-11-15 14:00:00.000000" in stored and "T14:00:00" not in stored


def test_import_into_an_empty_journal_keeps_every_id(journal, tmp_path):
    cli = journal
    cli("action", "delete", "1", "--yes")
    cli("goal", "delete", "1", "--yes")
    first = cli("export").stdout
    assert [r["id"] for r in json.loads(first)["records"]["action"]] == [2, 3]
    path = tmp_path / "e.json"
    path.write_text(first)
    target = tmp_path / "other.db"
    result = cli("--db", str(target), "import", str(path))
    assert "changed" not in result.stdout
    assert cli("--db", str(target), "export").stdout == first
    assert (
        cli.json("--db", str(target), "action", "show", "3")["text"] == "Ask about promo criteria"
    )
    assert cli.json("--db", str(target), "goal", "show", "2")["title"] == "Get promoted"
    cli.fails("--db", str(target), "goal", "show", "1")


def test_import_reports_the_ids_it_had_to_change(journal, tmp_path):
    cli = journal
    path = tmp_path / "e.json"
    path.write_text(cli("export").stdout)
    target = tmp_path / "busy.db"
    cli("--db", str(target), "mentor", "add", "Zed")
    cli("--db", str(target), "action", "add", "mine")
    before = dump(target)
    dry = cli("--db", str(target), "import", str(path), "--dry-run").stdout
    assert "mentor #1 would be #3" in dry and "action #1 would be #4" in dry
    assert dump(target) == before
    done = cli("--db", str(target), "import", str(path)).stdout
    assert "mentor #1 is now #3" in done and "action #1 is now #4" in done
    assert "#2" not in done.split("changed:")[1]  # free ids are kept, not reported
    assert cli.json("--db", str(target), "action", "show", "4")["text"] == "Draft the RFC"
    assert cli.json("--db", str(target), "action", "show", "2")["text"] == "Read DDIA chapter 1"
    assert cli.json("--db", str(target), "mentor", "show", "alex")["id"] == 3
    assert "nothing new" in cli("--db", str(target), "import", str(path)).stdout


@pytest.mark.parametrize("bad", [0, -1, "7", 2**40, True])
def test_import_refuses_a_bad_id(journal, tmp_path, bad):
    cli = journal
    export = json.loads(cli("export").stdout)
    export["records"]["action"][0]["id"] = bad
    path = tmp_path / "e.json"
    path.write_text(json.dumps(export))
    target = tmp_path / "t.db"
    cli("--db", str(target), "mentor", "add", "Zed")
    before = dump(target)
    assert "action.id" in cli.fails("--db", str(target), "import", str(path))
    assert dump(target) == before


def test_newer_export_format_is_refused(journal, tmp_path):
    cli = journal
    export = json.loads(cli("export").stdout)
    export["version"] = 3
    path = tmp_path / "e.json"
    path.write_text(json.dumps(export))
    assert "upgrade mentorlog" in cli.fails("import", str(path))


def test_import_reports_counts_in_the_users_words(journal, tmp_path):
    export = tmp_path / "e.json"
    journal("export", "-o", str(export))
    other = tmp_path / "other.db"
    out = journal("--db", str(other), "import", str(export)).stdout
    assert "1 question" in out and "2 mentors" in out and "topic" not in out, out
