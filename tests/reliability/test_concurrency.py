"""Several people saving at once: every movement arrives, balances stay right, and nobody is
told "database is locked".

Two processes on one SQLite file (a shared clinic PC, or a file on a share), five on one
PostgreSQL server (a district office), each posting through ``LedgerService`` as the window
does: alternately a receipt and an issue of the same lot, each its own transaction.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from stockdesk import cli
from stockdesk.db import engine as engine_module
from stockdesk.db.models import Movement
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database, lock_facility
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.ui.errors import known_failure
from tests.reliability._harness import (
    CONC_FACILITY,
    CONC_LOT,
    CONC_PRODUCT,
    check_contention,
    concurrent_posts,
    prepare_concurrency,
    sqlite_url,
)

from ..conftest import _pg_database

PG_WRITERS, PG_POSTS = 5, 200  # 1,000 movements; `python -m benchmarks reliability`: 5 × 1,000


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from _pg_database()


def test_two_processes_post_a_thousand_movements_each_into_one_sqlite_file(
        tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "shared.sqlite3")
    prepare_concurrency(url)
    result = concurrent_posts(url, writers=2, per_writer=1000)
    assert result.errors == []  # "database is locked" would be here
    assert result.posted == 2000
    assert check_contention(url, result) == []
    print(f"sqlite, 2 writers: {result.per_second:.0f} movements/s")


@pytest.mark.postgres
def test_five_processes_post_at_once_into_one_postgresql_database(pg_url: str) -> None:
    prepare_concurrency(pg_url)
    result = concurrent_posts(pg_url, writers=PG_WRITERS, per_writer=PG_POSTS)
    assert result.errors == []
    assert result.posted == PG_WRITERS * PG_POSTS
    assert check_contention(pg_url, result) == []
    print(f"postgresql, {PG_WRITERS} writers: {result.per_second:.0f} movements/s")


# -- what the waiting does, on one machine, without waiting for real --------------------------


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Database, Path]]:
    """A database whose writers give up on a lock after 50 ms instead of 30 s."""
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "shared.sqlite3"
    prepare_concurrency(sqlite_url(path))
    db = Database.open(sqlite_url(path))
    yield db, path
    db.close()


def _holder(path: Path) -> sqlite3.Connection:
    """Another program in the middle of a long write: it holds the write lock."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def _receive(db: Database, reference: str) -> None:
    LedgerService(db, SETUP_ACTOR).receive(
        CONC_FACILITY, date(2024, 12, 2), [LineInput(CONC_PRODUCT, 5, lot=CONC_LOT)],
        reference=reference, supplier="Central Medical Stores")


def _count(db: Database, reference: str) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count(Movement.id)).where(
            Movement.reference == reference)) or 0


class _ReleaseOnWait(logging.Handler):
    """Ends the other program's write when the writer reports that it is waiting."""

    def __init__(self, holder: sqlite3.Connection):
        super().__init__()
        self.holder = holder
        self.waits = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.waits += 1
        if self.waits == 2:
            self.holder.execute("COMMIT")


def test_a_writer_outwaits_a_write_longer_than_the_busy_timeout(shared) -> None:  # type: ignore[no-untyped-def]
    db, path = shared
    holder = _holder(path)
    release = _ReleaseOnWait(holder)
    logger = logging.getLogger("stockdesk.db")
    logger.addHandler(release)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        _receive(db, "after-the-wait")  # waits two busy timeouts, then gets through
    finally:
        logger.removeHandler(release)
        logger.setLevel(old_level)
        holder.close()
    assert release.waits == 2
    assert _count(db, "after-the-wait") == 1


def test_a_writer_kept_out_too_long_is_told_plainly_and_nothing_is_half_saved(
        shared, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    db, path = shared
    monkeypatch.setattr(engine_module, "WRITE_WAIT_S", 0.0)
    holder = _holder(path)
    try:
        with pytest.raises(OperationalError) as caught:
            _receive(db, "given-up")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "saving to the database" in (known_failure(caught.value) or "")
    assert "kept the database busy" in (cli.known_failure(caught.value) or "")
    assert _count(db, "given-up") == 0
    _receive(db, "given-up")  # once the other program is done, the same entry goes through
    assert _count(db, "given-up") == 1


@pytest.mark.postgres
def test_a_postgresql_deadlock_runs_the_loser_again(pg_url: str) -> None:
    """Two transactions lock two facilities in opposite orders: PostgreSQL aborts one; it is
    run again from its start and both complete."""
    db = Database.open(pg_url)
    both_hold_one = threading.Barrier(2, timeout=60)
    attempts = {"a": 0, "b": 0}
    done: dict[str, int] = {}
    failed: list[BaseException] = []

    def work(name: str, first: int, second: int) -> None:
        def body(s):  # type: ignore[no-untyped-def]
            attempts[name] += 1
            lock_facility(s, first)
            if attempts[name] == 1:
                both_hold_one.wait()
            lock_facility(s, second)
            return s.execute(text("SELECT 1")).scalar_one()

        try:
            done[name] = db.run(body)
        except BaseException as exc:  # reported below, in the test's thread
            failed.append(exc)

    threads = [threading.Thread(target=work, args=("a", 1, 2)),
               threading.Thread(target=work, args=("b", 2, 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    db.close()
    assert failed == []
    assert done == {"a": 1, "b": 1}
    assert sorted(attempts.values()) == [1, 2]  # the one PostgreSQL chose was run again
