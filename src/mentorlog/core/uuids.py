"""Name-based UUIDs (uuid5) as text, without importing uuid (~3 ms of start-up): the ids that two
devices must agree on without talking — the win a milestone or goal records, a sync conflict."""

from __future__ import annotations


def uuid5(namespace: str, name: str) -> str:
    """uuid.uuid5(UUID(namespace), name) as text (hashlib loads here: ~1 ms not every command
    needs)."""
    import hashlib

    raw = bytearray(
        hashlib.sha1(bytes.fromhex(namespace.replace("-", "")) + name.encode()).digest()
    )
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw[:16].hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
