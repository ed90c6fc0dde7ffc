"""The one error family: every failure a user can cause is a MentorlogError with an exit code."""

from __future__ import annotations


class MentorlogError(Exception):
    """A failure to report as one `Error: ...` line; exit 1 unless the command line itself was wrong."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageProblem(MentorlogError):
    """The command line itself is wrong (bad value, conflicting flags): exit 2."""

    exit_code = 2


class NotFoundError(MentorlogError):
    """An id or name that matches nothing in the journal."""


class AmbiguousError(MentorlogError):
    """A name prefix that matches more than one record."""


class ConflictError(MentorlogError):
    """The request is valid but the journal's state does not allow it (already done, ended...)."""


class StoreError(MentorlogError):
    """The database cannot be used: missing, unreadable, too new, damaged, read-only or full."""

    cause: str | None = None  # store/sqlite.py's explain_sqlite_error says which, when it knows


class DamagedJournal(StoreError):
    """The file is damaged (or not a database): what `restore --force` is there to replace."""


class NothingRecorded(MentorlogError):
    """The user backed out (untouched template): nothing was written."""
