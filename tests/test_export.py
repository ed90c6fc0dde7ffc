"""export --format markdown|csv|ics read back by parsers, and the JSON export's moments and ids."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import subprocess
import sys
from datetime import timedelta
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
    assert "> \\## nor this — ünïcødé ✓, with commas" in text  # escaped: not a heading
    section = text.split(f"### {sam}")[1].split("\n### ")[0]
    assert "Find a sponsor" in section and "Ask about promo criteria" in section
    assert "- [x] Shadow a review — done 2026-11-12" in text


def test_markdown_export_of_an_empty_journal(cli):
    text = cli("export", "-f", "markdown").stdout
    assert outline(text) == [(1, "mentorlog journal", ())]
    assert "mentor add" in text


class _Counted(dict):
    """A row that counts how often a renderer looks into it."""

    reads = 0

    def __getitem__(self, key):
        _Counted.reads += 1
        return super().__getitem__(key)


def test_markdown_export_costs_time_in_proportion_to_the_journal(tmp_path):
    """Looks into rows a number of times that grows with the journal, not with meetings x actions
    (the export of 5k meetings and 23k actions took 20 s when every meeting scanned every action)."""
    from bench.generate import generate

    from mentorlog.render.export_markdown import export_markdown
    from mentorlog.store.contents import journal_contents
    from mentorlog.store.db import connect

    reads = {}
    for size in (1_000, 4_000):
        path = tmp_path / f"j{size}.db"
        generate(path, size, today=FROZEN.date())
        conn = connect(path, readonly=True)
        try:
            data = journal_contents(conn)
        finally:
            conn.close()
        counted = {kind: [_Counted(row) for row in rows] for kind, rows in data.items()}
        _Counted.reads = 0
        export_markdown(counted)
        reads[size] = _Counted.reads
    assert reads[4_000] < 5 * reads[1_000], reads  # 4x the journal: ~4x the work, not ~16x


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
    # a cadence in the words --json prints ('biweekly'): '2w' is two weeks to no spreadsheet
    words = {m["uuid"]: m["cadence"] for m in cli.json("mentor", "list", "--all")}
    for mentor in exported["mentor"]:
        assert mentor["cadence"] != words[mentor["uuid"]]  # the export keeps the stored form
        mentor["cadence"] = words[mentor["uuid"]]
    assert sorted(words.values()) == ["biweekly", "monthly"]
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


RISKY = ["=1+2", "+1", "-2", "@SUM(A1)", '=HYPERLINK("http://x")']


def test_csv_excel_has_a_bom_and_guards_formulas_plain_csv_does_not(journal, tmp_path):
    cli = journal
    for text in RISKY:
        cli("win", "add", "--", text)
    cli("mentor", "add", "--cadence", "every 10 days", "--", "=cmd")
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    cli("export", "-f", "csv", "-o", str(plain))
    cli("export", "-f", "csv", "-o", str(excel), "--excel")
    for name in ("wins.csv", "mentors.csv", "actions.csv"):
        assert not (plain / name).read_bytes().startswith(b"\xef\xbb\xbf")
        assert (excel / name).read_bytes().startswith(b"\xef\xbb\xbf")  # Excel then reads UTF-8
        with open(excel / name, encoding="utf-8-sig", newline="") as handle:
            guarded = list(csv.DictReader(handle))
        raw = _read_csv(plain / name)
        assert len(guarded) == len(raw)
        for g, r in zip(guarded, raw, strict=True):
            assert list(g) == list(r)  # the same header: the BOM is not in the first name
            for key in r:
                risky = r[key][:1] in ("=", "+", "-", "@", "\t", "\r")
                assert g[key] == ("'" + r[key] if risky else r[key]), (name, key)
    wins = [w["text"] for w in _read_csv(plain / "wins.csv")]
    assert [t for t in wins if t in RISKY] == RISKY  # plain RFC 4180 keeps the text as typed
    mentors = {m["name"]: m for m in _read_csv(excel / "mentors.csv")}
    assert "'=cmd" in mentors and mentors["'=cmd"]["cadence"] == "every 10 days"
    assert mentors["Alex Chen"]["cadence"] == "biweekly"
    assert mentors["Alex Chen"]["started_on"] == "2026-09-01"  # dates and numbers untouched
    assert "--excel is for csv" in cli.fails("export", "--excel", code=2)
    from mentorlog.store.export_csv import excel_cell

    # text is stripped on the way in, but an imported record may still start with tab or CR
    assert [excel_cell(v) for v in ("\tx", "\rx", "a=b", "", 7, None)] == [
        "'\tx",
        "'\rx",
        "a=b",
        "",
        7,
        None,
    ]


# ---------------------------------------------------------------- ics


def _calendar(text: str):
    from icalendar import Calendar

    return Calendar.from_ical(text)


def _rfc5545_shape(text: str) -> None:
    """What RFC 5545 asks of the file's form, checked by hand (no second parser is installed):
    CRLF lines of at most 75 octets, balanced BEGIN/END, VERSION and PRODID, at least one
    component, and in each VEVENT/VTODO one UID and one DTSTAMP (VEVENT: a DTSTART)."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded: list[str] = []
    for line in lines:
        if line.startswith((" ", "\t")):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    stack: list[str] = []
    components: list[tuple[str, list[str]]] = []
    for line in unfolded:
        name = line.split(":", 1)[0].split(";", 1)[0]
        if name == "BEGIN":
            stack.append(line[6:])
            if len(stack) == 2:
                components.append((line[6:], []))
        elif name == "END":
            assert stack.pop() == line[4:]
        elif len(stack) == 1:
            assert name in ("VERSION", "PRODID", "CALSCALE", "METHOD") or name.startswith("X-")
        elif len(stack) == 2:
            components[-1][1].append(name)
    assert stack == []
    assert [n for n in unfolded if n.startswith(("VERSION:", "PRODID:"))] == [
        "VERSION:2.0",
        f"PRODID:{PRODID}",
    ]
    assert components, "RFC 5545: a calendar holds at least one component"
    for kind, names in components:
        assert kind in ("VEVENT", "VTODO", "VTIMEZONE"), kind
        if kind != "VTIMEZONE":
            assert names.count("UID") == 1 and names.count("DTSTAMP") == 1, (kind, names)
        if kind == "VEVENT":
            assert names.count("DTSTART") == 1
    try:
        import vobject  # a second parser, when one happens to be installed
    except ImportError:
        return
    vobject.readOne(text)


PRODID = "-//mentorlog//mentorlog journal//EN"


def _entries(calendar) -> dict[str, object]:
    return {str(c["UID"]): c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")}


def test_ics_export_parses_back_with_stable_uids(journal, tmp_path):
    cli = journal
    cli("log", "alex", "--on", "2026-11-10 09:00", "--notes", "n")  # alex: next = +2 weeks
    cli("mentor", "add", "Kim")  # no meeting yet: no date to put in a calendar
    out = tmp_path / "m.ics"
    cli("export", "-f", "ics", "-o", str(out))
    assert _modes(out) == 0o600
    text = out.read_bytes().decode("utf-8")
    _rfc5545_shape(text)
    first = _calendar(text)
    assert cli("export", "--format", "ics").stdout_bytes.decode() == text  # the same on stdout

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
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event.decoded("DTSTAMP") == FROZEN  # when its records last changed
        assert event.decoded("SEQUENCE") == 0

    actions = {a["uuid"]: a for a in cli.json("action", "list", "--all")}
    todos = {str(t["UID"]): t for t in first.walk("VTODO")}
    wanted = {u for u, a in actions.items() if a["due"]}
    assert set(todos) == {f"action-{u}@mentorlog" for u in wanted} and len(wanted) == 3
    for uuid in wanted:
        todo = todos[f"action-{uuid}@mentorlog"]
        due = todo.decoded("DUE")
        assert not hasattr(due, "hour") and due.isoformat() == actions[uuid]["due"]
        assert str(todo["STATUS"]) == "NEEDS-ACTION"


def test_ics_a_change_updates_the_entry_instead_of_removing_it(journal, clock):
    """Done, dropped and ended stay in the file with their new status and a higher SEQUENCE: a
    calendar that imported last week's file updates those entries (it never deletes one that is
    missing from a newer import)."""
    cli = journal
    before = _calendar(cli("export", "-f", "ics").stdout)
    old = _entries(before)
    clock.shift(timedelta(days=3))
    assert _calendar(cli("export", "-f", "ics").stdout) == before  # time alone changes nothing
    assert cli("export", "-f", "ics").stdout_bytes == cli("export", "-f", "ics").stdout_bytes

    ids = {a["id"]: a["uuid"] for a in cli.json("action", "list", "--all")}
    mentors = {m["name"]: m["uuid"] for m in cli.json("mentor", "list", "--all")}
    cli("log", "alex", "--on", "2026-11-24 09:00", "--notes", "n", "--next", "2026-12-02")
    clock.shift(timedelta(hours=1))
    cli("mentor", "end", "sam")
    cli("action", "done", "1")
    cli("action", "drop", "2")
    text = cli("export", "-f", "ics").stdout_bytes.decode()
    _rfc5545_shape(text)
    new = _entries(_calendar(text))
    assert set(old) <= set(new)  # nothing vanished

    alex = new[f"next-meeting-{mentors['Alex Chen']}@mentorlog"]
    assert alex.decoded("DTSTART").isoformat() == "2026-12-02"
    sam_uid = f"next-meeting-{mentors['Sam Rivera']}@mentorlog"
    sam = new[sam_uid]
    assert str(sam["STATUS"]) == "CANCELLED"
    assert sam.decoded("DTSTART") == old[sam_uid].decoded("DTSTART")  # the meeting that won't be
    done, dropped = new[f"action-{ids[1]}@mentorlog"], new[f"action-{ids[2]}@mentorlog"]
    assert str(done["STATUS"]) == "COMPLETED" and done.decoded("PERCENT-COMPLETE") == 100
    assert str(dropped["STATUS"]) == "CANCELLED"
    untouched = f"action-{ids[3]}@mentorlog"
    assert str(new[untouched]["STATUS"]) == "NEEDS-ACTION"
    for uid, entry in new.items():
        if uid in old and uid != untouched:
            assert entry.decoded("SEQUENCE") > old[uid].decoded("SEQUENCE"), uid
            assert entry.decoded("DTSTAMP") > old[uid].decoded("DTSTAMP"), uid
    assert new[untouched].to_ical() == old[untouched].to_ical()  # unchanged, to the byte

    cli("action", "reopen", "1")  # a change back is a change too: the number still grows
    again = _entries(_calendar(cli("export", "-f", "ics").stdout))
    assert str(again[f"action-{ids[1]}@mentorlog"]["STATUS"]) == "NEEDS-ACTION"
    assert again[f"action-{ids[1]}@mentorlog"].decoded("SEQUENCE") >= done.decoded("SEQUENCE")


def test_ics_keeps_a_closed_action_for_half_a_year_of_the_journals_time(journal, clock):
    from mentorlog.store.export_ics import CLOSED_KEPT_DAYS

    cli = journal
    ids = {a["id"]: a["uuid"] for a in cli.json("action", "list", "--all")}
    cli("action", "done", "1")
    clock.shift(timedelta(days=CLOSED_KEPT_DAYS + 30))  # the clock alone moves nothing
    assert f"action-{ids[1]}@mentorlog" in _entries(_calendar(cli("export", "-f", "ics").stdout))
    cli("action", "edit", "3", "--due", "2027-07-01")  # a change 210 days after the close
    kept = _entries(_calendar(cli("export", "-f", "ics").stdout))
    assert f"action-{ids[1]}@mentorlog" not in kept
    assert {f"action-{ids[2]}@mentorlog", f"action-{ids[3]}@mentorlog"} <= set(kept)  # open


@pytest.mark.parametrize("setup", [[], [["mentor", "add", "Kim"], ["action", "add", "undated"]]])
def test_ics_with_nothing_dated_is_still_a_valid_calendar(cli, setup):
    for step in setup:
        cli(*step)
    text = cli("export", "-f", "ics").stdout_bytes.decode()
    _rfc5545_shape(text)
    calendar = _calendar(text)
    assert not _entries(calendar)
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]  # shown by no calendar


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


@pytest.mark.parametrize("bad", [0, -1, "7", True])  # 2**40: renumbered (test_import_fields)
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
