"""Reading stock: on hand per product and lot as of any date, stock cards, monthly summaries.

Totals come from SQL aggregates over the indexed ledger columns; stock cards, stockout days and
monthly summaries replay the ledger through the pure ``inventory.ledger`` code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk.db.models import (
    Facility,
    Lot,
    MonthlyReport,
    Movement,
    MovementLine,
    Product,
    User,
)
from stockdesk.inventory.kinds import Column, Kind
from stockdesk.inventory.ledger import (
    Entry,
    MonthSummary,
    is_expired,
    period_of,
    periods_between,
    rank_for,
    stock_card,
)
from stockdesk.problems import ProblemsFound, error
from stockdesk.services import summaries
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.ledger import today_utc


@dataclass(frozen=True)
class ProductStock:
    code: str
    name: str
    unit: str
    on_hand: int  # all lots, expired included (what is physically on the shelf)
    usable: int  # non-expired lots: what can be issued
    expired: int
    stockout_days: int  # this month so far (days whose usable closing balance was 0)


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
    """Monthly summaries of many facilities as parallel columns (one entry per month)."""

    COLUMNS = ("facility", "product", "period", "source", "opening", "received", "consumed",
               "adjustments", "closing", "stockout_days", "stockout_days_known")

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {c: [] for c in self.COLUMNS}

    def append(self, facility: str, product: str, m: MonthSummary, source: str,
               known: bool) -> None:
        values = (facility, product, m.period, source, m.opening, m.received, m.consumed,
                  m.adjustments, m.closing, m.stockout_days, known)
        for c, v in zip(self.COLUMNS, values, strict=True):
            self.columns[c].append(v)

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
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_utc):
        self.db = db
        self.actor = actor
        self.today = today

    # -- stock on hand ---------------------------------------------------------------------

    def stock_on_hand(self, facility: str, as_of: date | None = None) -> list[ProductStock]:
        """Every product the facility has a record of, with stock at the end of ``as_of``."""
        self.actor.require("stock.read")
        day = as_of or self.today()
        with self.db.reading() as s:
            fac = self._facility(s, facility)
            rows = s.execute(
                select(MovementLine.product_id, Lot.expiry, func.sum(MovementLine.delta))
                .join(Lot, Lot.id == MovementLine.lot_id)
                .where(MovementLine.facility_id == fac.id, MovementLine.occurred_on <= day)
                .group_by(MovementLine.product_id, Lot.id, Lot.expiry)
            ).all()
            on_hand: dict[int, int] = defaultdict(int)
            usable: dict[int, int] = defaultdict(int)
            for pid, expiry, bal in rows:
                on_hand[pid] += int(bal)
                if not is_expired(expiry, day):
                    usable[pid] += int(bal)
            history_ids = set(s.scalars(
                select(MonthlyReport.product_id).where(MonthlyReport.facility_id == fac.id)
                .distinct()
            ))
            ids = set(on_hand) | history_ids
            stockout = self._stockout_days_this_month(s, fac.id, day, ids)
            products = {p.id: p for p in s.scalars(select(Product).where(Product.id.in_(ids)))}
            out = [
                ProductStock(p.code, p.name, p.dispensing_unit, on_hand[pid], usable[pid],
                             on_hand[pid] - usable[pid], stockout.get(pid, 0))
                for pid, p in products.items()
            ]
            return sorted(out, key=lambda x: x.code)

    def _stockout_days_this_month(self, s: Session, facility_id: int, day: date,
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
                   Movement.counterparty_name, cp.c.code, Movement.note)
            .join(Movement, Movement.id == MovementLine.movement_id)
            .join(Lot, Lot.id == MovementLine.lot_id)
            .outerjoin(User, User.id == Movement.user_id)
            .outerjoin(cp, cp.c.id == Movement.counterparty_facility_id)
            .where(MovementLine.facility_id == facility_id)
        )
        if ids is not None:
            q = q.where(MovementLine.product_id.in_(ids))
        rows = s.execute(q).all()
        # movement id -> (date, same-day rank), to put a same-day reversal after its original
        originals = {r[1]: (r[2], rank_for(Kind(r[3]), r[6], closes_count=r[10] is not None))
                     for r in rows}
        out: dict[int, list[Entry]] = defaultdict(list)
        meta: dict[tuple[int | None, str], dict] = {}
        for (pid, mid, on, kind, batch, expiry, delta, counted, col, rev, count_id, ref, user,
             recorded_at, reason, cp_name, cp_code, note) in rows:
            k = Kind(kind)
            rank = rank_for(k, delta, closes_count=count_id is not None)
            after = None
            if rev is not None and rev in originals and originals[rev][0] == on:
                after, rank = rev, originals[rev][1]
            out[pid].append(Entry(
                seq=mid, occurred_on=on, kind=k, lot=batch, expiry=expiry, delta=delta,
                column=Column(col), rank=rank, after=after, counted=counted, reference=ref, user=user,
                movement_id=mid,
            ))
            meta[(mid, batch)] = {"recorded_at": recorded_at, "reason": reason,
                                  "counterparty": cp_code or cp_name, "note": note}
        return out, meta

    # -- monthly summaries -----------------------------------------------------------------

    def monthly(self, facility: str, first_period: str, last_period: str,
                products: Iterable[str] | None = None) -> list[MonthlyLine]:
        """A–E and X per product and month: from the ledger for the months it covers, from
        imported history before (AC-01)."""
        self.actor.require("stock.read")
        with self.db.transaction() as s:  # may bring the summary cache up to date
            fac = self._facility(s, facility)
            ids = None
            if products is not None:
                ids = [self._product(s, code).id for code in products]
            table = self._district_table(s, [fac.id], first_period, last_period, ids)
            codes = dict(s.execute(select(Product.id, Product.code)).all())
        return [MonthlyLine(codes[pid], m, source, known)
                for (_, pid), ms in sorted(table.items(), key=lambda kv: codes[kv[0][1]])
                for m, source, known in ms]

    def district_monthly(self, district: str, first_period: str,
                         last_period: str) -> DistrictMonthly:
        """Every facility × product × month of a district, as columns (fast to hand to numpy).

        Completed months come from the summary cache, refreshed first where the ledger has
        moved on; the current month is replayed live.
        """
        self.actor.require("stock.read")
        with self.db.transaction() as s:
            facs = dict(s.execute(select(Facility.id, Facility.code)
                                  .where(Facility.district == district)).all())
            if not facs:
                raise ProblemsFound([error("facility.unknown", code=district)])
            table = self._district_table(s, sorted(facs), first_period, last_period, None)
            codes = dict(s.execute(select(Product.id, Product.code)).all())
        out = DistrictMonthly()
        for (fid, pid), ms in sorted(table.items()):
            for m, source, known in ms:
                out.append(facs[fid], codes[pid], m, source, known)
        return out

    def _district_table(self, s: Session, facility_ids: list[int], first: str, last: str,
                        product_ids: list[int] | None,
                        ) -> dict[tuple[int, int], list[tuple[MonthSummary, str, bool]]]:
        today = self.today()
        summaries.refresh(s, today, facility_ids)
        current = period_of(today)
        out: dict[tuple[int, int], list[tuple[MonthSummary, str, bool]]] = defaultdict(list)
        ledger_start: dict[tuple[int, int], str] = {}
        sq = (select(MovementLine.facility_id, MovementLine.product_id,
                     func.min(MovementLine.period))
              .where(MovementLine.facility_id.in_(facility_ids))
              .group_by(MovementLine.facility_id, MovementLine.product_id))
        if product_ids is not None:
            sq = sq.where(MovementLine.product_id.in_(product_ids))
        for f, p, per in s.execute(sq):
            ledger_start[(f, p)] = per
        rq = select(MonthlyReport.facility_id, MonthlyReport.product_id, MonthlyReport.period,
                    MonthlyReport.source, MonthlyReport.opening_balance,
                    MonthlyReport.received, MonthlyReport.consumed,
                    MonthlyReport.losses_adjustments, MonthlyReport.closing_balance,
                    MonthlyReport.stockout_days).where(
            MonthlyReport.facility_id.in_(facility_ids), MonthlyReport.period >= first,
            MonthlyReport.period <= last, MonthlyReport.source.in_(("ledger", "history")))
        if product_ids is not None:
            rq = rq.where(MonthlyReport.product_id.in_(product_ids))
        for f, p, per, source, a, b, c, d, e, x in s.execute(
                rq.order_by(MonthlyReport.facility_id, MonthlyReport.product_id,
                            MonthlyReport.period)):
            start = ledger_start.get((f, p))
            from_ledger = start is not None and per >= start
            if (source == "ledger") != from_ledger:
                continue  # the ledger wins for the months it covers
            out[(f, p)].append((MonthSummary(per, a, b, c, d, e, x or 0), source,
                                x is not None))
        if first <= current <= last:
            by_fac: dict[int, list[int]] = defaultdict(list)
            for (f, p), start in ledger_start.items():
                if start <= current:
                    by_fac[f].append(p)
            for f, pids in by_fac.items():
                live = summaries.replay_months(s, f, pids, dict.fromkeys(pids, current),
                                               current, today)
                for pid, ms in live.items():
                    out[(f, pid)].append((ms[-1], "ledger", True))
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


def _periods(first: str, last: str) -> list[str]:
    return periods_between(first, last)


__all__ = ["CardLine", "LotStock", "MonthlyLine", "ProductStock", "StockService"]
