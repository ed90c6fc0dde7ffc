"""Persistence: the schema (SQLModel), the engine and its pragmas, migrations, and the read queries."""
