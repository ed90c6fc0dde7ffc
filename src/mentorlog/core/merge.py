"""Three-way merge of one record as two devices changed it (DESIGN "Sync across devices").

A record travels as a *file*: {"kind", "uuid", "device", "record": {...export shape...}} or, once
deleted, a tombstone {"kind", "uuid", "device", "deleted_at"}. `merge_file(base, ours, theirs)`
gives the merged file and the conflicts it raised:

- a side that did not change the record (equal to the base) takes the other side's;
- both changed it: field by field, a status with its date and note as one unit (UNITS), free text
  line by line (LINE_MERGED; clashing lines are kept both, between markers); a field both
  changed to different values takes the *winner's* value and the loser's goes into a conflict;
- the winner is the later `updated_at`, then the greater device id, then the greater text, so
  the result is the same whichever device merges (merge_file(b, x, y) == merge_file(b, y, x));
- a delete against an edit keeps the edited record and raises a conflict.

Conflicts are records too (kind "sync_conflict"), with a uuid made from what clashed, so two
devices meeting the same clash make one. Pure: no store, no I/O.
"""

from __future__ import annotations

import hashlib
import json
from difflib import SequenceMatcher
from typing import Any

from mentorlog.core.uuids import uuid5

CONFLICT = "sync_conflict"
META = ("id", "uuid", "created_at", "updated_at")

# Fields that change together: a status, its day and its note move as one unit.
UNITS: dict[str, tuple[tuple[str, ...], ...]] = {
    "mentor": (("ended_on", "closing_note"),),
    "goal": (("status", "achieved_on", "status_note"),),
    "milestone": (("done_on", "note"),),
    "action": (("status", "done_on", "result"),),
    "advice": (("status", "status_on", "outcome"),),
    "resource": (("status", "done_on", "takeaway"),),
    "introduction": (("met_on", "met_note"),),
    "feedback": (("acted_on", "acted_note"),),
    "topic": (("status", "meeting_uuid"),),
    CONFLICT: (("status", "resolved_at", "resolution"),),
}

# Free text written in lines: edits on both sides merge line by line.
LINE_MERGED: dict[str, tuple[str, ...]] = {
    "meeting": ("notes",),
    "reflection": ("text",),
    "goal": ("why", "measure"),
    "advice": ("text", "why"),
    "feedback": ("text",),
    "contribution": ("text",),
    "checkin": ("working", "change"),
    "introduction": ("context",),
    "mentor": ("focus",),
}

MARK_START = "<<<<<<< sync: one device"
MARK_MIDDLE = "======="
MARK_END = ">>>>>>> sync: the other device"


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(file: dict[str, Any] | None) -> str | None:
    """What a file says, whoever wrote it and whatever local id it has: equal files, equal digest."""
    if file is None:
        return None
    if "record" not in file:
        return _sha(f"{file['kind']}:{file['uuid']}:deleted")
    # repr of the sorted fields: the same for a record read from the journal and from JSON (their
    # values are str, int and None alike), and several times cheaper than sorted JSON
    fields = sorted((k, v) for k, v in file["record"].items() if k != "id")
    return _sha(repr((file["kind"], fields)))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def is_live(file: dict[str, Any] | None) -> bool:
    return file is not None and "record" in file


# ---------------------------------------------------------------- one file, three ways


def _rank(file: dict[str, Any]) -> tuple[str, str, str]:
    """Who wins a tie: the later update, then the greater device id, then the greater text."""
    stamp = file["record"].get("updated_at") if "record" in file else file.get("deleted_at")
    return (str(stamp or ""), str(file.get("device") or ""), canonical(file))


def merge_file(
    base: dict[str, Any] | None, ours: dict[str, Any] | None, theirs: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The merged file (None: neither side has it) and the conflicts raised."""
    if digest(ours) == digest(theirs):  # the same content (local ids aside): one of them, stably
        return (max(ours, theirs, key=_rank) if ours and theirs else ours), []
    if ours is None:
        return theirs, []
    if theirs is None:
        return ours, []
    if base is not None and digest(base) == digest(ours):
        return theirs, []
    if base is not None and digest(base) == digest(theirs):
        return ours, []
    live_ours, live_theirs = is_live(ours), is_live(theirs)
    if not live_ours and not live_theirs:  # deleted on both: the first delete stands
        return min(ours, theirs, key=_rank), []
    if live_ours != live_theirs:  # deleted on one, edited (or brought back) on the other
        kept, gone = (ours, theirs) if live_ours else (theirs, ours)
        if base is not None and not is_live(base):
            return kept, []  # brought back after a delete both knew of: a new life
        return kept, [_deleted_conflict(kept, gone)]
    base_record = base["record"] if is_live(base) else {}
    return _merge_records(base_record, ours, theirs)


def _merge_records(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    kind = ours["kind"]
    winner, loser = (ours, theirs) if _rank(ours) > _rank(theirs) else (theirs, ours)
    win, lose = winner["record"], loser["record"]
    merged: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []
    for group in _groups(kind, win, lose, base):
        b = tuple(base.get(f) for f in group)
        w = tuple(win.get(f) for f in group)
        v = tuple(lose.get(f) for f in group)
        if w == v or b == v:
            chosen = w
        elif b == w:
            chosen = v
        elif len(group) == 1 and group[0] in LINE_MERGED.get(kind, ()) and _texts(b + w + v):
            text, clean = merge_lines(b[0] or "", w[0] or "", v[0] or "")
            chosen = (text if text or "" in (w[0], v[0]) else None,)
            if not clean:
                conflicts.append(_conflict("text", winner, loser, group, w[0], v[0]))
        else:
            chosen = w
            conflicts.append(_conflict("field", winner, loser, group, _one(w), _one(v)))
        merged.update(zip(group, chosen, strict=True))
    stamps = [r.get("created_at") for r in (win, lose) if r.get("created_at")]
    updates = [r.get("updated_at") for r in (win, lose) if r.get("updated_at")]
    record = {
        "id": win.get("id"),
        "uuid": win["uuid"],
        "created_at": min(stamps) if stamps else None,
        "updated_at": max(updates) if updates else None,
    }
    record.update(merged)
    record = {k: record[k] for k in (*win.keys(), *(k for k in record if k not in win))}
    return {**winner, "record": record}, conflicts


def _texts(values: tuple[Any, ...]) -> bool:
    return all(v is None or isinstance(v, str) for v in values)


def _one(values: tuple[Any, ...]) -> Any:
    return values[0] if len(values) == 1 else list(values)


def _groups(kind: str, *records: dict[str, Any]) -> list[tuple[str, ...]]:
    units = UNITS.get(kind, ())
    in_unit = {f for unit in units for f in unit}
    fields: list[str] = []
    for record in records:
        fields += [f for f in record if f not in META and f not in in_unit and f not in fields]
    return [*units, *((f,) for f in fields)]


# ---------------------------------------------------------------- conflicts as records


def _conflict(
    kind: str,
    winner: dict[str, Any],
    loser: dict[str, Any],
    group: tuple[str, ...],
    kept: Any,
    lost: Any,
) -> dict[str, Any]:
    field = ",".join(group) if group else None
    kept_text, lost_text = canonical(kept), canonical(lost)
    return conflict_file(
        kind,
        winner["kind"],
        winner["uuid"],
        field,
        kept_text,
        lost_text,
        winner.get("device"),
        loser.get("device"),
        max(_stamp(winner), _stamp(loser)),
    )


def _stamp(file: dict[str, Any]) -> str:
    if "record" in file:
        return str(file["record"].get("updated_at") or "")
    return str(file.get("deleted_at") or "")


def _deleted_conflict(kept: dict[str, Any], gone: dict[str, Any]) -> dict[str, Any]:
    return conflict_file(
        "delete",
        kept["kind"],
        kept["uuid"],
        None,
        canonical("kept"),
        canonical("deleted"),
        kept.get("device"),
        gone.get("device"),
        max(_stamp(kept), _stamp(gone)),
    )


def conflict_file(
    kind: str,
    record_kind: str,
    record_uuid: str,
    field: str | None,
    kept: str | None,
    lost: str | None,
    kept_device: str | None,
    lost_device: str | None,
    at: str,
) -> dict[str, Any]:
    """One conflict as a synced file; its uuid comes from what clashed, so the same clash met on
    two devices is one conflict."""
    name = canonical([kind, field, _sha(kept or ""), _sha(lost or "")])
    uuid = uuid5(record_uuid, name)
    return {
        "kind": CONFLICT,
        "uuid": uuid,
        "device": kept_device,
        "record": {
            "id": None,
            "uuid": uuid,
            "created_at": at or None,
            "updated_at": at or None,
            "kind": kind,
            "record_kind": record_kind,
            "record_uuid": record_uuid,
            "field": field,
            "kept": kept,
            "lost": lost,
            "kept_device": kept_device,
            "lost_device": lost_device,
            "status": "open",
            "resolved_at": None,
            "resolution": None,
        },
    }


# ---------------------------------------------------------------- lines


def merge_lines(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Line merge: each side's changes are hunks over the base's lines; hunks that don't overlap
    are all taken (edits on neighbouring lines too), the same hunk on both sides once, and where
    the two sides changed overlapping lines differently both versions are kept, `ours` (the
    winner) first, between markers. (merged text, whether it merged clean)."""
    o = _lines(base)
    hunks = [(*h, 0) for h in _hunks(o, _lines(ours))] + [
        (*h, 1) for h in _hunks(o, _lines(theirs))
    ]
    hunks.sort(key=lambda h: (h[0], h[1], h[3]))
    clusters: list[list[tuple[int, int, list[str], int]]] = []
    for hunk in hunks:
        if clusters and _overlap(clusters[-1], hunk):
            clusters[-1].append(hunk)
        else:
            clusters.append([hunk])
    out: list[str] = []
    clean = True
    at = 0
    for cluster in clusters:
        lo = min(h[0] for h in cluster)
        hi = max(h[1] for h in cluster)
        out += o[at:lo]
        at = hi
        sides = [[h for h in cluster if h[3] == side] for side in (0, 1)]
        versions = [_apply(o, lo, hi, side) for side in sides]
        if not sides[0] or not sides[1] or versions[0] == versions[1]:
            out += versions[0] if sides[0] else versions[1]
        else:
            clean = False
            out += [MARK_START, *versions[0], MARK_MIDDLE, *versions[1], MARK_END]
    out += o[at:]
    return "\n".join(out), clean


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _hunks(o: list[str], x: list[str]) -> list[tuple[int, int, list[str]]]:
    """(start, end, new lines): what replaced base lines start..end on one side."""
    matcher = SequenceMatcher(None, o, x, autojunk=False)
    return [(i1, i2, x[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _overlap(cluster: list, hunk: tuple) -> bool:
    """Whether a hunk touches the lines a cluster changed: overlapping ranges, or an insertion at
    the same place or inside the other's range (an edit right next to another is no clash)."""
    start, end = hunk[0], hunk[1]
    for other in cluster:
        a, b = other[0], other[1]
        if max(a, start) < min(b, end):
            return True
        if start == end and (a < start < b or (a == b == start)):
            return True
        if a == b and start < a < end:
            return True
    return False


def _apply(o: list[str], lo: int, hi: int, hunks: list) -> list[str]:
    """Base lines lo..hi with one side's hunks applied."""
    out: list[str] = []
    at = lo
    for start, end, lines, _ in sorted(hunks, key=lambda h: (h[0], h[1])):
        out += o[at:start]
        out += lines
        at = end
    out += o[at:hi]
    return out


# ---------------------------------------------------------------- the merged journal as a whole


def fold(name: str) -> str:
    """SQLite's NOCASE: ASCII letters without case (what mentor.name is unique by)."""
    return name.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def rename_clashes(mentors: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Mentors of one name (NOCASE) from two devices: the first made keeps it, the others
    become "Alex (2)", "Alex (3)". `mentors`: uuid -> record (live ones). Returns (uuid, old
    name, new name) for each renamed, in a stable order."""
    taken = {fold(r["name"]) for r in mentors.values()}
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in mentors.values():
        groups.setdefault(fold(record["name"]), []).append(record)
    renamed = []
    for key in sorted(groups):
        same = sorted(groups[key], key=lambda r: (str(r.get("created_at") or ""), r["uuid"]))
        for record in same[1:]:
            n = 2
            while fold(f"{record['name']} ({n})") in taken:
                n += 1
            new = f"{record['name']} ({n})"
            taken.add(fold(new))
            renamed.append((record["uuid"], record["name"], new))
    return renamed


def name_conflict(file: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    stamp = _stamp(file)
    return conflict_file(
        "name",
        "mentor",
        file["uuid"],
        "name",
        canonical(new),
        canonical(old),
        file.get("device"),
        None,
        stamp,
    )


def links_of(file: dict[str, Any]) -> list[str]:
    """The uuids a live record points to (its `*_uuid` fields; a conflict points to none)."""
    if not is_live(file) or file["kind"] == CONFLICT:
        return []
    return [
        v
        for k, v in file["record"].items()
        if k.endswith("_uuid") and k != "uuid" and isinstance(v, str)
    ]
