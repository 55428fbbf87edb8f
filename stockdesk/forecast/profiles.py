"""Calculation profiles: how a program turns monthly consumption into N and P (FIELD.md §1.6).

Systems in the field agree on the idea (scale a month's consumption up for the days stock was
out, then average a few months) and differ in the details: the days of a month, when to round,
how many months.  A district must be able to reproduce the figures of the system it reconciles
with, so each way is a :class:`Profile` — data, not branches in the formulas — and every R&R
states the profile it used.

* ``openlmis`` (default): OpenLMIS v3 ``LineItemFieldsCalculator`` —
  ``N = ceil(C × 30M / (30M − X))``, ``N = C`` when ``X = 0`` or ``X ≥ 30M``, ``N = 0`` when
  ``C = 0``; ``P = ceil(mean N)`` over the current and the 2 previous periods.
* ``msupply``: mSupply's purchasing report — ``C × days in month / days in stock``, unrounded;
  ``P`` to the hundredth (half up), as it prints, so every later comparison is exact.
* ``civ-elmis``: the Côte d'Ivoire eLMIS (``../shared/data/civ-lmis``) — ``N = C × 30/(30 − X)``
  when ``0 < X < 30``, else ``C``, unrounded; ``P`` = mean rounded half up.
* ``unadjusted``: ``N = C``; ``P = ceil(mean C)`` — what a paper system without stockout days
  computes.

Arithmetic is exact (fractions): a ceiling must not flip on a float's last digit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal

from stockdesk.forecast.explain import Explained, fmt

Adjustment = Literal["openlmis", "msupply", "civ", "none"]
Rounding = Literal["ceil", "half_up", "half_up_2dp", "none"]

DAYS_PER_MONTH = 30
LOW_CONFIDENCE_DAYS = 15  # FIELD.md §1.6: flag, rather than trust, months scaled up from < half


@dataclass(frozen=True)
class Profile:
    """One system's way of computing adjusted consumption N and average consumption P."""

    name: str
    label: str
    source: str
    adjustment: Adjustment
    n_rounding: Rounding
    p_rounding: Rounding
    window: int = 3  # the current period and the window − 1 before it

    def describe(self) -> str:
        """One line for the header of an R&R: which rule produced N and P."""
        return f"{self.label} ({self.name}): {self.source}"


PROFILES: dict[str, Profile] = {p.name: p for p in (
    Profile("openlmis", "OpenLMIS v3",
            "N = ceil(C × 30 / (30 − X)); P = ceil(mean of N over 3 months)",
            "openlmis", "ceil", "ceil"),
    Profile("msupply", "mSupply",
            "N = C × days in month / days in stock; P = mean of N over 3 months, to 2 decimals",
            "msupply", "none", "half_up_2dp"),
    Profile("civ-elmis", "Côte d'Ivoire eLMIS",
            "N = C × 30 / (30 − X) when 0 < X < 30, else C; P = mean of N over 3 months, "
            "rounded half up", "civ", "none", "half_up"),
    Profile("unadjusted", "Unadjusted",
            "N = C (stockout days ignored); P = ceil(mean of C over 3 months)",
            "none", "none", "ceil"),
)}
DEFAULT_PROFILE = "openlmis"


class UnknownProfile(KeyError):
    """A profile name nobody defined: the message lists the ones that exist."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"unknown calculation profile {self.name!r}; known: {', '.join(PROFILES)}"


def get_profile(name: str | None) -> Profile:
    """The named profile (the default when ``name`` is empty)."""
    key = (name or DEFAULT_PROFILE).strip().lower().replace("_", "-")
    if key in ("openlmis-v3", "openlmis3"):
        key = "openlmis"
    try:
        return PROFILES[key]
    except KeyError:
        raise UnknownProfile(name or "") from None


@dataclass(frozen=True)
class MonthInput:
    """What a month contributes to P: its consumption and stockout days (None = not known)."""

    period: str  # YYYY-MM (or YYYY-Qn for a quarter's N)
    consumed: int
    stockout_days: int | None
    days: int = 30  # calendar days of the month (mSupply uses them)
    months: int = 1  # M: a quarterly period's N scales over 30 × 3 days (AC-03)


def _round(x: Fraction, how: Rounding) -> Fraction | int:
    if how == "ceil":
        return math.ceil(x)
    if how == "half_up":
        return math.floor(x + Fraction(1, 2))
    if how == "half_up_2dp":  # to the hundredth, as mSupply prints it (AC-04: 334.44)
        return Fraction(math.floor(x * 100 + Fraction(1, 2)), 100)
    return x


def _number(x: Fraction | int) -> int | float:
    if isinstance(x, int) or x.denominator == 1:
        return int(x)
    return float(x)


def adjusted(profile: Profile, month: MonthInput) -> Explained:
    """N for one month under ``profile``; notes say when the figure deserves little trust."""
    c, days = month.consumed, month.days
    if c < 0:
        raise ValueError("consumption must not be negative")
    notes: list[str] = []
    x = month.stockout_days
    if x is None:
        notes.append("stockout days not reported: N = C")
        x = 0
    base = DAYS_PER_MONTH * month.months if profile.adjustment in ("openlmis", "civ") else days
    x = min(max(x, 0), days)
    value: Fraction | int
    if profile.adjustment == "none" or c == 0 or x == 0:
        value, formula = c, f"N = C = {c}"
        if c == 0 and x:
            formula = "N = 0 because C = 0"
    elif profile.adjustment == "civ" and x >= DAYS_PER_MONTH * month.months:
        value, formula = c, f"N = C = {c}: out of stock {x} days, nothing to scale by"
        notes.append("whole month out of stock")
    elif x >= min(base, days):  # every day of the month out (a 29-day February too)
        value, formula = c, f"N = C = {c}: out of stock all {x} days, nothing to scale by"
        notes.append("whole month out of stock")
    else:
        exact = Fraction(c * base, base - x)
        value = _round(exact, profile.n_rounding)
        how = {"ceil": "ceil", "half_up": "round", "none": ""}[profile.n_rounding]
        inner = f"{c} × {base} / ({base} − {x})"
        formula = f"N = {how}({inner})" if how else f"N = {inner}"
        formula += f" = {fmt(_number(value))}"
        if x >= LOW_CONFIDENCE_DAYS * month.months:
            notes.append(f"scaled up from {base - x} days in stock: low confidence")
    return Explained(_number(value), formula,
                     {"period": month.period, "C": c, "X": month.stockout_days, "days": base},
                     tuple(notes))


def average_consumption(profile: Profile, months: Sequence[MonthInput]) -> Explained:
    """P over the reported months of the window (the caller picks the window's months).

    With fewer months than the window (a new product, months not reported) the mean is over
    those there are (AC-05); with none, P is unknown (``None``) and status says "unknown".
    """
    if not months:
        return Explained(None, "P unknown: no month reported in the window", {},
                         ("no consumption reported",))
    ns = [adjusted(profile, m) for m in months]
    exact = sum((_exact_n(profile, m) for m in months), Fraction(0))
    mean = exact / len(months)
    value = _round(mean, profile.p_rounding)
    how = {"ceil": "ceil", "half_up": "round half up", "half_up_2dp": "round to 0.01",
           "none": ""}[profile.p_rounding]
    terms = " + ".join(fmt(_number(_exact_n(profile, m))) for m in months)
    inner = f"({terms}) / {len(months)}"
    formula = f"P = {how}({inner})" if how else f"P = {inner}"
    formula += f" = {fmt(_number(value))}"
    notes = [f"{m.period}: {n.formula}" + (f" ({'; '.join(n.notes)})" if n.notes else "")
             for m, n in zip(months, ns, strict=True) if n.value != m.consumed or n.notes]
    if len(months) < profile.window:
        notes.append(f"{len(months)} of {profile.window} months reported")
    return Explained(_number(value), formula, {
        "profile": profile.name, "months": [m.period for m in months],
        "N": [n.value for n in ns]}, tuple(notes))


def _exact_n(profile: Profile, month: MonthInput) -> Fraction:
    """N before any rounding of P: the rounded N for profiles that round N, else exact."""
    n = adjusted(profile, month).value
    if profile.n_rounding != "none" or isinstance(n, int):
        return Fraction(n)
    x = min(month.stockout_days or 0, month.days)
    base = (DAYS_PER_MONTH * month.months if profile.adjustment in ("openlmis", "civ")
            else month.days)
    return Fraction(month.consumed * base, base - x)


def window_end(as_of: date) -> str:
    """The last complete month on ``as_of``: its own month when it is the month's last day.

    A month in progress would read as low consumption, so P stops at the previous month.
    """
    last = as_of if (as_of + timedelta(days=1)).day == 1 else as_of.replace(day=1) - \
        timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


def months_ending(end: str, count: int) -> list[str]:
    """``count`` calendar months ending with ``end`` (oldest first)."""
    year, month = int(end[:4]), int(end[5:7])
    index = year * 12 + month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def window_periods(profile: Profile, end: str) -> list[str]:
    """The calendar months of the profile's window ending with ``end`` (oldest first)."""
    return months_ending(end, profile.window)


__all__ = ["DEFAULT_PROFILE", "PROFILES", "MonthInput", "Profile", "UnknownProfile",
           "adjusted", "average_consumption", "get_profile", "months_ending", "window_end",
           "window_periods"]
