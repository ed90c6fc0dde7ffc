"""paths.py answers the XDG question itself on Linux (platformdirs costs ~8 ms to import): the
same folders platformdirs gives, for every plain environment, and platformdirs for the rest."""

from __future__ import annotations

import sys

import pytest
from platformdirs import user_config_path, user_data_path

from mentorlog import paths

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the fast answer is for Linux")


@pytest.mark.parametrize(
    "env",
    [
        {"HOME": "/home/pat"},
        {"HOME": "/home/pat/"},
        {"HOME": "/home/pat", "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/conf"},
        {"HOME": "/home/pat", "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": ""},
        {"HOME": "/home/pat", "XDG_DATA_HOME": "relative/dir", "XDG_CONFIG_HOME": "rel"},
        {"HOME": "/", "XDG_DATA_HOME": "/x/y/"},
    ],
)
def test_the_same_folders_platformdirs_gives(monkeypatch, env):
    for name in ("MENTORLOG_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert paths.data_dir() == user_data_path("mentorlog", appauthor=False)
    assert paths.config_path() == user_config_path("mentorlog", appauthor=False) / "config.toml"


def test_a_relative_home_goes_to_platformdirs(monkeypatch):
    monkeypatch.delenv("MENTORLOG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", "not/absolute")
    assert paths._xdg("XDG_DATA_HOME", "/.local/share") is None


def test_status_does_not_import_platformdirs(tmp_path):
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith(("MENTORLOG_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    code = (
        "import sys; sys.argv=['mentorlog','status','--json']\n"
        "from mentorlog.cli.entry import main\n"
        "try: main()\n"
        "except SystemExit: pass\n"
        "assert 'platformdirs' not in sys.modules, 'platformdirs imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
