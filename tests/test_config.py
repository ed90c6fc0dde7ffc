"""config.toml and `mentorlog config`: keys, validation, in-place atomic writes, sources, date_format."""

from __future__ import annotations

import os
import stat

import pytest

from mentorlog.config import check_value, edited_text, forget, format_day


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ------------------------------------------------------------------ settings used by commands


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


def test_visual_and_editor_win_over_the_file(journal, private_env, tmp_path, monkeypatch):
    from_file, from_env = tmp_path / "file-editor", tmp_path / "env-editor"
    journal("config", "set", "editor", f"touch {from_file}")
    monkeypatch.setenv("VISUAL", f"touch {from_env}")
    journal.fails("log", "alex", "--edit")
    assert from_env.exists() and not from_file.exists()
    editor = journal.json("config", "show")["settings"]["editor"]
    assert editor == {
        "value": f"touch {from_env}",
        "source": "$VISUAL",
        "file_value": f"touch {from_file}",
    }
    monkeypatch.delenv("VISUAL")
    monkeypatch.setenv("EDITOR", "nano")
    assert journal.json("config", "show")["settings"]["editor"]["source"] == "$EDITOR"
    monkeypatch.delenv("EDITOR")
    assert journal.json("config", "show")["settings"]["editor"]["source"] == "file"


def test_broken_config_is_a_clear_error(journal, private_env):
    path = private_env / "config.toml"
    path.write_text("week_start = [\n")
    assert str(path) in journal.fails("status")
    path.write_text('week_start = "someday"\n')
    assert "not a weekday name" in journal.fails("review")


def test_invalid_toml_names_the_file_and_the_line(journal, private_env):
    path = private_env / "config.toml"
    path.write_text('week_start = "sunday"\neditor = vim\n')
    for argv in (["config", "show"], ["action", "list"], ["config", "set", "date_format", "us"]):
        message = journal.fails(*argv)
        assert str(path) in message and "line 2" in message, message
    assert path.read_text() == 'week_start = "sunday"\neditor = vim\n'  # set wrote nothing


@pytest.mark.parametrize(
    ("content", "key", "words"),
    [
        ('colour = "red"\n', "colour", "unknown key"),
        ("week_start = 1\n", "week_start", "text in double quotes"),
        ('week_start = "someday"\n', "week_start", "not a weekday name"),
        ('editor = "  "\n', "editor", "empty"),
        ('default_mentor = ""\n', "default_mentor", "empty"),
        ('date_format = "%H:%M"\n', "date_format", "not a date format"),
        ('date_format = "fancy"\n', "date_format", "not a date format"),
        ("[date_format]\nx = 1\n", "date_format", "text in double quotes"),
    ],
)
def test_a_bad_key_or_value_in_the_file_names_the_file_and_key(
    journal, private_env, content, key, words
):
    path = private_env / "config.toml"
    path.write_text(content)
    for argv in (["config", "show"], ["action", "list"]):
        message = journal.fails(*argv)
        assert str(path) in message and key in message and words in message, message


# ------------------------------------------------------------------ config path / show


def test_config_path(cli, private_env, monkeypatch, tmp_path):
    assert cli("config", "path").stdout == f"{private_env / 'config.toml'}\n"
    monkeypatch.delenv("MENTORLOG_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert cli("config", "path").stdout == f"{tmp_path / 'xdg' / 'mentorlog' / 'config.toml'}\n"


def test_show_without_a_file(cli, private_env):
    out = cli("config", "show").stdout
    assert "(not created yet)" in out
    for key in ("default_mentor", "week_start", "editor", "date_format", "db"):
        assert key in out
    data = cli.json("config", "show")
    assert data["path"] == str(private_env / "config.toml") and data["exists"] is False
    assert data["settings"] == {
        "default_mentor": {"value": None, "source": "default"},
        "week_start": {"value": "monday", "source": "default"},
        "editor": {"value": "vi", "source": "default"},
        "date_format": {"value": "iso", "source": "default"},
        "charts": {"value": "true", "source": "default"},
        "db": {"value": str(private_env / "journal.db"), "source": "$MENTORLOG_HOME"},
    }
    assert not (private_env / "config.toml").exists()


def test_show_says_where_the_journal_comes_from(cli, private_env, monkeypatch, tmp_path):
    monkeypatch.setenv("MENTORLOG_DB", str(tmp_path / "env.db"))
    assert cli.json("config", "show")["settings"]["db"] == {
        "value": str(tmp_path / "env.db"),
        "source": "$MENTORLOG_DB",
    }
    data = cli.json("--db", str(tmp_path / "opt.db"), "config", "show")
    assert data["settings"]["db"] == {"value": str(tmp_path / "opt.db"), "source": "--db"}


def test_show_lists_file_values_and_their_source(cli, private_env):
    cli("config", "set", "week_start", "Sun")
    cli("config", "set", "date_format", "LONG")
    data = cli.json("config", "show")
    assert data["exists"] is True
    assert data["settings"]["week_start"] == {"value": "sunday", "source": "file"}
    assert data["settings"]["date_format"] == {"value": "long", "source": "file"}
    lines = {
        line.split()[0]: line.split()[1:] for line in cli("config", "show").stdout.splitlines()[1:]
    }
    assert lines["week_start"] == ["sunday", "file"]
    assert lines["editor"] == ["vi", "default"]


def test_default_mentor_may_name_someone_not_there_yet(journal, private_env):
    result = journal("config", "set", "default_mentor", "Zed")
    assert "default_mentor = 'Zed'" in result.stdout
    assert "no active mentor matches 'Zed'" in result.stderr
    setting = journal.json("config", "show")["settings"]["default_mentor"]
    assert setting["value"] == "Zed" and "no active mentor matches" in setting["problem"]
    assert "warning: no active mentor matches" in journal("config", "show").stdout
    journal("config", "set", "default_mentor", "sam")
    assert "problem" not in journal.json("config", "show")["settings"]["default_mentor"]
    assert journal.json("prep")["mentor"]["name"] == "Sam Rivera"


# ------------------------------------------------------------------ config set / unset


def test_set_creates_a_private_folder_and_file(cli, private_env):
    assert not private_env.exists()
    cli("config", "set", "week_start", "sunday")
    path = private_env / "config.toml"
    assert path.read_text() == 'week_start = "sunday"\n'
    assert _mode(private_env) == 0o700 and _mode(path) == 0o600
    assert sorted(p.name for p in private_env.iterdir()) == ["config.toml"]  # no temp file left


def test_set_replaces_the_file_atomically_and_makes_it_private(cli, private_env):
    private_env.mkdir()
    path = private_env / "config.toml"
    path.write_text('editor = "vim"\n')
    os.chmod(path, 0o644)
    before = path.stat().st_ino
    cli("config", "set", "editor", "nano")
    assert path.read_text() == 'editor = "nano"\n'
    assert _mode(path) == 0o600 and path.stat().st_ino != before  # a new file, moved into place


def test_set_and_unset_keep_other_keys_and_comments(cli, private_env):
    private_env.mkdir()
    path = private_env / "config.toml"
    path.write_text(
        '# my settings\nweek_start = "sunday"  # for review\n\n# editor below\neditor = "vim"\n'
    )
    cli("config", "set", "date_format", "eu")
    cli("config", "set", "editor", 'my "quoted" ed\\itor')
    assert path.read_text() == (
        '# my settings\nweek_start = "sunday"  # for review\n\n# editor below\n'
        'editor = "my \\"quoted\\" ed\\\\itor"\ndate_format = "eu"\n'
    )
    assert cli.json("config", "show")["settings"]["editor"]["value"] == 'my "quoted" ed\\itor'
    assert cli("config", "unset", "editor").stdout.startswith("editor removed from")
    assert path.read_text() == (
        '# my settings\nweek_start = "sunday"  # for review\n\n# editor below\ndate_format = "eu"\n'
    )
    assert "not set" in cli("config", "unset", "editor").stdout
    assert cli.json("config", "show")["settings"]["editor"]["source"] == "default"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["colour", "red"], "unknown config key 'colour'"),
        (["db", "x.db"], "--db or MENTORLOG_DB"),
        (["week_start", "someday"], "not a weekday name"),
        (["date_format", "%Y"], "not a date format"),
        (["date_format", "%d/%m/%Y %H:%M"], "not a date format"),
        (["editor", "  "], "empty"),
        (["default_mentor", ""], "empty"),
        (["editor", "vim\nrm"], "one line"),
    ],
)
def test_a_bad_key_or_value_on_the_command_line_changes_nothing(cli, private_env, argv, words):
    private_env.mkdir()
    path = private_env / "config.toml"
    path.write_text('week_start = "friday"\n')
    message = cli.fails("config", "set", *argv, code=2)
    assert words in message and argv[0] in message and str(path) in message, message
    assert path.read_text() == 'week_start = "friday"\n'


def test_unset_an_unknown_key(cli, private_env):
    assert "unknown config key 'colour'" in cli.fails("config", "unset", "colour", code=2)


def test_unset_repairs_a_file_with_an_unknown_key(cli, private_env):
    private_env.mkdir()
    path = private_env / "config.toml"
    path.write_text('colour = "red"\nweek_start = "sunday"\n')
    cli.fails("config", "show")
    cli("config", "unset", "colour")
    assert path.read_text() == 'week_start = "sunday"\n'
    assert cli.json("config", "show")["settings"]["week_start"]["value"] == "sunday"


def test_set_fixes_one_key_and_warns_about_another(cli, private_env):
    private_env.mkdir()
    path = private_env / "config.toml"
    path.write_text('week_start = "someday"\ndate_format = "fancy"\n')
    result = cli("config", "set", "week_start", "mon")
    assert "date_format" in result.stderr and str(path) in result.stderr
    assert path.read_text() == 'week_start = "monday"\ndate_format = "fancy"\n'


# ------------------------------------------------------------------ date_format


DUE = {  # "Read DDIA chapter 1", due 2026-11-30; today is 2026-11-22
    "iso": "2026-11-30 (in 8d)",
    "us": "11/30/2026 (in 8d)",
    "eu": "30/11/2026 (in 8d)",
    "long": "30 Nov 2026 (in 8d)",
    "%d.%m.%Y": "30.11.2026 (in 8d)",
}


@pytest.mark.parametrize("fmt", list(DUE))
def test_date_format_is_used_in_human_lists(journal, fmt):
    if fmt != "iso":
        journal("config", "set", "date_format", fmt)
    assert DUE[fmt] in journal("action", "list").stdout


def test_date_format_in_moments_and_the_timeline_but_not_in_json_or_markdown(journal):
    journal("config", "set", "date_format", "long")
    assert "15 Nov 2026 14:00" in journal("meeting", "list").stdout
    assert "15 Nov 2026 14:00" in journal("timeline").stdout
    assert "1 Nov 2026" in journal("timeline").stdout  # a day: no leading zero
    assert journal.json("action", "list")[0]["due"].startswith("2026-")
    markdown = journal("prep", "sam", "--format", "markdown").stdout
    assert "2026-11-15" in markdown and "Nov 2026" not in markdown
    journal("config", "unset", "date_format")
    assert "2026-11-15 14:00" in journal("meeting", "list").stdout


def test_format_day_and_the_accepted_formats(cli, private_env):
    assert format_day("2026-03-05") == "2026-03-05"
    forget()  # format_day remembers the format until the command ends; here there is no command
    assert check_value("date_format", "US") == "us"
    assert check_value("date_format", "%a %d %B %y") == "%a %d %B %y"
    assert check_value("week_start", "Thurs") == "thursday"
    for bad in ("%d %m", "%m %Y", "%d %Y", "%d-%m-%Y %H", "dd/mm/yyyy", ""):
        with pytest.raises(ValueError):
            check_value("date_format", bad)


def test_edited_text_falls_back_to_plain_lines_for_a_multiline_value(tmp_path):
    text = '# c\neditor = """\nvim\n"""\nweek_start = "sunday"\n'
    assert (
        edited_text(text, "editor", "nano", tmp_path) == 'week_start = "sunday"\neditor = "nano"\n'
    )
    assert edited_text("", "editor", "a\tb", tmp_path) == 'editor = "a\\u0009b"\n'


def test_a_symlinked_config_stays_a_symlink(cli, private_env, tmp_path):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "mentorlog.toml").write_text('week_start = "sunday"\n')
    private_env.mkdir()
    (private_env / "config.toml").symlink_to(dotfiles / "mentorlog.toml")
    cli("config", "set", "date_format", "us")
    assert (private_env / "config.toml").is_symlink()
    assert (
        dotfiles / "mentorlog.toml"
    ).read_text() == 'week_start = "sunday"\ndate_format = "us"\n'
    assert _mode(dotfiles / "mentorlog.toml") == 0o600


def test_week_start_applies_to_every_relative_date(cli, journal):
    """'eow' means the same day in --due, due: text, log --next, log --action and the template."""
    cli("config", "set", "week_start", "sunday")  # weeks end on Saturday: 2026-11-28
    cli("action", "add", "inline due:eow")
    cli("action", "add", "flag", "--due", "eow")
    cli("log", "alex", "--notes", "n", "--next", "eow", "--action", "from log due:eow")
    dues = {a["text"]: a["due"] for a in cli.json("action", "list")}
    assert dues["inline"] == dues["flag"] == dues["from log"] == "2026-11-28", dues
    meeting = cli.json("meeting", "list")[0]
    assert cli.json("meeting", "show", str(meeting["id"]))["next_date"] == "2026-11-28"
