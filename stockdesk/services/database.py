"""The process's one handle on the database: engine, sessions, transactions."""

from __future__ import annotations

import errno
import logging
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from stockdesk.db import migrate
from stockdesk.db.engine import (
    READ_ONLY,
    is_sqlite,
    is_transient,
    make_engine,
    make_session_factory,
)

log = logging.getLogger("stockdesk.db")
T = TypeVar("T")
RUN_ATTEMPTS = 6  # a transaction refused this many times in a row is reported


class DatabaseReadOnly(PermissionError):
    """The SQLite file, or the folder where SQLite keeps its journal beside it, cannot be
    written (a read-only file, a write-protected USB stick, a read-only share): said at
    once, rather than as "unable to open database file" at the first change."""

    def __init__(self, path: Path):
        super().__init__(errno.EROFS, "the database cannot be written", str(path))


def _refuse_read_only(path: Path) -> None:
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise DatabaseReadOnly(path)


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> Database:
        """Open (creating the file and its folder if needed) and migrate to the current schema."""
        if is_sqlite(url):
            db_path = url.split("///", 1)[-1]
            if db_path and db_path != ":memory:":
                Path(db_path).parent.mkdir(parents=True, exist_ok=True)
                _refuse_read_only(Path(db_path))
        engine = make_engine(url)
        db = cls(url, engine, make_session_factory(engine))
        if upgrade:
            migrate.upgrade(engine)
        return db

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return migrate.sqlite_file(self.engine)

    @property
    def where(self) -> str:
        """Where the data is, to show a person: the file, or the server's URL without its
        password."""
        path = self.sqlite_path
        return str(path) if path is not None else \
            self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls everything back on error.

        On SQLite a writer waits here for the others (see ``db.engine``), so "database is
        locked" does not reach the user.  A ``with`` block cannot be run twice: work that
        PostgreSQL may refuse part-way (deadlock, serialization failure) goes through
        :meth:`run`.
        """
        with self.sessions.begin() as session:
            yield session

    def run(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` as one transaction, run again from its start when the database
        refused it only because of another user's transaction (``is_transient``).

        Each attempt starts from nothing: the refused one was rolled back whole.  Attempts
        are spread by a short random pause, so two writers that collided do not collide
        again in step.
        """
        for attempt in range(1, RUN_ATTEMPTS + 1):
            try:
                with self.transaction() as session:
                    return work(session)
            except DBAPIError as exc:
                if attempt == RUN_ATTEMPTS or not is_transient(exc):
                    raise
                log.info("transaction refused by a concurrent one (%s); running it again",
                         type(exc.orig).__name__)
                time.sleep(random.uniform(0.0, 0.02 * 2 ** attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads: on SQLite it does not wait for a writer to finish."""
        with self.sessions(bind=self.engine.execution_options(**{READ_ONLY: True})) as session:
            yield session

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def close(self) -> None:
        self.engine.dispose()


FACILITY_LOCK = 1  # first key of the PostgreSQL advisory locks StockDesk takes per facility


def lock_facility(s: Session, facility_id: int) -> None:
    """Serialise the writers of one facility's stock until the transaction ends.

    Checking balances and then writing is only safe if nobody writes the same facility in
    between.  SQLite already has one writer at a time (``BEGIN IMMEDIATE``); PostgreSQL
    needs a lock, taken here per facility so that facilities do not wait for each other.
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k, :f)"),
                  {"k": FACILITY_LOCK, "f": facility_id})
