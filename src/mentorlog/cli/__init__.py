"""The command line: the only package that imports Typer. Each module is one command group.

The Typer modules leave out `from __future__ import annotations`: Typer would otherwise evaluate
every annotation string at start-up (32 ms against 12 ms for building all commands, measured).
Plain read commands are dispatched without Typer at all by fast.py.
"""
