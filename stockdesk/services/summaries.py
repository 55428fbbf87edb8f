"""Monthly summaries of the ledger, with completed months kept as a rebuildable cache.

A district's summaries (50 facilities × 300 products × 36 months) feed the R&R, the dashboard
and the forecasts; replaying millions of daily lines for each read would take seconds, so each
(facility, product) pair's *completed* months are kept as one compact block
(``summary_blocks``).  Posting marks the pair stale from the posted month on
(``summary_dirty``, in the posting transaction); the next read recomputes only what is stale,
through the pure replay in ``inventory.ledger``, and clears the mark.  The current month is
never cached: its stockout days grow every day, so it is computed live.  ``rebuild``
recomputes everything; ``verify`` compares the cache with a full replay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Integer, delete, exists, func, insert, select, tuple_
from sqlalchemy.orm import Session

from stockdesk.db.models import (
    Facility,
    Lot,
    Movement,
    MovementLine,
    Product,
    StockBalance,
    SummaryBlock,
    SummaryDirty,
)
from stockdesk.inventory import grid
from stockdesk.inventory.kinds import Column, Kind
from stockdesk.inventory.ledger import (
    Entry,
    MonthSummary,
    monthly_summaries,
    next_period,
    period_bounds,
    period_of,
    periods_between,
)
from stockdesk.services.database import Database, lock_facility
from stockdesk.services.upsert import is_postgresql, upsert

Pair = tuple[int, int]  # facility_id, product_id
_LINES_AT_ONCE = 50_000  # ledger lines turned into columns at a time
COLUMNS = {c.value: c for c in Column}


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
    ins = upsert(s, SummaryDirty)
    earlier = func.least if is_postgresql(s) else func.min  # SQLite's min of two values
    s.execute(ins.on_conflict_do_update(
        index_elements=["facility_id", "product_id"],
        set_={"from_period": earlier(SummaryDirty.from_period, ins.excluded.from_period)},
    ), rows)


@dataclass(frozen=True)
class RefreshResult:
    pairs: int
    months: int


def refresh(s: Session, today: date, facility_ids: Sequence[int] | None = None) -> RefreshResult:
    """Bring the blocks of the given facilities (all when None) up to the last complete month.

    A pair needs work when it is marked dirty, or when its block stops before the last
    complete month (time has passed since: its later months need rows, and stockout days keep
    counting while its shelf stays empty).
    """
    through = last_complete_period(today)
    fac_ids = list(facility_ids) if facility_ids is not None else list(
        s.scalars(select(Facility.id)))
    for fac in sorted(fac_ids):  # postings wait while their facility's months are redone
        lock_facility(s, fac)
    dq = select(SummaryDirty.facility_id, SummaryDirty.product_id, SummaryDirty.from_period)
    bq = select(SummaryBlock.facility_id, SummaryBlock.product_id, SummaryBlock.first_period,
                SummaryBlock.months)
    if facility_ids is not None:
        dq = dq.where(SummaryDirty.facility_id.in_(facility_ids))
        bq = bq.where(SummaryBlock.facility_id.in_(facility_ids))
    blocks = {(f, p): (first, n) for f, p, first, n in s.execute(bq)}
    starts: dict[Pair, str] = {}
    marks: list[tuple[int, int, str]] = []
    for f, p, per in s.execute(dq):
        if per <= through:
            starts[(f, p)] = per
            marks.append((f, p, per))
    for pair, (first, n) in blocks.items():
        end = add_months(first, n - 1) if n else None
        if end is None or end < through:
            nxt = first if end is None else next_period(end)
            starts[pair] = min(starts.get(pair, nxt), nxt)
    months = _recompute(s, starts, blocks, through) if starts else 0
    # clear exactly the marks that were redone; marks for the month in progress stay until
    # that month is complete
    for chunk in _chunks(marks, 500):
        s.execute(delete(SummaryDirty).where(
            tuple_(SummaryDirty.facility_id, SummaryDirty.product_id,
                   SummaryDirty.from_period).in_(chunk)))
    return RefreshResult(len(starts), months)


def bring_up_to_date(db: Database, today: date, *,
                     progress: Callable[[int, int], None] | None = None) -> RefreshResult:
    """Refresh every facility with stale blocks, one transaction per facility.

    Called once new ledger lines have arrived in bulk (an import, the demo), so that the
    first read of each facility finds its months ready.  One facility at a time keeps each
    lock short: a pharmacist posting meanwhile waits for one facility's months at most.
    ``progress(done, total)`` is called after each facility and may raise to stop.
    """
    through = last_complete_period(today)
    with db.reading() as s:
        stale = sorted(set(s.scalars(select(SummaryDirty.facility_id)
                                     .where(SummaryDirty.from_period <= through).distinct())))
    pairs = months = 0
    for done, facility_id in enumerate(stale, 1):
        with db.transaction() as s:
            result = refresh(s, today, [facility_id])
        pairs, months = pairs + result.pairs, months + result.months
        if progress is not None:
            progress(done, len(stale))
    return RefreshResult(pairs, months)


def rebuild(s: Session, today: date) -> RefreshResult:
    """Throw the whole cache away and recompute it from the ledger."""
    s.execute(delete(SummaryBlock))
    s.execute(delete(SummaryDirty))
    through = last_complete_period(today)
    firsts = s.execute(select(MovementLine.facility_id, MovementLine.product_id,
                              func.min(MovementLine.period))
                       .group_by(MovementLine.facility_id, MovementLine.product_id)).all()
    starts = {(f, p): per for f, p, per in firsts if per <= through}
    return RefreshResult(len(starts), _recompute(s, starts, {}, through))


def verify(s: Session, today: date) -> list[str]:
    """Differences between the cached blocks and a full replay (empty when the cache is right).

    Pairs still marked dirty are skipped: their blocks are known to be stale and will be
    recomputed at the next read.
    """
    through = last_complete_period(today)
    dirty = {(f, p) for f, p in s.execute(select(SummaryDirty.facility_id,
                                                 SummaryDirty.product_id))}
    cached = {(b.facility_id, b.product_id): b for b in s.scalars(select(SummaryBlock))}
    firsts = s.execute(select(MovementLine.facility_id, MovementLine.product_id,
                              func.min(MovementLine.period))
                       .group_by(MovementLine.facility_id, MovementLine.product_id)).all()
    problems = []
    for fac, pid, first in firsts:
        if (fac, pid) in dirty or first > through:
            continue
        expected = reference_months(s, fac, [pid], {pid: first}, through, None)[pid]
        block = cached.get((fac, pid))
        # months past ``through`` were summarised on a later day (a clock put right since,
        # or a caller asking about the past): nothing reads them for this day, so they are
        # not compared
        got = [] if block is None else [
            (period, *map(int, row)) for i, row in enumerate(decode(block.data))
            if (period := add_months(block.first_period, i)) <= through]
        want = [(m.period, m.opening, m.received, m.consumed, m.adjustments, m.closing,
                  m.stockout_days) for m in expected]
        if got != want:
            diff = next((f"{g} != {w}" for g, w in zip(got, want, strict=False) if g != w),
                        f"{len(got)} months cached, {len(want)} in the ledger")
            problems.append(f"facility {fac} product {pid}: {diff}")
    return problems


def decode(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<i8").reshape(-1, 6)


def add_months(period: str, n: int) -> str:
    index = int(period[:4]) * 12 + int(period[5:7]) - 1 + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_index(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def reference_months(s: Session, facility_id: int, product_ids: Sequence[int],
                     starts: dict[int, str], last: str, today: date | None,
                     ) -> dict[int, list[MonthSummary]]:
    """Months ``starts[pid]``..``last`` of each product, replayed line by line through the
    readable pure code: the reference :func:`verify` checks the cache against.

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
            lines[pid].append(Entry(mid, on, Kind.RECEIPT, batch, expiry, delta, COLUMNS[col]))
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
                   for (batch, expiry), bal in lots.items()]
        entries.extend(window)
        out[pid] = monthly_summaries(entries, starts[pid], last, through=today)
    return out


def _day_offset(s: Session, column: Any, start: date) -> Any:
    """SQL for ``column − start`` in whole days (NULL stays NULL), on either backend."""
    if s.get_bind().dialect.name == "postgresql":
        return column - start
    return func.cast(func.julianday(column) - func.julianday(start.isoformat()), Integer)


def _col_codes(values: Sequence[str]) -> np.ndarray:
    table = {"B": grid.COL_B, "C": grid.COL_C, "D": grid.COL_D}
    return np.array([table.get(v, grid.COL_NONE) for v in values], dtype=np.int64)


def _expiry(values: Sequence[int | None]) -> np.ndarray:
    return np.array([grid.NEVER if v is None else v for v in values], dtype=np.int64)


def replay_months(s: Session, facility_id: int, product_ids: Sequence[int],
                  starts: dict[int, str], last: str, today: date | None,
                  ) -> dict[int, list[MonthSummary]]:
    """Months ``starts[pid]``..``last`` of each product, replayed from the ledger at once.

    The same rules as :func:`reference_months`, through the numpy day grid
    (``inventory.grid``).  ``today`` stops stockout days from counting days still to come.
    """
    if not product_ids:
        return {}
    periods, index, table = replay_table(s, facility_id, product_ids, min(starts.values()),
                                         last, today)
    out: dict[int, list[MonthSummary]] = {}
    for pid, i in index.items():
        skip = periods.index(starts[pid])
        out[pid] = [MonthSummary(periods[m], *map(int, table[i, m]))
                    for m in range(skip, len(periods))]
    return out


def replay_table(s: Session, facility_id: int, product_ids: Sequence[int], first: str,
                 last: str, today: date | None,
                 ) -> tuple[list[str], dict[int, int], np.ndarray]:
    """Months ``first``..``last`` of the products as an (products, months, 6) array.

    Lot balances before the window are summed in SQL; the lines inside it are read as
    columns (day offsets computed by the database) and go through the numpy day grid.
    """
    first_day, _ = period_bounds(first)
    _, last_day = period_bounds(last)
    periods = periods_between(first, last)
    month_starts = np.array([(period_bounds(p)[0] - first_day).days for p in periods])
    n_days = (last_day - first_day).days + 1
    through = n_days - 1 if today is None else min((today - first_day).days, n_days - 1)
    index = {pid: i for i, pid in enumerate(product_ids)}
    lookup = np.full(max(product_ids) + 1, -1, dtype=np.int64)
    lookup[list(index)] = list(index.values())
    day = _day_offset(s, MovementLine.occurred_on, first_day)
    expiry = _day_offset(s, Lot.expiry, first_day)
    parts: list[tuple[np.ndarray, ...]] = []
    o_parts: list[Sequence[Any]] = []
    for chunk in _chunks(list(product_ids), 500):
        result = s.execute(
            select(MovementLine.product_id, day, MovementLine.delta,
                   MovementLine.summary_column, expiry)
            .join(Lot, Lot.id == MovementLine.lot_id)
            .where(MovementLine.facility_id == facility_id,
                   MovementLine.product_id.in_(chunk), MovementLine.occurred_on >= first_day,
                   MovementLine.occurred_on <= last_day))
        # a facility's whole history can be millions of lines: they become compact columns
        # a slice at a time, never a list of row objects
        for rows in result.partitions(_LINES_AT_ONCE):
            pid, d, delta, col, exp = zip(*rows, strict=True)
            parts.append((lookup[np.array(pid, dtype=np.int64)], np.array(d, dtype=np.int64),
                          np.array(delta, dtype=np.int64), _col_codes(col), _expiry(exp)))
        o_parts.append(s.execute(
            select(MovementLine.product_id, expiry, func.sum(MovementLine.delta))
            .join(Lot, Lot.id == MovementLine.lot_id)
            .where(MovementLine.facility_id == facility_id,
                   MovementLine.product_id.in_(chunk), MovementLine.occurred_on < first_day)
            .group_by(MovementLine.product_id, Lot.id, Lot.expiry)).all())
    o_rows = [r for part in o_parts for r in part]
    if parts:
        lines = grid.Lines(*(np.concatenate(column) for column in zip(*parts, strict=True)))
    else:
        empty = np.array([], dtype=np.int64)
        lines = grid.Lines(empty, empty, empty, _col_codes(()), _expiry(()))
    o_pid, o_exp, o_bal = zip(*o_rows, strict=True) if o_rows else ((),) * 3
    opening = grid.Opening(lookup[np.array(o_pid, dtype=np.int64)],
                           np.array(o_bal, dtype=np.int64), _expiry(o_exp))
    table = grid.monthly_grid(len(product_ids), n_days, month_starts, lines, opening, through)
    return periods, index, table


def current_month(s: Session, facility_id: int, today: date,
                  product_ids: Iterable[int] | None = None) -> dict[int, MonthSummary]:
    """This month so far for each product with stock or movements at the facility."""
    months = current_months(s, [facility_id], today, product_ids)
    return {pid: m for (_, pid), m in months.items()}


def current_months(s: Session, facility_ids: Sequence[int], today: date,
                   product_ids: Iterable[int] | None = None,
                   ) -> dict[tuple[int, int], MonthSummary]:
    """This month so far for each (facility, product) with stock or movements, at once.

    Opening lot balances are the cached current balances minus this month's lines, so only
    this month's lines are read, never the years before; rows become numpy arrays straight
    away, so a district of fifty facilities costs two queries, not a hundred Python loops.
    """
    if not facility_ids:
        return {}
    period = period_of(today)
    first_day, last_day = period_bounds(period)
    expiry = _day_offset(s, Lot.expiry, first_day)
    held = s.execute(
        select(StockBalance.facility_id, StockBalance.product_id, StockBalance.lot_id, expiry,
               StockBalance.balance)
        .join(Lot, Lot.id == StockBalance.lot_id)
        .where(StockBalance.facility_id.in_(list(facility_ids)))).all()
    if product_ids is not None:
        wanted = set(product_ids)
        held = [r for r in held if r[1] in wanted]
    if not held:
        return {}
    fac, pid, lot, exp, bal = (np.array(c) for c in zip(*held, strict=True))
    fac, pid, lot, bal = (a.astype(np.int64) for a in (fac, pid, lot, bal))
    exp = _expiry(list(exp))
    key = fac * (1 << 32) + lot  # one cache row per facility × lot
    order = np.argsort(key)
    fac, pid, lot, exp, bal, key = (a[order] for a in (fac, pid, lot, exp, bal, key))
    moved = s.execute(
        select(MovementLine.facility_id, MovementLine.lot_id,
               _day_offset(s, MovementLine.occurred_on, first_day), MovementLine.delta,
               MovementLine.summary_column)
        .join(Movement, Movement.id == MovementLine.movement_id)
        .where(Movement.facility_id.in_(list(facility_ids)),
               Movement.occurred_on >= first_day)).all()
    at = l_day = l_delta = l_codes = np.array([], dtype=np.int64)
    if moved:
        m_fac, m_lot, m_day, m_delta, m_col = zip(*moved, strict=True)
        l_key = np.array(m_fac, dtype=np.int64) * (1 << 32) + np.array(m_lot, dtype=np.int64)
        at = np.minimum(np.searchsorted(key, l_key), len(key) - 1)
        known = key[at] == l_key  # lines of lots outside the products asked for are skipped
        at = at[known]
        l_day = np.array(m_day, dtype=np.int64)[known]
        l_delta = np.array(m_delta, dtype=np.int64)[known]
        l_codes = _col_codes(m_col)[known]
    opening = bal - np.bincount(at, weights=l_delta, minlength=len(key)).astype(np.int64)
    pair = fac * (1 << 32) + pid
    pairs, series = np.unique(pair, return_inverse=True)
    # a product whose first line is this month was not in the books before it: give it no
    # opening, so the days before that line are not counted as stocked out
    total = np.bincount(series, weights=opening, minlength=len(pairs))
    has_lines = np.bincount(series[at], minlength=len(pairs)) > 0
    maybe_new = np.flatnonzero(has_lines & (total == 0))
    new = np.zeros(len(pairs), dtype=bool)
    asked: dict[int, dict[int, int]] = defaultdict(dict)  # facility → product → pair index
    for i in maybe_new:
        f, p = divmod(int(pairs[i]), 1 << 32)
        asked[f][p] = int(i)
    for f, products in asked.items():  # one query per facility, only for these
        seen = _products_with_lines_before(s, f, first_day, set(products))
        for p, at_pair in products.items():
            new[at_pair] = p not in seen
    keep = ~new[series]
    lines = grid.Lines(series[at], l_day, l_delta, l_codes, exp[at])
    start = grid.Opening(series[keep], opening[keep], exp[keep])
    n_days = (last_day - first_day).days + 1
    table = grid.monthly_grid(len(pairs), n_days, np.array([0]), lines, start,
                              (today - first_day).days)
    return {divmod(int(k), 1 << 32): MonthSummary(period, *map(int, table[i, 0]))
            for i, k in enumerate(pairs)}


def _products_with_lines_before(s: Session, facility_id: int, day: date,
                                products: set[int]) -> set[int]:
    """Which of ``products`` have a ledger line at the facility before ``day`` (one query;
    an indexed probe per product that stops at its first line, however long the history)."""
    out: set[int] = set()
    for chunk in _chunks(sorted(products), 500):
        earlier = exists().where(MovementLine.facility_id == facility_id,
                                 MovementLine.product_id == Product.id,
                                 MovementLine.occurred_on < day)
        out.update(s.scalars(select(Product.id).where(Product.id.in_(chunk), earlier)))
    return out


def _recompute(s: Session, starts: dict[Pair, str], blocks: dict[Pair, tuple[str, int]],
               through: str) -> int:
    """Replay each pair from its start month through ``through`` and splice it into its block."""
    by_facility: dict[int, dict[int, str]] = defaultdict(dict)
    for (f, p), per in starts.items():
        by_facility[f][p] = per  # months before ``per`` are kept from the old block
    written = 0
    for fac, products in by_facility.items():
        periods, index, table = replay_table(s, fac, list(products), min(products.values()),
                                             through, None)
        keep = {}
        old = [p for p in products if (fac, p) in blocks]
        for chunk in _chunks(old, 500):
            for pid, first, data in s.execute(
                select(SummaryBlock.product_id, SummaryBlock.first_period, SummaryBlock.data)
                .where(SummaryBlock.facility_id == fac, SummaryBlock.product_id.in_(chunk))
            ):
                keep[pid] = (first, data)
            s.execute(delete(SummaryBlock).where(SummaryBlock.facility_id == fac,
                                                 SummaryBlock.product_id.in_(chunk)))
        rows = []
        for pid, start in products.items():
            skip = periods.index(start)
            new = np.ascontiguousarray(table[index[pid], skip:], dtype="<i8").tobytes()
            first = start
            if pid in keep and keep[pid][0] < start:
                old_first, old_data = keep[pid]
                new = old_data[:(month_index(start) - month_index(old_first)) * 48] + new
                first = old_first
            if new:
                rows.append({"facility_id": fac, "product_id": pid, "first_period": first,
                             "months": len(new) // 48, "data": new})
            written += len(periods) - skip
        for chunk in _chunks(rows, 2000):
            s.execute(insert(SummaryBlock), chunk)
    return written


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
