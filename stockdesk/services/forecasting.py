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
from sqlalchemy.orm import Session

from stockdesk.db.models import Facility, Product, Program, StockLevel
from stockdesk.forecast.auto import Batch, Forecast, forecast_batch
from stockdesk.forecast.district_status import DistrictStatus, district_status
from stockdesk.forecast.explain import Explained, round_half_up
from stockdesk.forecast.levels import DEFAULT_LEVELS, Levels, max_quantity, months_to_days
from stockdesk.forecast.profiles import (
    average_consumption,
    get_profile,
    months_ending,
    window_end,
)
from stockdesk.inventory.ledger import days_in_period, next_period, period_of
from stockdesk.problems import ProblemsFound, error
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.stock import DistrictMonthly, StockService, lot_rows
from stockdesk.services.stock_status import (
    ProductInputs,
    StockStatusService,
    program_profile,
    refuse_future,
    resolve_profile,
)
from stockdesk.services.summaries import month_index

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
    if len(monthly) == 0:
        empty = np.empty((0, len(periods)))
        return SeriesTable(np.array([], dtype=object), np.array([], dtype=object),
                           list(periods), empty, empty.copy())
    first = month_index(periods[0])
    pair = cols["facility_id"] * (1 << 32) + cols["product_id"]
    uniq, where, row = np.unique(pair, return_index=True, return_inverse=True)
    col = cols["month"] - first
    inside = (col >= 0) & (col < len(periods))  # the month in progress may lie beyond
    consumed = np.full((len(uniq), len(periods)), np.nan)
    stockout = np.full_like(consumed, np.nan)
    consumed[row[inside], col[inside]] = cols["consumed"][inside]
    known = cols["stockout_days_known"].astype(bool) & inside
    stockout[row[known], col[known]] = cols["stockout_days"][known]
    return SeriesTable(cols["facility"][where], cols["product"][where], list(periods),
                       consumed, stockout)


URGENT = ("stocked_out", "below_eop", "below_min")
LIKELY = 0.5  # a stockout before the next delivery at least this likely needs action


@dataclass(frozen=True)
class DistrictOutlook:
    """Status and forecast of every facility × product of a district, as parallel arrays.

    Entry ``i`` is facility ``facilities[i]``, product ``products[i]``; the single-facility
    :meth:`ForecastService.forecast` and ``StockStatusService.status`` explain any entry.
    """

    district: str
    as_of: date
    periods: tuple[str, ...]  # the forecast months
    facilities: np.ndarray
    products: np.ndarray
    usable: np.ndarray  # stock on hand that can be issued, at the end of as_of
    status: DistrictStatus
    forecast: Batch
    stockout_probability: np.ndarray  # before the next delivery, one lead time away

    def __len__(self) -> int:
        return len(self.facilities)

    def needs_action(self, i: int) -> bool:
        """Entry ``i`` is below its minimum (or out), or likely to run out before the next
        delivery: what a district logistician looks at first."""
        return str(self.status.status[i]) in URGENT \
            or float(self.stockout_probability[i]) >= LIKELY


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
            monthly = self.stock.facility_monthly(facility, periods[0], end)
        table = series_table(monthly, periods)
        with self.db.reading() as s:
            seasonal = set(s.scalars(select(Product.code).where(Product.seasonal.is_(True))))
        flags = np.array([p in seasonal for p in table.products], dtype=bool)
        days = np.array([days_in_period(p) for p in periods], dtype=float)
        batch = forecast_batch(table.consumed, table.stockout_days, months,
                               days_in_month=days, seasonal=flags, groups=table.products,
                               first_period=periods[0])
        return table, batch

    def district(self, district: str, as_of: date | None = None, profile: str | None = None,
                 months: int = 3) -> DistrictOutlook:
        """Every facility × product of the district at once, for the district's views.

        One read of the district's months, one vectorised status kernel and one forecast
        batch: what a district logistician opens every morning must not take minutes.
        """
        self.actor.require("stock.read")
        forced = resolve_profile(profile)
        today = self.today()
        day = as_of or today
        refuse_future(day, today)
        end = window_end(day)
        periods = months_ending(end, HISTORY_MONTHS)
        current = period_of(day)
        with self.db.reading() as s:
            facs = {fid: (code, ftype) for fid, code, ftype in s.execute(
                select(Facility.id, Facility.code, Facility.type)
                .where(Facility.district == district))}
        if not facs:
            raise ProblemsFound([error("district.unknown", name=district)])
        monthly = self.stock.district_monthly(district, periods[0], max(current, end))
        closing = _closing_of(monthly, current)
        table = series_table(monthly, periods)
        n = len(table.facilities)
        with self.db.reading() as s:
            meta = {code: (prog, prof, seasonal) for code, prog, prof, seasonal in s.execute(
                select(Product.code, Program.code, Program.profile, Product.seasonal)
                .outerjoin(Program, Program.id == Product.program_id))}
            levels: dict[tuple[str | None, str], Levels] = {
                (prog, ftype): Levels(lv.max_mos, lv.min_mos, lv.eop_mos, lv.lead_time_months,
                                      lv.review_months)
                for prog, ftype, lv in s.execute(
                    select(Program.code, StockLevel.facility_type, StockLevel)
                    .join(Program, Program.id == StockLevel.program_id))}
            lots = _district_lots(s, facs, day, today)
        fac_type = {code: ftype for code, ftype in facs.values()}
        lv = [levels.get((meta.get(p, (None,))[0], fac_type[f]), DEFAULT_LEVELS)
              for f, p in zip(table.facilities, table.products, strict=True)]
        names = [forced.name if forced else program_profile(meta.get(p, (None, None))[1]).name
                 for p in table.products]
        lead = np.array([x.lead_time_months for x in lv], dtype=float)
        usable = np.zeros(n, dtype=np.int64)
        at_delivery = np.zeros(n, dtype=np.int64)
        deliveries = {m: date.fromordinal(day.toordinal() + months_to_days(m))
                      for m in set(lead.tolist())}
        for i, (f, p) in enumerate(zip(table.facilities, table.products, strict=True)):
            held = lots.get((f, p))
            if held is None:  # known from monthly history only
                usable[i] = at_delivery[i] = closing.get((f, p), 0)
                continue
            delivery = deliveries[lead[i]]
            usable[i] = sum(q for q, e in held if e is None or e > day)
            at_delivery[i] = sum(q for q, e in held if e is None or e > delivery)
        days = np.array([days_in_period(p) for p in periods], dtype=float)
        w = max(get_profile(x).window for x in set(names) or {"openlmis"})
        st = district_status(table.consumed[:, -w:], table.stockout_days[:, -w:], days[-w:],
                             usable, np.array(names, dtype=object),
                             np.array([x.max_mos for x in lv], dtype=float),
                             np.array([x.min_mos for x in lv], dtype=float),
                             np.array([x.eop_mos for x in lv], dtype=float))
        flags = np.array([bool(meta.get(p, (None, None, False))[2]) for p in table.products])
        batch = forecast_batch(table.consumed, table.stockout_days, months, days_in_month=days,
                               seasonal=flags, groups=table.products, first_period=periods[0])
        prob = np.zeros(n)
        for months_ahead in np.unique(lead):
            rows = lead == months_ahead
            prob[rows] = batch.stockout_probability(at_delivery, float(months_ahead))[rows]
        return DistrictOutlook(district, day, _periods_after(end, months), table.facilities,
                               table.products, usable, st, batch, prob)

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
    if fc.method.startswith("none"):  # no month of consumption: nothing to size from
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
    if not inp.seasonal or amc.value is None or fc.method.startswith("none"):
        return ()
    h = max_quantity(amc.value, inp.levels.max_mos).value
    ahead = fc.total(inp.levels.max_mos)
    if ahead <= h:
        return ()
    return (f"seasonal: forecast demand for the next {inp.levels.max_mos:g} months "
            f"({ahead:,.0f}) exceeds the AMC-based maximum stock ({h:,}); size the order "
            "from the forecast",)


def _closing_of(monthly: DistrictMonthly, period: str) -> dict[tuple[str, str], int]:
    """Closing balance of ``period`` per (facility, product): the stock of pairs known from
    monthly history only, as ``StockService.stock_on_hand`` reads it."""
    if len(monthly) == 0:
        return {}
    c = monthly.columns
    rows = np.flatnonzero(c["period"] == period)
    return {(c["facility"][i], c["product"][i]): int(c["closing"][i]) for i in rows}


def _district_lots(s: Session, facs: dict[int, tuple[str, str]], day: date, today: date,
                   ) -> dict[tuple[str, str], list[tuple[int, date | None]]]:
    """(facility code, product code) → [(balance, expiry)] of every lot with stock."""
    codes = dict(s.execute(select(Product.id, Product.code)).all())
    out: dict[tuple[str, str], list[tuple[int, date | None]]] = {}
    for fid, (fcode, _) in facs.items():
        for pid, _batch, expiry, qty in lot_rows(s, fid, day, today):
            out.setdefault((fcode, codes[pid]), [])
            if qty > 0:
                out[(fcode, codes[pid])].append((qty, expiry))
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


__all__ = ["DistrictOutlook", "ForecastService", "MonthSeen", "ProductForecast", "SeriesTable",
           "series_table"]
