"""`mentor end` doesn't orphan goals (issue 18, item 6): it names the active goals linked to the
mentor and moves (--goals-to NAME), keeps or drops them in the same transaction; on a terminal
it asks; a script keeps them and is told which."""

from __future__ import annotations

import os
import select
import shutil
import sys
import time

import pytest


def goal(journal, goal_id: int) -> dict:
    return journal.json("goal", "show", str(goal_id))


def test_goals_to_moves_the_active_goals(journal):
    journal("goal", "add", "Mentor an intern", "--mentor", "alex")  # goal #3
    journal("goal", "drop", "3")
    journal("goal", "add", "Write a design doc", "--mentor", "alex")  # goal #4, active
    out = journal("mentor", "end", "alex", "--goals-to", "sam")
    assert "Goals #1, #4 moved to Sam Rivera." in out.stderr
    assert goal(journal, 1)["mentor"] == goal(journal, 4)["mentor"] == "Sam Rivera"
    assert goal(journal, 3)["mentor"] == "Alex Chen"  # a dropped goal stays where it was
    assert [g["title"] for g in journal.json("prep", "sam")["goals"]][:2] == [
        "Lead a design review",
        "Get promoted",
    ]


def test_drop_goals_drops_them_with_the_reason(journal):
    out = journal("mentor", "end", "alex", "--drop-goals", "--json")
    assert out.stdout.lstrip().startswith("{")  # the summary alone on stdout
    assert "Goal #1 dropped." in out.stderr
    dropped = goal(journal, 1)
    assert dropped["status"] == "dropped"
    assert dropped["status_note"] == "the mentorship with Alex Chen ended"


def test_keep_goals_keeps_them_quietly(journal):
    out = journal("mentor", "end", "alex", "--keep-goals")
    assert "Warning" not in out.stderr
    assert goal(journal, 1)["status"] == "active" and goal(journal, 1)["mentor"] == "Alex Chen"


def test_a_script_that_says_nothing_keeps_them_and_is_told(journal):
    out = journal("mentor", "end", "alex")
    assert (
        "Alex Chen's active goals stay linked" in out.stderr
        and "#1 Lead a design review" in out.stderr
    )
    assert goal(journal, 1)["status"] == "active"


def test_no_goals_no_question(journal):
    out = journal("mentor", "end", "sam")
    assert "goal" not in out.stderr.lower()


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("--goals-to", "sam", "--drop-goals"), 2, "choose one of"),
        (("--keep-goals", "--drop-goals"), 2, "choose one of"),
        (("--goals-to", "alex"), 1, "the mentorship being ended"),
        (("--goals-to", "nobody"), 1, "nobody"),
    ],
)
def test_bad_goal_choices_change_nothing(journal, db_file, args, code, needle):
    before = journal.json("mentor", "show", "alex")
    assert needle in journal.fails("mentor", "end", "alex", *args, code=code)
    assert journal.json("mentor", "show", "alex") == before
    assert goal(journal, 1)["mentor"] == "Alex Chen"


def test_a_goal_cannot_move_to_an_ended_mentorship(journal):
    journal("mentor", "add", "Priya")
    journal("mentor", "end", "priya")
    assert "has ended" in journal.fails("mentor", "end", "alex", "--goals-to", "priya")


def _on_a_terminal(home, args: list[str], answers: list[bytes]) -> tuple[int, str]:
    import pty

    exe = shutil.which("mentorlog", path=os.path.dirname(sys.executable))
    env = {**os.environ, "MENTORLOG_HOME": str(home), "NO_COLOR": "1", "TERM": "dumb"}
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(exe, [exe, *args], env)
    seen = b""
    pending = list(answers)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if pending and seen.rstrip().endswith((b"[m/k/d]:", b"which mentor?")):
                os.write(fd, pending.pop(0))
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")


def test_on_a_terminal_it_asks(journal, private_env):
    code, seen = _on_a_terminal(private_env, ["mentor", "end", "alex"], [b"m\n", b"sam\n"])
    assert code == 0, seen
    assert "Alex Chen's active goals: #1 Lead a design review." in seen
    assert "Goal #1 moved to Sam Rivera." in seen
    assert goal(journal, 1)["mentor"] == "Sam Rivera"


def test_on_a_terminal_no_answer_changes_nothing(journal, private_env):
    code, seen = _on_a_terminal(private_env, ["mentor", "end", "alex"], [b"\n"])
    assert code == 1 and "aborted; nothing was changed" in seen
    assert journal.json("mentor", "show", "alex")["ended_on"] is None
