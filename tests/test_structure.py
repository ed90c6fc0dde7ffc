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
    "landed": set(),  # what this invocation changed so far: noted by every layer that writes
    "paths": {"errors", "landed"},
    "core": {"errors"},
    "config": {"core", "errors", "paths", "landed"},
    "store": {"core", "errors", "paths", "landed"},
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


def _edges(moves: dict) -> set[tuple[str, str]]:
    """(from, to) for both shapes: command -> (to, froms) and to -> froms."""
    edges = set()
    for key, value in moves.items():
        to, froms = (
            value
            if isinstance(value[0], tuple | str) and len(value) == 2 and isinstance(value[1], tuple)
            else (key, value)
        )
        edges |= {(source, to) for source in froms}
    return edges


@pytest.mark.parametrize(
    "moves",
    [rules.GOAL_MOVES, rules.ACTION_MOVES, rules.ADVICE_TRANSITIONS, rules.RESOURCE_TRANSITIONS],
    ids=["goal", "action", "advice", "resource"],
)
def test_every_state_a_command_leads_to_can_be_left_again(moves):
    """No dead end: a wrong done, drop, apply or skip can always be undone by another command."""
    edges = _edges(moves)
    for _, to in edges:
        assert any(source == to for source, _ in edges), f"nothing leads out of {to!r}"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("emile", "Émile"),
        ("soren", "Søren"),
        ("lukasz", "Łukasz"),
        ("ZOË", "zoe"),
        ("strasse", "Straße"),
    ],
)
def test_names_fold_without_case_or_accents(typed, name):
    assert rules.fold_name(typed) == rules.fold_name(name)


@pytest.mark.parametrize(
    ("module", "enum", "words", "extra"),
    [
        ("advice", "AdviceStatus", "ADVICE_STATUSES", {"pending"}),
        ("feedback", "FeedbackKind", "FEEDBACK_KINDS", set()),
        ("gave", "GaveKind", "CONTRIBUTION_KINDS", set()),
        ("goal", "Horizon", "HORIZONS", set()),
        ("goal", "GoalStatus", "GOAL_STATUSES", set()),
        ("meeting", "Mode", "MEETING_MODES", set()),
        ("resource", "ResourceKind", "RESOURCE_KINDS", set()),
        ("resource", "ResourceStatus", "RESOURCE_STATUSES", set()),
    ],
)
def test_command_line_choices_are_the_schemas_words(module, enum, words, extra):
    """A typed filter offers exactly what the schema's CHECK allows (core/vocab.py), plus its
    own shorthands; a word added to one place and not the other fails here."""
    import importlib

    from mentorlog.core import vocab

    choices = {
        member.value for member in getattr(importlib.import_module(f"mentorlog.cli.{module}"), enum)
    }
    assert choices == set(getattr(vocab, words)) | extra
