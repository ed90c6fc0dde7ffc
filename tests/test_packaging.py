"""What a user's installer gets: the license text, the metadata indexes show, no dev-only code."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0 and "hatchling" in result.stderr:
        pytest.skip("hatchling is not installed here (pip builds with it in isolation)")
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("mentorlog-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_carries_the_license_text(wheel):
    (license_file,) = [n for n in wheel.namelist() if n.endswith("licenses/LICENSE")]
    text = wheel.read(license_file).decode()
    assert text.startswith("MIT License") and "WITHOUT WARRANTY" in text


def test_the_metadata_names_license_pythons_and_audience(wheel):
    (meta,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    fields = Parser().parsestr(wheel.read(meta).decode())
    assert fields["License-Expression"] == "MIT"
    classifiers = fields.get_all("Classifier")
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert "Environment :: Console" in classifiers


def test_the_generators_stay_out_of_the_wheel(wheel):
    names = wheel.namelist()
    assert not [n for n in names if n.endswith("codegen.py")]
    assert "mentorlog/cli/grammar.py" in names and "mentorlog/store/tables.py" in names


def test_the_wheel_carries_the_report_template(wheel):
    assert "mentorlog/templates/report.html.j2" in wheel.namelist()


def test_nothing_the_wheel_runs_imports_the_generators():
    found = []
    for path in (ROOT / "src" / "mentorlog").rglob("*.py"):
        if path.name == "codegen.py":
            continue
        for line in path.read_text().splitlines():
            if line.lstrip().startswith(("import ", "from ")) and "codegen" in line:
                found.append(f"{path.name}: {line.strip()}")
    assert found == []
