"""A crafted import file is checked field by field with the rules the commands use
(core/fields.py): nothing it refuses reaches the journal, nothing it accepts breaks a later
command, and `db check` reports what an existing journal holds that those rules refuse.
(Journal: Alex Chen #1, Sam Rivera #2; clock: Sunday 2026-11-22 10:00 UTC.)"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mentorlog.core.fields import FIELDS, MAX_ID
from mentorlog.store.tables import TABLES
from support import dump

STRESS = float(os.environ.get("MENTORLOG_STRESS", "0.5"))


@pytest.fixture
def export(journal) -> dict:
    return json.loads(journal("export").stdout)


@pytest.fixture
def target(journal, tmp_path):
    """A second journal with a mentor of its own, to import into."""
    path = tmp_path / "target.db"
    journal("--db", str(path), "mentor", "add", "Zed")
    return path


def _import(cli, tmp_path, data, target, code=0):
    path = tmp_path / "crafted.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    if code == 0:
        return cli("--db", str(target), "import", str(path)).stdout
    return cli.fails("--db", str(target), "import", str(path), code=code)


def _refused(cli, tmp_path, data, target) -> str:
    before = dump(target)
    line = _import(cli, tmp_path, data, target, code=1)
    assert "internal error" not in line and "nothing was imported" in line, line
    assert dump(target) == before
    return line


def _set(export: dict, table: str, field: str, value, index: int = 0) -> dict:
    export["records"][table][index][field] = value
    return export


# ---------------------------------------------------------------- the fields the issue named


@pytest.mark.parametrize(
    ("table", "field", "value", "says"),
    [
        ("action", "due_date", "20200101", "action.due_date '20200101' is not a day written YYYY-MM-DD"),
        ("action", "due_date", 20200101, "action.due_date 20200101 is not text"),
        ("action", "due_date", "2026-W47-1", "is not a day written YYYY-MM-DD"),
        ("action", "due_date", "2024-02-30", "is not a day of the calendar"),
        ("meeting", "next_date", "9999-12-31", "meeting.next_date 9999-12-31 is outside the days a journal keeps"),
        ("action", "created_at", "0001-01-01T00:00:00Z", "outside the days a journal keeps"),
        ("mentor", "cadence", "every blue moon", "mentor.cadence: can't read 'every blue moon' as a cadence"),
        ("meeting", "held_at", "2026-12-01T10:00:00.000000Z", "meeting.held_at 2026-12-01T10:00:00.000000Z is in the future"),
        ("meeting", "held_at", "2026-W47-1T10:00:00", "is not a moment"),
        ("mentor", "started_on", "2026-12-01", "mentor.started_on 2026-12-01 is in the future"),
        ("advice", "given_on", "2027-01-01", "is in the future"),
        ("mentor", "name", "", "mentor.name is empty"),
        ("mentor", "name", "   ", "mentor.name is empty"),
        ("action", "text", None, "action.text is missing"),
        ("mentor", "uuid", "", "mentor.uuid '' is not a UUID"),
        ("mentor", "uuid", "not-a-uuid", "is not a UUID"),
        ("meeting", "minutes", 2**70, "meeting.minutes 1180591620717411303424 is out of range; give 1 to 1440"),
        ("meeting", "minutes", 0, "out of range"),
        ("meeting", "minutes", 30.0, "is not a whole number"),
        ("meeting", "minutes", True, "is not a whole number"),
        ("milestone", "position", 2**63, "out of range"),
        ("meeting", "mode", "pigeon", "meeting.mode 'pigeon' is not one of in-person, video, call, chat"),
        ("action", "status", "finished", "is not one of open, done, dropped"),
        ("action", "text", "lone \ud800 surrogate", "not valid UTF-8"),
        ("action", "text", "nul\x00byte", "NUL byte"),
        ("action", "text", ["a", "list"], "is not text"),
        ("action", "text", {"a": 1}, "is not text"),
        ("action", "created_at", "yesterday", "is not a moment"),
        ("mentor", "mentor_uuid", "x", "unknown field"),
    ],
)  # fmt: skip
def test_a_crafted_field_is_refused_by_the_commands_rule(
    journal, tmp_path, export, target, table, field, value, says
):
    line = _refused(journal, tmp_path, _set(export, table, field, value), target)
    assert says in line, line


@pytest.mark.parametrize(
    "args",
    [["log", "alex", "--notes", "x", "--next", "9999-12-31"], ["action", "add", "x due:+2000y"],
     ["log", "alex", "--notes", "x", "--on", "0001-01-01"], ["goal", "add", "G", "--by", "3000-01-01"]],
)  # fmt: skip
def test_commands_refuse_the_same_days_import_does(journal, db_file, args):
    """9999-12-31 as a next meeting crashed `export -f ics` (one day later is past date.max)."""
    before = dump(db_file)
    assert "outside the days a journal keeps" in journal.fails(*args, code=2)
    assert dump(db_file) == before


def test_a_mentorship_cannot_end_before_it_started(journal, tmp_path, export, target):
    _set(export, "mentor", "ended_on", "2026-08-01")  # Alex started 2026-09-01
    line = _refused(journal, tmp_path, export, target)
    assert "mentor.ended_on 2026-08-01 is before its started_on 2026-09-01" in line


def test_a_missing_required_link_is_refused(journal, tmp_path, export, target):
    del export["records"]["meeting"][0]["mentor_uuid"]
    assert "meeting.mentor_uuid is missing" in _refused(journal, tmp_path, export, target)


def test_nesting_100k_deep_is_a_clear_error(journal, tmp_path, target):
    deep = '{"format": "mentorlog-export", "records": ' + "[" * 100_000 + "]" * 100_000 + "}"
    before = dump(target)
    line = _import(journal, tmp_path, deep, target, code=1)
    assert "nested too deeply" in line and "internal error" not in line, line
    assert dump(target) == before


def test_a_record_made_today_in_another_time_zone_is_accepted(journal, tmp_path, export, target):
    """It is 10:00 UTC on the 22nd: at UTC+14 it is already the 23rd, so that day is fine."""
    _set(export, "advice", "given_on", "2026-11-23")
    assert "Added:" in _import(journal, tmp_path, export, target)


# ---------------------------------------------------------------- ids


@pytest.mark.parametrize("big", [MAX_ID + 1, 2**40 - 1, 2**40, 2**70])
def test_an_id_too_large_to_keep_is_renumbered_and_later_adds_work(journal, tmp_path, export, big):
    """The search index keys rows by kind * 2**40 + id: an action #2**40-1 kept as it was made
    the next goal collide (IntegrityError on every add) while `db check` said ok."""
    _set(export, "action", "id", big)
    fresh = tmp_path / "fresh.db"
    out = _import(journal, tmp_path, export, fresh)
    assert f"action #{big} is now #4" in out, out
    for args in (["action", "add", "next"], ["goal", "add", "G"], ["mentor", "add", "New"],
                 ["ask", "Q?"], ["win", "add", "W"]):  # fmt: skip
        journal("--db", str(fresh), *args)
    assert "ok:" in journal("--db", str(fresh), "db", "check").stdout
    ids = [r["id"] for r in journal.json("--db", str(fresh), "action", "list", "--status", "all")]
    assert max(ids) == 5


@pytest.mark.parametrize("bad", [0, -1, "7", True, 1.5])
def test_an_id_that_is_not_a_record_id_is_refused(journal, tmp_path, export, target, bad):
    line = _refused(journal, tmp_path, _set(export, "action", "id", bad), target)
    assert "action.id" in line


# ---------------------------------------------------------------- one validator


def test_every_column_of_every_kind_has_a_rule():
    """A new column without a rule would be imported unchecked."""
    common = {"id", "uuid", "created_at", "updated_at"}
    for table, spec in TABLES.items():
        if table in ("sync_state", "sync_record", "sync_tombstone"):
            continue  # this device's own bookkeeping: never imported nor synced
        columns = {c for c in spec["columns"] if c not in common and not c.endswith("_id")}
        assert set(FIELDS[table]) == columns, table


def test_commands_and_import_share_the_text_rule():
    from mentorlog.core import fields
    from mentorlog.store import relationship, writes

    assert writes.valid_text is fields.valid_text
    assert writes._need_text is fields.need_text is relationship._need_text
    assert writes._optional_text is fields.optional_text
    assert relationship.valid_rating is fields.valid_rating


def test_export_import_export_stays_byte_identical(journal, tmp_path, export):
    first = journal("export").stdout
    fresh = tmp_path / "fresh.db"
    _import(journal, tmp_path, first, fresh)
    assert journal("--db", str(fresh), "export").stdout == first


# ---------------------------------------------------------------- db check on a journal already written


def test_db_check_reports_values_the_rules_refuse(journal, db_file):
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute("UPDATE action SET due_date = 20200101 WHERE id = 1")
        conn.execute("UPDATE mentor SET cadence = 'every blue moon' WHERE id = 2")
        conn.execute("UPDATE goal SET id = ? WHERE id = 2", (2**40 - 1,))
        conn.execute("UPDATE mentor SET ended_on = '2026-01-01' WHERE id = 1")
    conn.close()
    line = journal.fails("db", "check")
    assert "action #1: due_date 20200101 is not text" in line, line
    assert "mentor #2: cadence: can't read 'every blue moon'" in line
    assert f"goal #{2**40 - 1}: id {2**40 - 1} is out of range" in line
    assert "mentor #1: ended_on 2026-01-01 is before its started_on 2026-09-01" in line
    assert "damaged" not in line


def test_a_cadence_mentorlog_cannot_read_names_the_mentor(journal, db_file):
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute("UPDATE mentor SET cadence = 'every blue moon' WHERE id = 2")
    conn.close()
    for args in (["status"], ["mentor", "list"], ["review"]):
        line = journal.fails(*args)
        assert "Sam Rivera" in line and "mentor edit" in line and "--cadence" in line, line


# ---------------------------------------------------------------- fuzz: every field of the file

hostile_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=8),  # surrogates, NUL
    st.sampled_from(["20200101", "2026-W47-1", "2026-11-22", "2026-11-22T09:00:00Z",
                     "2030-01-01", "2026-11-22 09:00:00.000000", "2026-11-22T09:00:00+14:00",
                     "every blue moon", "weekly", "done", "", " ", "00000000-0000-0000-0000-000000000000",
                     "9999-12-31", "0001-01-01", "9999-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z",
                     "9999-12-31T23:59:59.999999-23:59", "0001-01-01T00:00:00+00:01"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)  # fmt: skip


def _plausible(rule) -> st.SearchStrategy:
    """Values of the right type at the edges of what the rule allows: most are accepted, so
    what the later commands make of them gets tested too."""
    days = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))
    if rule.kind == "day":
        return st.one_of(days, st.sampled_from([date(1900, 1, 1), date(2999, 12, 31)])).map(
            date.isoformat
        )
    if rule.kind == "moment":
        zones = st.sampled_from(["Z", "+00:00", "", "+14:00", "-12:00", ".5Z", ".000001+05:30"])
        return st.tuples(days, st.times(), zones).map(
            lambda t: f"{t[0].isoformat()}T{t[1]:%H:%M:%S}{t[2]}"
        )
    if rule.kind == "int":
        low, high = rule.detail
        return st.sampled_from([low, high, low - 1, high + 1, (low + high) // 2])
    if rule.kind == "choice":
        return st.sampled_from(rule.detail)
    if rule.kind == "cadence":
        return st.sampled_from(["weekly", "every 3 weeks", "365d", "366d", "1m", "12m", "0w"])
    return st.text(alphabet=st.characters(blacklist_characters="\x00"), min_size=0, max_size=12)


@st.composite
def crafted_fields(draw, tables):
    table = draw(st.sampled_from(tables))
    field = draw(st.sampled_from(sorted({*FIELDS[table], "id", "uuid", "created_at"})))
    rule = FIELDS[table].get(field)
    values = hostile_values if rule is None else st.one_of(hostile_values, _plausible(rule))
    return table, field, draw(values)


READS = [["status"], ["review"], ["mentor", "list"], ["action", "list"], ["prep", "alex"],
         ["export", "--format", "ics"], ["export", "--format", "csv", "-o", "CSV"],
         ["export", "--format", "markdown"],
         ["db", "check"]]  # fmt: skip


@settings(max_examples=max(10, int(60 * STRESS)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(data=st.data())
def test_fuzz_no_crafted_field_breaks_import_or_a_later_command(journal, tmp_path, data):
    export = json.loads(journal("export").stdout)
    tables = [t for t, rows in export["records"].items() if rows]
    changes = data.draw(st.lists(crafted_fields(tables), min_size=1, max_size=3))
    for table, field, value in changes:
        row = export["records"][table][0]
        row[field] = value
    fresh = tmp_path / f"fuzz-{os.urandom(4).hex()}.db"
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(export))
    result = journal("--db", str(fresh), "import", str(path), code=None)
    event(f"import exit {result.exit_code}")
    assert result.exit_code in (0, 1), (changes, result.stderr)
    assert "Traceback" not in result.output and "internal error" not in result.stderr, (
        changes,
        result.stderr,
    )
    if result.exit_code:
        assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
        return
    for args in READS:  # what the import let in, every command can read
        args = [str(fresh.with_suffix(".csv")) if a == "CSV" else a for a in args]
        later = journal("--db", str(fresh), *args, code=None)
        assert later.exit_code in (0, 1), (changes, args, later.stderr)
        assert "internal error" not in later.stderr and "Traceback" not in later.output, (
            changes,
            args,
            later.stderr,
        )
        if args == ["db", "check"]:
            assert later.exit_code == 0, (changes, later.stderr)
