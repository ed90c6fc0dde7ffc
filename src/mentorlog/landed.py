"""What this invocation has changed so far: a journal transaction committed, a file written.

The store never prints; it notes here that something landed, so that a failure after the fact
(stdout full or closed before the confirmation is printed, an interrupt, an internal error) is
reported as "the change was saved", never as "nothing was changed", which would invite a duplicate.
"""

from __future__ import annotations

_count = 0


def note() -> None:
    """Something was durably changed (called after COMMIT, or once a file is fully written)."""
    global _count
    _count += 1


def anything() -> bool:
    return _count > 0


def reset() -> None:
    """A new invocation (many share one process in tests)."""
    global _count
    _count = 0
