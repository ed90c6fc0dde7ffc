"""Writes store/tables.py from the SQLModel models, so the sqlite3 runtime never drifts from them.

Run `make schema` after changing store/schema.py; tests/test_store.py fails while the two differ.
Only this module (and migrations, tests) imports SQLModel.
"""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = Path(__file__).with_name("tables.py")
FACTORIES = {"_new_uuid": "uuid", "utcnow": "now"}

HEADER = '''"""The journal's tables as the sqlite3 runtime needs them. GENERATED from store/schema.py by
`make schema` (mentorlog.store.codegen); do not edit. A test fails when this file and the models differ.

Per table: columns in order; which hold days (ISO dates) and moments (UTC datetimes); the value each
column takes when a write leaves it out ("uuid": a new UUID4, "now": the current UTC moment); the
columns a write must give; and the columns stamped with "now" on every update.
"""

'''


def describe() -> dict[str, dict[str, object]]:
    """Each table's columns, kinds and defaults, read off the models and their SQLAlchemy tables."""
    import sqlalchemy as sa
    from pydantic_core import PydanticUndefined

    from mentorlog.store import schema

    tables: dict[str, dict[str, object]] = {}
    for table in schema.SQLModel.metadata.sorted_tables:
        if table.name == "alembic_version":
            continue
        model = next(
            m
            for m in schema.SQLModel.__subclasses__() + schema.Record.__subclasses__()
            if getattr(m, "__tablename__", None) == table.name and hasattr(m, "__table__")
        )
        columns, dates, moments, required, touched = [], [], [], [], []
        defaults: dict[str, object] = {}
        for column in table.columns:
            columns.append(column.name)
            kind = getattr(
                column.type, "impl", column.type
            )  # SQLModel's UTCDateTime wraps DateTime
            if isinstance(kind, sa.DateTime):
                moments.append(column.name)
            elif isinstance(kind, sa.Date):
                dates.append(column.name)
            if column.onupdate is not None:
                touched.append(column.name)
            field = model.model_fields.get(column.name)
            if column.primary_key or field is None:
                continue
            if field.default_factory is not None:
                defaults[column.name] = FACTORIES[field.default_factory.__name__]
            elif field.default is not PydanticUndefined and field.default is not None:
                defaults[column.name] = field.default
            elif field.default is PydanticUndefined and not column.nullable:
                required.append(column.name)
        tables[table.name] = {
            "columns": tuple(columns),
            "dates": tuple(dates),
            "moments": tuple(moments),
            "defaults": defaults,
            "required": tuple(required),
            "touched": tuple(touched),
        }
    return dict(sorted(tables.items()))


def render() -> str:
    lines = [HEADER, "TABLES: dict[str, dict] = {"]
    for name, spec in describe().items():
        lines.append(f"    {name!r}: {{")
        for key, value in spec.items():
            lines.append(f"        {key!r}: {value!r},")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    text = render()
    if "--check" in sys.argv:
        if TARGET.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{TARGET} is out of date; run 'make schema'")
        return
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
