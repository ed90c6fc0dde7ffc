"""One shape per kind and one form for moments in every `list --json` and `show --json`.

A row of `X list --json` and `X show ID --json` share their keys (in one order), show adding only
the records nested under it; every moment is UTC in one form, '2026-11-22T10:00:00.000000Z'
(core/clock.py's moment_text), which jq's fromdate reads after `sub("\\\\.[0-9]+"; "")`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime

import pytest

MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")
DAY = re.compile(r"\d{4}-\d\d-\d\d")
KINDS = ["action", "advice", "checkin", "feedback", "gave", "goal", "intro", "meeting", "resource"]


@pytest.fixture
def full(journal):
    """The small journal plus one record of every other kind."""
    for step in (
        ["feedback", "add", "Clear RFC", "--from", "alex", "--kind", "praise"],
        ["gave", "add", "Reviewed their talk", "--mentor", "alex"],
        ["resource", "add", "DDIA", "--mentor", "alex"],
        ["intro", "add", "Jordan", "--by", "alex", "--context", "Postgres"],
        ["checkin", "add", "alex", "--rating", "4", "--working", "pace"],
        ["win", "add", "Shipped the RFC"],
    ):
        journal(*step)
    return journal


def moments(value, path=""):
    """Every (path, text) in a JSON value whose key says it is a moment (…_at), or that looks
    like one."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("_at") and item is not None:
                yield f"{path}.{key}", item
            else:
                yield from moments(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from moments(item, f"{path}[{index}]")
    elif isinstance(value, str) and re.match(r"\d{4}-\d\d-\d\d[T ]\d", value):
        yield path, value


def check_moments(data, where):
    found = list(moments(data))
    for path, text in found:
        assert isinstance(text, str) and MOMENT.fullmatch(text), (where, path, text)
        parsed = datetime.fromisoformat(text)
        assert parsed.utcoffset() is not None and parsed.astimezone(UTC) == parsed
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_list_rows_and_show_share_one_shape(full, kind):
    rows = full.json(kind, "list", *(["--all"] if kind in ("action", "goal", "resource") else []))
    assert rows, kind
    for row in rows:
        shown = full.json(kind, "show", str(row["id"]))
        assert list(shown)[: len(row)] == list(row), kind  # the row's keys, in its order
        assert {k: shown[k] for k in row} == row, kind
        extra = {k: v for k, v in shown.items() if k not in row}
        assert all(isinstance(v, list | dict) for v in extra.values()), (kind, list(extra))
        for key in ("id", "uuid", "mentor_id", "mentor", "created_at", "updated_at"):
            assert key in row, (kind, key)
    check_moments(rows, kind)


ALL_JSON = [
    *([kind, "list", "--json"] for kind in [*KINDS, "mentor", "win", "milestone"]),
    *([kind, "show", "1", "--json"] for kind in KINDS),
    ["mentor", "show", "alex", "--json"], ["agenda", "list", "--json"], ["status", "--json"],
    ["prep", "alex", "--json"], ["review", "--json"], ["timeline", "--json"],
    ["search", "rfc", "--json"], ["brag", "--json"], ["export"],
]  # fmt: skip


def test_every_moment_in_json_has_one_form(full):
    seen = 0
    for argv in ALL_JSON:
        seen += len(check_moments(json.loads(full(*argv).stdout), argv))
    assert seen > 50  # the walk found the moments (created_at, updated_at, held_at...)


@pytest.mark.skipif(shutil.which("jq") is None, reason="needs jq")
def test_jq_reads_a_moment_after_the_one_documented_step(full):
    created = full.json("action", "show", "1")["created_at"]
    out = subprocess.run(["jq", '.created_at | sub("\\\\.[0-9]+"; "") | fromdate'],
                         input=json.dumps({"created_at": created}), capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) == int(datetime.fromisoformat(created).timestamp())


def test_export_round_trip_stays_byte_identical_with_the_new_form(full, tmp_path):
    first = full("export").stdout
    assert '+00:00"' not in first and MOMENT.search(first)
    path = tmp_path / "export.json"
    path.write_text(first)
    full("--db", str(tmp_path / "again.db"), "import", str(path))
    assert full("--db", str(tmp_path / "again.db"), "export").stdout == first
