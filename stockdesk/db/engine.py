"""The engine and session factory, with the SQLite settings a clinic PC needs.

Power cuts are normal, so SQLite runs with ``journal_mode=WAL`` and ``synchronous=FULL``;
several staff share one PC (and district offices share a file), so writers wait for each other
(``busy_timeout``) instead of failing with "database is locked".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from stockdesk.db.models import APPEND_ONLY_TABLES, Base

BUSY_TIMEOUT_MS = 30_000


class AppendOnlyViolation(RuntimeError):
    """Someone tried to change or delete a posted ledger or audit row."""


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    if is_sqlite(url):
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # Writers take the write lock at BEGIN so two of them queue instead of deadlocking on
        # upgrade; readers (``READ_ONLY`` execution option) never wait for a writer in WAL.
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
    return engine


READ_ONLY = "stockdesk_read_only"


def _sqlite_begin(conn: Any) -> None:
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling would BEGIN lazily; we issue BEGIN ourselves.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@event.listens_for(Session, "before_flush")
def _refuse_ledger_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    """The ORM half of append-only: posted rows are never updated or deleted."""
    for obj in list(session.dirty) + list(session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table in APPEND_ONLY_TABLES and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyViolation(
                f"{table} rows are append-only; post a reversal instead of changing them"
            )


__all__ = ["AppendOnlyViolation", "Base", "is_sqlite", "make_engine", "make_session_factory"]
