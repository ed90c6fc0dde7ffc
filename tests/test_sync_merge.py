"""The sync merge's properties (hypothesis): commutative, idempotent, nothing lost, for one record
(core/merge.py) and for whole journals on two and three devices going through `mentorlog sync`."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorlog.core import merge
from sync_support import KEY, Device

SCALE = float(os.environ.get("MENTORLOG_STRESS", "0.5"))
UUID = "6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5"

# ---------------------------------------------------------------- one record, three ways

LINES = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "", "eps"]), max_size=5)
TEXT = LINES.map("\n".join)
STAMP = st.sampled_from(["2026-11-20T10:00:00.000000Z", "2026-11-21T10:00:00.000000Z"])
DEVICE = st.sampled_from(["dev-a", "dev-b", "dev-c"])
FIELDS = {  # kind -> field -> values
    "action": {
        "text": st.sampled_from(["Draft", "Draft the RFC", "Write"]),
        "due_date": st.sampled_from([None, "2026-12-01", "2026-12-02"]),
        "status": st.sampled_from(["open", "done"]),
        "done_on": st.sampled_from([None, "2026-11-20"]),
        "result": st.sampled_from([None, "sent", "shipped"]),
        "goal_uuid": st.sampled_from([None, "11111111-1111-4111-8111-111111111111"]),
    },
    "meeting": {
        "notes": TEXT,
        "minutes": st.sampled_from([None, 30, 45]),
        "mode": st.sampled_from(["video", "call"]),
    },
}


@st.composite
def record(draw, kind: str, base: dict | None = None):
    fields = FIELDS[kind]
    values = dict(base) if base else {}
    for name, values_of in fields.items():
        if base is None or draw(st.booleans()):
            values[name] = draw(values_of)
    values.update(uuid=UUID, id=draw(st.integers(1, 3)), updated_at=draw(STAMP))
    values.setdefault("created_at", "2026-11-19T10:00:00.000000Z")
    return values


@st.composite
def three(draw):
    kind = draw(st.sampled_from(sorted(FIELDS)))
    base_record = draw(record(kind))

    def side():
        if draw(st.integers(0, 6)) == 0:
            return {"kind": kind, "uuid": UUID, "device": draw(DEVICE), "deleted_at": draw(STAMP)}
        return {
            "kind": kind,
            "uuid": UUID,
            "device": draw(DEVICE),
            "record": draw(record(kind, base_record)),
        }

    base = (
        None
        if draw(st.integers(0, 5)) == 0
        else {"kind": kind, "uuid": UUID, "device": "dev-0", "record": base_record}
    )
    return base, side(), side()


def _key(result):
    file, conflicts = result
    return (
        merge.digest(file),
        sorted(merge.canonical(c) for c in conflicts),
        file and file.get("device"),
    )


@settings(max_examples=int(600 * SCALE), deadline=None)
@given(three())
def test_merge_is_commutative(case):
    base, ours, theirs = case
    assert _key(merge.merge_file(base, ours, theirs)) == _key(merge.merge_file(base, theirs, ours))


@settings(max_examples=int(400 * SCALE), deadline=None)
@given(three())
def test_merge_is_idempotent(case):
    base, ours, theirs = case
    assert merge.merge_file(base, ours, ours) == (ours, [])
    merged, _ = merge.merge_file(base, ours, theirs)
    # merging the result again with either side, from the merge as base, changes nothing
    assert merge.merge_file(merged, merged, ours)[0] in (merged, ours)
    again, conflicts = merge.merge_file(base, merged, merged)
    assert merge.digest(again) == merge.digest(merged) and conflicts == []


@settings(max_examples=int(600 * SCALE), deadline=None)
@given(three())
def test_merge_loses_nothing(case):
    """Every value a side changed is in the result, or in a conflict; deleting against an edit
    keeps the record (and says so)."""
    base, ours, theirs = case
    merged, conflicts = merge.merge_file(base, ours, theirs)
    if merge.is_live(ours) != merge.is_live(theirs):
        edited = ours if merge.is_live(ours) else theirs
        if base is None or merge.digest(base) != merge.digest(edited):
            assert merge.is_live(merged) and [c["record"]["kind"] for c in conflicts] == ["delete"]
        return
    if not merge.is_live(merged):
        return
    before = base["record"] if merge.is_live(base) else {}
    kept = " ".join(f"{c['record']['kept']} {c['record']['lost']}" for c in conflicts)
    for side in (ours, theirs):
        for name, value in side["record"].items():
            if name in merge.META or before.get(name) == value:
                continue
            got = merged["record"][name]
            if got == value:
                continue
            if name in merge.LINE_MERGED.get(side["kind"], ()):
                new_lines = _lines(value) - _lines(before.get(name))
                assert new_lines <= _lines(got), (name, value, got)
                continue
            assert merge.canonical(value) in kept or json.dumps(value) in kept, (name, value)


def _lines(text: str | None) -> set[str]:
    return set(text.split("\n")) if text else set()


def test_line_merge_takes_both_sides_changes_and_marks_clashes():
    text, clean = merge.merge_lines("a\nb\nc", "A\nb\nc", "a\nb\nC")
    assert (text, clean) == ("A\nb\nC", True)
    text, clean = merge.merge_lines("a\nb", "a\nmine", "a\ntheirs")
    assert not clean
    assert text.split("\n") == [
        "a", merge.MARK_START, "mine", merge.MARK_MIDDLE, "theirs", merge.MARK_END,
    ]  # fmt: skip


# ---------------------------------------------------------------- whole journals, through the CLI

OPS = st.lists(
    st.tuples(
        st.integers(0, 2),  # device
        st.sampled_from(["add", "edit", "done", "delete", "log", "notes", "sync", "sync"]),
        st.integers(0, 3),  # which record (in the device's own list)
    ),
    min_size=4,
    max_size=14,
)


@pytest.fixture
def keyless(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("MENTORLOG_SYNC_KEY", KEY)


@pytest.mark.parametrize("count", [2, 3])
def test_random_edits_on_devices_converge_and_lose_nothing(count, keyless, monkeypatch, clock):
    @settings(
        max_examples=max(2, int(8 * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(OPS)
    def run(ops):
        folder = Path(tempfile.mkdtemp())
        try:
            _scenario(folder, count, ops, monkeypatch, clock)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    run()


def _scenario(folder: Path, count: int, ops, monkeypatch, clock) -> None:
    url = (folder / "remote.git").as_uri()
    devices = [Device(folder / f"d{i}", monkeypatch, f"d{i}") for i in range(count)]
    first = devices[0]
    first("mentor", "add", "Alex")
    first("action", "add", "token-start-action")
    first("log", "alex", "--notes", "token-start-notes")
    first("sync", "init", url)
    for device in devices[1:]:
        device("sync", "join", url)
    tokens: set[str] = {"token-start-action", "token-start-notes"}
    gone: set[str] = set()  # tokens a user replaced or deleted: allowed to vanish
    for n, (which, op, index) in enumerate(ops):
        clock.shift(7)
        device = devices[which % count]
        token = f"token-{n}-{op}"
        if op == "sync":
            device("sync")
            continue
        kind = "meeting" if op in ("log", "notes") else "action"
        listed = device.json(kind, "list", *(["--all"] if kind == "action" else []))
        target = listed[index % len(listed)] if listed else None
        field = "notes" if kind == "meeting" else "text"
        if op == "add":
            device("action", "add", token)
        elif op == "log":
            device("log", "alex", "--notes", token)
        elif target is None:
            continue
        elif op == "edit":
            gone.add(target[field])
            device("action", "edit", str(target["id"]), "--text", token)
        elif op == "notes":
            gone.add(_notes(device, target["id"]))
            device("meeting", "edit", str(target["id"]), "--notes", token)
        elif op == "done":
            if target["status"] == "open":
                device("action", "done", str(target["id"]))
            continue
        elif op == "delete":
            gone.add(target[field] if kind == "action" else _notes(device, target["id"]))
            device(kind, "delete", str(target["id"]), "--yes")
            continue
        tokens.add(token)
    for _ in range(2):
        for device in devices:
            device("sync")
    final = [d.records() for d in devices]
    assert all(f == final[0] for f in final[1:])  # one journal everywhere
    said = json.dumps(final[0]) + json.dumps(devices[0].conflicts())
    for token in tokens:
        if not any(token in g for g in gone):
            assert token in said, token
    assert "ok:" in devices[0]("db", "check").stdout
    for device in devices:  # settled: a further sync moves nothing
        out = device("sync").stdout
        assert "Out: nothing new here" in out and "In: nothing new there" in out


def _notes(device: Device, meeting_id: int) -> str:
    return device.json("meeting", "show", str(meeting_id))["notes"]
