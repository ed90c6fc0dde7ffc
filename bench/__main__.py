"""`make bench`: time mentorlog's commands as whole processes at 1k, 10k and 100k records, side by side
with jrnl and Taskwarrior holding the same content, and check the ratios against issue 9's targets.

Runs alternate (every command once per round, rotating the order), after a warm-up round. Every process
writes to pipes that the benchmark reads to the end, the same output device for mentorlog and its peers.
The writes run on a copy of each journal (and of Taskwarrior's data), so the views read the same journal
in every round however many meetings, actions and questions the writes have added.
"""

from __future__ import annotations

import argparse
import os
import selectors
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import add_open_actions, generate, write_jrnl, write_taskwarrior

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
BIN = Path(sys.executable).parent
SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
PEERS_SIZE = 10_000  # the peers hold the same content as this journal
EXTRA_RUNS = 2  # besides the timed rounds, each command runs once to warm up and once for peak RSS
SEARCH_WORD = "latency"  # one of bench.generate.WORDS
VIEWS = ("prep", "status", "action list", "review", "review --month", "search", "timeline", "brag")
WRITES = ("action add", "ask", "action done", "log")
# Commands that read the whole journal by nature: linear is their target, measured at 10k and 50k.
WHOLE_SIZES = (10_000, 50_000)
WHOLE_ROUNDS = 3
WHOLE = (
    "action list --all",
    "export markdown",
    "search 150-word phrase",
    "search 1200-word phrase",
)


def whole_argv() -> dict[str, list[str]]:
    import random

    from bench.generate import WORDS

    rng = random.Random(9)
    phrase = {n: " ".join(rng.choice(WORDS) for _ in range(n)) for n in (150, 1200)}
    return {
        "action list --all": ["action", "list", "--all"],
        "export markdown": ["export", "--format", "markdown"],
        "search 150-word phrase": ["search", f'"{phrase[150]}"'],
        "search 1200-word phrase": ["search", f'"{phrase[1200]}"'],
    }


def view_argv(mentor: str) -> dict[str, list[str]]:
    return {
        "prep": ["prep", mentor],
        "status": ["status"],
        "action list": ["action", "list"],
        "review": ["review"],
        "review --month": ["review", "--month"],  # issue 21: with its calendar
        "search": ["search", SEARCH_WORD],
        # The same period at every size: the 1k journal holds 83 days, less than timeline's default
        # 90 days and brag's 6 months, which would compare 83 days of records with 90 or 180.
        "timeline": ["timeline", "--since", "-2m"],
        "brag": ["brag", "--since", "-2m"],
    }


def write_argv(mentor: str, action_id: int = 0) -> dict[str, list[str]]:
    """The writes' arguments; `action done` needs an action still open, a different one each run."""
    return {
        # the same text every run: add refuses a repeat within a minute without --force
        "action add": ["action", "add", "benchmark action due:+1w", "--force"],
        "ask": ["ask", "benchmark question?", "--mentor", mentor],
        "action done": ["action", "done", str(action_id), "--result", "benchmark"],
        "log": [
            *("log", mentor, "--notes", "benchmark meeting"),
            *("--action", "benchmark follow-up due:+1w"),
            "--force",  # the same meeting every run: log refuses a repeat without it
        ],
    }


@dataclass
class Command:
    label: str
    argv: list[str] | Callable[[], list[str]]  # a callable gives a fresh argv for every run
    env: dict[str, str]
    times: list[float] = field(default_factory=list)
    rss_kib: int = 0

    def next_argv(self) -> list[str]:
        return self.argv() if callable(self.argv) else self.argv

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def spread_ms(self) -> float:
        """Interquartile range: how noisy the machine was for this command."""
        q1, _, q3 = statistics.quantiles(self.times, n=4)
        return (q3 - q1) * 1000


def drain(proc: subprocess.Popen) -> bytes:
    """Read the child's stdout and stderr to the end, as the reader of a shell pipe would; returns stderr."""
    err = bytearray()
    with selectors.DefaultSelector() as selector:
        for pipe in (proc.stdout, proc.stderr):
            selector.register(pipe, selectors.EVENT_READ)
        while selector.get_map():
            for key, _ in selector.select():
                chunk = os.read(key.fd, 1 << 16)
                if not chunk:
                    selector.unregister(key.fileobj)
                    key.fileobj.close()
                elif key.fileobj is proc.stderr:
                    err += chunk
    return bytes(err)


def run_once(cmd: Command) -> tuple[float, int]:
    argv = cmd.next_argv()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=cmd.env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    err = drain(proc)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip()[-300:]
        raise SystemExit(f"bench: {cmd.label} failed ({' '.join(argv[1:])}): {tail}")
    return elapsed, usage.ru_maxrss


TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def peak_rss_kib(cmd: Command) -> int:
    """Peak RSS of the command alone. A child forked from this (large) process would report this
    process's high-water mark too, so GNU time, a small C program, does the forking."""
    if TIME is None:
        return run_once(cmd)[1]
    argv = cmd.next_argv()
    with tempfile.NamedTemporaryFile("r") as out:
        proc = subprocess.run([TIME, "-f", "%M", "-o", out.name, *argv], env=cmd.env,
                              stdin=subprocess.DEVNULL, capture_output=True)  # fmt: skip
        if proc.returncode != 0:
            tail = proc.stderr.decode(errors="replace").strip()[-300:]
            raise SystemExit(f"bench: {cmd.label} failed ({' '.join(argv[1:])}): {tail}")
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
    """The user's environment, minus our settings and PYTHONDONTWRITEBYTECODE: a user's install has
    .pyc files, so every timed Python (ours and the peers') may write them during the warm-up."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("MENTORLOG_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(NO_COLOR="1", COLUMNS="100", TERM="dumb", **extra)
    return env


def kilo(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


# ------------------------------------------------------------------ mentorlog


def copy_journal(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (it keeps the WAL mode)."""
    for stale in target.parent.glob(f"{target.name}*"):
        stale.unlink()
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def one_each(ids: list[int], make: Callable[[int], list[str]]) -> Callable[[], list[str]]:
    """An argv factory that hands out the ids one per run."""
    pending = iter(ids)

    def argv() -> list[str]:
        record = next(pending, None)
        if record is None:
            raise SystemExit(f"bench: all {len(ids)} prepared records were used up")
        return make(record)

    return argv


def mentorlog_commands(size: int, rounds: int, mentor: str, search: bool) -> dict[str, Command]:
    """Every measured mentorlog command at one journal size, by name."""
    reads, writes = WORK / f"journal-{size}.db", WORK / f"journal-{size}-writes.db"
    copy_journal(reads, writes)
    done_ids = add_open_actions(writes, rounds + EXTRA_RUNS)
    exe = str(BIN / "mentorlog")
    home = str(WORK / "home")
    read_env = base_env(MENTORLOG_DB=str(reads), MENTORLOG_HOME=home)
    write_env = base_env(MENTORLOG_DB=str(writes), MENTORLOG_HOME=home)
    commands = {}
    for name, argv in view_argv(mentor).items():
        if name == "search" and not search:
            continue
        commands[f"{name} --json"] = Command(
            f"mentorlog {name} --json @{size}", [exe, *argv, "--json"], read_env
        )
        commands[name] = Command(f"mentorlog {name} @{size}", [exe, *argv], read_env)
    # issue 21: the HTML report of the default period (6 months), rewritten each run
    report_file = WORK / f"report-{size}.html"
    commands["report --html"] = Command(
        f"mentorlog report --html @{size}",
        [exe, "report", "--html", "-o", str(report_file), "--force"],
        read_env,
    )
    for name, argv in write_argv(mentor).items():
        if name == "action done":
            argv = one_each(done_ids, lambda i: [exe, *write_argv(mentor, i)["action done"]])
        else:
            argv = [exe, *argv]
        commands[name] = Command(f"mentorlog {name} @{size}", argv, write_env)
    return commands


def search_exists() -> bool:
    """`search` is still being written: measure it once `mentorlog search --help` works."""
    proc = subprocess.run([str(BIN / "mentorlog"), "search", "--help"], capture_output=True,
                          env=base_env(MENTORLOG_HOME=str(WORK / "home")))  # fmt: skip
    return proc.returncode == 0


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
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "jrnl"], check=True,
                           capture_output=True)  # fmt: skip
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
    """Taskwarrior from the system package manager, with the 10k content imported: once for `task next`
    (taskrc) and a copy for `task add` (taskrc-writes)."""
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
    tasks = WORK / "task-10k.json"
    write_taskwarrior(journal, tasks)
    for rc, location in (("taskrc", data), ("taskrc-writes", WORK / "task-10k-writes")):
        (WORK / rc).write_text(
            f"data.location={location}\nconfirmation=off\nhooks=off\nnews.version=2.6.0\n"
        )
    subprocess.run([exe, "import", str(tasks)], env=base_env(TASKRC=str(WORK / "taskrc")),
                   check=True, capture_output=True)  # fmt: skip
    shutil.rmtree(WORK / "task-10k-writes", ignore_errors=True)
    shutil.copytree(data, WORK / "task-10k-writes")
    return Path(exe)


def peer_commands(journal, notes: list[str]) -> dict[tuple[str, int], Command]:
    commands = {}
    jrnl = setup_jrnl(journal, notes)
    if jrnl:
        env = base_env(
            XDG_CONFIG_HOME=str(WORK / "jrnl-config"), XDG_DATA_HOME=str(WORK / "jrnl-data")
        )
        commands[("jrnl add", PEERS_SIZE)] = Command(
            f"jrnl <new entry> @{PEERS_SIZE}", [str(jrnl), "benchmark entry."], env
        )
        commands[("jrnl -n 10", PEERS_SIZE)] = Command(
            f"jrnl -n 10 @{PEERS_SIZE}", [str(jrnl), "-n", "10"], env
        )
    task = setup_task(journal, notes)
    if task:
        commands[("task add", PEERS_SIZE)] = Command(
            f"task add @{PEERS_SIZE}",
            [str(task), "add", "benchmark action", "due:eow"],
            base_env(TASKRC=str(WORK / "taskrc-writes")),
        )
        commands[("task next", PEERS_SIZE)] = Command(
            f"task next @{PEERS_SIZE}", [str(task), "next"], base_env(TASKRC=str(WORK / "taskrc"))
        )
        commands[("task list", PEERS_SIZE)] = Command(
            f"task list @{PEERS_SIZE}", [str(task), "list"], base_env(TASKRC=str(WORK / "taskrc"))
        )
    return commands


# ------------------------------------------------------------------ where time goes


def import_profile(argv: list[str], env: dict[str, str]) -> str:
    """Import time per top-level package (sum of its modules' own time) for one command."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mentorlog", *argv], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)  # fmt: skip
    if proc.returncode != 0:
        return f"failed: {proc.stderr.strip().splitlines()[-1:]}"
    by_package: dict[str, int] = {}
    modules: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, _, name = (part.strip() for part in line[len("import time:") :].split("|"))
        if own.isdigit():
            package = name.split(".")[0].lstrip("_")
            by_package[package] = by_package.get(package, 0) + int(own)
            modules[name] = int(own)
    total = sum(by_package.values())
    heavy = sorted(by_package.items(), key=lambda kv: -kv[1])[:6]
    worst = max(modules.items(), key=lambda kv: kv[1], default=("-", 0))
    return (
        f"all imports {total / 1000:.0f} ms: "
        + ", ".join(f"{name} {us / 1000:.0f}" for name, us in heavy)
        + f"; heaviest module {worst[0]} {worst[1] / 1000:.1f} ms"
    )


IN_PROCESS = """
import contextlib, io, statistics, sys, time
from mentorlog.cli import explore, reads
from mentorlog.cli.session import State
State.db, mentor, word = sys.argv[1:4]
from mentorlog.core.clock import today
from mentorlog.core.dates import shift
since = shift(today(), -2, "m")
views = {"prep": lambda: reads.show_prep(mentor, "json"), "review": lambda: reads.show_review("json"),
         "status": lambda: reads.show_status(True), "action list": lambda: reads.show_actions({}, None, None, True),
         "search": lambda: explore.search(word, json=True), "timeline": lambda: explore.timeline(since=since, json=True),
         "brag": lambda: explore.brag(since=since, json=True)}
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


def in_process(path: Path, mentor: str) -> str:
    """Query and build time of each view without process start-up: what grows with the journal."""
    proc = subprocess.run([sys.executable, "-c", IN_PROCESS, str(path), mentor, SEARCH_WORD], capture_output=True,
                          env=base_env(MENTORLOG_HOME=str(WORK / "home")), text=True)  # fmt: skip
    return proc.stdout.strip() if proc.returncode == 0 else f"failed: {proc.stderr.strip()[-200:]}"


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--rounds", type=int, help="timed runs per command (default 11, --quick 5)")
    parser.add_argument(
        "--sizes", help="journal sizes (default 1000,10000,100000, --quick 1000,10000)"
    )
    parser.add_argument("--quick", action="store_true", help="a fast look: 5 rounds at 1k and 10k")
    parser.add_argument(
        "--no-whole", action="store_true", help="skip the whole-journal commands at 10k and 50k"
    )
    parser.add_argument(
        "--no-sync", action="store_true", help="skip the sync row (issue 20; needs git)"
    )
    args = parser.parse_args()
    rounds = args.rounds or (5 if args.quick else 11)
    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else [*(QUICK_SIZES if args.quick else SIZES)]
    )
    WORK.mkdir(exist_ok=True)
    notes: list[str] = []
    search = search_exists()
    if not search:
        notes.append("search rows pending: `mentorlog search --help` does not exit 0 yet")
    commands: dict[tuple[str, int], Command] = {}
    peers_journal = mentor = None
    for size in sizes:
        path = WORK / f"journal-{size}.db"
        for stale in WORK.glob(f"journal-{size}.db*"):
            stale.unlink()
        started = time.perf_counter()
        journal = generate(path, size)
        took = time.perf_counter() - started
        total = sum(journal.counts.values())
        print(f"generated {total} records in {took:.1f} s -> {path.name}", file=sys.stderr)
        if size == PEERS_SIZE:
            peers_journal = journal
        mentor = journal.mentors[0].split()[0]  # an active mentor, by first name as a user types it
        for name, cmd in mentorlog_commands(size, rounds, mentor, search).items():
            commands[(name, size)] = cmd
    home_env = base_env(MENTORLOG_HOME=str(WORK / "home"))
    commands[("--help", 0)] = Command(
        "mentorlog --help", [str(BIN / "mentorlog"), "--help"], home_env
    )
    commands[("typer --help", 0)] = Command(
        "minimal Typer app --help",
        [sys.executable, str(ROOT / "bench" / "minimal_app.py"), "--help"],
        home_env,
    )
    commands[("python", 0)] = Command("python -c pass", [sys.executable, "-c", "pass"], home_env)
    if peers_journal is not None:
        commands.update(peer_commands(peers_journal, notes))
    else:
        notes.append(
            f"peers skipped: they are compared at {PEERS_SIZE} records, which was not in --sizes"
        )

    if not args.no_whole:
        whole = whole_commands(sizes)
        measure(list(whole.values()), WHOLE_ROUNDS)
        commands.update(whole)
    measure([c for (n, _), c in commands.items() if n not in WHOLE], rounds)
    report(commands, sizes, notes, rounds, mentor, search)
    if not args.no_sync:
        sync_row(sizes)


def sync_row(sizes: list[int]) -> None:
    """Issue 20: `mentorlog sync` of a 10k journal against `git push` of as many plain files."""
    from bench import sync

    path = WORK / f"journal-{PEERS_SIZE}.db"
    if PEERS_SIZE not in sizes:
        sync.report(None, PEERS_SIZE, f"it runs on the {kilo(PEERS_SIZE)} journal, not in --sizes")
        return
    try:
        found = sync.measure(path, WORK, base_env(), BIN)
    except RuntimeError as exc:
        sync.report(None, PEERS_SIZE, str(exc))
        return
    sync.report(found, PEERS_SIZE)


def whole_commands(sizes: list[int]) -> dict[tuple[str, int], Command]:
    """WHOLE at each of WHOLE_SIZES, on the journals of `sizes` or ones generated for them."""
    commands = {}
    for size in WHOLE_SIZES:
        path = WORK / f"journal-{size}.db"
        if size not in sizes:
            for stale in WORK.glob(f"journal-{size}.db*"):
                stale.unlink()
            generate(path, size)
        env = base_env(MENTORLOG_DB=str(path), MENTORLOG_HOME=str(WORK / "home"))
        for name, argv in whole_argv().items():
            commands[(name, size)] = Command(
                f"mentorlog {name} @{kilo(size)}", [str(BIN / "mentorlog"), *argv], env
            )
    return commands


# ------------------------------------------------------------------ report


@dataclass
class Target:
    name: str
    value: float | None  # None: not measured, `missing` says why
    target: float
    moonshot: float
    unit: str = ""
    missing: str = "n/a"


def targets(commands, sizes: list[int], search: bool) -> list[tuple[str, list[Target]]]:
    """Issue 9's table, row by row."""

    def ratio(name: str, a, b, target: float, moonshot: float) -> Target:
        value = (
            commands[a].median_ms / commands[b].median_ms
            if a in commands and b in commands
            else None
        )
        pending = a[0].startswith("search") and not search
        return Target(name, value, target, moonshot, missing="pending" if pending else "n/a")

    def versus(names, peer: str, key: str, target: float, moonshot: float) -> list[Target]:
        at = PEERS_SIZE
        return [
            ratio(f"{n} @{kilo(at)} / {peer}", (n, at), (key, at), target, moonshot) for n in names
        ]

    views_json, views_human = [f"{v} --json" for v in VIEWS], list(VIEWS)
    groups = [
        ("writes / jrnl adding an entry", versus(WRITES, "jrnl <new entry>", "jrnl add", 0.3, 0.1)),
        ("writes / task add", versus(WRITES, "task add", "task add", 5, 2)),
        ("views --json / task next", versus(views_json, "task next", "task next", 1.5, 1.0)),
        (
            "views, human output to a pipe / task next",
            versus(views_human, "task next", "task next", 3.0, 2.0),
        ),
    ]
    small, big = min(sizes), max(sizes)
    names = [name for view in VIEWS for name in (f"{view} --json", view)] + list(WRITES)
    flat = [
        ratio(f"{n} @{kilo(big)} / @{kilo(small)}", (n, big), (n, small), 1.15, 1.05) for n in names
    ]
    groups.append(("flatness: largest journal / smallest", flat if small != big else []))
    worst = max(
        (c for (n, size), c in commands.items() if size == big and n in names),
        key=lambda c: c.rss_kib,
    )
    name = f"peak RSS @{kilo(big)}, largest: {worst.label.removeprefix('mentorlog ')}"
    rss = Target(name, worst.rss_kib / 1024, 40, 30, unit=" MiB")
    groups.append(("peak memory", [rss]))
    small_w, big_w = WHOLE_SIZES
    growth = big_w / small_w
    whole = [
        ratio(
            f"{n} @{kilo(big_w)} / @{kilo(small_w)}", (n, big_w), (n, small_w), growth, growth * 0.6
        )
        for n in WHOLE
    ]
    groups.append((f"whole-journal commands: linear at most (x{growth:g} the records)", whole))
    at = PEERS_SIZE
    groups.append(
        (
            "issue 19: the daily views",
            [
                ratio(
                    f"prep @{kilo(at)} / jrnl -n 10", ("prep", at), ("jrnl -n 10", at), 0.25, 0.15
                ),
                ratio(
                    f"action list @{kilo(at)} / task list",
                    ("action list", at),
                    ("task list", at),
                    3.0,
                    2.0,
                ),
                ratio(
                    f"action add @{kilo(at)} / task add",
                    ("action add", at),
                    ("task add", at),
                    5.0,
                    2.0,
                ),
                Target(
                    f"prep @{kilo(at)}: its length",
                    screen_lines(commands.get(("prep", at))),
                    60,
                    40,
                    unit=" lines",
                ),
            ],
        )
    )
    page = ("report --html", at)
    groups.append(
        (
            "issue 21: pictures (review --month and status: see the human views above)",
            [
                Target(
                    f"report --html @{kilo(at)}, ms",
                    commands[page].median_ms if page in commands else None,
                    1000,
                    300,
                    unit=" ms",
                )
            ],
        )
    )
    help_row = ratio(
        "mentorlog --help / minimal Typer --help", ("--help", 0), ("typer --help", 0), 1.0, 0.8
    )
    groups.append(("start-up", [help_row]))
    return groups


def screen_lines(prep: Command | None) -> float | None:
    """How long the timed prep is, at 80 columns (issue 19: an agenda fits 60 lines)."""
    if prep is None or callable(prep.argv):
        return None
    proc = subprocess.run(prep.argv, env={**prep.env, "COLUMNS": "80"}, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL)  # fmt: skip
    return float(len(proc.stdout.splitlines())) if proc.returncode == 0 else None


def held_back(commands, row: Target) -> str | None:
    """For a missed row: where its mentorlog command's start-up goes (the heaviest imports, by
    package and the single heaviest module, from -X importtime)."""
    name = row.name.split(" @")[0]
    found = next(
        (c for (n, _), c in commands.items() if n == name and c.label.startswith("mentorlog")),
        None,
    )
    if found is None or callable(found.argv):
        return None
    return import_profile(found.argv[1:], found.env)


def report(commands, sizes, notes, rounds, mentor, search) -> None:
    print(
        f"\nmentorlog benchmark: medians of {rounds} alternating runs after a warm-up, whole processes,"
    )
    print("stdout and stderr to pipes the benchmark reads\n")
    print(f"{'command':44} {'median ms':>10} {'IQR ms':>7} {'peak RSS MiB':>13}")
    for cmd in commands.values():
        print(
            f"{cmd.label:44} {cmd.median_ms:10.1f} {cmd.spread_ms:7.1f} {cmd.rss_kib / 1024:13.1f}"
        )

    met = missed = moonshots = 0
    print(f"\n{'issue 9':46} {'value':>8} {'target':>10} {'':6} {'moonshot':>10}")
    for title, rows in targets(commands, sizes, search):
        print(f"{title}:")
        for row in rows:
            target, moonshot = f"<= {row.target:g}{row.unit}", f"<= {row.moonshot:g}{row.unit}"
            if row.value is None:
                print(f"  {row.name:44} {row.missing:>8} {target:>10} {'':6} {moonshot:>10}")
                continue
            ok = row.value <= row.target
            met, missed = met + ok, missed + (not ok)
            moonshots += row.value <= row.moonshot
            verdict, hit = ("ok" if ok else "MISSED"), ("met" if row.value <= row.moonshot else "")
            value = f"{row.value:.1f}" if row.unit else f"{row.value:.3f}"
            print(f"  {row.name:44} {value:>8} {target:>10} {verdict:6} {moonshot:>10} {hit}")
            if not ok and (held := held_back(commands, row)):
                print(f"    held back by: {held}")
    print(
        f"\n{met} of {met + missed} measured targets ok, {missed} MISSED; {moonshots} moonshots met"
    )
    if max(sizes) != 100_000 or min(sizes) != 1_000:
        notes.append(
            "issue 9's flatness and memory targets are for 100k and 1k journals; these sizes differ"
        )

    print("\nthe views' own work in one process (queries and building, no start-up), median ms:")
    for size in sizes:
        print(f"  @{size:<7} {in_process(WORK / f'journal-{size}.db', mentor)}")
    big = max(sizes)
    print(
        f"\nwhere start-up goes @{kilo(big)} (python -X importtime, own time summed per package, ms):"
    )
    home = str(WORK / "home")
    read_env = base_env(MENTORLOG_DB=str(WORK / f"journal-{big}.db"), MENTORLOG_HOME=home)
    write_env = base_env(MENTORLOG_DB=str(WORK / f"journal-{big}-writes.db"), MENTORLOG_HOME=home)
    writes, prep = write_argv(mentor), view_argv(mentor)["prep"]
    for name, argv, env in (
        ("action add", writes["action add"], write_env),
        ("log", writes["log"], write_env),
        ("prep --json", [*prep, "--json"], read_env),
        ("prep", prep, read_env),
    ):
        print(f"  mentorlog {name:12} {import_profile(argv, env)}")
    if TIME is None:
        notes.append(
            "GNU time not found: peak RSS includes the benchmark's own memory (forked child)"
        )
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
