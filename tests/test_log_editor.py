"""`log` through $EDITOR: the template, ticking off the agenda, and never losing a draft."""

from __future__ import annotations

import json
import stat
import sys
import textwrap

import pytest

from support import dump


def _editor(tmp_path, body: str) -> str:
    """A fake editor: a Python script that rewrites the draft file it is given."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\npath = sys.argv[1]\ntext = open(path).read()\n" + textwrap.dedent(body)
    )
    return f"{sys.executable} {script}"


FILL = """
text = text.replace("## Notes\\n", "## Notes\\nWe went through the RFC [draft].\\n")
text = text.replace("- [ ] #1 Draft the RFC", "- [x] #1 Draft the RFC")
text = text.replace("- [ ] #1 How do I push back", "- [x] #1 How do I push back")
text = text.replace("## Questions covered", "- Book the review room due:fri\\n\\n## Questions covered")
text = text.replace("## Advice\\n", "## Advice\\n- Timebox every review\\n")
text = text.replace("Minutes:", "Minutes: 30")
text = text.replace("Mode: video", "Mode: in-person")
text = text.replace("## Next meeting\\n", "## Next meeting\\n+2w\\n")
open(path, "w").write(text)
"""


def test_template_is_prefilled_and_ticks_are_recorded(journal, tmp_path, monkeypatch):
    seen = tmp_path / "seen.md"
    monkeypatch.setenv(
        "EDITOR", _editor(tmp_path, f"open({str(seen)!r}, 'w').write(text)\n" + FILL)
    )
    result = journal("log", "alex", "--edit")
    template = seen.read_text()
    for expected in (
        "# Meeting with Alex Chen",
        "- [ ] #1 Draft the RFC (due 2026-11-20)",
        "- [ ] #1 How do I push back on scope?",
        "Write the decision log first (new)",
    ):
        assert expected in template
    assert "Ask about promo criteria" not in template  # Sam's action
    assert "Logged meeting #2 with Alex Chen" in result.stdout
    meeting = journal.json("meeting", "show", "2")
    assert meeting["notes"] == "We went through the RFC [draft]."
    assert (meeting["mode"], meeting["minutes"], meeting["next_date"]) == (
        "in-person",
        30,
        "2026-12-06",
    )
    assert [a["text"] for a in meeting["advice"]] == ["Timebox every review"]
    assert [(a["text"], a["due"]) for a in meeting["actions"]] == [
        ("Book the review room", "2026-11-27")
    ]
    assert meeting["discussed"] == [{"id": 1, "text": "How do I push back on scope?"}]
    assert journal.json("action", "show", "1")["status"] == "done"
    assert not any((tmp_path / "home" / "drafts").glob("*.md"))


LOOP = """
text = text.replace("## Feedback\\n", "## Feedback\\n- Lead with the decision\\n")
text = text.replace("## Resources\\n", "## Resources\\n- The Staff Engineer's Path\\n- DDIA\\n")
text = text.replace("## Introductions\\n", "## Introductions\\n- Dana Lee\\n")
open(path, "w").write(text)
"""


def test_template_feedback_resources_and_introductions_are_recorded(journal, tmp_path, monkeypatch):
    seen = tmp_path / "seen.md"
    monkeypatch.setenv(
        "EDITOR", _editor(tmp_path, f"open({str(seen)!r}, 'w').write(text)\n" + LOOP)
    )
    result = journal("log", "alex", "--edit")
    for heading in ("## Feedback", "## Resources", "## Introductions"):
        assert heading in seen.read_text()
    assert "feedback #1, resources #1, #2, intro #1." in result.stdout
    agenda = journal.json("prep", "alex")
    assert [r["title"] for r in agenda["resources"]] == ["The Staff Engineer's Path", "DDIA"]
    assert [i["person"] for i in agenda["introductions"]] == ["Dana Lee"]
    assert journal.json("mentor", "show", "alex")["last_met"] == "2026-11-22"
    assert not any((tmp_path / "home" / "drafts").glob("*.md"))


def test_untouched_template_records_nothing(journal, db_file, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "pass\n"))
    before = dump(db_file)
    line = journal.fails("log", "alex", "--edit")
    assert "untouched" in line
    assert dump(db_file) == before


def test_unreadable_template_keeps_the_draft_private(journal, db_file, tmp_path, monkeypatch):
    body = FILL + 'open(path, "w").write(text.replace("+2w", "whenever-ish"))\n'
    monkeypatch.setenv("EDITOR", _editor(tmp_path, body))
    before = dump(db_file)
    line = journal.fails("log", "alex", "--edit", code=2)
    assert "whenever-ish" in line and "draft is kept at" in line
    draft = next((tmp_path / "home" / "drafts").glob("*.md"))
    assert str(draft) in line
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert "We went through the RFC" in draft.read_text()
    assert dump(db_file) == before


def test_failure_while_saving_keeps_the_draft(journal, db_file, tmp_path, monkeypatch):
    from mentorlog.store import writes

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writes, "log_meeting", disk_full)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, FILL))
    result = journal("log", "alex", "--edit", code=1)
    draft = next((tmp_path / "home" / "drafts").glob("*.md"))
    assert str(draft) in result.stderr and "Traceback" not in result.output
    assert "We went through the RFC" in draft.read_text()


@pytest.mark.parametrize("editor", ["false", "/no/such/editor"])
def test_editor_that_fails_records_nothing(journal, db_file, monkeypatch, editor):
    monkeypatch.setenv("EDITOR", editor)
    before = dump(db_file)
    journal.fails("log", "alex", "--edit")
    assert dump(db_file) == before


def test_piped_notes_are_kept_beside_other_content_flags(journal):
    journal("log", "sam", "--on", "2026-11-20 10:00", "--advice", "Ship smaller",
            "--feedback", "Clear update", input="notes typed into a pipe\n")  # fmt: skip
    meetings = json.loads(journal("meeting", "list", "--json").stdout)
    notes = json.loads(journal("meeting", "show", str(meetings[0]["id"]), "--json").stdout)["notes"]
    assert notes == "notes typed into a pipe"
