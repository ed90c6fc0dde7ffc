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
    from mentorlog.store.health import check_journal, check_values

    target = db_path(State.db)
    problems = check_journal(target)
    if problems:
        raise StoreError(f"{target} is damaged: {'; '.join(problems[:5])}. Restore a backup")
    values, count = check_values(target)
    if values:
        more = f" (and {count - len(values)} more)" if count > len(values) else ""
        raise StoreError(
            f"{target} passed SQLite's checks but holds {count} value{'s' if count > 1 else ''} "
            f"the commands refuse: {'; '.join(values)}{more}. Edit those records "
            "(or delete them), or restore a backup"
        )
    say(f"ok: {target} passed integrity and foreign-key checks.")


@app.command("migrate", epilog="Example: mentorlog db migrate")
def migrate() -> None:
    """Bring the journal to the current schema (done automatically on open; backs up first)."""
    from mentorlog.cli.common import State, journal
    from mentorlog.errors import StoreError
    from mentorlog.paths import db_path
    from mentorlog.render.output import say
    from mentorlog.store.db import HEAD, schema_revision

    target = db_path(State.db)
    before = schema_revision(target) if target.exists() else None
    path = journal()
    after = schema_revision(path)  # read back from the file, not assumed
    if after != HEAD:
        raise StoreError(f"{path} is at schema {after}, not {HEAD}; restore a backup")
    if before == after:
        say(f"Journal {path} is already at schema {after}; nothing to do.")
    else:
        say(f"Journal {path} migrated from schema {before or 'none'} to {after}.")


@app.command(
    "encrypt",
    epilog="Example: mentorlog db encrypt   (or MENTORLOG_PASSPHRASE=... mentorlog db encrypt)",
)
def encrypt() -> None:
    """Encrypt the journal in place with SQLCipher (needs mentorlog[encrypted]; backs up first).

    The passphrase comes from MENTORLOG_PASSPHRASE, else a prompt (asked twice); a typed one is
    saved in the OS keyring when there is one, so later commands don't ask.
    """
    from mentorlog.cli.common import journal
    from mentorlog.errors import ConflictError
    from mentorlog.render.output import say
    from mentorlog.store import crypto
    from mentorlog.store.db import is_encrypted, timestamped_backup_path

    crypto.driver("encrypting the journal needs SQLCipher")  # the install line, before anything
    target = journal()
    if is_encrypted(target):
        raise ConflictError(f"{target} is already encrypted")
    secret, source = crypto.passphrase(target, confirm=True, fresh=True)
    saved = crypto.encrypted_copy(target, timestamped_backup_path(target, "pre-encrypt"), secret)
    crypto.convert(target, encrypt=True, secret=secret)
    say(f"Encrypted {target}. A copy of the journal as it was is at {saved} (also encrypted).")
    _warn_plain_leftovers(target)
    if source == "prompt":
        if crypto.remember(secret):
            say(
                f"The passphrase is saved in your OS keyring ({crypto.KEYRING_SERVICE}/"
                f"{crypto.KEYRING_USER}); later commands won't ask."
            )
        else:
            say(f"No OS keyring here: set {crypto.ENV} or type the passphrase when asked.")


def _warn_plain_leftovers(target) -> None:
    """Name what still holds the journal's text unencrypted beside it (encrypting can't reach it)."""
    from mentorlog.paths import drafts_dir
    from mentorlog.render.output import say
    from mentorlog.store import crypto

    plain = crypto.plain_copies(target)
    if plain:
        say(
            "Earlier copies beside it still hold the journal UNENCRYPTED: "
            + ", ".join(str(p) for p in plain)
            + ". Delete them (or move them to encrypted storage) once you no longer need them."
        )
    drafts = drafts_dir(target)
    texts = sorted(drafts.glob("*")) if drafts.is_dir() else []
    if texts:
        say(
            f"Unsaved drafts in {drafts} (from 'log -e' or 'review --edit', {len(texts)} "
            "now) are plain text files; delete them once recorded ('mentorlog log --resume' "
            "reopens a meeting draft)."
        )


@app.command("decrypt", epilog="Example: mentorlog db decrypt")
def decrypt() -> None:
    """Turn an encrypted journal back into a plain SQLite file (keeps an encrypted copy first)."""
    from mentorlog.cli.common import journal
    from mentorlog.errors import ConflictError
    from mentorlog.render.output import say
    from mentorlog.store import crypto
    from mentorlog.store.db import backup_to, is_encrypted, timestamped_backup_path

    crypto.driver("decrypting the journal needs SQLCipher")
    target = journal()
    if not is_encrypted(target):
        raise ConflictError(f"{target} is not encrypted")
    secret, _ = crypto.passphrase(target)
    saved = backup_to(target, timestamped_backup_path(target, "pre-decrypt"))
    crypto.convert(target, encrypt=False, secret=secret)
    say(
        f"Decrypted {target}; it is a plain SQLite file now. The encrypted copy is at {saved} "
        "(same passphrase)."
    )
