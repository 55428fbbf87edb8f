"""A digest of every row of every table, to prove that a refused action wrote nothing."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from stockdesk.db.models import Base
from stockdesk.services.database import Database


def fingerprint(db: Database) -> dict[str, str]:
    """Table name -> SHA-256 of its rows (sorted, so row order on disk does not matter)."""
    out: dict[str, str] = {}
    with db.reading() as s:
        for table in Base.metadata.sorted_tables:
            rows = sorted(repr(tuple(r)) for r in s.execute(select(table)))
            out[table.name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16] \
                + f"/{len(rows)}"
    return out


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(name for name in before.keys() | after.keys()
                  if before.get(name) != after.get(name))
