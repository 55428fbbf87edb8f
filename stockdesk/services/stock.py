"""Reading stock: on hand per product and lot as of any date, stock cards, monthly summaries.

Totals come from SQL aggregates over the indexed ledger columns; stock cards, stockout days and
monthly summaries replay the ledger through the pure ``inventory.ledger`` code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk.db.models import (
    Facility,
    Lot,
    MonthlyReport,
    Movement,
    MovementLine,
    Product,
    StockBalance,
    SummaryBlock,
    User,
)
from stockdesk.inventory.kinds import Column, Kind
from stockdesk.inventory.ledger import (
    Entry,
    MonthSummary,
    is_expired,
    period_of,
    rank_for,
    stock_card,
)
from stockdesk.problems import ProblemsFound, error
from stockdesk.services import summaries
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.summaries import month_index


@dataclass(frozen=True)
class ProductStock:
    code: str
    name: str
    unit: str
    on_hand: int  # all lots, expired included (what is physically on the shelf)
    usable: int  # non-expired lots: what can be issued
    expired: int
    stockout_days: int  # this month so far (days whose usable closing balance was 0)
    strength: str | None = None
    form: str | None = None

    @property
    def description(self) -> str:
        """Name, strength and form, as a pharmacist tells two presentations apart."""
        return " ".join(x for x in (self.name, self.strength, self.form) if x)


@dataclass(frozen=True)
class LotStock:
    lot: str
    expiry: date | None
    balance: int
    expired: bool


@dataclass(frozen=True)
class CardLine:
    movement_id: int
    occurred_on: date
    recorded_at: datetime
    kind: str
    reason: str | None
    reference: str | None
    counterparty: str | None
    lot: str
    expiry: date | None
    quantity_in: int
    quantity_out: int
    counted: int | None
    lot_balance: int
    balance: int
    user: str | None
    note: str | None


class DistrictMonthly:
    """Monthly summaries of many facilities as parallel numpy columns (one entry per month),
    sorted by facility, product and month."""

    COLUMNS = ("facility", "product", "period", "source", "opening", "received", "consumed",
               "adjustments", "closing", "stockout_days", "stockout_days_known",
               "facility_id", "product_id", "month")  # ids and month index: cheap to group

    def __init__(self) -> None:
        self.columns: dict[str, Any] = {c: np.array([]) for c in self.COLUMNS}

    def __len__(self) -> int:
        return len(self.columns["period"])


@dataclass(frozen=True)
class MonthlyLine:
    """A month of one product at one facility, and where the figures came from."""

    product: str
    summary: MonthSummary
    source: str  # 'ledger' or 'history'
    stockout_days_known: bool = True


class StockService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    # -- stock on hand ---------------------------------------------------------------------

    def stock_on_hand(self, facility: str, as_of: date | None = None, *,
                      lots: list[tuple[int, str, date | None, int]] | None = None,
                      ) -> list[ProductStock]:
        """Every product the facility has a record of, with stock at the end of ``as_of``.

        Today's stock comes from the balance cache; a past date aggregates the ledger.
        ``lots``, when given, receives the :func:`lot_rows` the totals were made of, for a
        caller that needs the lots too and would otherwise read them again.
        """
        self.actor.require("stock.read")
        today = self.today()
        day = as_of or today
        with self.db.reading() as s:
            fac = self._facility(s, facility)
            rows = lot_rows(s, fac.id, day, today)
            if lots is not None:
                lots.extend(rows)
            return self._on_hand(s, fac.id, day, today, rows)

    def _on_hand(self, s: Session, facility_id: int, day: date, today: date,
                 rows: Sequence[tuple[int, str, date | None, int]]) -> list[ProductStock]:
        """:meth:`stock_on_hand` from the facility's ``lot_rows`` already read in ``s``."""
        on_hand: dict[int, int] = defaultdict(int)
        usable: dict[int, int] = defaultdict(int)
        for pid, _batch, expiry, bal in rows:
            on_hand[pid] += int(bal)
            if not is_expired(expiry, day):
                usable[pid] += int(bal)
        history_ids = set(s.scalars(
            select(MonthlyReport.product_id).distinct()
            .where(MonthlyReport.facility_id == facility_id, MonthlyReport.source == "history")))
        # products known only from monthly history: that month's report is all we know
        reported = {pid: (closing, x) for pid, closing, x in s.execute(
            select(MonthlyReport.product_id, MonthlyReport.closing_balance,
                   MonthlyReport.stockout_days)
            .where(MonthlyReport.facility_id == facility_id, MonthlyReport.source == "history",
                   MonthlyReport.period == period_of(day)))
            if pid not in on_hand}
        for pid, (closing, _) in reported.items():
            on_hand[pid] = usable[pid] = int(closing)
        ids = set(on_hand) | history_ids
        if day >= today:
            month = summaries.current_month(s, facility_id, today)
            stockout = {pid: m.stockout_days for pid, m in month.items()}
        else:
            stockout = self._stockout_days_in_month(s, facility_id, day, ids)
        products = s.execute(
            select(Product.id, Product.code, Product.name, Product.dispensing_unit,
                   Product.strength, Product.dosage_form)
            .where(Product.id.in_(ids))).all()
        out = [
            ProductStock(code, name, unit, on_hand[pid], usable[pid],
                         on_hand[pid] - usable[pid],
                         stockout.get(pid, (reported.get(pid, (0, 0))[1] or 0)),
                         strength, form)
            for pid, code, name, unit, strength, form in products
        ]
        return sorted(out, key=lambda x: x.code)

    def _stockout_days_in_month(self, s: Session, facility_id: int, day: date,
                                product_ids: set[int]) -> dict[int, int]:
        if not product_ids:
            return {}
        current = period_of(day)
        months = summaries.replay_months(s, facility_id, sorted(product_ids),
                                         dict.fromkeys(product_ids, current), current, day)
        return {pid: ms[-1].stockout_days for pid, ms in months.items()}

    def lot_balances(self, facility: str, product: str,
                     as_of: date | None = None) -> list[LotStock]:
        self.actor.require("stock.read")
        day = as_of or self.today()
        with self.db.reading() as s:
            fac = self._facility(s, facility)
            prod = self._product(s, product)
            rows = s.execute(
                select(Lot.batch, Lot.expiry, func.sum(MovementLine.delta))
                .join(MovementLine, MovementLine.lot_id == Lot.id)
                .where(MovementLine.facility_id == fac.id, MovementLine.product_id == prod.id,
                       MovementLine.occurred_on <= day)
                .group_by(Lot.id, Lot.batch, Lot.expiry)
            ).all()
            out = [LotStock(b, e, int(q), is_expired(e, day)) for b, e, q in rows if q]
            return sorted(out, key=lambda x: (x.expiry is None, x.expiry or date.max, x.lot))

    # -- stock card ------------------------------------------------------------------------

    def stock_card(self, facility: str, product: str) -> list[CardLine]:
        """Every movement of the product in ledger order with lot and product running balance."""
        self.actor.require("stock.read")
        with self.db.reading() as s:
            fac = self._facility(s, facility)
            prod = self._product(s, product)
            entries, meta = self._entries(s, fac.id, [prod.id])
            rows = stock_card(entries.get(prod.id, []))
            out = []
            for r in rows:
                e = r.entry
                m = meta[(e.movement_id, e.lot)]
                out.append(CardLine(
                    movement_id=e.seq, occurred_on=e.occurred_on, recorded_at=m["recorded_at"],
                    kind=e.kind.value, reason=m["reason"], reference=e.reference,
                    counterparty=m["counterparty"], lot=e.lot, expiry=e.expiry,
                    quantity_in=max(e.delta, 0), quantity_out=max(-e.delta, 0),
                    counted=e.counted, lot_balance=r.lot_balance, balance=r.balance,
                    user=e.user, note=m["note"],
                ))
            return out

    def _entries(self, s: Session, facility_id: int, product_ids: Iterable[int] | None,
                 ) -> tuple[dict[int, list[Entry]], dict[tuple[int | None, str], dict]]:
        ids = list(product_ids) if product_ids is not None else None
        cp = Facility.__table__.alias("cp")
        q = (
            select(MovementLine.product_id, Movement.id, Movement.occurred_on, Movement.kind,
                   Lot.batch, Lot.expiry, MovementLine.delta, MovementLine.counted,
                   Movement.summary_column, Movement.reverses_id, Movement.count_id,
                   Movement.reference, User.username, Movement.recorded_at, Movement.reason,
                   Movement.counterparty_name, cp.c.code, Movement.note, Movement.corrects_id)
            .join(Movement, Movement.id == MovementLine.movement_id)
            .join(Lot, Lot.id == MovementLine.lot_id)
            .outerjoin(User, User.id == Movement.user_id)
            .outerjoin(cp, cp.c.id == Movement.counterparty_facility_id)
            .where(MovementLine.facility_id == facility_id)
        )
        if ids is not None:
            q = q.where(MovementLine.product_id.in_(ids))
        rows = s.execute(q).all()
        order = _same_day_order(rows)
        out: dict[int, list[Entry]] = defaultdict(list)
        meta: dict[tuple[int | None, str], dict] = {}
        for (pid, mid, on, kind, batch, expiry, delta, counted, col, _rev, _count_id, ref,
             user, recorded_at, reason, cp_name, cp_code, note, _corrects) in rows:
            k = Kind(kind)
            rank, after = order[mid]
            out[pid].append(Entry(
                seq=mid, occurred_on=on, kind=k, lot=batch, expiry=expiry, delta=delta,
                column=Column(col), rank=rank, after=after, counted=counted, reference=ref,
                user=user, movement_id=mid,
            ))
            meta[(mid, batch)] = {"recorded_at": recorded_at, "reason": reason,
                                  "counterparty": cp_code or cp_name, "note": note}
        return out, meta

    # -- monthly summaries -----------------------------------------------------------------

    def monthly(self, facility: str, first_period: str, last_period: str,
                products: Iterable[str] | None = None) -> list[MonthlyLine]:
        """A–E and X per product and month: from the ledger for the months it covers, from
        imported history before (AC-01).  The ledger's first month, usually begun mid-month,
        gives way to a monthly report of that month when one was imported."""
        self.actor.require("stock.read")
        with self.db.transaction() as s:  # may bring the summary cache up to date
            fac = self._facility(s, facility)
            ids = None
            if products is not None:
                ids = [self._product(s, code).id for code in products]
            table = self._table(s, {fac.id: fac.code}, first_period, last_period, ids)
        c = table.columns
        return [
            MonthlyLine(c["product"][i], MonthSummary(
                c["period"][i], int(c["opening"][i]), int(c["received"][i]),
                int(c["consumed"][i]), int(c["adjustments"][i]), int(c["closing"][i]),
                int(c["stockout_days"][i])),
                c["source"][i], bool(c["stockout_days_known"][i]))
            for i in range(len(table))
        ]

    def facility_monthly(self, facility: str, first_period: str,
                         last_period: str) -> DistrictMonthly:
        """:meth:`monthly` of one facility as columns, like :meth:`district_monthly`."""
        self.actor.require("stock.read")
        with self.db.transaction() as s:
            fac = self._facility(s, facility)
            return self._table(s, {fac.id: fac.code}, first_period, last_period, None)

    def district_monthly(self, district: str, first_period: str,
                         last_period: str) -> DistrictMonthly:
        """Every facility × product × month of a district, as columns (fast to hand to numpy).

        Completed months come from the summary cache, refreshed first where the ledger has
        moved on; the current month is computed live.
        """
        self.actor.require("stock.read")
        with self.db.transaction() as s:
            facs = dict(s.execute(select(Facility.id, Facility.code)
                                  .where(Facility.district == district)).all())
            if not facs:
                raise ProblemsFound([error("district.unknown", name=district)])
            return self._table(s, facs, first_period, last_period, None)

    def _table(self, s: Session, facilities: dict[int, str], first: str, last: str,
               product_ids: list[int] | None) -> DistrictMonthly:
        """Assemble months from summary blocks (ledger), history rows and the live month.

        Each source contributes runs of consecutive months of one pair; runs are sorted and
        concatenated with numpy, so 540,000 months never become 540,000 Python objects.
        """
        today = self.today()
        fac_ids = sorted(facilities)
        summaries.refresh(s, today, fac_ids)
        lo, hi = month_index(first), month_index(last)
        cur = month_index(period_of(today))
        wanted = set(product_ids) if product_ids is not None else None
        runs: list[tuple[int, int, int, np.ndarray, str, np.ndarray | None]] = []
        ledger_start: dict[tuple[int, int], int] = {}
        bq = select(SummaryBlock.facility_id, SummaryBlock.product_id,
                    SummaryBlock.first_period, SummaryBlock.data).where(
            SummaryBlock.facility_id.in_(fac_ids))
        for f, p, fp, data in s.execute(bq):
            if wanted is not None and p not in wanted:
                continue
            arr, i0 = summaries.decode(data), month_index(fp)
            ledger_start[(f, p)] = i0
            a, b = max(lo, i0), min(hi, i0 + len(arr) - 1)
            if a <= b:
                runs.append((f, p, a, arr[a - i0:b - i0 + 1], "ledger", None))
        if lo <= cur <= hi:  # the month in progress, computed live
            for (f, pid), m in summaries.current_months(s, fac_ids, today,
                                                         product_ids).items():
                ledger_start.setdefault((f, pid), cur)
                runs.append((f, pid, cur, np.array([[m.opening, m.received, m.consumed,
                                                     m.adjustments, m.closing,
                                                     m.stockout_days]]), "ledger", None))
        mr = MonthlyReport
        # imported history, and at a district office the months its facilities' R&Rs brought
        # (a history row wins when both exist); quarterly codes never match a month range
        hq = select(mr.facility_id, mr.product_id, mr.period, mr.opening_balance, mr.received,
                    mr.consumed, mr.losses_adjustments, mr.closing_balance,
                    mr.stockout_days).where(
            mr.facility_id.in_(fac_ids), mr.source.in_(("history", "requisition")),
            mr.period >= first, mr.period <= last).order_by(mr.source)
        if product_ids is not None:
            hq = hq.where(mr.product_id.in_(product_ids))
        first_month_reported: set[tuple[int, int]] = set()
        taken: set[tuple[int, int, str]] = set()
        for f, p, per, a, b, c, d, e, x in s.execute(hq):  # "history" sorts first
            if (f, p, per) in taken:
                continue
            taken.add((f, p, per))
            i = month_index(per)
            start = ledger_start.get((f, p), hi + 1)
            if i > start:
                continue  # the ledger wins for the months it covers ...
            if i == start:  # ... except its first: begun mid-month, it holds only part of it
                first_month_reported.add((f, p))
            runs.append((f, p, i, np.array([[a, b, c, d, e, x or 0]]), "history",
                         np.array([x is not None])))
        if first_month_reported:
            runs = [_without_first_month(r) if r[4] == "ledger" and (r[0], r[1]) in
                    first_month_reported and r[2] == ledger_start[(r[0], r[1])] else r
                    for r in runs]
            runs = [r for r in runs if len(r[3])]
        return self._assemble(s, facilities, runs, lo, hi)

    @staticmethod
    def _assemble(s: Session, facilities: dict[int, str],
                  runs: list[tuple[int, int, int, np.ndarray, str, np.ndarray | None]],
                  lo: int, hi: int) -> DistrictMonthly:
        out = DistrictMonthly()
        if not runs:
            return out
        runs.sort(key=lambda r: (r[0], r[1], r[2]))
        codes = dict(s.execute(select(Product.id, Product.code)).all())
        lengths = np.array([len(r[3]) for r in runs])
        values = np.concatenate([r[3] for r in runs]).astype(np.int64)
        periods = np.array([f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(lo, hi + 1)],
                           dtype=object)
        starts = np.repeat(np.array([r[2] for r in runs]), lengths)
        offsets = np.arange(len(values)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        known = np.ones(len(values), dtype=bool)
        ends = np.cumsum(lengths)
        for i, r in enumerate(runs):
            if r[5] is not None:
                known[ends[i] - lengths[i]:ends[i]] = r[5]
        out.columns.update({
            "facility": np.repeat(np.array([facilities[r[0]] for r in runs], dtype=object),
                                  lengths),
            "product": np.repeat(np.array([codes[r[1]] for r in runs], dtype=object), lengths),
            "period": periods[starts + offsets - lo],
            "source": np.repeat(np.array([r[4] for r in runs], dtype=object), lengths),
            "opening": values[:, 0], "received": values[:, 1], "consumed": values[:, 2],
            "adjustments": values[:, 3], "closing": values[:, 4],
            "stockout_days": values[:, 5], "stockout_days_known": known,
            "facility_id": np.repeat(np.array([r[0] for r in runs], dtype=np.int64), lengths),
            "product_id": np.repeat(np.array([r[1] for r in runs], dtype=np.int64), lengths),
            "month": starts + offsets,  # year × 12 + month − 1, as summaries.month_index
        })
        return out

    # -- lookups ---------------------------------------------------------------------------

    @staticmethod
    def _facility(s: Session, code: str) -> Facility:
        fac = s.scalar(select(Facility).where(Facility.code == code))
        if fac is None:
            raise ProblemsFound([error("facility.unknown", code=code)])
        return fac

    @staticmethod
    def _product(s: Session, code: str) -> Product:
        prod = s.scalar(select(Product).where(Product.code == code))
        if prod is None:
            raise ProblemsFound([error("product.unknown", code=code)])
        return prod


def _without_first_month(run: tuple[int, int, int, np.ndarray, str, np.ndarray | None],
                         ) -> tuple[int, int, int, np.ndarray, str, np.ndarray | None]:
    f, p, start, values, source, known = run
    return f, p, start + 1, values[1:], source, known


def lot_rows(s: Session, facility_id: int, day: date,
             today: date) -> list[tuple[int, str, date | None, int]]:
    """(product id, batch, expiry, balance) of every lot at the end of ``day``.

    Today (or later) reads the balance cache; a past day aggregates the indexed ledger.
    """
    if day >= today:
        q = (select(StockBalance.product_id, Lot.batch, Lot.expiry, StockBalance.balance)
             .join(Lot, Lot.id == StockBalance.lot_id)
             .where(StockBalance.facility_id == facility_id))
    else:
        q = (select(MovementLine.product_id, Lot.batch, Lot.expiry, func.sum(MovementLine.delta))
             .join(Lot, Lot.id == MovementLine.lot_id)
             .where(MovementLine.facility_id == facility_id, MovementLine.occurred_on <= day)
             .group_by(MovementLine.product_id, Lot.id, Lot.batch, Lot.expiry))
    return [(pid, batch, expiry, int(bal)) for pid, batch, expiry, bal in s.execute(q)]


def _same_day_order(rows: Sequence[Any]) -> dict[int, tuple[int, int | None]]:
    """Movement id -> (same-day rank, ``after``) for :class:`Entry`.

    A reversal posted on its original's day follows the original; a correction's
    replacement posted on its reversal's day follows the reversal (AC-24 reads "−1,200, then
    +1,000").  Only the order of reading changes: balances at the end of a day do not.
    """
    by_id: dict[int, Any] = {}
    for r in rows:
        by_id.setdefault(r[1], r)
    reversal_of = {r[9]: r[1] for r in by_id.values() if r[9] is not None}
    out: dict[int, tuple[int, int | None]] = {}

    def place(mid: int) -> tuple[int, int | None]:
        if mid in out:
            return out[mid]
        r = by_id[mid]
        on, kind, delta, rev, count_id, corrects = r[2], Kind(r[3]), r[6], r[9], r[10], r[18]
        result: tuple[int, int | None] = (
            rank_for(kind, delta, closes_count=count_id is not None), None)
        if rev is not None and rev in by_id and by_id[rev][2] == on:
            result = (place(rev)[0], rev)
        elif corrects is not None and corrects in reversal_of:
            reversal = reversal_of[corrects]
            if by_id[reversal][2] == on:
                r_rank, r_after = place(reversal)
                result = (r_rank, r_after if r_after is not None else reversal)
        out[mid] = result
        return result

    for mid in by_id:
        place(mid)
    return out




__all__ = ["CardLine", "LotStock", "MonthlyLine", "ProductStock", "StockService"]
