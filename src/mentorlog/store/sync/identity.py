"""The journal's sync identity: an age X25519 key (pyrage) every device of the journal holds.

Every file that goes into the repository is encrypted to its public half; the secret half lives in
the OS keyring (service "mentorlog-sync", user: the journal's sync id) or in MENTORLOG_SYNC_KEY,
the way for servers and CI where no keyring backend exists. The repository's `key-check` file is
encrypted like a record and names the journal, so a wrong key (or a remote holding another
journal) fails on it before anything is written.
"""

from __future__ import annotations

import json
import os

from mentorlog.errors import MentorlogError, UsageProblem

ENV = "MENTORLOG_SYNC_KEY"
KEYRING_SERVICE = "mentorlog-sync"
PREFIX = "AGE-SECRET-KEY-1"
CHECK_FORMAT = "mentorlog-sync-key-check"


class Identity:
    """The secret key and its public recipient, parsed once."""

    def __init__(self, secret: str) -> None:
        from pyrage import x25519

        secret = secret.strip()
        if not secret.upper().startswith(PREFIX):
            raise UsageProblem(
                f"that is not a sync key: it starts with {PREFIX} (what 'mentorlog sync init' "
                "showed); nothing was changed"
            )
        try:
            self.key = x25519.Identity.from_str(secret.upper())
        except Exception:
            raise UsageProblem(
                "that sync key is damaged (a character is wrong or missing); check it against "
                "what 'mentorlog sync init' showed; nothing was changed"
            ) from None
        self.secret = str(self.key)
        self.recipient = str(self.key.to_public())
        self._public = self.key.to_public()

    @classmethod
    def generate(cls) -> Identity:
        from pyrage import x25519

        return cls(str(x25519.Identity.generate()))

    def encrypt(self, data: bytes) -> bytes:
        import pyrage

        return pyrage.encrypt(data, [self._public])

    def decrypt(self, data: bytes) -> bytes | None:
        """The plaintext, or None when this key does not open it."""
        import pyrage

        try:
            return pyrage.decrypt(data, [self.key])
        except Exception:
            return None

    def key_check(self, journal_id: str) -> bytes:
        return self.encrypt(json.dumps({"format": CHECK_FORMAT, "journal": journal_id}).encode())

    def checked_journal(self, data: bytes) -> str | None:
        """The journal a key-check file names, None when this key can't open it."""
        plain = self.decrypt(data)
        if plain is None:
            return None
        try:
            found = json.loads(plain)
        except ValueError:
            return None
        if not isinstance(found, dict) or found.get("format") != CHECK_FORMAT:
            return None
        journal = found.get("journal")
        return journal if isinstance(journal, str) else None


def from_env() -> Identity | None:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    try:
        return Identity(value)
    except UsageProblem as exc:
        raise UsageProblem(f"{ENV}: {exc.message}") from None


def load(journal_id: str) -> Identity:
    """This journal's key: MENTORLOG_SYNC_KEY, else the OS keyring."""
    found = from_env()
    if found is not None:
        return found
    secret = _keyring_get(journal_id)
    if secret:
        return Identity(secret)
    raise MentorlogError(
        f"no sync key here: set {ENV} to the key 'mentorlog sync init' showed (AGE-SECRET-KEY-1...), "
        f"or save it in the OS keyring (service '{KEYRING_SERVICE}', user '{journal_id}')"
    )


def remember(journal_id: str, identity: Identity) -> None:
    """Keep the key in the OS keyring; a clear error (saying to use MENTORLOG_SYNC_KEY) without one."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, journal_id, identity.secret)
    except Exception as exc:
        if isinstance(exc, ImportError):
            reason = "the keyring package is not installed: pip install 'mentorlog[encrypted]'"
        elif "NoKeyring" in type(exc).__name__:
            reason = "no keyring backend"
        else:
            reason = type(exc).__name__
        raise MentorlogError(
            f"can't keep the sync key in an OS keyring here ({reason}); or set {ENV} to an age "
            "key (AGE-SECRET-KEY-1..., from 'age-keygen' or python3 -c 'from pyrage import x25519; "
            "print(x25519.Identity.generate())') and run the command again; nothing was changed"
        ) from None


def forget(journal_id: str) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, journal_id)
    except Exception:
        pass


def _keyring_get(journal_id: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, journal_id) or None
    except Exception:
        return None
