"""`make bench`: time mentorlog's commands as whole processes at 1k, 10k and 100k records, side by side
with jrnl and Taskwarrior on the same content, and print one table of medians, peak RSS and ratios.

Runs alternate (every command once per round, rotating the order), after a warm-up round.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import generate, write_jrnl, write_taskwarrior

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
BIN = Path(sys.executable).parent
SIZES = (1_000, 10_000, 100_000)


@dataclass
class Command:
    label: str
    argv: list[str]
    env: dict[str, str]
    times: list[float] = field(default_factory=list)
    rss_kib: int = 0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def spread_ms(self) -> float:
        """Interquartile range: how noisy the machine was for this command."""
        q1, _, q3 = statistics.quantiles(self.times, n=4)
        return (q3 - q1) * 1000


def run_once(cmd: Command) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd.argv, env=cmd.env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {cmd.label} failed: {err.strip()[-300:]}")
    return elapsed, usage.ru_maxrss


TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def peak_rss_kib(cmd: Command) -> int:
    """Peak RSS of the command alone. A child forked from this (large) process would report this
    process's high-water mark too, so GNU time, a small C program, does the forking."""
    if TIME is None:
        return run_once(cmd)[1]
    with tempfile.NamedTemporaryFile("r") as out:
        subprocess.run([TIME, "-f", "%M", "-o", out.name, *cmd.argv], env=cmd.env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)  # fmt: skip
        return int(out.read().split()[-1])


def measure(commands: list[Command], rounds: int) -> None:
    for cmd in commands:  # warm-up (caches, pyc files, Taskwarrior's first gc), and peak memory
        run_once(cmd)
        cmd.rss_kib = peak_rss_kib(cmd)
    for index in range(rounds):
        shift = index % len(commands)
        for cmd in commands[shift:] + commands[:shift]:
            cmd.times.append(run_once(cmd)[0])
        print(f"  round {index + 1}/{rounds}", file=sys.stderr, end="\r")
    print(file=sys.stderr)


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTORLOG_")}
    env.update(NO_COLOR="1", COLUMNS="100", TERM="dumb", **extra)
    return env


# ------------------------------------------------------------------ peers


def setup_jrnl(journal, notes: list[str]) -> Path | None:
    """jrnl from PyPI in its own venv under .bench/, with the 10k content."""
    venv = WORK / "jrnl-venv"
    exe = venv / "bin" / "jrnl"
    if not exe.exists():
        try:
            subprocess.run(
                [sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True
            )
            subprocess.run(
                [str(venv / "bin" / "pip"), "install", "-q", "jrnl"],
                check=True,
                capture_output=True,
            )
        except (subprocess.CalledProcessError, OSError) as exc:
            notes.append(f"jrnl skipped: could not install it from PyPI ({exc})")
            return None
    version = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True
    ).stdout.split()[1]
    config = WORK / "jrnl-config" / "jrnl"
    config.mkdir(parents=True, exist_ok=True)
    text = WORK / "jrnl-10k.txt"
    write_jrnl(journal, text)
    (config / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\ndefault_minute: 0\n"
        "editor: ''\nencrypt: false\nhighlight: false\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {text}\nlinewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        f"timeformat: '%F %r'\nversion: {version}\n"
    )
    return exe


def setup_task(journal, notes: list[str]) -> Path | None:
    """Taskwarrior from the system package manager, with the 10k content imported."""
    exe = shutil.which("task")
    if exe is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "taskwarrior"], capture_output=True)
        if shutil.which("task") is None:
            subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "taskwarrior"], capture_output=True)
        exe = shutil.which("task")
    if exe is None:
        notes.append("Taskwarrior skipped: 'task' is not installed and could not be installed here")
        return None
    data = WORK / "task-10k"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    rc = WORK / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nhooks=off\nnews.version=2.6.0\n")
    tasks = WORK / "task-10k.json"
    write_taskwarrior(journal, tasks)
    subprocess.run([exe, "import", str(tasks)], env={**base_env(), "TASKRC": str(rc)},
                   check=True, capture_output=True)  # fmt: skip
    return Path(exe)


# ------------------------------------------------------------------ where time goes


def import_profile(argv: list[str], env: dict[str, str]) -> str:
    """Import time per top-level package (sum of its modules' own time) for one command."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mentorlog", *argv], env=env,
                          capture_output=True, text=True)  # fmt: skip
    by_package: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, _, name = (part.strip() for part in line[len("import time:") :].split("|"))
        if own.isdigit():
            package = name.split(".")[0].lstrip("_")
            by_package[package] = by_package.get(package, 0) + int(own)
    total = sum(by_package.values())
    heavy = sorted(by_package.items(), key=lambda kv: -kv[1])[:6]
    return f"all imports {total / 1000:.0f} ms: " + ", ".join(
        f"{name} {us / 1000:.0f}" for name, us in heavy
    )


IN_PROCESS = """
import contextlib, io, statistics, sys, time
from mentorlog.cli import reads
from mentorlog.cli.session import State
State.db = sys.argv[1]
views = {"prep": lambda: reads.show_prep("Alex", "json"), "review": lambda: reads.show_review("json"),
         "status": lambda: reads.show_status(True), "action list": lambda: reads.show_actions({}, None, None, True)}
cells = []
for name, view in views.items():
    times = []
    for _ in range(15):
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            view()
        times.append(time.perf_counter() - start)
    cells.append(f"{name} {statistics.median(times[3:]) * 1000:.1f}")
print(", ".join(cells))
"""


def in_process(path: Path) -> str:
    """Query and build time of each view without process start-up: what grows with the journal."""
    proc = subprocess.run([sys.executable, "-c", IN_PROCESS, str(path)], env=base_env(MENTORLOG_HOME=str(WORK / "home")),
                          capture_output=True, text=True, check=True)  # fmt: skip
    return proc.stdout.strip()


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--rounds", type=int, default=11, help="timed runs per command (default 11)"
    )
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="journal sizes")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    WORK.mkdir(exist_ok=True)
    mentorlog = str(BIN / "mentorlog")
    notes: list[str] = []
    commands: dict[tuple[str, int], Command] = {}
    peers_journal = None
    for size in sizes:
        path = WORK / f"journal-{size}.db"
        for stale in WORK.glob(f"journal-{size}.db*"):
            stale.unlink()
        started = time.perf_counter()
        journal = generate(path, size)
        took = time.perf_counter() - started
        total = sum(journal.counts.values())
        print(f"generated {total} records in {took:.1f} s -> {path.name}", file=sys.stderr)
        if size == 10_000:
            peers_journal = journal
        env = base_env(MENTORLOG_DB=str(path), MENTORLOG_HOME=str(WORK / "home"))
        for label, argv in (
            ("prep", ["prep", "Alex"]),
            ("review", ["review"]),
            ("status", ["status"]),
            ("action list", ["action", "list"]),
            ("action add", ["action", "add", "benchmark action due:+1w"]),
        ):
            commands[(label, size)] = Command(f"mentorlog {label} @{size}", [mentorlog, *argv], env)
    home_env = base_env(MENTORLOG_HOME=str(WORK / "home"))
    commands[("--help", 0)] = Command("mentorlog --help", [mentorlog, "--help"], home_env)
    commands[("typer --help", 0)] = Command(
        "minimal Typer app --help",
        [sys.executable, str(ROOT / "bench" / "minimal_app.py"), "--help"],
        home_env,
    )
    commands[("python", 0)] = Command("python -c pass", [sys.executable, "-c", "pass"], home_env)
    if peers_journal is not None:
        jrnl = setup_jrnl(peers_journal, notes)
        if jrnl:
            jenv = base_env(
                XDG_CONFIG_HOME=str(WORK / "jrnl-config"), XDG_DATA_HOME=str(WORK / "jrnl-data")
            )
            commands[("jrnl -n 10", 10_000)] = Command(
                "jrnl -n 10 @10000", [str(jrnl), "-n", "10"], jenv
            )
            commands[("jrnl add", 10_000)] = Command(
                "jrnl <new entry> @10000", [str(jrnl), "benchmark entry."], jenv
            )
        task = setup_task(peers_journal, notes)
        if task:
            tenv = base_env(TASKRC=str(WORK / "taskrc"))
            commands[("task next", 10_000)] = Command("task next @10000", [str(task), "next"], tenv)
    else:
        notes.append("peers skipped: they are compared at 10k records, which was not in --sizes")

    measure(list(commands.values()), args.rounds)
    report(commands, sizes, notes, args.rounds)


def report(commands, sizes, notes, rounds) -> None:
    print(
        f"\nmentorlog benchmark: medians of {rounds} alternating runs after a warm-up, whole processes\n"
    )
    print(f"{'command':44} {'median ms':>10} {'IQR ms':>7} {'peak RSS MiB':>13}")
    for cmd in commands.values():
        print(
            f"{cmd.label:44} {cmd.median_ms:10.1f} {cmd.spread_ms:7.1f} {cmd.rss_kib / 1024:13.1f}"
        )
    checks = []

    def ratio(name: str, a, b, limit: float) -> None:
        if a in commands and b in commands:
            value = commands[a].median_ms / commands[b].median_ms
            checks.append((name, value, limit))

    small, big = min(sizes), max(sizes)
    if small != big:
        for label in ("prep", "review", "status", "action list", "action add"):
            ratio(f"flat: {label} @{big} / @{small}", (label, big), (label, small), 1.15)
    for label in ("prep", "status", "action list"):
        ratio(f"{label} @10k / jrnl -n 10", (label, 10_000), ("jrnl -n 10", 10_000), 0.5)
        ratio(f"{label} @10k / task next", (label, 10_000), ("task next", 10_000), 2.0)
    ratio("action add @10k / jrnl add", ("action add", 10_000), ("jrnl add", 10_000), 1.0)
    ratio("mentorlog --help / minimal Typer --help", ("--help", 0), ("typer --help", 0), 1.25)
    ratio("mentorlog --help / python -c pass", ("--help", 0), ("python", 0), float("inf"))
    ratio("action list @10k / python -c pass", ("action list", 10_000), ("python", 0), float("inf"))
    print(f"\n{'ratio':52} {'value':>7} {'target':>8}")
    for name, value, limit in checks:
        verdict = "" if limit == float("inf") else ("ok" if value <= limit else "MISSED")
        target = "" if limit == float("inf") else f"<= {limit:g}"
        print(f"{name:52} {value:7.2f} {target:>8}  {verdict}")
    worst = max(
        (c for c in commands.values() if c.label.startswith("mentorlog")), key=lambda c: c.rss_kib
    )
    print(f"{'peak RSS, largest mentorlog command (' + worst.label + ')':52} {worst.rss_kib / 1024:7.1f} {'<= 64':>8}  "
          f"{'ok' if worst.rss_kib <= 64 * 1024 else 'MISSED'}")  # fmt: skip
    print("\nthe views' own work in one process (queries and building, no start-up), median ms:")
    for size in sizes:
        print(f"  @{size:<7} {in_process(WORK / f'journal-{size}.db')}")
    env = base_env(
        MENTORLOG_DB=str(WORK / f"journal-{max(sizes)}.db"), MENTORLOG_HOME=str(WORK / "home")
    )
    print("\nwhere start-up goes (python -X importtime, own time summed per package, ms):")
    for argv in (
        ["prep", "Alex"],
        ["prep", "Alex", "--json"],
        ["action", "list"],
        ["action", "add", "probe"],
    ):
        print(f"  mentorlog {' '.join(argv[:3]):18} {import_profile(argv, env)}")
    if TIME is None:
        notes.append(
            "GNU time not found: peak RSS includes the benchmark's own memory (forked child)"
        )
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
