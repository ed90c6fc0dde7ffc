"""sync: one journal on every device, over git, end-to-end encrypted (DESIGN "Sync across devices").

Only these commands import dulwich and pyrage (through store/sync/); `mentorlog sync` alone runs
`sync run`.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

from mentorlog.cli.common import Json, record_id
from mentorlog.cli.decl import Arg, Group, Opt

app = Group(default="run")  # its help text: GROUPS in cli/registry.py

RemoteArg = Annotated[
    str | None,
    Arg(help="Any git URL: ssh, https, file://, or a bare repository's path.", show_default=False),
]
FolderOpt = Annotated[
    Path | None,
    Opt(
        "--folder",
        help="A Syncthing, Dropbox or iCloud folder instead of a git remote (one file per device).",
        metavar="DIR",
    ),
]


class Keep(StrEnum):
    mine = "mine"
    theirs = "theirs"
    both = "both"


def _where(remote: str | None, folder: Path | None) -> tuple[str | None, str | None]:
    from mentorlog.errors import UsageProblem

    if remote and folder:
        raise UsageProblem("give a REMOTE or --folder DIR, not both")
    if not remote and not folder:
        raise UsageProblem("give a REMOTE (a git URL or a bare repository's path) or --folder DIR")
    return remote, str(folder.expanduser().resolve()) if folder else None


NOUN = {"topic": "question", "contribution": "contribution", "introduction": "introduction",
        "checkin": "check-in", "sync_conflict": "sync conflict"}  # fmt: skip


def _kinds(counts: dict[str, int]) -> str:
    from mentorlog.render.output import plural

    return ", ".join(plural(n, NOUN.get(k, k)) for k, n in sorted(counts.items()) if n)


def _told(report) -> None:
    from mentorlog.render.output import plural, say

    out, came = report.went_out, report.came_in
    say(f"Synced with {report.where}.")
    parts = [
        f"{_kinds(out.added)} new" if _kinds(out.added) else "",
        f"{_kinds(out.changed)} changed" if _kinds(out.changed) else "",
        f"{_kinds(out.deleted)} deleted" if _kinds(out.deleted) else "",
    ]
    say("  Out: " + ("; ".join(p for p in parts if p) or "nothing new here"))
    parts = [
        f"{_kinds(came.added)} new" if _kinds(came.added) else "",
        f"{_kinds(came.changed)} changed" if _kinds(came.changed) else "",
        f"{_kinds(came.deleted)} deleted" if _kinds(came.deleted) else "",
    ]
    say("  In: " + ("; ".join(p for p in parts if p) or "nothing new there"))
    for moved in came.renumbered:
        say(
            f"  {NOUN.get(moved.kind, moved.kind)} #{moved.old} from the other device is #{moved.new} here"
        )
    if report.open_conflicts:
        say(f"{plural(report.open_conflicts, 'sync conflict')} — mentorlog sync conflicts")


@app.command("run", epilog="Example: mentorlog sync   (the same as: mentorlog sync run)")
def run() -> None:
    """Sync now: commit what changed here, pull, merge, apply and push (what 'mentorlog sync' does)."""
    from mentorlog.cli.common import journal
    from mentorlog.store.sync import engine

    _told(engine.sync(journal()))


@app.command(
    "init",
    epilog="Example: mentorlog sync init ~/journal.git   (or: mentorlog sync init --folder ~/Sync/mentorlog)",
)
def init(remote: RemoteArg = None, folder: FolderOpt = None) -> None:
    """Start syncing this journal: a new sync key, shown once, and the first push.

    The key comes from MENTORLOG_SYNC_KEY when set (servers, CI); otherwise a new one is made and
    kept in the OS keyring. A bare repository's path that doesn't exist yet is created.
    """
    from mentorlog.cli.common import journal
    from mentorlog.render.output import say
    from mentorlog.store.sync import engine, identity

    remote, where = _where(remote, folder)
    path = journal()
    key = identity.from_env()
    typed = key is None
    if key is None:
        key = identity.Identity.generate()
    report = engine.init(
        path, key, remote, where, keep=(lambda jid: identity.remember(jid, key)) if typed else None
    )
    _told(report)
    if typed:
        say("")
        say("The journal's sync key (kept in your OS keyring; shown only now):")
        say(f"  {key.secret}")
        say(
            "On your other device: mentorlog sync join "
            + (remote or f"--folder {where}")
            + "   (it asks for this key)"
        )


@app.command(
    "join",
    epilog="Example: mentorlog sync join ssh://me@nas/~/journal.git   (paste the key when asked)",
)
def join(remote: RemoteArg = None, folder: FolderOpt = None) -> None:
    """Sync this device's journal with one already syncing: asks for the sync key (or reads it
    from stdin, or MENTORLOG_SYNC_KEY), checks it, then pulls everything in.

    Records already in this journal are kept and go out to the others.
    """
    from mentorlog.cli.common import journal
    from mentorlog.store.sync import engine, identity

    remote, where = _where(remote, folder)
    path = journal()
    key = identity.from_env()
    typed = key is None
    if key is None:
        key = identity.Identity(_ask_key())
    _told(
        engine.join(
            path,
            key,
            remote,
            where,
            keep=(lambda jid: identity.remember(jid, key)) if typed else None,
        )
    )


def _ask_key() -> str:
    import sys

    from mentorlog.errors import UsageProblem

    if sys.stdin.isatty():
        import getpass

        typed = getpass.getpass("The sync key (AGE-SECRET-KEY-1..., from 'sync init'): ")
    else:
        typed = sys.stdin.readline()
    if not typed.strip():
        raise UsageProblem(
            "no sync key given: paste the key 'mentorlog sync init' showed, pipe it in, or set "
            "MENTORLOG_SYNC_KEY; nothing was changed"
        )
    return typed


@app.command("status", epilog="Example: mentorlog sync status --json")
def status(json_: Json = False) -> None:
    """Where this journal syncs, when it last did, what waits to go out, open conflicts."""
    from mentorlog.cli.common import journal
    from mentorlog.render.output import plural, print_json, say
    from mentorlog.store.sync import engine

    found = engine.status(journal())
    if json_:
        print_json(found)
        return
    say(f"Syncs with {found['remote'] or 'the folder ' + str(found['folder'])}.")
    say(f"Last sync: {found['last_sync'] or 'never'}.")
    waiting = found["waiting"]
    labels = {"added": "new", "changed": "changed", "deleted": "deleted"}
    parts = [f"{_kinds(waiting[how])} {label}" for how, label in labels.items() if waiting[how]]
    unpushed = " (the last sync is not pushed yet)" if found["unpushed"] else ""
    say(f"Waiting to go out: {'; '.join(parts) or 'nothing'}{unpushed}.")
    if found["conflicts"]:
        say(f"{plural(found['conflicts'], 'sync conflict')} — mentorlog sync conflicts")


@app.command("conflicts", epilog="Example: mentorlog sync conflicts --json")
def conflicts(
    json_: Json = False,
    all_: Annotated[bool, Opt("--all", "-a", help="Settled ones too.")] = False,
) -> None:
    """List the open sync conflicts: what two devices disagreed on, mine and theirs."""
    from mentorlog.cli.common import journal
    from mentorlog.render.output import print_json, say
    from mentorlog.store.sync import engine

    found = engine.conflicts(journal(), every=all_)
    if json_:
        print_json(found)
        return
    if not found:
        say("No sync conflicts.")
        return
    for c in found:
        record = c["record"]
        handle = (
            f"{NOUN.get(record['kind'], record['kind'])} #{record['id']}"
            if record["id"]
            else f"{record['kind']} (deleted)"
        )
        head = f"#{c['id']} {c['kind']}: {handle}"
        if c["field"]:
            head += f" {c['field'].replace(',', ', ')}"
        if c["status"] != "open":
            head += f" (settled: {c['resolution']})"
        say(head)
        say(f"    mine:   {_shown(c['mine'])}")
        say(f"    theirs: {_shown(c['theirs'])}")
    say("Settle one with: mentorlog sync resolve ID --keep mine|theirs|both")


def _shown(value) -> str:
    if isinstance(value, list):
        return " | ".join("—" if v is None else str(v) for v in value)
    text = "—" if value is None else str(value)
    return text.replace("\n", " ⏎ ")


@app.command("resolve", epilog="Example: mentorlog sync resolve 3 --keep theirs")
def resolve(
    conflict_id: Annotated[
        int, Arg(parser=record_id, help="The conflict's id (sync conflicts lists them).")
    ],
    keep: Annotated[
        Keep | None,
        Opt(
            "--keep",
            help="mine (this device's value), theirs (the other's) or both (two texts, two "
            "mentors, or the record kept).",
        ),
    ] = None,
) -> None:
    """Settle a sync conflict; the choice syncs to the other devices."""
    from mentorlog.cli.common import journal
    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import say
    from mentorlog.store.sync import engine

    if keep is None:
        raise UsageProblem("say which to keep: --keep mine, --keep theirs or --keep both")
    done = engine.resolve(journal(), conflict_id, keep.value)
    say(f"Settled sync conflict #{conflict_id}: {done['done']}.")


@app.command("leave", epilog="Example: mentorlog sync leave")
def leave() -> None:
    """Stop syncing this journal here (its records stay; the remote is left as it is)."""
    from mentorlog.cli.common import journal
    from mentorlog.render.output import say
    from mentorlog.store.sync import engine, identity

    state = engine.leave(journal())
    if not identity.from_env():
        identity.forget(state.journal_id)
    say(f"This journal no longer syncs with {state.where}; its records stay here.")
