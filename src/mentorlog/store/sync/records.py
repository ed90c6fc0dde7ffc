"""The journal's records as sync files, and sync files back into the journal.

A file is the record in the export's shape (store/transfer.py: links as `*_uuid`, moments as
'...Z') with its kind, uuid and the device that wrote it: what `mentorlog export` would say about
that one record. What arrives is checked by the rules `import` uses (core/fields.py), except "not
in the future": the clocks of two devices differ, and the record was checked where it was made.
"""

from __future__ import annotations

import sqlite3
from typing import Any, NamedTuple

from mentorlog.core.merge import CONFLICT, digest, is_live
from mentorlog.errors import MentorlogError, UsageProblem
from mentorlog.store import rows, transfer
from mentorlog.store.queries import RECORD_TABLES
from mentorlog.store.tables import TABLES

SYNCED = (*RECORD_TABLES, CONFLICT)


def _select(conn: sqlite3.Connection, table: str) -> tuple[str, list[str]]:
    links = transfer._links(conn, table)
    kinds = transfer._columns(conn, table)
    select = []
    for column in kinds:
        if column in links:
            select.append(
                f"(SELECT uuid FROM {links[column]} p WHERE p.id = t.{column}) AS {column[:-3]}_uuid"
            )
        else:
            select.append(f"t.{column}")
    moments = [c for c, kind in kinds.items() if kind == "DATETIME"]
    return f"SELECT {', '.join(select)} FROM {table} t", moments


def _rows(conn: sqlite3.Connection, table: str, where: str = "", params=()) -> list[dict]:
    sql, moments = _select(conn, table)
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    found = [dict(r) for r in cur.execute(f"{sql} {where} ORDER BY t.id", params)]
    for row in found:
        for column in moments:
            row[column] = _moment_text(row[column])
    return found


def _moment_text(value: Any) -> Any:
    """transfer.moment_text, without parsing the stored form it has 20k times in a 10k journal:
    '2026-11-20 14:00:00.000000' (UTC) is '2026-11-20T14:00:00.000000Z'."""
    if isinstance(value, str) and len(value) == 26 and value[10] == " " and value[19] == ".":
        return f"{value[:10]}T{value[11:]}Z"
    return transfer.moment_text(value)


def file_of(kind: str, record: dict[str, Any], device: str | None) -> dict[str, Any]:
    return {"kind": kind, "uuid": record["uuid"], "device": device, "record": record}


def snapshot(conn: sqlite3.Connection, device: str | None) -> dict[str, dict[str, Any]]:
    """Every synced record of the journal now: uuid -> file."""
    out: dict[str, dict[str, Any]] = {}
    for table in SYNCED:
        for record in _rows(conn, table):
            out[record["uuid"]] = file_of(table, record, device)
    return out


def current(conn: sqlite3.Connection, kind: str, uuid: str) -> dict[str, Any] | None:
    if kind not in SYNCED:
        return None
    found = _rows(conn, kind, "WHERE t.uuid = ?", (uuid,))
    return file_of(kind, found[0], None) if found else None


class Known(NamedTuple):
    kind: str
    digest: str
    blob: str


def known(conn: sqlite3.Connection) -> dict[str, Known]:
    """What the journal held at its last sync (sync_record): uuid -> kind, digest, blob."""
    return {
        r[0]: Known(r[1], r[2], r[3])
        for r in conn.execute("SELECT uuid, kind, digest, blob FROM sync_record")
    }


def remember(
    conn: sqlite3.Connection, entries: list[tuple[dict[str, Any], str]], device: str | None
) -> None:
    """Note each (file, blob) as what the journal holds at the last sync, with its tombstone."""
    from mentorlog.core import clock

    for file, blob in entries:
        conn.execute(
            "INSERT OR REPLACE INTO sync_record (uuid, kind, digest, blob) VALUES (?, ?, ?, ?)",
            (file["uuid"], file["kind"], digest(file), blob),
        )
        if is_live(file):
            conn.execute("DELETE FROM sync_tombstone WHERE uuid = ?", (file["uuid"],))
        else:
            conn.execute(
                "INSERT OR IGNORE INTO sync_tombstone (uuid, kind, deleted_at, device_id) "
                "VALUES (?, ?, ?, ?)",
                (
                    file["uuid"],
                    file["kind"],
                    rows.encode(_moment(file.get("deleted_at")) or clock.utcnow()),
                    file.get("device") or device,
                ),
            )


def _moment(text: Any):
    from datetime import UTC, datetime

    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


# ---------------------------------------------------------------- files into the journal


class Renumbered(NamedTuple):
    kind: str
    old: int
    new: int


class Applied(NamedTuple):
    added: dict[str, int]
    changed: dict[str, int]
    deleted: dict[str, int]
    renumbered: list[Renumbered]


def apply(conn: sqlite3.Connection, files: list[dict[str, Any]]) -> Applied:
    """Make the journal hold these files, inside the caller's transaction: deletes first (children
    before parents), then records parents first, each kind's changes before its additions (a
    mentor renamed "Alex (2)" frees the name the arriving Alex takes)."""
    added: dict[str, int] = {}
    changed: dict[str, int] = {}
    deleted: dict[str, int] = {}
    renumbered: list[Renumbered] = []
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for file in files:
        if file["kind"] not in SYNCED:
            raise MentorlogError(
                f"the sync remote holds a record of an unknown kind {file['kind']!r}; "
                "upgrade mentorlog on this device, then sync again"
            )
        by_kind.setdefault(file["kind"], []).append(file)
    for kind in reversed(SYNCED):
        for file in by_kind.get(kind, []):
            if not is_live(file):
                cur = conn.execute(f"DELETE FROM {kind} WHERE uuid = ?", (file["uuid"],))
                if cur.rowcount:
                    deleted[kind] = deleted.get(kind, 0) + 1
    if deleted:  # as `delete` does: the deleted text's terms go from the search index too
        conn.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
    for kind in SYNCED:
        live = [f for f in by_kind.get(kind, []) if is_live(f)]
        if not live:
            continue
        links = transfer._links(conn, kind) if kind != CONFLICT else {}
        existing = {
            r[0]: r[1]
            for r in conn.execute(
                f"SELECT uuid, id FROM {kind} WHERE uuid IN ({', '.join('?' * len(live))})",
                [f["uuid"] for f in live],
            )
        }
        later: list[tuple[int | None, dict[str, Any]]] = []
        for file in live:
            where = f"{kind} {file['uuid']} from the sync remote"
            values = _values(conn, kind, file["record"], links, where)
            if file["uuid"] in existing:
                rows.update(conn, kind, existing[file["uuid"]], values)
                changed[kind] = changed.get(kind, 0) + 1
                continue
            hint = file["record"].get("id")
            free = (
                isinstance(hint, int)
                and not isinstance(hint, bool)
                and 0 < hint <= transfer.MAX_ID
                and not conn.execute(f"SELECT 1 FROM {kind} WHERE id = ?", (hint,)).fetchone()
            )
            if free:
                rows.insert(conn, kind, {"id": hint, "uuid": file["uuid"], **values})
            else:
                later.append((hint if isinstance(hint, int) else None, file))
            added[kind] = added.get(kind, 0) + 1
        for hint, file in later:
            values = _values(conn, kind, file["record"], links, f"{kind} {file['uuid']}")
            new_id = rows.insert(conn, kind, {"uuid": file["uuid"], **values})
            if hint is not None and kind != CONFLICT:
                renumbered.append(Renumbered(kind, hint, new_id))
    return Applied(added, changed, deleted, renumbered)


def _values(
    conn: sqlite3.Connection, kind: str, record: dict[str, Any], links: dict[str, str], where: str
) -> dict[str, Any]:
    if kind == CONFLICT:
        from mentorlog.core.fields import check_record

        fields = {k: v for k, v in record.items() if k not in ("id", "uuid")}
        unknown = set(fields) - set(TABLES[kind]["columns"])
        if unknown:
            raise MentorlogError(f"{where}: unknown field {sorted(unknown)[0]!r}")
        try:
            return check_record(kind, fields, tuple(TABLES[kind]["defaults"]), past=False)
        except UsageProblem as exc:
            raise MentorlogError(f"{where}: {exc.message}; nothing was changed") from None
    values = transfer._row_values(conn, kind, record, links, where, past=False, mentor_names=False)
    values.pop("uuid", None)
    return values
