"""(a) ledger_import: a 1,000,000-line ledger CSV imported through ImportService.

Timed: ``ImportService.import_file("ledger", path)`` into a fresh migrated SQLite database that
already holds the facilities and products: reading the CSV, parsing, every check (codes, lots,
FEFO, no negative balance), and the bulk insert with its caches, in one transaction.

Baseline, same run: ``sqlite3.executemany`` of the same rows, pre-built as tuples, into a
second database with the same migrated schema and pragmas (see ``_data.raw_insert`` for
exactly what it inserts).  ratio = our rows/s ÷ baseline rows/s; target ≥ 0.25.  For scale,
``bare_table_rows_per_s`` is the same lines into one table with no index or key.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from benchmarks import Context, Result
from benchmarks._data import ACTOR, TODAY, fresh_database, generate, raw_insert, write_csv
from stockdesk.services.imports import ImportService

TARGET_RATIO = 0.25
LINES_PER_MONTH = 20  # per facility × product: a receipt and 19 issues


def run(ctx: Context) -> Iterator[Result]:
    sc = ctx.scale
    months = max(1, sc.ledger_lines // (sc.ledger_facilities * sc.ledger_products
                                        * LINES_PER_MONTH))
    ledger = generate(sc.ledger_facilities, sc.ledger_products, months, LINES_PER_MONTH)
    csv_path = ctx.workdir / "ledger.csv"
    size = write_csv(csv_path, ledger)

    db_path = ctx.workdir / "imported.sqlite3"
    db = fresh_database(db_path, ledger)
    try:
        started = time.perf_counter()
        result = ImportService(db, ACTOR, today=lambda: TODAY).import_file("ledger", csv_path)
        seconds = time.perf_counter() - started
    finally:
        db.close()

    base_path = ctx.workdir / "baseline.sqlite3"
    fresh_database(base_path, ledger).close()
    base = raw_insert(base_path, ledger, bare=ctx.workdir / "bare.sqlite3")

    ok = result.status == "imported"
    if ok:
        ctx.cache["ledger_db"] = (db_path, ledger)
    ours = len(ledger) / seconds if ok else 0.0
    theirs = len(ledger) / base.seconds
    ratio = ours / theirs
    details = {
        "lines": len(ledger), "movements": base.movements, "csv_mb": round(size / 2**20, 1),
        "seconds": round(seconds, 2), "baseline_seconds": round(base.seconds, 2),
        "status": result.status,
        "bare_table_rows_per_s": round(len(ledger) / base.bare_seconds)
        if base.bare_seconds else None,
        "baseline_inserts": f"executemany of {base.lots} lots, {base.movements} movements, "
                            f"{base.lines} movement_lines and {base.cache_rows} cache rows "
                            "(stock_balances, summary_dirty) into the migrated schema, "
                            "one transaction, WAL + synchronous=FULL + foreign_keys",
    }
    if not ok:
        details["problems"] = [str(p) for p in result.problems[:3]]
    yield Result("ledger_import", ours, "rows/s", theirs, better="higher",
                 target=f">= {TARGET_RATIO} of baseline", met=ok and ratio >= TARGET_RATIO,
                 details=details)
