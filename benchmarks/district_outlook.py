"""district_outlook: status and forecasts of a whole district, as its logistician opens them.

Timed: ``ForecastService.district(district)`` on the district of ``monthly_summaries`` (50
facilities × 300 products × 36 months of ledger, 2.16 M lines): one read of the district's
months (summary cache warm), stock on hand per lot, the vectorised status kernel (AMC, months
of stock, status, H, I, stockout day) and the forecast batch with intervals and stockout
probabilities.  The median of warm runs; the first run, which may fill the summary cache, is
reported as ``first_run_s``.  Baseline, same run: the raw SQL aggregate the months come from
(``SUM(delta)`` per facility, product, month and column).  Target: < 2 s.

Uses the database ``monthly_summaries`` made in this run, or builds the same one.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Iterator
from typing import Any

from benchmarks import Context, Result
from benchmarks._data import ACTOR, DISTRICT, TODAY
from benchmarks.monthly_summaries import RAW_MONTHLY, district_database
from stockdesk.services.database import Database
from stockdesk.services.forecasting import ForecastService

TARGET_S = 2.0


def run(ctx: Context) -> Iterator[Result]:
    sc = ctx.scale
    source = "monthly_summaries" if "district_db" in ctx.cache else "built here"
    path, (first, last), _ = district_database(ctx)
    details: dict[str, Any] = {"database": source, "facilities": sc.district_facilities,
                               "products": sc.district_products, "months": sc.district_months}
    db = Database.open(f"sqlite:///{path}")
    try:
        svc = ForecastService(db, ACTOR, today=lambda: TODAY)
        started = time.perf_counter()
        outlook = svc.district(DISTRICT)
        details["first_run_s"] = round(time.perf_counter() - started, 3)
        times = []
        for _ in range(max(1, min(sc.repeats, 5))):
            started = time.perf_counter()
            outlook = svc.district(DISTRICT)
            times.append(time.perf_counter() - started)
    finally:
        db.close()
    value = statistics.median(times)
    details["runs_s"] = [round(t, 3) for t in times]
    details["series"] = len(outlook)
    counts: dict[str, int] = {}
    for s in outlook.status.status:
        counts[str(s)] = counts.get(str(s), 0) + 1
    details["status_counts"] = counts
    conn = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        conn.execute(RAW_MONTHLY, (DISTRICT, first, last)).fetchall()
        baseline = time.perf_counter() - started
    finally:
        conn.close()
    details["baseline_query"] = "raw SQL SUM(delta) per facility, product, month, column"
    yield Result("district_outlook", value, "s", baseline, better="lower",
                 target=f"< {TARGET_S:g} s", met=value < TARGET_S, details=details)
