"""One product at one facility as the stock card shows it: its ledger, its lots, and its chart.

The stock list already holds every product's status (``StockStatusService``); opening a
product reads only that product: its stock card and lot balances in one call (:meth:`card`),
and, when the chart is looked at, its months of consumption, the forecast for the months ahead
and the stock that forecast leaves on the shelf month by month (:meth:`chart`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from stockdesk.forecast.explain import Explained
from stockdesk.forecast.levels import exact
from stockdesk.forecast.profiles import MonthInput, Profile, adjusted, months_ending
from stockdesk.forecast.status import mos_text
from stockdesk.inventory.ledger import days_in_period, next_period, period_of
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.directory import DirectoryService
from stockdesk.services.forecasting import ForecastService
from stockdesk.services.stock import CardLine, LotStock, StockService
from stockdesk.services.stock_status import ProductStatus, StockStatusService

HISTORY_MONTHS = 18  # a year and a half: last year's season and this one side by side
AHEAD_MONTHS = 6


@dataclass(frozen=True)
class StockRow:
    """One line of the stock list: a product's status and the figures the list shows."""

    status: ProductStatus
    months_of_stock: float | None  # as the status reads it: one decimal, more near a level

    @property
    def code(self) -> str:
        return self.status.code

    @property
    def description(self) -> str:
        return self.status.stock.description

    @property
    def unit(self) -> str:
        return self.status.stock.unit

    @property
    def program(self) -> str | None:
        return self.status.inputs.program

    @property
    def on_hand(self) -> int:
        return self.status.stock.on_hand

    @property
    def usable(self) -> int:
        return self.status.stock.usable

    @property
    def amc(self) -> int | float | None:
        value = self.status.amc.value
        return None if value is None else value

    @property
    def status_code(self) -> str:
        return str(self.status.status.value.value)

    @property
    def stockout(self) -> date | None:
        value = self.status.stockout.value
        return value if isinstance(value, date) else None

    @property
    def at_risk(self) -> int | None:
        return self.status.at_risk


@dataclass(frozen=True)
class StockList:
    facility: str
    as_of: date
    rows: tuple[StockRow, ...]
    programs: tuple[tuple[str, str], ...]  # (code, name) of every program


def shown_months_of_stock(status: ProductStatus) -> float | None:
    """Months of stock rounded as it is printed (``status.mos_text``); None when unknown."""
    if status.mos.value is None or not status.amc.value:
        return None
    return float(mos_text(Fraction(status.stock.usable) / exact(status.amc.value),
                          status.levels))


_ROWS_KEPT = 8192
_rows: OrderedDict[int, StockRow] = OrderedDict()  # id of the status -> its row
_rows_lock = threading.Lock()


def _stock_row(status: ProductStatus) -> StockRow:
    """The list's row of ``status``; the same row again for the same status object (the
    status service hands the same object back while a product's inputs do not change, and
    the row, holding it, keeps its id from being reused)."""
    with _rows_lock:
        row = _rows.get(id(status))
        if row is not None and row.status is status:
            _rows.move_to_end(id(status))
            return row
    row = StockRow(status, shown_months_of_stock(status))
    with _rows_lock:
        _rows[id(status)] = row
        while len(_rows) > _ROWS_KEPT:
            _rows.popitem(last=False)
    return row


@dataclass(frozen=True)
class ProductCard:
    """The stock card of one product at one facility: every movement line, and lots now."""

    facility: str
    product: str
    lines: tuple[CardLine, ...]
    lots: tuple[LotStock, ...]

    @property
    def balance(self) -> int:
        """The running balance after the last line (0 with no movement)."""
        return self.lines[-1].balance if self.lines else 0


@dataclass(frozen=True)
class MonthPoint:
    """A month of consumption (None: not reported); ``partial``: the month in progress."""

    period: str
    consumed: int | None
    stockout_days: int | None
    partial: bool = False


@dataclass(frozen=True)
class ForecastPoint:
    period: str
    point: float
    lower: float
    upper: float


@dataclass(frozen=True)
class StockPoint:
    """Usable stock projected at the close of ``day``; ``expired``: lost that day to expiry."""

    day: date
    quantity: float
    expired: float = 0.0
    received: float = 0.0


@dataclass(frozen=True)
class ChartData:
    product: str
    as_of: date
    usable: int
    history: tuple[MonthPoint, ...]
    forecast: tuple[ForecastPoint, ...]  # empty: nothing to forecast from
    method: str
    projection: tuple[StockPoint, ...]  # from the close of as_of to the last forecast month
    level: float = 0.8  # share of months' demand the forecast interval holds

    @property
    def periods(self) -> tuple[str, ...]:
        """Every month on the chart, in order (history, then the forecast's months)."""
        seen = [m.period for m in self.history]
        return tuple(seen + [f.period for f in self.forecast if f.period not in seen])


@dataclass
class _Held:
    left: float
    expiry: date | None

    def order(self) -> tuple[bool, date]:
        return self.expiry is None, self.expiry or date.max


def project_stock(lots: Sequence[tuple[int, date | None]], as_of: date,
                  periods: Sequence[str], demand: Sequence[float],
                  receipts: Sequence[tuple[date, int]] = ()) -> tuple[StockPoint, ...]:
    """Usable stock at the close of each day from ``as_of`` to the end of the last period.

    Each day takes ``demand[m] / days in month m`` for its calendar month ``m`` (months
    before the first period take the first period's rate), first-expiry-first-out; a lot is
    unusable from its expiry date, when what is left of it is removed; a receipt counts from
    its day (an overdue one from the day after ``as_of``).  Stock never goes below zero.
    """
    held = sorted((_Held(float(q), e) for q, e in lots if q > 0 and (e is None or e > as_of)),
                  key=_Held.order)
    out = [StockPoint(as_of, sum(h.left for h in held))]
    if not periods:
        return tuple(out)
    rate = dict(zip(periods, demand, strict=True))
    first_rate = float(demand[0]) if demand else 0.0
    last_day = _last_day(periods[-1])
    incoming = sorted((max(d, as_of + timedelta(days=1)), q) for d, q in receipts if q > 0)
    day = as_of
    while day < last_day:
        day += timedelta(days=1)
        received = 0.0
        while incoming and incoming[0][0] <= day:
            received += incoming.pop(0)[1]
        if received:
            held.append(_Held(received, None))
            held.sort(key=_Held.order)
        expired = sum(h.left for h in held if h.expiry is not None and h.expiry <= day)
        held = [h for h in held if h.expiry is None or h.expiry > day]
        per = period_of(day)
        need = float(rate.get(per, first_rate)) / days_in_period(per)
        for h in held:
            take = min(h.left, need)
            h.left -= take
            need -= take
            if need <= 0:
                break
        held = [h for h in held if h.left > 1e-9]
        out.append(StockPoint(day, sum(h.left for h in held), expired, received))
    return tuple(out)


def _last_day(period: str) -> date:
    nxt = next_period(period)
    return date(int(nxt[:4]), int(nxt[5:7]), 1) - timedelta(days=1)


def adjusted_months(profile: Profile, window: Sequence[MonthInput]) -> list[Explained]:
    """N (consumption adjusted for stockout days) of each month of the AMC window."""
    return [adjusted(profile, m) for m in window]


class ProductViewService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today
        self.stock = StockService(db, actor, today)
        self.forecasts = ForecastService(db, actor, today)

    def stock_list(self, facility: str) -> StockList:
        """Every product the facility holds a record of, with its status, and the programs."""
        self.actor.require("stock.read")
        statuses = StockStatusService(self.db, self.actor, self.today).status(facility)
        programs = DirectoryService(self.db, self.actor, self.today).programs()
        rows = tuple(_stock_row(st) for st in statuses)
        return StockList(facility, self.today(), rows, tuple(programs))

    def card(self, facility: str, product: str) -> ProductCard:
        """The product's stock card and its lots with a balance today (one product only)."""
        self.actor.require("stock.read")
        lines = self.stock.stock_card(facility, product)
        lots = self.stock.lot_balances(facility, product)
        return ProductCard(facility, product, tuple(lines), tuple(lots))

    def chart(self, facility: str, product: str, *, history_months: int = HISTORY_MONTHS,
              ahead: int = AHEAD_MONTHS) -> ChartData:
        """Monthly consumption of the last ``history_months`` (this month so far included),
        the forecast of the next ``ahead`` months with its interval, and usable stock as that
        forecast, expiries and approved deliveries would leave it day by day."""
        self.actor.require("stock.read")
        day = self.today()
        current = period_of(day)
        periods = months_ending(current, history_months)
        seen = {m.summary.period: m for m in
                self.stock.monthly(facility, periods[0], current, [product])}
        history = tuple(
            MonthPoint(p, seen[p].summary.consumed if p in seen else None,
                       (seen[p].summary.stockout_days if seen[p].stockout_days_known else None)
                       if p in seen else None, p == current)
            for p in periods)
        first = next((i for i, m in enumerate(history) if m.consumed is not None), 0)
        history = history[first:]  # months before the first report say nothing
        found = self.forecasts.forecast(facility, product=product, months=ahead)
        if not found:
            return ChartData(product, day, 0, history, (), "none", (StockPoint(day, 0),))
        fc = found[0]
        inp = fc.inputs
        method = fc.forecast.method
        points: tuple[ForecastPoint, ...] = ()
        if not method.startswith("none"):
            points = tuple(ForecastPoint(p, float(v), float(lo), float(hi))
                           for p, v, lo, hi in zip(fc.periods, fc.forecast.point,
                                                   fc.forecast.lower, fc.forecast.upper,
                                                   strict=True))
        lots: list[tuple[int, date | None]] = [(lot.quantity, lot.expiry) for lot in inp.lots]
        if not lots and inp.stock.usable > 0:  # known from monthly history only
            lots = [(inp.stock.usable, None)]
        projection = project_stock(lots, day, [p.period for p in points],
                                   [p.point for p in points], inp.pipeline)
        return ChartData(product, day, inp.stock.usable, history, points, method, projection,
                         fc.forecast.level)


__all__ = ["AHEAD_MONTHS", "HISTORY_MONTHS", "ChartData", "ForecastPoint", "MonthPoint",
           "ProductCard", "ProductViewService", "StockList", "StockPoint", "StockRow",
           "adjusted_months", "project_stock", "shown_months_of_stock"]
