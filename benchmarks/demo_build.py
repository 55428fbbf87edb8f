"""(d) demo_build: seconds for ``build_demo`` with its defaults on a fresh SQLite database.

Timed: the whole call (master data, simulation, the ledger import, users).  No baseline: the
target is absolute, < 30 s on the reference 2-core machine.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from benchmarks import Context, Result
from benchmarks._data import ACTOR
from stockdesk.services.database import Database
from stockdesk.services.demo import build_demo

TARGET_S = 30.0


def run(ctx: Context) -> Iterator[Result]:
    db = Database.open(f"sqlite:///{ctx.workdir / 'demo.sqlite3'}")
    try:
        started = time.perf_counter()
        summary = build_demo(db, ACTOR, **ctx.scale.demo)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    yield Result("demo_build", seconds, "s", better="lower", target=f"< {TARGET_S:g} s",
                 met=seconds < TARGET_S, details={
                     "facilities": len(summary.facilities), "products": summary.products,
                     "movements": summary.movements, "lines": summary.lines,
                     "days": (summary.last_day - summary.first_day).days + 1
                     if summary.first_day and summary.last_day else None})
