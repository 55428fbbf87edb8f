"""What went wrong when the database or the disk refused, as one of a few kinds a person can
act on.  The command line and the window each say it in their own words; which failure is
which is decided here, once.

Database errors are recognised by their codes (SQLite's primary result code, PostgreSQL's
SQLSTATE, on the driver's exception that SQLAlchemy wraps), and by their text as a fallback
for drivers that give no code.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import Enum

from stockdesk.db.engine import is_transient
from stockdesk.services.database import DatabaseReadOnly

# SQLite's primary result codes and PostgreSQL's SQLSTATEs of the failures a person can fix
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = (
    5, 6, 8, 10, 13, 14)
PG_LOCK_NOT_AVAILABLE, PG_DISK_FULL, PG_READ_ONLY = "55P03", "53100", "25006"


class Kind(Enum):
    BUSY = "busy"  # someone else's transaction held the database: run it again
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"  # the file, drive or server refuses writes
    UNREACHABLE = "unreachable"  # the drive or the server cannot be read or reached


@dataclass(frozen=True)
class Failure:
    kind: Kind
    filename: str | None = None  # the file concerned, when the system named one


def classify(exc: BaseException) -> Failure | None:
    """The kind of failure ``exc`` is, or None for anything else (a bug, bad input)."""
    orig = getattr(exc, "orig", None) or exc
    code = (getattr(orig, "sqlite_errorcode", None) or 0) & 0xFF
    state = getattr(orig, "sqlstate", None)
    text = str(exc).lower()
    filename = getattr(orig, "filename", None)
    if is_transient(exc) or code in (SQLITE_BUSY, SQLITE_LOCKED) \
            or state == PG_LOCK_NOT_AVAILABLE \
            or "database is locked" in text or "database table is locked" in text:
        return Failure(Kind.BUSY)
    if code == SQLITE_FULL or state == PG_DISK_FULL or "database or disk is full" in text \
            or getattr(orig, "errno", None) == errno.ENOSPC:
        return Failure(Kind.DISK_FULL, filename)
    if code == SQLITE_READONLY or state == PG_READ_ONLY or isinstance(orig, DatabaseReadOnly) \
            or "readonly database" in text:
        return Failure(Kind.READ_ONLY, filename)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or "unable to open database" in text \
            or "could not connect" in text or "connection refused" in text:
        return Failure(Kind.UNREACHABLE)
    return None


__all__ = ["Failure", "Kind", "classify"]
