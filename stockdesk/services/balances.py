"""The current-balance cache (``stock_balances``): kept in the posting transaction, rebuildable.

Why: a facility with three years of daily issues has hundreds of thousands of ledger lines;
the stock screen and the CLI need stock on hand of every product in milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import bindparam, delete, event, func, select, update
from sqlalchemy.orm import Session

from stockdesk.db.models import MovementLine, StockBalance
from stockdesk.services.upsert import upsert

PENDING = "stockdesk.pending_balances"


def add_later(s: Session, deltas: Iterable[tuple[int, int, int, int]]) -> None:
    """Queue deltas to apply, summed per lot, when the transaction commits.

    A correction reverses 1,200 before it posts 1,000: line by line the cached balance would
    dip below zero and the CHECK would refuse it, though the transaction as a whole is right.
    """
    s.info.setdefault(PENDING, []).extend(deltas)


@event.listens_for(Session, "before_commit")
def _apply_pending(session: Session) -> None:
    pending = session.info.pop(PENDING, None)
    if pending:
        apply(session, pending)


@event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    session.info.pop(PENDING, None)


def apply(s: Session, deltas: Iterable[tuple[int, int, int, int]]) -> None:
    """Add (facility_id, product_id, lot_id, delta) to the cached balances, summed per lot."""
    totals: dict[tuple[int, int, int], int] = defaultdict(int)
    for fac, prod, lot, delta in deltas:
        totals[(fac, prod, lot)] += delta
    if not totals:
        return
    # make sure a row exists, then add: the balance never passes through a negative value,
    # which the table's CHECK refuses (an upsert would test the inserted delta itself)
    rows = [{"facility_id": f, "product_id": p, "lot_id": lot, "balance": 0}
            for (f, p, lot) in totals]
    ins = upsert(s, StockBalance)
    adds = [{"f": f, "lot": lot, "d": d} for (f, _, lot), d in totals.items() if d]
    upd = (update(StockBalance)
           .where(StockBalance.facility_id == bindparam("f"),
                  StockBalance.lot_id == bindparam("lot"))
           .values(balance=StockBalance.balance + bindparam("d")))
    for i in range(0, len(rows), 5000):
        s.execute(ins.on_conflict_do_nothing(index_elements=["facility_id", "lot_id"]),
                  rows[i:i + 5000])
    conn = s.connection()
    for i in range(0, len(adds), 5000):
        conn.execute(upd, adds[i:i + 5000])


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
