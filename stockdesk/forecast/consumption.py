"""Stockout-adjusted consumption N (FIELD.md §1.6), the OpenLMIS v3 way.

The R&R and the forecasts start here: a month with stockout days under-reports what patients
needed, so consumption is scaled up to the days stock was available.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

DAYS_PER_MONTH = 30


@dataclass(frozen=True)
class Adjusted:
    """N with the reason it is what it is, so the UI and printed R&R can explain it."""

    value: int
    consumed: int
    stockout_days: int
    period_days: int
    low_confidence: bool  # scaled from a short in-stock window, or not scalable at all
    formula: str


def adjusted_consumption(consumed: int, stockout_days: int, months: int = 1) -> Adjusted:
    """OpenLMIS v3 ``N = ceil(C × 30M / (30M − X))``.

    ``N = C`` when there were no stockout days or when the whole period was stocked out (no
    division by zero), ``N = 0`` when ``C = 0``.  X is capped at the 30M days of the period.
    Periods with X ≥ 15 days per month are flagged low-confidence (AC-03): scaling a few days
    of consumption up to a month multiplies any noise.
    """
    if consumed < 0 or stockout_days < 0 or months < 1:
        raise ValueError("consumption, stockout days and months must not be negative")
    period = DAYS_PER_MONTH * months
    x = min(stockout_days, period)
    low = x >= 15 * months
    if consumed == 0:
        return Adjusted(0, consumed, x, period, low, "N = 0 because C = 0")
    if x == 0:
        return Adjusted(consumed, consumed, x, period, False, "N = C (no stockout days)")
    if x >= period:
        return Adjusted(consumed, consumed, x, period, True,
                        f"N = C: stocked out all {period} days, nothing to scale by")
    value = math.ceil(consumed * period / (period - x))
    return Adjusted(value, consumed, x, period, low,
                    f"N = ceil({consumed} × {period} / ({period} − {x})) = {value}")
