"""config.toml: default mentor, week start, editor; a broken file is an error that names it."""

from __future__ import annotations


def test_default_mentor_and_week_start(journal, private_env):
    (private_env / "config.toml").write_text('default_mentor = "Sam"\nweek_start = "sunday"\n')
    assert journal.json("prep")["mentor"]["name"] == "Sam Rivera"
    assert journal.json("review", "--week")["period"] == {
        "start": "2026-11-22",
        "end": "2026-11-22",
    }


def test_editor_from_config(journal, private_env, tmp_path):
    marker = tmp_path / "ran"
    (private_env / "config.toml").write_text(f'editor = "touch {marker}"\n')
    journal.fails("log", "alex", "--edit")  # touch leaves the template untouched: nothing recorded
    assert marker.exists()


def test_broken_config_is_a_clear_error(journal, private_env):
    path = private_env / "config.toml"
    path.write_text("week_start = [\n")
    assert str(path) in journal.fails("status")
    path.write_text('week_start = "someday"\n')
    assert "not a weekday name" in journal.fails("review")  # read only by commands that use it
