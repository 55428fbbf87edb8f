"""(c) monthly_summaries: A–E and X for a district of 50 facilities × 300 products × 36 months.

Timed: ``StockService.district_monthly(district, first, last)``, the median of warm reads;
the first read after the bulk load, which fills the summary cache, is reported as
``first_read_s``.  Setup: 4 lines per facility × product × month (a receipt, three issues),
raw-inserted and marked stale as an import would.

Baseline, same run: the raw SQL aggregate ``SUM(delta) GROUP BY facility, product, period,
R&R column`` over the district's lines.  Target: < 1 s.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks import Context, Result
from benchmarks._data import ACTOR, DISTRICT, TODAY, fresh_database, generate, raw_insert
from stockdesk.services.database import Database
from stockdesk.services.stock import StockService

TARGET_S = 1.0
RAW_MONTHLY = (
    "SELECT ml.facility_id, ml.product_id, ml.period, ml.summary_column, SUM(ml.delta) "
    "FROM movement_lines ml JOIN facilities f ON f.id = ml.facility_id "
    "WHERE f.district = ? AND ml.period BETWEEN ? AND ? "
    "GROUP BY ml.facility_id, ml.product_id, ml.period, ml.summary_column"
)


def district_database(ctx: Context) -> tuple[Path, tuple[str, str], int]:
    """The district's database (path, first and last period, ledger lines), built once per
    run: district_outlook reads the same one."""
    if "district_db" not in ctx.cache:
        sc = ctx.scale
        ledger = generate(sc.district_facilities, sc.district_products, sc.district_months,
                          sc.district_lines_per_month, prefix="D")
        path = ctx.workdir / "district.sqlite3"
        fresh_database(path, ledger).close()
        raw_insert(path, ledger)
        ctx.cache["district_db"] = (path, ledger.periods, len(ledger))
    return ctx.cache["district_db"]


def run(ctx: Context) -> Iterator[Result]:
    sc = ctx.scale
    path, (first, last), lines = district_database(ctx)
    details: dict[str, Any] = {
        "facilities": sc.district_facilities, "products": sc.district_products,
        "months": sc.district_months, "ledger_lines": lines, "periods": f"{first}..{last}"}
    db = Database.open(f"sqlite:///{path}")
    try:
        svc = StockService(db, ACTOR, today=lambda: TODAY)
        value = _district(svc, first, last, sc.repeats, details)
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        groups = len(conn.execute(RAW_MONTHLY, (DISTRICT, first, last)).fetchall())
        baseline = time.perf_counter() - started
    finally:
        conn.close()
    details["baseline_query"] = f"raw SQL SUM(delta) per facility, product, month, column " \
                                f"({groups} groups)"
    yield Result("monthly_summaries", value, "s", baseline, better="lower",
                 target=f"< {TARGET_S:g} s", met=value < TARGET_S, details=details)


def _district(svc: StockService, first: str, last: str, repeats: int,
              details: dict[str, Any]) -> float:
    started = time.perf_counter()
    table = svc.district_monthly(DISTRICT, first, last)
    details["first_read_s"] = round(time.perf_counter() - started, 3)
    times = []
    for _ in range(max(1, min(repeats, 5))):
        started = time.perf_counter()
        table = svc.district_monthly(DISTRICT, first, last)
        times.append(time.perf_counter() - started)
    details["method"] = "StockService.district_monthly (warm; first read fills the cache)"
    details["runs_s"] = [round(t, 3) for t in times]
    details["rows"] = len(table)
    return sorted(times)[len(times) // 2]
