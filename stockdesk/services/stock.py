"""Reading stock: on hand per product and lot as of any date, stock cards, monthly summaries.

Totals come from SQL aggregates over the indexed ledger columns; stock cards, stockout days and
monthly summaries replay the ledger through the pure ``inventory.ledger`` code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

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
    monthly_summaries,
    period_bounds,
    period_of,
    periods_between,
    rank_for,
    stock_card,
    zero_stock_days,
)
from stockdesk.problems import ProblemsFound, error
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
        first, _ = period_bounds(period_of(day))
        opening = s.execute(
            select(MovementLine.product_id, Lot.batch, Lot.expiry, func.sum(MovementLine.delta))
            .join(Lot, Lot.id == MovementLine.lot_id)
            .where(MovementLine.facility_id == facility_id, MovementLine.occurred_on < first)
            .group_by(MovementLine.product_id, Lot.id, Lot.batch, Lot.expiry)
        ).all()
        month = s.execute(
            select(MovementLine.product_id, MovementLine.movement_id, MovementLine.occurred_on,
                   Movement.kind, Lot.batch, Lot.expiry, MovementLine.delta)
            .join(Lot, Lot.id == MovementLine.lot_id)
            .join(Movement, Movement.id == MovementLine.movement_id)
            .where(MovementLine.facility_id == facility_id,
                   MovementLine.occurred_on >= first, MovementLine.occurred_on <= day)
        ).all()
        per: dict[int, list[Entry]] = defaultdict(list)
        eve = first - timedelta(days=1)  # lot balances carried into the month
        for pid, batch, expiry, bal in opening:
            per[pid].append(Entry(0, eve, Kind.RECEIPT, batch, expiry, int(bal), Column.NONE))
        for pid, mid, on, kind, batch, expiry, delta in month:
            per[pid].append(Entry(mid, on, Kind(kind), batch, expiry, delta, Column.NONE,
                                  rank=rank_for(Kind(kind), delta)))
        return {pid: len(zero_stock_days(per.get(pid, []), first, day)) for pid in product_ids}

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
                column=Column(col), rank=rank, after=after, counted=counted, reference=ref, user=user, movement_id=mid,
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
        with self.db.reading() as s:
            fac = self._facility(s, facility)
            ids = None
            if products is not None:
                ids = [self._product(s, code).id for code in products]
            return self._monthly(s, fac.id, first_period, last_period, ids)

    def _monthly(self, s: Session, facility_id: int, first: str, last: str,
                 product_ids: list[int] | None) -> list[MonthlyLine]:
        entries, _ = self._entries(s, facility_id, product_ids)
        hq = select(MonthlyReport).where(
            MonthlyReport.facility_id == facility_id, MonthlyReport.source == "history",
            MonthlyReport.period >= first, MonthlyReport.period <= last)
        if product_ids is not None:
            hq = hq.where(MonthlyReport.product_id.in_(product_ids))
        history: dict[int, dict[str, MonthlyReport]] = defaultdict(dict)
        for rep in s.scalars(hq):
            history[rep.product_id][rep.period] = rep
        ids = set(entries) | set(history)
        codes = dict(s.execute(select(Product.id, Product.code).where(Product.id.in_(ids))).all())
        out: list[MonthlyLine] = []
        today = self.today()
        for pid in sorted(ids, key=lambda i: codes[i]):
            es = entries.get(pid, [])
            ledger_start = period_of(min(e.occurred_on for e in es)) if es else None
            derived = {m.period: m for m in monthly_summaries(es, first, last, through=today)} \
                if es else {}
            for p in _periods(first, last):
                if ledger_start is not None and p >= ledger_start:
                    out.append(MonthlyLine(codes[pid], derived[p], "ledger"))
                elif p in history[pid]:
                    r = history[pid][p]
                    out.append(MonthlyLine(codes[pid], MonthSummary(
                        p, r.opening_balance, r.received, r.consumed, r.losses_adjustments,
                        r.closing_balance, r.stockout_days or 0), "history",
                        stockout_days_known=r.stockout_days is not None))
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
