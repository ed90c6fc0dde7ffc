"""db path/check/migrate: where the journal is and whether it is healthy."""

from mentorlog.cli.decl import Group

app = Group()  # its help text: GROUPS in cli/registry.py


@app.command("path", epilog="Example: mentorlog db path")
def path() -> None:
    """Print the journal's path (honours --db, MENTORLOG_DB and MENTORLOG_HOME)."""
    from mentorlog.cli.common import State
    from mentorlog.paths import db_path

    print(db_path(State.db))


@app.command("check", epilog="Example: mentorlog db check")
def check() -> None:
    """Run SQLite's integrity and foreign-key checks; exit 1 on damage."""
    from mentorlog.cli.common import State
    from mentorlog.errors import StoreError
    from mentorlog.paths import db_path
    from mentorlog.render.output import say
    from mentorlog.store.health import check_journal

    target = db_path(State.db)
    problems = check_journal(target)
    if problems:
        raise StoreError(f"{target} is damaged: {'; '.join(problems[:5])}. Restore a backup")
    say(f"ok: {target} passed integrity and foreign-key checks.")


@app.command("migrate", epilog="Example: mentorlog db migrate")
def migrate() -> None:
    """Bring the journal to the current schema (done automatically on open; backs up first)."""
    from mentorlog.cli.common import journal
    from mentorlog.render.output import say
    from mentorlog.store.db import HEAD

    say(f"Journal {journal()} is at schema {HEAD}.")
