"""The Typer-free fast path for plain read commands prints exactly what the Typer path prints."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mentorlog.cli import fast
from mentorlog.cli.session import State

SAME = [
    [],
    ["status"],
    ["status", "--json"],
    ["prep"],
    ["prep", "alex"],
    ["prep", "ALEX", "--json"],
    ["prep", "sam", "--format", "markdown"],
    ["prep", "-f", "json"],
    ["prep", "zed"],
    ["prep", "sa", "--format", "text"],
    ["review"],
    ["review", "--json"],
    ["review", "-f", "markdown"],
    ["action", "list"],
    ["action", "list", "--json"],
    ["action", "list", "--all", "--json"],
    ["action", "list", "--done"],
    ["action", "list", "--overdue", "--mentor", "alex"],
    ["action", "list", "-m", "sam", "-g", "1", "--json"],
    ["action", "list", "--goal", "#1"],
    ["action", "list", "--goal", "abc"],
    ["action", "list", "--goal", "99"],
    ["action", "list", "--open", "--done"],
    ["action", "list", "-a", "--mentor", "zed"],
]
TYPER_ONLY = [
    ["--help"],
    ["prep", "--help"],
    ["prep", "alex", "sam"],
    ["prep", "-o", "agenda.md"],
    ["prep", "--format", "pdf"],
    ["prep", "--json", "--format", "json"],
    ["prep", "--format=json"],
    ["review", "--week"],
    ["action", "list", "--json", "--json"],
    ["action", "list", "--mentor"],
    ["action", "list", "--mentor", "-x"],
    ["action", "add", "x"],
    ["status", "extra"],
    ["--version"],
    ["--db"],
]


@pytest.mark.parametrize("argv", SAME, ids=lambda a: " ".join(a) or "(none)")
@pytest.mark.parametrize("via_db", [False, True], ids=["home", "--db"])
def test_fast_path_matches_typer(journal, db_file, capsys, argv, via_db):
    args = (["--db", str(db_file)] if via_db else []) + argv
    assert fast.plan(args) is not None
    code = fast.run(args)
    fast_out = capsys.readouterr()
    State.db = None
    result = journal(*args, code=None)
    assert (code, fast_out.out, fast_out.err) == (result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("argv", TYPER_ONLY, ids=lambda a: " ".join(a))
def test_everything_else_goes_to_typer(argv):
    assert fast.plan(argv) is None


def test_fast_path_never_imports_typer_or_sqlalchemy(journal, db_file):
    for argv in (["status"], ["prep", "alex", "--json"], ["action", "list"], ["review"]):
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "mentorlog", *argv],
                                capture_output=True, text=True)  # fmt: skip
        assert result.returncode == 0, result.stderr
        imported = {
            line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line
        }
        assert not {"typer", "pydantic", "sqlalchemy", "sqlmodel", "alembic"} & imported, argv
