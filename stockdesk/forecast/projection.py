"""Projected stockout date and the date an order must leave (FIELD.md Decisions, AC-11, AC-12).

Time convention, shared with expiry.py:

* ``as_of`` is the day at whose **close** stock on hand is counted; the projection starts
  at the opening of ``start = as_of + 1`` (t = 0, in days).
* Demand is consumed continuously at the daily rate: ``AMC / 30``, or, with a monthly
  forecast, ``F_m / days in month m`` for each calendar month.
* A receipt dated ``d`` is usable from the opening of ``d`` (receipts before issues on the
  same day, the ledger's ordering rule).  A lot is unusable **from** its expiry date
  (FIELD.md §3); what is left of it then is lost.  Stock is issued FEFO (earliest expiry
  first, no expiry last, ties in the order given).

**Stockout date** = the first day on which demand cannot be met in full from usable stock:
``start + floor(τ)`` where ``τ`` is the (exact, fractional) number of days the usable stock
covers.  AC-11: 790 units at 11/day cover τ = 71.8 days; the end of 2024-06-10 (t = 71)
leaves 9 units, less than the day's 11, so the stockout date is 2024-06-11.  Stock that runs
out exactly at the end of a day makes the *next* day the stockout date (AC-12: τ = 165 from
2024-01-01, the end of 2024-06-13, gives 2024-06-14).  When a lot expires, what is left of it
stops counting that very day, so a stockout caused by expiry falls on the expiry date.  It is
the first such day: a receipt arriving later does not move it.

The walk goes segment by segment between events (receipts, expiries, month changes), not day
by day, so a product costs a few dozen exact-fraction operations whatever the horizon.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from stockdesk.forecast.explain import Explained, fmt
from stockdesk.forecast.levels import Lot, Number, exact, months_to_days, num
from stockdesk.forecast.profiles import DAYS_PER_MONTH

Receipt = tuple[date, int, date | None]
"""A scheduled receipt (pipeline): (arrival date, quantity, expiry date or None)."""

DEFAULT_HORIZON_DAYS = 730
"""How far the projection looks (two years); beyond it the answer is "not within horizon"."""

_NEVER = math.inf


@dataclass(order=True)
class _Held:
    """A lot in the FEFO queue: ordered by expiry (t), then arrival order; ``left`` mutates."""

    expires_t: float
    seq: int
    left: Fraction = field(compare=False)


@dataclass(frozen=True)
class _Walk:
    tau: Fraction | None  # days covered (None: demand met to the horizon)
    expired: tuple[tuple[date, Fraction], ...]  # (day it became unusable, quantity lost)
    received: tuple[tuple[date, int], ...]  # receipts that arrived before the stockout


def add_months(d: date, months: int) -> date:
    """``d`` plus whole calendar months, the day clamped to the month's end (12-31 + 2 → 02-29)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(d.day, last))


def _rates(start: date, amc: Number | None, forecast: Sequence[Number] | None,
           horizon_days: int) -> tuple[list[tuple[int, Fraction]], int, list[str]]:
    """Daily-rate segments [(t_from, rate)], the horizon T in days and notes."""
    if (amc is None) == (forecast is None):
        raise ValueError("give exactly one of amc and forecast")
    if horizon_days < 1:
        raise ValueError("horizon must be at least one day")
    if forecast is None:
        assert amc is not None
        rate = exact(amc) / DAYS_PER_MONTH
        if rate < 0:
            raise ValueError("AMC must not be negative")
        return [(0, rate)], horizon_days, [f"daily rate = AMC / 30 = {num(amc)} / 30 = "
                                            f"{num(rate)}"]
    if not forecast:
        raise ValueError("a forecast needs at least one month")
    segments: list[tuple[int, Fraction]] = []
    month_start = start.replace(day=1)
    for i, f in enumerate(forecast):
        first = add_months(month_start, i)
        nxt = add_months(month_start, i + 1)
        rate = exact(f) / (nxt - first).days
        if rate < 0:
            raise ValueError("forecast quantities must not be negative")
        segments.append((max(0, (first - start).days), rate))
    end = (add_months(month_start, len(forecast)) - start).days
    notes = [f"daily rate per calendar month from the forecast of {len(forecast)} months "
             f"from {month_start:%Y-%m}"]
    if end < horizon_days:
        notes.append(f"horizon ends with the forecast on "
                     f"{(start + timedelta(days=end - 1)).isoformat()}")
    return segments, min(end, horizon_days), notes


def _walk(start: date, lots: Sequence[Lot], receipts: Sequence[Receipt],
          segments: list[tuple[int, Fraction]], horizon: int) -> _Walk:
    """Consume FEFO segment by segment until usable stock cannot meet demand or the horizon."""
    def t_of(d: date | None) -> float:
        return _NEVER if d is None else (d - start).days

    seq = 0
    held: list[_Held] = []
    expired: list[tuple[date, Fraction]] = []
    received: list[tuple[date, int]] = []
    stock = Fraction(0)

    def put(quantity: int, expiry: date | None, t: int) -> None:
        nonlocal seq, stock
        if quantity <= 0:
            return
        if t_of(expiry) <= t:  # unusable on arrival (or already at as_of)
            assert expiry is not None
            expired.append((expiry if t == 0 else start + timedelta(days=t), Fraction(quantity)))
            return
        heapq.heappush(held, _Held(t_of(expiry), seq, Fraction(quantity)))
        seq += 1
        stock += quantity

    for q, expiry in lots:
        put(q, expiry, 0)
    incoming = sorted(((max(0, (d - start).days), i, q, e) for i, (d, q, e)
                       in enumerate(receipts)))
    ri, si, t = 0, 0, 0
    while t < horizon:
        while held and held[0].expires_t <= t:
            lot = heapq.heappop(held)
            stock -= lot.left
            expired.append((start + timedelta(days=t), lot.left))
        while ri < len(incoming) and incoming[ri][0] <= t:
            _, _, q, e = incoming[ri]
            if q > 0:
                received.append((start + timedelta(days=t), q))
            put(q, e, t)
            ri += 1
        while si + 1 < len(segments) and segments[si + 1][0] <= t:
            si += 1
        rate = segments[si][1]
        nxt: float = horizon
        if ri < len(incoming):
            nxt = min(nxt, incoming[ri][0])
        if held:
            nxt = min(nxt, held[0].expires_t)
        if si + 1 < len(segments):
            nxt = min(nxt, segments[si + 1][0])
        end = int(nxt)
        demand = rate * (end - t)
        if stock < demand:
            return _Walk(t + stock / rate, tuple(expired), tuple(received))
        stock -= demand
        while demand > 0:
            head = held[0]
            take = min(head.left, demand)
            head.left -= take
            demand -= take
            if head.left == 0:
                heapq.heappop(held)
        t = end
    return _Walk(None, tuple(expired), tuple(received))


def project_stockout(stock: int | Sequence[Lot], as_of: date, amc: Number | None = None, *,
                     forecast: Sequence[Number] | None = None,
                     receipts: Sequence[Receipt] = (),
                     horizon_days: int = DEFAULT_HORIZON_DAYS) -> Explained:
    """Projected stockout date: the first day demand cannot be met in full (module docstring).

    ``stock``: SOH at the close of ``as_of`` as a total (never expires) or as lots
    ``(quantity, expiry | None)``.  Rate: exactly one of ``amc`` (daily ``AMC / 30``) and
    ``forecast`` (monthly quantities; element 0 is the calendar month of ``as_of + 1``; the
    horizon ends with the last month); neither is a ValueError — with AMC unknown there is
    nothing to project, the caller says so.  ``receipts``: scheduled
    ``(date, quantity, expiry | None)``; a receipt dated on or before ``as_of`` is overdue and
    counted from ``as_of + 1`` (noted).

    Value: the date, or None when demand is met every day of the horizon (a rate of 0 never
    runs out).  ``inputs["days_covered"]`` is τ (float, None when not within the horizon).
    AC-11: 790 at close of 2024-03-31, AMC 330 → 2024-06-11 (τ 71.8); with 330 received on
    2024-05-15 → 2024-07-11 (τ 101.8).
    """
    start = as_of + timedelta(days=1)
    lots: list[Lot] = list(stock) if isinstance(stock, Sequence) else [(int(stock), None)]
    if any(q < 0 for q, _ in lots) or any(q < 0 for _, q, _ in receipts):
        raise ValueError("quantities must not be negative")
    segments, horizon, notes = _rates(start, amc, forecast, horizon_days)
    walk = _walk(start, lots, receipts, segments, horizon)
    soh = sum(q for q, _ in lots)
    horizon_end = start + timedelta(days=horizon - 1)
    overdue = [r for r in receipts if r[0] <= as_of]
    notes += [f"receipt of {q} dated {d.isoformat()} is overdue: counted from {start.isoformat()}"
              for d, q, _ in overdue]
    notes += [f"{fmt(float(q), 1)} expired unused on {d.isoformat()}" for d, q in walk.expired
              if walk.tau is None or (d - start).days <= walk.tau]
    got = [(d, q) for d, q in walk.received if walk.tau is None or (d - start).days <= walk.tau]
    notes += [f"received {q} on {d.isoformat()}" for d, q in got]
    inputs: dict[str, object] = {
        "as_of": as_of, "SOH": soh, "AMC": None if amc is None else float(exact(amc)),
        "forecast": None if forecast is None else [float(exact(f)) for f in forecast],
        "received": sum(q for _, q in got), "horizon_end": horizon_end,
        "days_covered": None if walk.tau is None else float(walk.tau)}
    if walk.tau is None:
        return Explained(None, f"no stockout up to {horizon_end.isoformat()}: demand is met "
                               f"every day of the {horizon}-day horizon", inputs, tuple(notes))
    day = start + timedelta(days=math.floor(walk.tau))
    tau = fmt(float(walk.tau), 1)
    simple = len(segments) == 1 and not walk.expired and not got
    if simple and segments[0][1].denominator == 1:  # a whole daily rate (AC-11: 790 / 11)
        covered = f"days covered = {soh} / {segments[0][1]} = {tau}"
    elif simple and amc is not None and forecast is None:  # exact: SOH × 30 / AMC
        covered = f"days covered = {soh} × 30 / {num(amc)} = {tau}"
    elif simple:
        covered = f"days covered = {soh} / {num(segments[0][1], 4)} a day = {tau}"
    else:
        covered = f"usable stock covers {tau} days"
    formula = (f"stockout = {start.isoformat()} + floor({tau}) days = {day.isoformat()} "
               f"({covered}; first day demand cannot be met in full)")
    return Explained(day, formula, inputs, tuple(notes))


def order_by_date(stockout: date | None, today: date, *, lead_time_days: int | None = None,
                  lead_time_months: Number | None = None) -> Explained:
    """Latest day an order can leave and still arrive before the projected stockout.

    ``order by = stockout − LT`` (LT in days, or in 30-day months rounded half up): an
    order arriving on the stockout date is received before that day's issues, so the day is
    covered.  Never before ``today``: if ``stockout − LT < today`` the value is ``today`` and
    ``inputs["late"]`` is True ("order now", with the days it will arrive too late).
    ``stockout`` None (none within the horizon) gives None.
    """
    if (lead_time_days is None) == (lead_time_months is None):
        raise ValueError("give exactly one of lead_time_days and lead_time_months")
    lt = lead_time_days if lead_time_days is not None else months_to_days(
        lead_time_months if lead_time_months is not None else 0)
    if lt < 0:
        raise ValueError("lead time must not be negative")
    inputs: dict[str, object] = {"stockout": stockout, "today": today, "lead_time_days": lt,
                                 "late": False, "days_late": 0}
    if stockout is None:
        return Explained(None, "no projected stockout within the horizon: no date to order by",
                         inputs)
    latest = stockout - timedelta(days=lt)
    formula = f"order by = stockout − LT = {stockout.isoformat()} − {lt} days = {latest}"
    if latest >= today:
        notes = ("order today",) if latest == today else ()
        return Explained(latest, formula, inputs, notes)
    late = (today - latest).days
    inputs.update(late=True, days_late=late)
    arrives = today + timedelta(days=lt)
    return Explained(today, f"{formula}, before today: order now", inputs,
                     (f"late: ordered today it arrives {arrives.isoformat()}, {late} days after "
                      "the projected stockout",))


__all__ = ["DEFAULT_HORIZON_DAYS", "Receipt", "add_months", "order_by_date", "project_stockout"]
