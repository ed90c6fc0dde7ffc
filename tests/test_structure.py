"""The project's shape, checked: imports run one way, and the rules live in core/, pure."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from mentorlog.core import rules

PACKAGE = Path(__file__).parents[1] / "src" / "mentorlog"

# layer: the layers it may import (besides itself). cli may import everything.
ALLOWED = {
    "errors": set(),
    "paths": {"errors"},
    "core": {"errors"},
    "config": {"core", "errors", "paths"},
    "store": {"core", "errors", "paths"},
    "render": {"core", "config", "errors"},
}


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _layer(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(PACKAGE.rglob("*.py")) if _layer(p) in ALLOWED],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_imports_run_one_way(path):
    """core knows nothing of the store, the store nothing of rendering or the command line."""
    layer = _layer(path)
    for module in _imports(path):
        parts = module.split(".")
        if parts[0] != "mentorlog" or len(parts) < 2 or parts[1] == layer:
            continue
        assert parts[1] in ALLOWED[layer], f"{path.relative_to(PACKAGE)} imports {module}"


def test_the_schema_takes_its_vocabulary_from_core_vocab():
    imported = set(_imports(PACKAGE / "store" / "schema.py"))
    assert "mentorlog.core.vocab" in imported
    assert "mentorlog.core.template" not in imported


def test_goal_progress():
    assert rules.goal_progress("active", 1, 4) == 0.25
    assert rules.goal_progress("active", 0, 0) == 0.0
    assert rules.goal_progress("achieved", 0, 3) == 1.0


def test_overdue_is_strictly_before_today():
    today = date(2026, 11, 23)
    assert rules.is_overdue("open", "2026-11-22", today)
    assert not rules.is_overdue("open", "2026-11-23", today)
    assert not rules.is_overdue("done", "2026-11-01", today)
    assert not rules.is_overdue("open", None, today)


def test_due_soonest_prefers_no_date_then_earliest_then_name():
    assert rules.due_soonest([("2026-12-01", "Alex"), ("2026-11-30", "Sam")]) == 1
    assert rules.due_soonest([("2026-12-01", "Alex"), (None, "Sam")]) == 1
    assert rules.due_soonest([("2026-12-01", "Émile"), ("2026-12-01", "Alex")]) == 1


@pytest.mark.parametrize("moves", [rules.GOAL_MOVES, rules.ACTION_MOVES])
def test_every_move_can_be_undone(moves):
    """Each state a command moves a record into can be left again by another command."""
    reachable_from = {source for _, sources in moves.values() for source in sources}
    for target, _ in moves.values():
        assert target in reachable_from, target
