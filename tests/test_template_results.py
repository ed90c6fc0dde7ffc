"""The log template keeps what the mentee wrote (issue 18, items 3 and 8): `- [x] #12 → result`
records the result with the done action, feedback from a meeting is constructive unless it says
`praise:`, and a done action shows when it was done, not 'due in 7d'."""

from __future__ import annotations

import sys
import textwrap
from datetime import datetime

import pytest

from mentorlog.core.template import parse_template

WHEN = "When: 2026-11-22 10:00\n"


def _editor(tmp_path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\npath = sys.argv[1]\ntext = open(path).read()\n" + textwrap.dedent(body)
    )
    return f"{sys.executable} {script}"


@pytest.mark.parametrize(
    ("line", "result"),
    [
        ("- [x] #12 Draft the RFC (due 2026-11-20) → shipped to the team", "shipped to the team"),
        ("- [x] #12 Draft the RFC -> shipped", "shipped"),
        ("- [X] #12 → done early", "done early"),
        ("- [x] #12 Draft the RFC", None),
        ("- [x] #12 Draft the RFC →   ", None),
    ],
)
def test_ticked_action_takes_a_result_after_an_arrow(line, result):
    filled = parse_template(f"{WHEN}\n## Actions\n{line}\n", datetime(2026, 11, 22, 12))
    assert filled.done_actions == [12]
    assert filled.done_results.get(12) == result


def test_praise_in_the_feedback_section_is_kept_apart():
    text = f"{WHEN}\n## Feedback\n- Your updates bury the decision\n- praise: the demo was clear\n"
    filled = parse_template(text, datetime(2026, 11, 22, 12))
    assert filled.feedback == ["Your updates bury the decision"]
    assert filled.praise == ["the demo was clear"]


FILL = """
text = text.replace("- [ ] #1 Draft the RFC (due 2026-11-20)",
                    "- [x] #1 Draft the RFC (due 2026-11-20) → sent to the architects")
text = text.replace("## Feedback\\n", "## Feedback\\n- Cut the intro\\n- Praise: great diagrams\\n")
open(path, "w").write(text)
"""


def test_template_records_results_and_feedback_kinds(journal, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", _editor(tmp_path, FILL))
    journal("log", "alex", "--edit")
    action = journal.json("action", "show", "1")
    assert (action["status"], action["result"], action["done_on"]) == (
        "done",
        "sent to the architects",
        "2026-11-22",
    )
    kinds = {f["text"]: f["kind"] for f in journal.json("feedback", "list")}
    assert kinds == {"Cut the intro": "constructive", "great diagrams": "praise"}
    prep = journal.json("prep", "alex")
    assert [f["text"] for f in prep["feedback_pending"]] == ["Cut the intro"]


def test_log_feedback_flag_is_constructive_and_reaches_prep(journal):
    journal("log", "sam", "--notes", "1:1", "--feedback", "Say no more often")
    feedback = journal.json("feedback", "list")
    assert [(f["text"], f["kind"]) for f in feedback] == [("Say no more often", "constructive")]
    assert [f["text"] for f in journal.json("prep", "sam")["feedback_pending"]] == [
        "Say no more often"
    ]


def test_done_action_shows_when_it_was_done_not_when_it_is_due(journal):
    journal("action", "done", "2", "--result", "read it twice")  # due 2026-11-30
    out = journal("action", "show", "2").stdout
    assert "in 8d" not in out and "2026-11-30" in out
    assert "2026-11-22" in out  # done on
