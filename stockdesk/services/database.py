"""The process's one handle on the database: engine, sessions, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from stockdesk.db import migrate
from stockdesk.db.engine import READ_ONLY, is_sqlite, make_engine, make_session_factory


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

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls everything back on error."""
        with self.sessions.begin() as session:
            yield session

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
