"""(b) stock_on_hand: StockService.stock_on_hand(facility) on the 1M-line database.

Timed: the median of several calls for one facility (after one warm-up call), in ms.
Baseline, same run: the raw SQL aggregate of that facility's lot balances
(``SUM(delta) GROUP BY product, lot`` over ``movement_lines`` joined to ``lots``) through
sqlite3; a bare ``SELECT 1`` round trip is reported alongside.  Target: < 20 ms.

Uses the database ``ledger_import`` made in this run, or builds one with raw inserts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from benchmarks import Context, Result
from benchmarks._data import ACTOR, TODAY, fresh_database, generate, median_ms, raw_insert
from benchmarks.ledger_import import LINES_PER_MONTH
from stockdesk.services.database import Database
from stockdesk.services.stock import StockService

TARGET_MS = 20.0
RAW_SOH = (
    "SELECT ml.product_id, l.expiry, SUM(ml.delta) FROM movement_lines ml "
    "JOIN lots l ON l.id = ml.lot_id WHERE ml.facility_id = ? AND ml.occurred_on <= ? "
    "GROUP BY ml.product_id, l.id, l.expiry"
)


def run(ctx: Context) -> Iterator[Result]:
    sc = ctx.scale
    if "ledger_db" in ctx.cache:
        path, ledger = ctx.cache["ledger_db"]
        source = "ledger_import"
    else:
        months = max(1, sc.ledger_lines // (sc.ledger_facilities * sc.ledger_products
                                            * LINES_PER_MONTH))
        ledger = generate(sc.ledger_facilities, sc.ledger_products, months, LINES_PER_MONTH)
        path = ctx.workdir / "soh.sqlite3"
        fresh_database(path, ledger).close()
        raw_insert(path, ledger)
        source = "raw inserts"
    facility = ledger.facilities[0]
    db = Database.open(f"sqlite:///{path}")
    try:
        svc = StockService(db, ACTOR, today=lambda: TODAY)
        rows = len(svc.stock_on_hand(facility))
        ours, times = median_ms(lambda: svc.stock_on_hand(facility), sc.repeats)
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:
        fac_id = conn.execute("SELECT id FROM facilities WHERE code = ?", (facility,)).fetchone()[0]
        raw, _ = median_ms(lambda: conn.execute(RAW_SOH, (fac_id, TODAY.isoformat())).fetchall(),
                           sc.repeats)
        ping, _ = median_ms(lambda: conn.execute("SELECT 1").fetchall(), sc.repeats)
    finally:
        conn.close()
    yield Result("stock_on_hand", ours, "ms", raw, better="lower", target=f"< {TARGET_MS:g} ms",
                 met=ours < TARGET_MS, details={
                     "facility": facility, "products": rows, "ledger_lines": len(ledger),
                     "database": source, "runs_ms": [round(t, 2) for t in times],
                     "baseline_query": "raw SQL SUM(delta) per product and lot",
                     "select_1_ms": round(ping, 4)})
