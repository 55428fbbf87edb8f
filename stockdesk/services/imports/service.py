"""``ImportService``: one file, one transaction, written whole or not at all, and only once."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from stockdesk.exchange.columns import SCHEMAS, Schema, map_header
from stockdesk.exchange.tabular import MAX_BYTES, MAX_ROWS, FileRefused, Table, read_table
from stockdesk.problems import Location, Problem, Severity, error
from stockdesk.services import summaries
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.imports._batches import AlreadyImported, find_batch, imported_when
from stockdesk.services.imports._job import (
    IMPORTED,
    REFUSED,
    SKIPPED,
    Cancelled,
    ImportResult,
    Job,
    padded,
)
from stockdesk.services.imports.history import HistoryImport
from stockdesk.services.imports.ledger import LedgerImport, LedgerRow, rows_digest
from stockdesk.services.imports.masterdata import (
    import_catalogue,
    import_facilities,
    import_levels,
)


class _Refused(Exception):
    """Unwinds the transaction when a file has errors."""


# Largest file and most rows per kind.  Master data is read cell by cell and saved through
# the ORM with an audit entry per row, so a country's whole catalogue or facility list (a few
# thousand rows) is far below these; a 100 MB "catalogue" would hold gigabytes in memory and
# take an hour, so it is refused before the first row.  Ledger and history files are read in
# bulk and may be large (a district's years of stock cards).
LIMITS: dict[str, tuple[int, int]] = {
    "facilities": (16 * 1024 * 1024, 100_000),
    "catalogue": (16 * 1024 * 1024, 100_000),
    "levels": (1024 * 1024, 10_000),
    "history": (MAX_BYTES, MAX_ROWS),
    "ledger": (MAX_BYTES, MAX_ROWS),
}


class ImportService:
    KINDS = ("facilities", "catalogue", "levels", "ledger", "history")

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    def import_file(self, kind: str, path: Path,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Import one CSV or XLSX file of ``kind``; the result says what happened and why.

        ``progress(done, total)`` is called every few thousand rows (for a ledger each row
        counts twice: once read, once written); ``cancelled()`` returning True stops the import
        with nothing written.
        """
        if kind not in self.KINDS:
            raise ValueError(f"unknown import kind {kind!r}; use one of {self.KINDS}")
        self.actor.require(f"import.{kind}")
        path = Path(path)
        schema = SCHEMAS[kind]
        try:
            max_bytes, max_rows = LIMITS[kind]
            table = read_table(path, sheet_names=schema.sheet_names, max_bytes=max_bytes,
                               max_rows=max_rows)
        except FileRefused as exc:
            return ImportResult(path.name, kind, REFUSED, 0, tuple(exc.problems))
        try:
            return self._import_table(kind, schema, table, progress, cancelled)
        finally:
            table.close()

    def import_ledger_rows(self, rows: Iterable[LedgerRow], source: str) -> ImportResult:
        """Import ledger rows built in memory (the demo builder), as if read from a file.

        The same checks and bulk insert as a ledger file; problems point at ``source`` and the
        row's position (1 = first row).  The same rows imported twice are recognised.
        """
        self.actor.require("import.ledger")
        items = list(rows)
        job = Job(source, None, None, 2 * len(items), None, None)
        return self._run("ledger", job, rows_digest(items),
                         lambda s: self._ledger(s, job).run_memory(items))

    # -- plumbing ------------------------------------------------------------------------------

    def _import_table(self, kind: str, schema: Schema, table: Table,
                      progress: Callable[[int, int], None] | None,
                      cancelled: Callable[[], bool] | None) -> ImportResult:
        columns, header_problems = map_header(
            schema, table.header, lambda column: table.where(table.header_row, column))
        factor = 2 if kind == "ledger" else 1
        job = Job(table.name, table.sheet, columns, factor * table.estimated_rows, progress,
                  cancelled)
        for p in header_problems:
            job.add(p)
        if job.errors:
            return job.result(kind, REFUSED)
        width = max(columns.index.values(), default=0) + 1
        rows = padded(table.rows, width)
        actor = self.actor
        importers: dict[str, Callable[[Session], int]] = {
            "facilities": lambda s: import_facilities(s, job, actor, columns, rows),
            "catalogue": lambda s: import_catalogue(s, job, actor, columns, rows),
            "levels": lambda s: import_levels(s, job, actor, columns, rows),
            "history": lambda s: HistoryImport(s, job, columns, actor, self.today()).run(rows),
            "ledger": lambda s: self._ledger(s, job).run_file(columns, table.rows, width),
        }
        return self._run(kind, job, table.sha256, importers[kind])

    def _ledger(self, s: Session, job: Job) -> LedgerImport:
        return LedgerImport(s, job, self.actor, self.today())

    def _run(self, kind: str, job: Job, sha256: str,
             body: Callable[[Session], int]) -> ImportResult:
        """One transaction around ``body``; it writes only if no ERROR was found."""
        job.kind, job.sha256 = kind, sha256
        try:
            with self.db.transaction() as s:
                done = find_batch(s, kind, sha256)
                if done is not None:
                    raise AlreadyImported(done.imported_at, done.rows)
                job.rows = body(s)
                if not job.rows and not job.errors:
                    job.add(error("import.empty").at(Location(job.name, job.sheet)))
                if job.errors:
                    raise _Refused
                result = job.result(kind, IMPORTED)
        except AlreadyImported as exc:
            when = imported_when(exc.imported_at)
            note = Problem("import.already_imported", {"when": when}, Severity.INFO,
                           Location(job.name, job.sheet))
            return ImportResult(job.name, kind, SKIPPED, exc.rows, (note,))
        except _Refused:
            return job.result(kind, REFUSED)
        except Cancelled:
            job.add(error("import.cancelled").at(Location(job.name, job.sheet)))
            return job.result(kind, REFUSED)
        except FileRefused as exc:  # the reader found damage part-way through the file
            for p in exc.problems:
                job.add(p)
            return job.result(kind, REFUSED)
        if kind == "ledger":
            self._summarise(job)
        return result

    def _summarise(self, job: Job) -> None:
        """Bring the monthly summaries of the facilities just imported up to date.

        The import is committed by now; this only fills the rebuildable cache, one facility
        per transaction, so the first look at a facility after a big import does not pay for
        it.  Cancel stops it, leaving the rest to be brought up to date on first read.
        """
        with contextlib.suppress(Cancelled):
            summaries.bring_up_to_date(self.db, self.today(),
                                       progress=lambda _done, _total: job.tick(job.total))
