"""FEFO expiry risk per lot and redistribution proposals (FIELD.md §3, AC-12, AC-13).

Time convention as in projection.py: ``as_of`` is the day at whose close stock is counted,
consumption starts at the opening of ``start = as_of + 1`` and a lot is unusable from its
expiry date.  FIELD.md §3 writes ``(expiry − as_of).days`` with its as_of being that first
day of consumption, so AC-12 "as of 2024-01-01" is ``as_of = 2023-12-31`` here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from stockdesk.forecast.explain import Explained, fmt
from stockdesk.forecast.levels import (
    DEFAULT_LEVELS,
    Levels,
    Lot,
    Number,
    exact,
    max_quantity,
    num,
)
from stockdesk.forecast.profiles import DAYS_PER_MONTH
from stockdesk.forecast.projection import add_months
from stockdesk.forecast.status import Status, months_of_stock, mos_text, stock_status

DEFAULT_HORIZON_MONTHS = 6
"""Near-expiry horizon (FIELD.md §3): 6 months by default; the UI offers 3, 6 and 12."""

EndsBy = Literal["used up", "expires", "never", "empty"]


@dataclass(frozen=True)
class LotRun:
    """What FEFO does with one lot (quantities in dispensing units).

    ``consumed`` is rounded down and ``at_risk = quantity − consumed`` up to whole units (a
    part of a unit cannot be dispensed before expiry).  ``starts_on``: first day FEFO takes
    from it (None: never reached).  ``ends_on``: first day it can no longer cover the day's
    demand, i.e. the day it is used up, or its expiry date (None: no expiry and no demand).
    ``index``: the lot's place in the lots given (0 first; its label is "lot {index + 1}").
    """

    label: str
    quantity: int
    expiry: date | None
    consumed: int
    at_risk: int
    starts_on: date | None
    ends_on: date | None
    ends_by: EndsBy
    formula: str
    index: int


@dataclass(frozen=True)
class _Run:
    index: int
    consumed: Fraction
    t_start: Fraction
    t_end: Fraction


def _fefo(lots: Sequence[Lot], rate: Fraction, start: date) -> tuple[list[_Run], Fraction]:
    """FIELD.md §3 loop on exact fractions; returns the runs in FEFO order and the final t."""
    order = sorted(range(len(lots)), key=lambda i: (lots[i][1] is None, lots[i][1] or date.max, i))
    t = Fraction(0)
    runs: list[_Run] = []
    for i in order:
        q, expiry = lots[i]
        if q < 0:
            raise ValueError("lot quantities must not be negative")
        if rate == 0:
            runs.append(_Run(i, Fraction(0), t, t))
            continue
        if expiry is None:
            consumed = Fraction(q)
        else:
            usable_days = max(Fraction(0), (expiry - start).days - t)
            consumed = min(Fraction(q), usable_days * rate)
        t_start = t
        t += consumed / rate
        runs.append(_Run(i, consumed, t_start, t))
    return runs, t


def _rate(amc: Number | None) -> Fraction:
    if amc is None:
        return Fraction(0)
    rate = exact(amc) / DAYS_PER_MONTH
    if rate < 0:
        raise ValueError("AMC must not be negative")
    return rate


def fefo_lots(lots: Sequence[Lot], amc: Number | None, as_of: date) -> tuple[LotRun, ...]:
    """The FEFO runs of ``lots``; see :func:`_fefo_lots`.  A product's status asks for the
    same runs several times (at-risk quantity, order quantity, effective MOS): they are
    computed once (the result is immutable)."""
    return _fefo_lots(tuple((q, expiry) for q, expiry in lots), amc, as_of)


@lru_cache(maxsize=4096)
def _fefo_lots(lots: tuple[Lot, ...], amc: Number | None, as_of: date) -> tuple[LotRun, ...]:
    """Per-lot FEFO projection of FIELD.md §3 at ``r = AMC / 30`` per day, in FEFO order::

        for each lot i by expiry (no expiry last, ties in the order given):
            usable_days_i = max(0, (expiry_i − start).days − t)
            consumed_i    = min(q_i, usable_days_i × r)
            at_risk_i     = q_i − consumed_i
            t            += consumed_i / r

    AC-12 (start 2024-01-01, r 3.333): L1 120 exp 01-31 → 100 used, 20 at risk; L2 200 exp
    03-16 → 150 used, 50 at risk; L3 300 exp 12-26 → 300 used.  Labels are "lot 1", "lot 2"
    … in input order.  AMC 0 or None: nothing is used and every lot that expires is at risk.
    """
    start = as_of + timedelta(days=1)
    rate = _rate(amc)
    runs, _ = _fefo(lots, rate, start)
    out = []
    for run in runs:
        q, expiry = lots[run.index]
        label = f"lot {run.index + 1}"
        consumed = math.floor(run.consumed)
        at_risk = q - consumed if expiry is not None else 0
        starts_on = start + timedelta(days=math.floor(run.t_start)) if run.consumed else None
        ends_by: EndsBy
        if q == 0:
            ends_by, ends_on = "empty", None
        elif expiry is not None and run.consumed < q:
            ends_by, ends_on = "expires", expiry
        elif rate:
            ends_by, ends_on = "used up", start + timedelta(days=math.floor(run.t_end))
        else:
            ends_by, ends_on = "never", None
        if expiry is None:
            formula = (f"{label}: no expiry; consumed {consumed}" if rate
                       else f"{label}: no expiry, no demand: kept")
        elif rate == 0:
            formula = f"{label}: no demand; {q} expire on {expiry.isoformat()}"
        else:
            days = (expiry - start).days
            usable = max(Fraction(0), days - run.t_start)
            exact_used = fmt(float(run.consumed))
            rounded = "" if run.consumed == consumed else f" → {consumed}"
            formula = (f"{label}: usable days = max(0, {days} − {fmt(float(run.t_start))}) = "
                       f"{fmt(float(usable))}; consumed = min({q}, {fmt(float(usable))} × "
                       f"{num(rate)}) = {exact_used}{rounded}; at risk = {q} − {consumed} = "
                       f"{at_risk}")
            if days <= 0:
                formula += " (already expired)" if expiry <= as_of else " (expires on day 1)"
        out.append(LotRun(label, q, expiry, consumed, at_risk, starts_on, ends_on, ends_by,
                          formula, index=run.index))
    return tuple(out)


@dataclass(frozen=True)
class ExpiryRisk:
    """FEFO expiry risk of a product's lots (AC-12); every figure explains itself.

    ``at_risk``: Σ at_risk_i (int); ``at_risk_within``: the same for lots expiring by the
    horizon end; ``near_expiry``: plain quantity of those lots (the near-expiry report);
    ``effective_mos``: ``Σ consumed_i / AMC``; ``naive_mos``: ``SOH / AMC``; ``run_out``:
    first day usable stock no longer covers demand (projection.py's stockout date without
    receipts).
    """

    lots: tuple[LotRun, ...]
    horizon_end: date
    at_risk: Explained
    at_risk_within: Explained
    near_expiry: Explained
    effective_mos: Explained
    naive_mos: Explained
    run_out: Explained


def _sum_formula(name: str, parts: Sequence[int]) -> str:
    total = sum(parts)
    if len(parts) <= 1:
        return f"{name} = {total}"
    return f"{name} = {' + '.join(str(p) for p in parts)} = {total}"


def expiry_risk(lots: Sequence[Lot], amc: Number | None, as_of: date, *,
                horizon_months: int = DEFAULT_HORIZON_MONTHS) -> ExpiryRisk:
    """Expiry risk, effective MOS and run-out date of one product (FIELD.md §3, AC-12).

    AC-12 (as_of 2023-12-31, AMC 100, lots 120/01-31, 200/03-16, 300/12-26): at risk 70;
    effective MOS = 550 / 100 = 5.5 against naive 620 / 100 = 6.2; run-out 2024-06-14.
    The horizon end is ``as_of`` plus ``horizon_months`` calendar months; a lot is within it
    when its expiry date is on or before that day.
    """
    if horizon_months < 1:
        raise ValueError("the horizon is at least one month")
    start = as_of + timedelta(days=1)
    runs = fefo_lots(lots, amc, as_of)
    rate = _rate(amc)
    horizon_end = add_months(as_of, horizon_months)
    soh = sum(q for q, _ in lots)
    within = [r for r in runs if r.expiry is not None and r.expiry <= horizon_end]
    by = f"expiring by {horizon_end.isoformat()} ({horizon_months} months)"
    notes = ("no consumption: every lot with an expiry date is at risk",) if rate == 0 else ()
    at_risk = Explained(sum(r.at_risk for r in runs),
                        _sum_formula("at risk", [r.at_risk for r in runs]),
                        {r.label: r.at_risk for r in runs}, notes + tuple(r.formula for r in runs))
    at_risk_within = Explained(sum(r.at_risk for r in within),
                               _sum_formula(f"at risk {by}", [r.at_risk for r in within]),
                               {r.label: r.at_risk for r in within}, notes)
    near = Explained(sum(r.quantity for r in within),
                     _sum_formula(f"quantity {by}", [r.quantity for r in within]),
                     {r.label: r.quantity for r in within})
    used = sum(r.consumed for r in runs)
    if rate:
        assert amc is not None
        mos = Fraction(used) / exact(amc)
        effective = Explained(float(mos), f"effective MOS = Σ consumed / AMC = {used} / "
                                          f"{num(amc)} = {mos_text(mos)}",
                              {"consumed": used, "AMC": float(exact(amc))},
                              ("only what FEFO uses before expiry counts",))
    else:
        effective = Explained(None, "effective MOS unknown: no consumption",
                              {"consumed": used, "AMC": amc})
    _, t_end = _fefo(lots, rate, start)
    if rate:
        day = start + timedelta(days=math.floor(t_end))
        run_out = Explained(day, f"run-out = {start.isoformat()} + floor({fmt(float(t_end), 1)})"
                                 f" days = {day.isoformat()}",
                            {"days_covered": float(t_end), "consumed": used},
                            ("first day usable stock cannot meet demand in full; lots removed "
                             "at expiry",))
    else:
        run_out = Explained(None, "no run-out: no consumption", {"AMC": amc})
    return ExpiryRisk(runs, horizon_end, at_risk, at_risk_within, near, effective,
                      months_of_stock(soh, amc), run_out)


# --- Redistribution (AC-13) -------------------------------------------------------------------


@dataclass(frozen=True)
class FacilityStock:
    """One facility's stock of one product: SOH, AMC and (optionally) its lots.

    Without lots the stock is one lot that never expires; with lots they must add up to SOH.
    """

    name: str
    soh: int
    amc: Number | None
    lots: tuple[Lot, ...] = ()

    def __post_init__(self) -> None:
        if self.soh < 0:
            raise ValueError(f"{self.name}: stock on hand must not be negative")
        if self.lots and sum(q for q, _ in self.lots) != self.soh:
            raise ValueError(f"{self.name}: lots add up to {sum(q for q, _ in self.lots)}, "
                             f"not SOH {self.soh}")

    @property
    def stock_lots(self) -> tuple[Lot, ...]:
        return self.lots or ((self.soh, None),)


@dataclass(frozen=True)
class Transfer:
    """A proposed lateral transfer; ``lots`` are (quantity, expiry) taken from the donor."""

    donor: str
    recipient: str
    quantity: int
    lots: tuple[Lot, ...]
    explanation: Explained


@dataclass(frozen=True)
class FacilityAfter:
    """A facility's position once the proposed transfers are made."""

    name: str
    soh: int
    mos: float | None
    status: Status


@dataclass(frozen=True)
class Redistribution:
    """The proposal: transfers, every facility's position after them, and what is left open."""

    transfers: tuple[Transfer, ...]
    after: tuple[FacilityAfter, ...]
    notes: tuple[str, ...]


@dataclass
class _Avail:
    """A donor's lot while the proposal is built (quantity goes down as it is sent)."""

    quantity: int
    expiry: date | None


def _sending_order(f: FacilityStock, as_of: date) -> list[_Avail]:
    """Donor lots at-risk first, then FEFO (earliest expiry first, no expiry last)."""
    lots = f.stock_lots
    runs, _ = _fefo(lots, _rate(f.amc), as_of + timedelta(days=1))
    risky = {r.index for r in runs
             if lots[r.index][1] is not None and r.consumed < lots[r.index][0]}
    ranked = sorted(range(len(lots)), key=lambda i: (
        i not in risky, lots[i][1] is None, lots[i][1] or date.max, i))
    return [_Avail(*lots[i]) for i in ranked]


def _waste(lots: Sequence[Lot], rate: Fraction, start: date) -> Fraction:
    runs, _ = _fefo(lots, rate, start)
    return sum((lots[r.index][0] - r.consumed for r in runs if lots[r.index][1] is not None),
               Fraction(0))


def _usable_by(lots: list[Lot], rate: Fraction, start: date, expiry: date | None,
               upper: int) -> int:
    """Largest q ≤ upper the recipient can add (expiring on ``expiry``) without any waste more."""
    if expiry is None or upper <= 0:
        return max(0, upper)
    base = _waste(lots, rate, start)

    def fits(q: int) -> bool:
        return _waste([*lots, (q, expiry)], rate, start) <= base

    if fits(upper):
        return upper
    lo, hi = 0, upper  # fits(lo), not fits(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return lo


def propose_redistribution(facilities: Sequence[FacilityStock], as_of: date,
                           levels: Levels = DEFAULT_LEVELS) -> Redistribution:
    """Lateral transfers from overstocked to understocked facilities (FIELD.md §3, AC-13)::

        H         = round_half_up(AMC × MaxMOS)         per facility
        donor     : MOS > MaxMOS,  excess = SOH − H
        recipient : MOS < MinMOS,  need   = H − SOH     (stocked out included)
        transfer  = min(excess, need)

    Greedy: recipients most urgent first (lowest MOS), donors most overstocked first.  The
    donor's lots go at-risk first (earliest expiry first), then FEFO; of each lot only what
    the recipient can consume before its expiry at the recipient's AMC — without making any
    of the recipient's own stock expire unused — is sent, so a transfer may be smaller than
    min(excess, need) (said in its notes).  Facilities with AMC 0 or missing take no part.
    AC-13: A 900 / AMC 100, B 20 / AMC 100, Max 3 → 280 from A to B; A 620 (6.2), B 300 (3).
    """
    start = as_of + timedelta(days=1)
    notes: list[str] = []
    soh = {f.name: f.soh for f in facilities}
    held: dict[str, list[_Avail]] = {}
    h: dict[str, Explained] = {}
    donors, recipients = [], []
    for f in facilities:
        if f.name in h:
            raise ValueError(f"facility {f.name} given twice")
        if f.amc is None or exact(f.amc) <= 0:
            notes.append(f"{f.name}: AMC {f.amc}, left out (status unknown)")
            h[f.name] = Explained(0, "no AMC")
            continue
        h[f.name] = max_quantity(f.amc, levels.max_mos)
        mos = Fraction(f.soh) / exact(f.amc)
        if mos > exact(levels.max_mos):
            held[f.name] = _sending_order(f, as_of)
            donors.append((mos, f))
        elif mos < exact(levels.min_mos):
            recipients.append((mos, f))
    donors.sort(key=lambda x: -x[0])
    recipients.sort(key=lambda x: x[0])
    received: dict[str, list[Lot]] = {f.name: list(f.stock_lots) for _, f in recipients}
    transfers: list[Transfer] = []
    for _, rec in recipients:
        assert rec.amc is not None
        rate = exact(rec.amc) / DAYS_PER_MONTH
        for _, don in donors:
            need = h[rec.name].value - soh[rec.name]
            excess = soh[don.name] - h[don.name].value
            target = min(excess, need)
            if target <= 0:
                continue
            sent: list[Lot] = []
            left = target
            for lot in held[don.name]:
                take = _usable_by(received[rec.name], rate, start, lot.expiry,
                                  min(lot.quantity, left))
                if take <= 0:
                    continue
                lot.quantity -= take
                sent.append((take, lot.expiry))
                received[rec.name].append((take, lot.expiry))
                left -= take
                if left == 0:
                    break
            moved = target - left
            if moved == 0:
                notes.append(f"{rec.name} cannot use any of {don.name}'s stock before expiry")
                continue
            soh[don.name] -= moved
            soh[rec.name] += moved
            why = [f"excess {don.name} = SOH − max qty = {don.soh} − {h[don.name].value} = "
                   f"{don.soh - h[don.name].value}",
                   f"need {rec.name} = max qty − SOH = {h[rec.name].value} − {rec.soh} = "
                   f"{h[rec.name].value - rec.soh}",
                   "sent (at-risk lots first, then FEFO): " + ", ".join(
                       f"{q} exp {e.isoformat() if e else 'never'}" for q, e in sent)]
            if left:
                why.append(f"only {moved}: {rec.name} cannot use the other {left} before they "
                           "expire")
            transfers.append(Transfer(
                don.name, rec.name, moved, tuple(sent),
                Explained(moved, f"transfer = min(excess, need) = min({excess}, {need}) = "
                                 f"{target}" + (f", sent {moved}" if left else ""),
                          {"excess": excess, "need": need}, tuple(why))))
        short = h[rec.name].value - soh[rec.name]
        if short > 0:
            notes.append(f"{rec.name} still needs {short}: order it")
    after = []
    for f in facilities:
        mos = months_of_stock(soh[f.name], f.amc).value
        after.append(FacilityAfter(f.name, soh[f.name], mos,
                                   stock_status(soh[f.name], f.amc, levels).value))
    return Redistribution(tuple(transfers), tuple(after), tuple(notes))


__all__ = ["DEFAULT_HORIZON_MONTHS", "ExpiryRisk", "FacilityAfter", "FacilityStock", "LotRun",
           "Redistribution", "Transfer", "expiry_risk", "fefo_lots", "propose_redistribution"]
