"""Monthly series as forecasts see them: stockout-adjusted demand with gaps kept as gaps.

Two rules matter more than any forecasting method (FIELD.md §1.6, §2.1):

* a month that was **not reported** is missing (NaN), never zero — a late report is not a month
  without patients;
* a month with **stockout days** under-reports demand.  Partial stockouts are scaled up to the
  days stock was available, ``n = d × D / (D − s)`` with ``D`` the days of that month and
  ``s`` capped at ``D``; a month stocked out **all** its days is *censored*: what was issued
  says nothing about demand, so it is treated as missing (NaN) rather than read as a month of
  low demand.  (The LMIS AMC rule keeps such a month with its raw value and uses a 30-day
  month; :func:`lmis_normalised` reproduces it exactly for the ``amc`` method.)

Everything here works on 2-D arrays ``(series × months)``; one series is the ``n = 1`` case.
"""

from __future__ import annotations

import numpy as np

LMIS_DAYS = 30.0


def as_2d(x: np.ndarray | list[float]) -> np.ndarray:
    """A float (n × T) array; a 1-D input is one series."""
    a = np.asarray(x, dtype=float)
    if a.ndim == 1:
        a = a[None, :]
    if a.ndim != 2:
        raise ValueError("expected a (series × months) array")
    return a


def cap_stockout_days(stockout_days: np.ndarray, days_in_month: np.ndarray) -> np.ndarray:
    """Stockout days within [0, days of the month] (the CIV file has values up to 300)."""
    return np.clip(np.nan_to_num(stockout_days, nan=0.0), 0.0, days_in_month)


def lmis_normalised(consumed: np.ndarray, stockout_days: np.ndarray) -> np.ndarray:
    """The LMIS/OpenLMIS normalised consumption behind the reported AMC (civ-lmis README).

    ``d × 30 / (30 − s)`` if ``0 < s < 30``, else ``d`` (a full-month stockout keeps its raw
    value); NaN stays NaN.  Unrounded: the AMC column is rounded only at the end.
    """
    s = np.nan_to_num(stockout_days, nan=0.0)
    partial = (s > 0) & (s < LMIS_DAYS)
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = consumed * LMIS_DAYS / np.where(partial, LMIS_DAYS - s, 1.0)
    return np.where(partial, scaled, consumed)


def demand(consumed: np.ndarray, stockout_days: np.ndarray,
           days_in_month: np.ndarray) -> np.ndarray:
    """Stockout-adjusted demand per month: scaled for partial stockouts, NaN when censored.

    ``days_in_month`` is (T,) or broadcastable to ``consumed``.  Negative consumption is
    refused (it is a data error, not demand).
    """
    c = as_2d(consumed)
    days = np.broadcast_to(np.asarray(days_in_month, dtype=float), c.shape)
    s = cap_stockout_days(as_2d(stockout_days), days)
    if np.any(c < 0):
        raise ValueError("negative consumption")
    censored = s >= days
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = c * days / np.where(censored, 1.0, days - s)
    return np.where(censored, np.nan, scaled)


def reported_count(y: np.ndarray) -> np.ndarray:
    """Number of usable (non-NaN) months per series."""
    return (~np.isnan(y)).sum(axis=1)


__all__ = ["as_2d", "cap_stockout_days", "demand", "lmis_normalised", "reported_count"]
