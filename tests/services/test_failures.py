"""Which refusals of the database or the disk are failures a person can act on, decided once
for the command line and the window."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from stockdesk.services.database import DatabaseReadOnly
from stockdesk.services.failures import Kind, classify


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _wrapped(orig: BaseException) -> OperationalError:
    return OperationalError("INSERT INTO movements ...", {}, orig)


@pytest.mark.parametrize("exc, kind", [
    (_wrapped(sqlite3.OperationalError("database is locked")), Kind.BUSY),
    (_wrapped(_PgError("40P01")), Kind.BUSY),  # deadlock: run it again
    (_wrapped(_PgError("55P03")), Kind.BUSY),
    (_wrapped(sqlite3.OperationalError("database or disk is full")), Kind.DISK_FULL),
    (_wrapped(_PgError("53100")), Kind.DISK_FULL),
    (OSError(errno.ENOSPC, "No space left on device", "report.pdf"), Kind.DISK_FULL),
    (_wrapped(sqlite3.OperationalError("attempt to write a readonly database")), Kind.READ_ONLY),
    (_wrapped(_PgError("25006")), Kind.READ_ONLY),
    (DatabaseReadOnly("clinic.sqlite3 cannot be written"), Kind.READ_ONLY),
    (_wrapped(sqlite3.OperationalError("unable to open database file")), Kind.UNREACHABLE),
])
def test_failures_a_person_can_act_on(exc: BaseException, kind: Kind) -> None:
    failure = classify(exc)
    assert failure is not None and failure.kind is kind


def test_the_file_a_full_disk_refused_is_named() -> None:
    failure = classify(OSError(errno.ENOSPC, "No space left on device", "report.pdf"))
    assert failure is not None and failure.filename == "report.pdf"


@pytest.mark.parametrize("exc", [
    ValueError("a bug"), _wrapped(sqlite3.OperationalError("no such table: movements")),
    _wrapped(_PgError("23505")),  # a unique violation is not the disk's fault
])
def test_other_errors_are_not_known_failures(exc: BaseException) -> None:
    assert classify(exc) is None
