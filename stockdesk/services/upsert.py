"""The INSERT ... ON CONFLICT of the database in use.

Both dialects' inserts offer ``on_conflict_do_update``; the PostgreSQL dialect is imported
only on PostgreSQL, where it is loaded anyway, so a clinic's SQLite start does not pay for it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def upsert(s: Session, model: Any) -> Any:
    """``insert(model)`` of the session's dialect, ready for ``on_conflict_do_update``."""
    if is_postgresql(s):
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(model)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(model)


def is_postgresql(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


__all__ = ["is_postgresql", "upsert"]
