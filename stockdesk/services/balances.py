"""The current-balance cache (``stock_balances``): kept in the posting transaction, rebuildable.

Why: a facility with three years of daily issues has hundreds of thousands of ledger lines;
the stock screen and the CLI need stock on hand of every product in milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from stockdesk.db.models import MovementLine, StockBalance


def apply(s: Session, deltas: Iterable[tuple[int, int, int, int]]) -> None:
    """Add (facility_id, product_id, lot_id, delta) to the cached balances, summed per lot."""
    totals: dict[tuple[int, int, int], int] = defaultdict(int)
    for fac, prod, lot, delta in deltas:
        totals[(fac, prod, lot)] += delta
    rows = [{"facility_id": f, "product_id": p, "lot_id": lot, "balance": d}
            for (f, p, lot), d in totals.items()]
    if not rows:
        return
    ins = (postgresql.insert(StockBalance) if s.get_bind().dialect.name == "postgresql"
           else sqlite.insert(StockBalance))
    stmt = ins.on_conflict_do_update(
        index_elements=["facility_id", "lot_id"],
        set_={"balance": StockBalance.balance + ins.excluded.balance})
    for i in range(0, len(rows), 5000):
        s.execute(stmt, rows[i:i + 5000])


def rebuild(s: Session) -> int:
    s.execute(delete(StockBalance))
    rows = s.execute(select(MovementLine.facility_id, MovementLine.product_id,
                            MovementLine.lot_id, func.sum(MovementLine.delta))
                     .group_by(MovementLine.facility_id, MovementLine.product_id,
                               MovementLine.lot_id)).all()
    apply(s, [(f, p, lot, int(d)) for f, p, lot, d in rows])
    return len(rows)


def verify(s: Session) -> list[str]:
    """Lots whose cached balance differs from the sum of their ledger lines."""
    ledger = {(f, lot): int(d) for f, lot, d in s.execute(
        select(MovementLine.facility_id, MovementLine.lot_id, func.sum(MovementLine.delta))
        .group_by(MovementLine.facility_id, MovementLine.lot_id))}
    cached = {(b.facility_id, b.lot_id): b.balance for b in s.scalars(select(StockBalance))}
    out = []
    for key in sorted(set(ledger) | set(cached)):
        if ledger.get(key, 0) != cached.get(key, 0):
            out.append(f"facility {key[0]} lot {key[1]}: cached {cached.get(key)}, "
                       f"ledger {ledger.get(key)}")
    return out
