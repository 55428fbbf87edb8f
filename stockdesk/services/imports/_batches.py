"""Import batches: a file imported is recorded by kind and SHA-256, so a second import is a no-op.

The rows a file writes carry their batch id where the table has one (movements, monthly
history), so what a file brought in can always be found again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from stockdesk.db.models import ImportBatch
from stockdesk.services.imports._job import Job


class AlreadyImported(Exception):
    """The same content was imported before: nothing is written, the file is skipped."""

    def __init__(self, imported_at: datetime, rows: int):
        self.imported_at = imported_at
        self.rows = rows


def find_batch(s: Session, kind: str, sha256: str) -> ImportBatch | None:
    """The batch of a file with these bytes imported before as ``kind``, if any."""
    return s.scalar(select(ImportBatch).where(ImportBatch.kind == kind,
                                              ImportBatch.sha256 == sha256))


def new_batch(s: Session, job: Job, user_id: int | None, rows: int) -> int:
    """Record the file of ``job`` as imported with ``rows`` rows; returns the batch id."""
    batch = ImportBatch(kind=job.kind, file_name=job.name[:500], sha256=job.sha256,
                        rows=rows, user_id=user_id, imported_at=datetime.now(UTC))
    s.add(batch)
    s.flush()
    return batch.id


def imported_when(at: datetime) -> str:
    """SQLite hands back naive UTC, PostgreSQL the session's zone: say it in UTC either way."""
    utc = at.astimezone(UTC) if at.tzinfo is not None else at
    return utc.strftime("%Y-%m-%d %H:%M") + " UTC"
