"""Forecasts of a facility's consumption, with the chance of running out before the next delivery.

The series of one product at the facilities of a district share shape, so a facility's
forecast is computed with its whole district in one vectorised batch (the method chosen per
demand class over all of them, the pooled trend per product); the facility's rows are then
read out.  Months come from the ledger where it covers them and from imported monthly history
before; a month neither covers is missing, never zero.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import select

from stockdesk.db.models import Facility, Product
from stockdesk.forecast.auto import Batch, Forecast, forecast_batch
from stockdesk.forecast.explain import Explained, round_half_up
from stockdesk.forecast.levels import max_quantity, months_to_days
from stockdesk.forecast.profiles import average_consumption, months_ending, window_end
from stockdesk.inventory.ledger import days_in_period, next_period
from stockdesk.problems import ProblemsFound, error
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.ledger import today_local
from stockdesk.services.stock import DistrictMonthly, MonthlyLine, StockService
from stockdesk.services.stock_status import ProductInputs, StockStatusService

HISTORY_MONTHS = 36  # three years: enough for a seasonal shape, short enough to stay current
MAX_HORIZON = 24


@dataclass(frozen=True)
class MonthSeen:
    """A month of history as the chart shows it (consumption None = not reported)."""

    period: str
    consumed: int | None
    stockout_days: int | None


@dataclass(frozen=True)
class ProductForecast:
    inputs: ProductInputs
    periods: tuple[str, ...]  # the forecast months
    forecast: Forecast
    amc: Explained  # the profile's P, for comparison with the forecast
    next_delivery: date
    stock_for_delivery: int  # usable stock that will still be usable at the next delivery
    stockout_probability: Explained
    history: tuple[MonthSeen, ...]
    max_from_forecast: Explained | None = None  # Σ of the next MaxMOS months of orders' basis
    order_from_forecast: Explained | None = None  # max(0, that − stock on hand)
    warnings: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.inputs.stock.code


@dataclass(frozen=True)
class SeriesTable:
    """(facility, product) series as rows of month columns, ready for a batch forecast."""

    facilities: np.ndarray
    products: np.ndarray
    periods: list[str]
    consumed: np.ndarray  # NaN where the month was not reported
    stockout_days: np.ndarray  # NaN where not known


def series_table(monthly: DistrictMonthly, periods: Sequence[str]) -> SeriesTable:
    """Pivot the district's month rows into one row per facility × product, vectorised."""
    cols = monthly.columns
    index = {p: i for i, p in enumerate(periods)}
    if len(monthly) == 0:
        empty = np.empty((0, len(periods)))
        return SeriesTable(np.array([], dtype=object), np.array([], dtype=object),
                           list(periods), empty, empty.copy())
    fac, prod = cols["facility"].astype(str), cols["product"].astype(str)
    keys = np.char.add(np.char.add(fac, "\x1f"), prod)
    uniq, row = np.unique(keys, return_inverse=True)
    col = np.fromiter((index[p] for p in cols["period"]), dtype=np.int64, count=len(monthly))
    consumed = np.full((len(uniq), len(periods)), np.nan)
    stockout = np.full_like(consumed, np.nan)
    consumed[row, col] = cols["consumed"]
    known = cols["stockout_days_known"].astype(bool)
    stockout[row[known], col[known]] = cols["stockout_days"][known]
    pairs = np.char.partition(uniq.astype(str), "\x1f")
    return SeriesTable(pairs[:, 0].astype(object), pairs[:, 2].astype(object), list(periods),
                       consumed, stockout)


class ForecastService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today
        self.status = StockStatusService(db, actor, today)
        self.stock = StockService(db, actor, today)

    def district_batch(self, district: str | None, facility: str, end: str,
                       months: int) -> tuple[SeriesTable, Batch]:
        """Forecast every series of the facility's district (or of the facility alone)."""
        periods = months_ending(end, HISTORY_MONTHS)
        if district:
            monthly = self.stock.district_monthly(district, periods[0], end)
        else:
            monthly = _as_district(self.stock.monthly(facility, periods[0], end), facility)
        table = series_table(monthly, periods)
        with self.db.reading() as s:
            seasonal = set(s.scalars(select(Product.code).where(Product.seasonal.is_(True))))
        flags = np.array([p in seasonal for p in table.products], dtype=bool)
        days = np.array([days_in_period(p) for p in periods], dtype=float)
        batch = forecast_batch(table.consumed, table.stockout_days, months,
                               days_in_month=days, seasonal=flags, groups=table.products,
                               first_period=periods[0])
        return table, batch

    def forecast(self, facility: str, product: str | None = None, months: int = 3,
                 profile: str | None = None, as_of: date | None = None,
                 ) -> list[ProductForecast]:
        """Per product: the forecast per month with its interval, the chance of a stockout
        before the next delivery, the profile's AMC beside it, and the months it came from."""
        self.actor.require("stock.read")
        if not 1 <= months <= MAX_HORIZON:
            raise ProblemsFound([error("forecast.horizon", months=months, most=MAX_HORIZON)])
        day = as_of or self.today()
        inputs = self.status.inputs(facility, day, profile)
        if product is not None:
            inputs = [i for i in inputs if i.stock.code == product]
            if not inputs:
                with self.db.reading() as s:
                    known = s.scalar(select(Product.id).where(Product.code == product))
                raise ProblemsFound([error("product.unknown", code=product) if known is None
                                     else error("forecast.no_record", product=product,
                                                facility=facility)])
        with self.db.reading() as s:
            district = s.scalar(select(Facility.district).where(Facility.code == facility))
        end = window_end(day)
        table, batch = self.district_batch(district, facility, end, months)
        rows = {p: i for i, (f, p) in enumerate(zip(table.facilities, table.products,
                                                    strict=True)) if f == facility}
        ahead = _periods_after(end, months)
        batch.interval()  # every series' interval in one vectorised pass, then read per row
        out = []
        for inp in inputs:
            out.append(self._one(inp, day, ahead, table, batch, rows.get(inp.stock.code)))
        return out

    def _one(self, inp: ProductInputs, day: date, ahead: tuple[str, ...], table: SeriesTable,
             batch: Batch, row: int | None) -> ProductForecast:
        lead_months = inp.levels.lead_time_months
        delivery = date.fromordinal(day.toordinal() + months_to_days(lead_months))
        stock = sum(lot.quantity for lot in inp.lots
                    if lot.expiry is None or lot.expiry > delivery)
        if not inp.lots:  # known from monthly history only: no lots, no expiry
            stock = inp.stock.usable
        if row is None:
            fc = _no_history(len(ahead))
            history: tuple[MonthSeen, ...] = ()
        else:
            fc = batch.forecast(row)
            history = tuple(
                MonthSeen(p, None if np.isnan(c) else int(c), None if np.isnan(x) else int(x))
                for p, c, x in zip(table.periods, table.consumed[row],
                                   table.stockout_days[row], strict=True))
        warnings = _seasonal_warning(inp, fc, average_consumption(inp.profile, inp.window))
        prob = fc.stockout_probability(stock, lead_months)
        expected = fc.total(lead_months)
        text = (f"P(demand over the next {lead_months:g} months > {stock}) = {prob:.0%}; "
                f"expected demand {expected:.0f}")
        return ProductForecast(
            inp, ahead, fc, average_consumption(inp.profile, inp.window), delivery, stock,
            Explained(prob, text, {"stock": stock, "months": lead_months,
                                   "expected_demand": round(expected, 1),
                                   "next_delivery": delivery.isoformat()},
                      ("stock expiring before the delivery is not counted",
                       "the next delivery is one lead time away: an order placed today")),
            history, *_sized_from_forecast(inp, fc), warnings)


def _sized_from_forecast(inp: ProductInputs, fc: Forecast) -> tuple[Explained | None,
                                                                     Explained | None]:
    """Max stock and order quantity sized from the forecast's ordering basis instead of the
    AMC (FIELD.md §2.2): what the district should send so the next MaxMOS months are covered."""
    if fc.method == "none":
        return None, None
    months = inp.levels.max_mos
    total = fc.order_total(months)
    h = round_half_up(total)
    soh = inp.stock.usable
    order = max(0, h - soh)
    return (Explained(h, f"max = Σ next {months:g} months of {fc.order_method} = "
                         f"{total:,.1f} → {h}", {"months": months, "basis": fc.order_method}),
            Explained(order, f"order = max(0, {h} − {soh}) = {order}",
                      {"max": h, "stock_on_hand": soh}))


def _seasonal_warning(inp: ProductInputs, fc: Forecast, amc: Explained) -> tuple[str, ...]:
    """FIELD.md §2.2 / AC-23: for a seasonal product, say when the demand forecast for the
    next MaxMOS months exceeds the AMC-based maximum stock (the season is coming)."""
    if not inp.seasonal or amc.value is None or fc.method == "none":
        return ()
    h = max_quantity(amc.value, inp.levels.max_mos).value
    ahead = fc.total(inp.levels.max_mos)
    if ahead <= h:
        return ()
    return (f"seasonal: forecast demand for the next {inp.levels.max_mos:g} months "
            f"({ahead:,.0f}) exceeds the AMC-based maximum stock ({h:,}); size the order "
            "from the forecast",)


def _as_district(lines: Sequence[MonthlyLine], facility: str) -> DistrictMonthly:
    out = DistrictMonthly()
    if not lines:
        return out
    out.columns.update({
        "facility": np.array([facility] * len(lines), dtype=object),
        "product": np.array([m.product for m in lines], dtype=object),
        "period": np.array([m.summary.period for m in lines], dtype=object),
        "consumed": np.array([m.summary.consumed for m in lines]),
        "stockout_days": np.array([m.summary.stockout_days for m in lines]),
        "stockout_days_known": np.array([m.stockout_days_known for m in lines]),
    })
    return out


def _periods_after(end: str, months: int) -> tuple[str, ...]:
    out, p = [], end
    for _ in range(months):
        p = next_period(p)
        out.append(p)
    return tuple(out)


def _no_history(months: int) -> Forecast:
    """A product with no month of consumption on record: nothing to forecast from."""
    zeros = tuple(0.0 for _ in range(months))
    return Forecast(zeros, zeros, zeros, 0.0, "none", "unknown", float("nan"), float("nan"),
                    "no month reported",
                    Explained(zeros, "no forecast: no month of consumption on record", {},
                              ("record consumption or import monthly history first",)))


__all__ = ["ForecastService", "MonthSeen", "ProductForecast", "SeriesTable", "series_table"]
