"""Monthly summaries of the ledger, with completed months kept as a rebuildable cache.

A district's summaries (50 facilities × 300 products × 36 months) feed the R&R, the dashboard
and the forecasts; replaying millions of daily lines for each read would take seconds, so each
(facility, product) pair's *completed* months are stored in ``monthly_reports`` with source
``ledger``.  Posting marks the pair stale from the posted month on (``summary_dirty``, in the
posting transaction); the next read recomputes only what is stale, through the pure replay in
``inventory.ledger``, and clears the mark.  The current month is never cached: its stockout
days grow every day, so it is computed live.  ``rebuild`` recomputes everything; ``verify``
compares the cache with a full replay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from stockdesk.db.models import Lot, MonthlyReport, MovementLine, SummaryDirty
from stockdesk.inventory.kinds import Column, Kind
from stockdesk.inventory.ledger import (
    Entry,
    MonthSummary,
    monthly_summaries,
    next_period,
    period_bounds,
    period_of,
)

Pair = tuple[int, int]  # facility_id, product_id


def last_complete_period(today: date) -> str:
    first, _ = period_bounds(period_of(today))
    return period_of(first - timedelta(days=1))


def mark_dirty(s: Session, items: Iterable[tuple[int, int, str]]) -> None:
    """Mark (facility_id, product_id) stale from ``period`` on; call in the posting transaction."""
    earliest: dict[Pair, str] = {}
    for fac, prod, period in items:
        key = (fac, prod)
        if key not in earliest or period < earliest[key]:
            earliest[key] = period
    if not earliest:
        return
    rows = [{"facility_id": f, "product_id": p, "from_period": per}
            for (f, p), per in earliest.items()]
    if s.get_bind().dialect.name == "postgresql":
        pg = postgresql.insert(SummaryDirty)
        s.execute(pg.on_conflict_do_update(
            index_elements=["facility_id", "product_id"],
            set_={"from_period": func.least(SummaryDirty.from_period, pg.excluded.from_period)},
        ), rows)
    else:
        lite = sqlite.insert(SummaryDirty)
        s.execute(lite.on_conflict_do_update(
            index_elements=["facility_id", "product_id"],
            set_={"from_period": func.min(SummaryDirty.from_period, lite.excluded.from_period)},
        ), rows)


@dataclass(frozen=True)
class RefreshResult:
    pairs: int
    months: int


def refresh(s: Session, today: date, facility_ids: Sequence[int] | None = None) -> RefreshResult:
    """Bring the cache of the given facilities (all when None) up to the last complete month.

    A pair needs work when it is marked dirty, or when its cache stops before the last
    complete month (time has passed since: its later months need rows, and stockout days keep
    counting while its shelf stays empty).
    """
    through = last_complete_period(today)
    starts: dict[Pair, str] = {}
    dq = select(SummaryDirty.facility_id, SummaryDirty.product_id, SummaryDirty.from_period)
    if facility_ids is not None:
        dq = dq.where(SummaryDirty.facility_id.in_(facility_ids))
    for f, p, per in s.execute(dq):
        if per <= through:
            starts[(f, p)] = per
    cq = (select(MonthlyReport.facility_id, MonthlyReport.product_id,
                 func.max(MonthlyReport.period))
          .where(MonthlyReport.source == "ledger")
          .group_by(MonthlyReport.facility_id, MonthlyReport.product_id))
    if facility_ids is not None:
        cq = cq.where(MonthlyReport.facility_id.in_(facility_ids))
    for f, p, last in s.execute(cq):
        if last < through and (f, p) not in starts:
            starts[(f, p)] = next_period(last)
    cleared = [k for k in starts]
    months = _recompute(s, starts, through) if starts else 0
    # marks for months still in progress stay until those months complete
    dd = delete(SummaryDirty).where(SummaryDirty.from_period <= through)
    if facility_ids is not None:
        dd = dd.where(SummaryDirty.facility_id.in_(facility_ids))
    s.execute(dd)
    return RefreshResult(len(cleared), months)


def rebuild(s: Session, today: date) -> RefreshResult:
    """Throw the whole cache away and recompute it from the ledger."""
    s.execute(delete(MonthlyReport).where(MonthlyReport.source == "ledger"))
    s.execute(delete(SummaryDirty))
    through = last_complete_period(today)
    firsts = s.execute(select(MovementLine.facility_id, MovementLine.product_id,
                              func.min(MovementLine.period))
                       .group_by(MovementLine.facility_id, MovementLine.product_id)).all()
    starts = {(f, p): per for f, p, per in firsts if per <= through}
    return RefreshResult(len(starts), _recompute(s, starts, through))


def verify(s: Session, today: date) -> list[str]:
    """Differences between the cache and a full replay (empty when the cache is right)."""
    through = last_complete_period(today)
    cached = {(r.facility_id, r.product_id, r.period): r for r in s.scalars(
        select(MonthlyReport).where(MonthlyReport.source == "ledger"))}
    dirty = {(f, p) for f, p in s.execute(select(SummaryDirty.facility_id,
                                                 SummaryDirty.product_id))}
    firsts = s.execute(select(MovementLine.facility_id, MovementLine.product_id,
                              func.min(MovementLine.period))
                       .group_by(MovementLine.facility_id, MovementLine.product_id)).all()
    problems = []
    for fac, pid, first in firsts:
        if (fac, pid) in dirty or first > through:
            continue
        expected = replay_months(s, fac, [pid], {pid: first}, through, None).get(pid, [])
        for m in expected:
            row = cached.get((fac, pid, m.period))
            got = None if row is None else (
                row.opening_balance, row.received, row.consumed, row.losses_adjustments,
                row.closing_balance, row.stockout_days)
            want = (m.opening, m.received, m.consumed, m.adjustments, m.closing,
                    m.stockout_days)
            if got != want:
                problems.append(f"facility {fac} product {pid} {m.period}: cached {got}, "
                                f"ledger {want}")
    return problems


def replay_months(s: Session, facility_id: int, product_ids: Sequence[int],
                  starts: dict[int, str], last: str, today: date | None,
                  ) -> dict[int, list[MonthSummary]]:
    """Months ``starts[pid]``..``last`` of each product, replayed from the ledger.

    Lot balances before a product's start month are summed in SQL and carried in as opening
    entries, so only the lines inside the window are loaded.  ``today`` stops stockout days
    from counting days still to come.
    """
    earliest = min(starts[p] for p in product_ids)
    first_day, _ = period_bounds(earliest)
    lines: dict[int, list[Entry]] = defaultdict(list)
    opening: dict[int, dict[tuple[str, date | None], int]] = defaultdict(
        lambda: defaultdict(int))
    for chunk in _chunks(list(product_ids), 500):
        for pid, mid, on, col, batch, expiry, delta in s.execute(
            select(MovementLine.product_id, MovementLine.movement_id, MovementLine.occurred_on,
                   MovementLine.summary_column, Lot.batch, Lot.expiry, MovementLine.delta)
            .join(Lot, Lot.id == MovementLine.lot_id)
            .where(MovementLine.facility_id == facility_id,
                   MovementLine.product_id.in_(chunk), MovementLine.occurred_on >= first_day)
        ):
            lines[pid].append(Entry(mid, on, Kind.RECEIPT, batch, expiry, delta, Column(col)))
        for pid, batch, expiry, bal in s.execute(
            select(MovementLine.product_id, Lot.batch, Lot.expiry, func.sum(MovementLine.delta))
            .join(Lot, Lot.id == MovementLine.lot_id)
            .where(MovementLine.facility_id == facility_id,
                   MovementLine.product_id.in_(chunk), MovementLine.occurred_on < first_day)
            .group_by(MovementLine.product_id, Lot.id, Lot.batch, Lot.expiry)
        ):
            opening[pid][(batch, expiry)] += int(bal)
    out: dict[int, list[MonthSummary]] = {}
    for pid in product_ids:
        start_day, _ = period_bounds(starts[pid])
        eve = start_day - timedelta(days=1)
        lots = opening[pid]
        window: list[Entry] = []
        for e in lines.get(pid, []):
            if e.occurred_on < start_day:  # before this product's own start: opening
                lots[(e.lot, e.expiry)] += e.delta
            else:
                window.append(e)
        entries = [Entry(0, eve, Kind.RECEIPT, batch, expiry, bal, Column.NONE)
                   for (batch, expiry), bal in lots.items() if bal]
        entries.extend(window)
        out[pid] = monthly_summaries(entries, starts[pid], last, through=today)
    return out


def _recompute(s: Session, starts: dict[Pair, str], through: str) -> int:
    by_facility: dict[int, dict[int, str]] = defaultdict(dict)
    for (f, p), per in starts.items():
        by_facility[f][p] = per
    written = 0
    for fac, products in by_facility.items():
        months = replay_months(s, fac, list(products), products, through, None)
        for pid, start in products.items():
            s.execute(delete(MonthlyReport).where(
                MonthlyReport.source == "ledger", MonthlyReport.facility_id == fac,
                MonthlyReport.product_id == pid, MonthlyReport.period >= start))
        rows = [_row(fac, pid, m) for pid, ms in months.items() for m in ms]
        for chunk in _chunks(rows, 5000):
            s.execute(insert(MonthlyReport), chunk)
        written += len(rows)
    return written


def _row(fac: int, pid: int, m: MonthSummary) -> dict[str, Any]:
    return {"facility_id": fac, "product_id": pid, "period": m.period, "source": "ledger",
            "opening_balance": m.opening, "received": m.received, "consumed": m.consumed,
            "losses_adjustments": m.adjustments, "closing_balance": m.closing,
            "stockout_days": m.stockout_days}


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
