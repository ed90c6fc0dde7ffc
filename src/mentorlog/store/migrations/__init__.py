"""Alembic scripts: every schema change is a revision here, applied in batch mode."""
