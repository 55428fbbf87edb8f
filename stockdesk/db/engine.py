"""The engine and session factory, with the SQLite settings a clinic PC needs.

Power cuts are normal, so SQLite runs with ``journal_mode=WAL`` and ``synchronous=FULL``;
several staff share one PC (and district offices share a file), so writers wait for each other
instead of failing with "database is locked": every write transaction starts with ``BEGIN
IMMEDIATE``, which SQLite retries for ``busy_timeout``, and which is itself tried again until
:data:`WRITE_WAIT_S` has passed (a big import by someone else can hold the file longer than
one busy timeout).  :func:`is_transient` says which failures are worth running a whole
transaction again for (``Database.run``).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from stockdesk.db.models import APPEND_ONLY_TABLES, Base

log = logging.getLogger("stockdesk.db")

BUSY_TIMEOUT_MS = 30_000  # SQLite's own wait for a lock, inside one statement
WRITE_WAIT_S = 300.0  # how long a writer waits in all for the others before giving up
# SQLite's primary result codes for "another connection holds the lock"
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
# PostgreSQL asks the client to run the transaction again: serialization failure, deadlock
PG_RETRY_STATES = frozenset({"40001", "40P01"})


class AppendOnlyViolation(RuntimeError):
    """Someone tried to change or delete a posted ledger or audit row."""


def is_transient(exc: BaseException) -> bool:
    """True when the database refused only because of someone else's transaction: the same
    transaction, run again from its start, can succeed (SQLite busy or locked, PostgreSQL
    serialization failure or deadlock).  Nothing of the failed attempt was written."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
        text = str(orig).lower()
        return "database is locked" in text or "database table is locked" in text
    return getattr(orig, "sqlstate", None) in PG_RETRY_STATES


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
    """Start the transaction; a writer takes the write lock now, waiting its turn.

    Retrying here is retrying the whole transaction: nothing has been read or written in it
    yet.  Once ``BEGIN IMMEDIATE`` has succeeded the write lock is held, and in WAL mode no
    later statement or the commit waits for anyone, so nothing after it can be "locked".
    """
    if conn.get_execution_options().get(READ_ONLY, False):
        conn.exec_driver_sql("BEGIN")
        return
    deadline = time.monotonic() + WRITE_WAIT_S
    attempt = 1
    while True:
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DBAPIError as exc:
            if not is_transient(exc) or time.monotonic() >= deadline:
                raise
            log.info("another program is writing to the database; waiting (attempt %d)",
                     attempt)
            attempt += 1


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


__all__ = ["AppendOnlyViolation", "Base", "is_sqlite", "is_transient", "make_engine",
           "make_session_factory"]
