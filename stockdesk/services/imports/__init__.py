"""Importing files: facilities, catalogue, stock levels, ledger transactions, monthly history.

Each file is one transaction: every row is checked first, every problem is collected with the
file, sheet, row and column it sits in, and if any is an ERROR nothing of the file is written.
A file is recorded as an ``ImportBatch`` (kind + SHA-256 of its bytes), so importing the same
file again changes nothing and says when it was first imported.

``stockdesk.exchange`` turns bytes into rows of cell text and maps headers; this package parses
the cells, checks them against the database and writes:

- ``service``: :class:`ImportService`, the transaction around one file, idempotency;
- ``_job``: one file being imported: its problems (capped), progress and cancel;
- ``_batches``: the ``ImportBatch`` that recognises a file imported before;
- ``masterdata``: facilities, catalogue and stock levels, through ``masterdata.upsert_*``;
- ``history``: monthly LMIS history (A–E, X) into ``monthly_reports``;
- ``ledger``: ledger rows parsed and checked in memory, the ledger rules applied by the pure
  ``inventory.bulk``; ``_records``: the checked rows kept as columns; ``ledger_writer``: the
  checked rows inserted in bulk.
"""

from stockdesk.services.imports._job import ImportResult
from stockdesk.services.imports.ledger import LedgerRow
from stockdesk.services.imports.service import ImportService

__all__ = ["ImportResult", "ImportService", "LedgerRow"]
