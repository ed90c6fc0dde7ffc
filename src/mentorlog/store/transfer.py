"""Export and import: every record of every kind, keyed by UUID, lossless and idempotent.

Works on the file's own tables and columns (PRAGMA table_info), so a journal at an older schema
exports too. Links travel as the UUID of the record they point to (`mentor_id` -> `mentor_uuid`).
Moments are written as `--json` prints them ('2026-11-20T14:00:00.000000Z', core/clock.py's
moment_text); import also reads the `+00:00` form of earlier exports and the stored form older
ones carried ('2026-11-20 14:00:00.000000', UTC). Each record carries its id:
import keeps it when that id is free in the journal (and at most core.fields.MAX_ID) and reports
the ones it had to renumber. Every field of every record is checked, before anything is written,
by the rules the commands use (core/fields.py).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from mentorlog.core import clock
from mentorlog.core.fields import MAX_ID, Rule, check_record
from mentorlog.errors import MentorlogError, UsageProblem
from mentorlog.store import rows
from mentorlog.store.db import REVISIONS
from mentorlog.store.queries import RECORD_TABLES
from mentorlog.store.tables import TABLES

FORMAT = "mentorlog-export"
FORMAT_VERSION = 2  # 2: records carry their id; moments as ISO 8601 in UTC (Z or +00:00 both read)
READS_VERSIONS = (1, 2)


def _tables(conn: sqlite3.Connection) -> list[str]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in RECORD_TABLES if t in present]


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {r[1]: (r[2] or "").upper() for r in conn.execute(f"PRAGMA table_info({table})")}


def _links(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """column -> the table it points to."""
    return {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list({table})")}


def moment_text(value: Any) -> Any:
    """A stored moment as `--json` prints it ('2026-11-20T14:00:00.000000Z'); anything else as is."""
    if not isinstance(value, str):
        return value
    try:
        return clock.moment_text(datetime.fromisoformat(value).replace(tzinfo=UTC))
    except ValueError:
        return value


def export_records(conn: sqlite3.Connection) -> dict[str, Any]:
    """The whole journal as a JSON-ready dict; deterministic, so two exports of one journal match."""
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    records: dict[str, list[dict[str, Any]]] = {}
    for table in _tables(conn):
        links = _links(conn, table)
        kinds = _columns(conn, table)
        moments = [c for c, kind in kinds.items() if kind == "DATETIME"]
        columns = list(kinds)
        select = []
        for column in columns:
            if column in links:
                parent = links[column]
                select.append(
                    f"(SELECT uuid FROM {parent} p WHERE p.id = t.{column}) AS {column[:-3]}_uuid"
                )
            else:
                select.append(f"t.{column}")
        cur = conn.cursor()
        cur.row_factory = sqlite3.Row
        rows = [
            dict(r) for r in cur.execute(f"SELECT {', '.join(select)} FROM {table} t ORDER BY t.id")
        ]
        for row in rows:
            for column in moments:
                row[column] = moment_text(row[column])
        records[table] = rows
    return {"format": FORMAT, "version": FORMAT_VERSION, "schema": revision, "records": records}


def export_json(conn: sqlite3.Connection) -> str:
    from mentorlog.core.controls import json_escaped

    return json_escaped(json.dumps(export_records(conn), indent=2, ensure_ascii=False)) + "\n"


# An import reads at most this much (MiB); MENTORLOG_IMPORT_MAX_MB raises or lowers it. An export
# of a 100k-record journal is ~70 MiB; 1 GiB leaves 14 times that while a wrong file (a disk
# image, /dev/zero through a link) is refused before it is read.
IMPORT_MAX_MB = 1024
IMPORT_MAX_ENV = "MENTORLOG_IMPORT_MAX_MB"


def import_limit() -> int:
    """The most bytes an import reads: IMPORT_MAX_MB MiB, or MENTORLOG_IMPORT_MAX_MB's."""
    import os

    raw = os.environ.get(IMPORT_MAX_ENV, "").strip()
    if not raw:
        return IMPORT_MAX_MB * 1024**2
    if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) <= 2**20:
        raise MentorlogError(
            f"{IMPORT_MAX_ENV}={raw!r} is not a size; give a whole number of MiB "
            f"(the default is {IMPORT_MAX_MB})"
        )
    return int(raw) * 1024**2


def _size(count: int) -> str:
    """1.5 GiB, 2.0 MiB, 1 GiB: as the limit and a file's size are told."""
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if count >= size:
            return f"{count // size} {unit}" if count % size == 0 else f"{count / size:.1f} {unit}"
    return f"{count} bytes"


def read_export_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most import_limit(): a pipe (which would block until a
    writer came), a device (/dev/zero never ends), a folder or an oversized file is refused before
    anything is read."""
    import os
    import stat

    limit = import_limit()
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; a regular file ignores it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise MentorlogError(f"no file at {path}; check the path") from None
    except IsADirectoryError:
        raise MentorlogError(f"{path} is a folder; give the export file inside it") from None
    except OSError as exc:
        raise MentorlogError(f"can't read {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise MentorlogError(f"{path} is a folder; give the export file inside it")
        raise MentorlogError(
            f"{path} is not a regular file (a pipe, socket or device); import reads a file "
            "made by 'mentorlog export'"
        )
    with os.fdopen(fd, "rb") as handle:
        too_big = (
            f"over the {_size(limit)} an import reads; if it is an export, set "
            f"{IMPORT_MAX_ENV} (MiB) higher and run import again"
        )
        if info.st_size > limit:
            raise MentorlogError(f"{path} is {_size(info.st_size)}, {too_big}")
        try:
            data = handle.read(limit + 1)  # the file may have grown since fstat
        except OSError as exc:
            raise MentorlogError(f"can't read {path}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise MentorlogError(f"{path} grew past {_size(limit)} while it was read, {too_big}")
    return data


def load_export(path: Path) -> dict[str, Any]:
    """Read and check an export file before anything touches the journal."""
    raw = read_export_bytes(path)
    try:
        text = raw.decode("utf-8")
        del raw  # not both copies in memory while json builds the records
        data = json.loads(text)
    except RecursionError:  # json's decoder recurses once per level of [ or {
        raise MentorlogError(
            f"can't read {path} as a mentorlog export: its JSON is nested too deeply"
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise MentorlogError(
            f"can't read {path} as a mentorlog export: {type(exc).__name__}"
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(data.get("records"), dict)
    ):
        raise MentorlogError(f"{path} is not a mentorlog JSON export (made by 'mentorlog export')")
    if data.get("version") not in READS_VERSIONS:
        raise MentorlogError(
            f"{path} is export format {data.get('version')!r}; this mentorlog reads "
            f"{' and '.join(map(str, READS_VERSIONS))}; upgrade mentorlog first"
        )
    if data.get("schema") not in REVISIONS:
        raise MentorlogError(
            f"{path} comes from a newer mentorlog (schema {data.get('schema')!r}); upgrade first"
        )
    unknown = set(data["records"]) - set(RECORD_TABLES)
    if unknown:
        raise MentorlogError(
            f"{path} has unknown record kinds: {', '.join(sorted(map(str, unknown)))}"
        )
    return data


class Renumbered(NamedTuple):
    """A record whose id was taken in the journal: it is `new` here, `old` in the file."""

    table: str
    old: int
    new: int


class ImportReport(NamedTuple):
    added: dict[str, int]  # table -> records added
    renumbered: list[Renumbered]


def _win_source(conn: sqlite3.Connection, row: dict[str, Any], values: dict[str, Any]) -> str:
    """Where a win of an export older than `win.source` came from, as migration 0004 tells it:
    linked to a milestone, that milestone's; linked to an achieved goal with the text `goal done`
    wrote, that goal's; otherwise typed by hand."""
    if values.get("milestone_id") is not None:
        return "milestone"
    text = row.get("text")
    if values.get("goal_id") is not None and isinstance(text, str):
        achieved = conn.execute(
            "SELECT 1 FROM goal WHERE id = ? AND status = 'achieved'", (values["goal_id"],)
        ).fetchone()
        if achieved and text.startswith("Achieved goal: "):
            return "goal"
    return "manual"


def _row_values(
    conn: sqlite3.Connection,
    table: str,
    row: dict[str, Any],
    links: dict[str, str],
    where: str,
    past: bool = True,
    mentor_names: bool = True,
) -> dict[str, Any]:
    """One exported record as the columns to insert (without its id): every field checked by the
    rules the commands use (core/fields.py), links resolved by UUID. Sync passes `past=False`
    (clocks differ between devices) and checks mentor names itself (`mentor_names=False`)."""
    spec = TABLES[table]
    fields: dict[str, Any] = {}
    values: dict[str, Any] = {}
    for key, value in row.items():
        if key == "id":
            continue
        column = f"{key[:-5]}_id" if key.endswith("_uuid") else key
        if column in links:
            values[column] = _linked(conn, table, key, links[column], value, where)
        elif column in spec["columns"] and column != "id" and not column.endswith("_id"):
            fields[column] = value
        else:
            raise MentorlogError(f"{where}: unknown field {_shown(key)}; nothing was imported")
    if table == "win" and "source" not in fields:  # an export from before schema 0004
        fields["source"] = _win_source(conn, row, values)
    try:
        values.update(check_record(table, fields, tuple(spec["defaults"]), past=past))
    except UsageProblem as exc:
        raise MentorlogError(f"{where}: {exc.message}; nothing was imported") from None
    missing = [c for c in spec["required"] if c in links and values.get(c) is None]
    if missing:
        raise MentorlogError(
            f"{where}: {table}.{missing[0][:-3]}_uuid is missing; it is required; "
            "nothing was imported"
        )
    if table == "mentor" and mentor_names:
        from mentorlog.store.queries import name_taken

        clash = name_taken(conn, values["name"])
        if clash:
            raise MentorlogError(
                f"{where} conflicts with a mentor already in the journal: a mentor named "
                f"{clash['name']!r} already exists; nothing was imported"
            )
    return values


def _linked(
    conn: sqlite3.Connection, table: str, key: str, parent: str, value: Any, where: str
) -> int | None:
    """The id of the record a `*_uuid` field points to (in the file, imported first, or here)."""
    if value is None:
        return None
    try:
        Rule("uuid").check(value, f"{table}.{key}", date.max)
    except UsageProblem as exc:
        raise MentorlogError(f"{where}: {exc.message}; nothing was imported") from None
    target = conn.execute(f"SELECT id FROM {parent} WHERE uuid = ?", (value,)).fetchone()
    if target is None:
        raise MentorlogError(f"{where} links to a {parent} that is not in the file or journal")
    return int(target[0])


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any], where: str) -> int:
    try:
        return rows.insert(conn, table, values)
    except sqlite3.IntegrityError as exc:
        detail = (
            "a mentor with that name already exists"
            if "mentor.name" in str(exc)
            else "a rule of the journal"
        )
        raise MentorlogError(f"{where} conflicts with {detail}; nothing was imported") from None


def import_records(conn: sqlite3.Connection, data: dict[str, Any], source: str) -> ImportReport:
    """Insert what is not there yet (by UUID), inside the caller's transaction.

    A record keeps the id it had in the file when that id is free here and at most MAX_ID (so
    an import into an empty journal keeps every id); the others get new ids, after all the free
    ones are placed, and are reported.
    """
    added: dict[str, int] = {}
    renumbered: list[Renumbered] = []
    for table in RECORD_TABLES:
        rows_ = data["records"].get(table) or []
        if not isinstance(rows_, list):
            raise MentorlogError(f"{source}: '{table}' must be a list of records")
        links = _links(conn, table)
        added[table] = 0
        taken: list[tuple[int | None, dict[str, Any], str]] = []
        for index, row in enumerate(rows_):
            where = f"{source} {table} #{index + 1}"
            if not isinstance(row, dict) or not isinstance(row.get("uuid"), str):
                raise MentorlogError(f"{where} has no uuid; nothing was imported")
            old_id = row.get("id")
            if old_id is not None and (
                not isinstance(old_id, int) or isinstance(old_id, bool) or old_id <= 0
            ):
                raise MentorlogError(
                    f"{where}: {table}.id {_shown(old_id)} is not a record id (a whole number "
                    "from 1); nothing was imported"
                )
            try:
                Rule("uuid", True).check(row["uuid"], f"{table}.uuid", date.max)
            except UsageProblem as exc:
                raise MentorlogError(f"{where}: {exc.message}; nothing was imported") from None
            if conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (row["uuid"],)).fetchone():
                continue  # imported before (or twice in the file): the journal's copy stands
            values = _row_values(conn, table, row, links, where)
            free = (
                old_id is not None
                and old_id <= MAX_ID
                and not conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (old_id,)).fetchone()
            )
            if free:
                _insert(conn, table, {"id": old_id, **values}, where)
            else:
                taken.append((old_id, values, where))
            added[table] += 1
        for old_id, values, where in taken:  # after the free ids, so none of those is handed out
            new_id = _insert(conn, table, values, where)
            if old_id is not None:
                renumbered.append(Renumbered(table, old_id, new_id))
    return ImportReport(added, renumbered)


def import_file(path: Path, journal: Path, dry_run: bool = False) -> ImportReport:
    """All-or-nothing import; with dry_run the transaction is rolled back after counting."""
    from mentorlog.store.db import write_connection

    data = load_export(path)

    class DryRun(Exception):
        pass

    report = ImportReport({}, [])
    try:
        with write_connection(journal) as conn:  # sqlite3 errors come out as StoreError
            report = import_records(conn, data, path.name)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return report
