"""Forecast methods, vectorised over series: recursions loop over months, never over series.

Every *flat* method is a function ``path(y, ...) -> (n × T)`` where ``y`` is (series × months)
demand with NaN for a missing or censored month (see :mod:`series`) and ``path[:, t]`` is the
forecast per month made **after** observing months ``≤ t`` (NaN before the first usable month).
The forecast for the next ``h`` months is ``path[:, -1]`` repeated; a rolling-origin backtest
reads earlier columns from the same pass, so backtesting costs one run, not one per origin.
Missing months are skipped: the state is carried over, never updated with a zero.

Formulas: FIELD.md §2.3 (Croston 1972; SBA, Syntetos & Boylan 2005; TSB, Teunter, Syntetos &
Babai 2011), §1.6 (LMIS AMC), §2.2 and AC-23 (seasonal naive with year-to-date growth).
Initialisations are pinned (AC-21) because libraries differ.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Path = Callable[[np.ndarray], np.ndarray]


def naive(y: np.ndarray) -> np.ndarray:
    """Last usable value (forward-filled over gaps)."""
    out = np.full(y.shape, np.nan)
    last = np.full(y.shape[0], np.nan)
    for t in range(y.shape[1]):
        col = y[:, t]
        last = np.where(np.isnan(col), last, col)
        out[:, t] = last
    return out


def _rolling(y: np.ndarray, window: int,
             reduce: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> np.ndarray:
    """``reduce(buffer, count)`` at each month over the last ``window`` *usable* months.

    A gap does not shrink the window: it reaches back over unreported months.  ``buffer`` is
    (n × window), NaN-padded where fewer months have been seen; ``count`` the months in it.
    """
    n, T = y.shape
    buf = np.full((n, window), np.nan)
    out = np.full(y.shape, np.nan)
    for t in range(T):
        col = y[:, t]
        ok = ~np.isnan(col)
        if ok.any():
            buf[ok] = np.roll(buf[ok], -1, axis=1)
            buf[ok, -1] = col[ok]
        cnt = (~np.isnan(buf)).sum(axis=1)
        with np.errstate(invalid="ignore"):
            out[:, t] = np.where(cnt > 0, reduce(buf, cnt), np.nan)
    return out


def _mean(buf: np.ndarray, cnt: np.ndarray) -> np.ndarray:
    return np.nansum(buf, axis=1) / np.maximum(cnt, 1)


def _median(buf: np.ndarray, cnt: np.ndarray) -> np.ndarray:
    filled = np.sort(np.where(np.isnan(buf), np.inf, buf), axis=1)
    lo = np.take_along_axis(filled, np.maximum((cnt - 1) // 2, 0)[:, None], 1)[:, 0]
    hi = np.take_along_axis(filled, np.maximum(cnt // 2, 0)[:, None], 1)[:, 0]
    return 0.5 * (lo + hi)


def moving_average(y: np.ndarray, window: int = 3) -> np.ndarray:
    """AMC: mean of the last ``window`` *usable* months (not calendar months).

    This is the rule that reproduces the AMC-3 reference on the CIV data (mean MASE 1.239,
    median 0.759): a gap does not shrink the window, the window reaches back over it.
    """
    return _rolling(y, window, _mean)


def moving_median(y: np.ndarray, window: int = 6) -> np.ndarray:
    """Median of the last ``window`` usable months: a level that one exceptional month
    (a campaign, a bulk issue to an outreach team) does not drag up for a quarter."""
    return _rolling(y, window, _median)


def ses(y: np.ndarray, alpha: float = 0.2) -> np.ndarray:
    """Simple exponential smoothing ``ℓ ← ℓ + α(y − ℓ)``, ℓ₀ = first usable value."""
    out = np.full(y.shape, np.nan)
    level = np.full(y.shape[0], np.nan)
    for t in range(y.shape[1]):
        col = y[:, t]
        upd = np.where(np.isnan(level), col, level + alpha * (col - level))
        level = np.where(np.isnan(col), level, upd)
        out[:, t] = level
    return out


def croston(y: np.ndarray, alpha: float = 0.1, variant: str = "croston") -> np.ndarray:
    """Croston (1972) and its bias corrections, FIELD.md §2.3.

    Pinned initialisation (AC-21): ``z`` = first non-zero demand, ``p`` = its 1-based position
    among usable months; then only when ``y > 0``: ``z ← z + α(y − z)``, ``p ← p + α(q − p)``
    with ``q`` the usable months since the last demand.  Forecast ``z/p`` (croston),
    ``(1 − α/2) z/p`` (sba) or ``(1 − α/(2 − α)) z/p`` (sbj).  Before the first demand the
    forecast is 0 once a month has been seen.
    """
    factor = {"croston": 1.0, "sba": 1.0 - alpha / 2.0,
              "sbj": 1.0 - alpha / (2.0 - alpha)}[variant]
    n, T = y.shape
    z = np.full(n, np.nan)
    p = np.full(n, np.nan)
    q = np.zeros(n)  # usable months since the last demand (or since the start)
    seen = np.zeros(n, dtype=bool)
    out = np.full(y.shape, np.nan)
    for t in range(T):
        col = y[:, t]
        ok = ~np.isnan(col)
        seen |= ok
        q = q + ok
        hit = ok & (col > 0)
        first = hit & np.isnan(z)
        later = hit & ~first
        z = np.where(first, col, np.where(later, z + alpha * (col - z), z))
        p = np.where(first, q, np.where(later, p + alpha * (q - p), p))
        q = np.where(hit, 0.0, q)
        with np.errstate(invalid="ignore", divide="ignore"):
            f = factor * z / p
        out[:, t] = np.where(np.isnan(z), np.where(seen, 0.0, np.nan), f)
    return out


def sba(y: np.ndarray, alpha: float = 0.1) -> np.ndarray:
    """Syntetos–Boylan approximation: Croston × (1 − α/2)."""
    return croston(y, alpha, "sba")


def tsb(y: np.ndarray, alpha: float = 0.1, beta: float = 0.1) -> np.ndarray:
    """Teunter–Syntetos–Babai: ``p ← p + β(1[y>0] − p)`` every usable month, ``z`` on demand.

    Pinned initialisation (AC-21): ``z`` = mean of the non-zero demands, ``p`` = share of
    usable months with demand, both over the whole series given (so a backtest must pass the
    history only).  Forecast ``p·z``.
    """
    ok_all = ~np.isnan(y)
    nz = ok_all & (y > 0)
    n_ok = ok_all.sum(axis=1)
    n_nz = nz.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(n_nz > 0, np.where(nz, y, 0.0).sum(axis=1) / np.maximum(n_nz, 1), 0.0)
        p = np.where(n_ok > 0, n_nz / np.maximum(n_ok, 1), np.nan)
    out = np.full(y.shape, np.nan)
    seen = np.zeros(y.shape[0], dtype=bool)
    for t in range(y.shape[1]):
        col = y[:, t]
        ok = ~np.isnan(col)
        seen |= ok
        hit = ok & (col > 0)
        p = np.where(ok, p + beta * (hit - p), p)
        z = np.where(hit, z + alpha * (col - z), z)
        out[:, t] = np.where(seen, p * z, np.nan)
    return out


def seasonal_naive(y: np.ndarray, horizon: int, first_month: int = 1,
                   min_ytd: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Seasonal naive × year-to-date growth (FIELD.md §2.2, AC-23), from the last column.

    ``growth = Σ this year's months to date / Σ the same months last year`` (only months
    usable in both years); forecast of month ``T+h`` = ``y[T+h−12] × growth``.  When the
    calendar year has fewer than ``min_ytd`` months so far (January…), the last ``min_ytd``
    months are compared with the same months a year before instead.  Returns
    ``(forecast (n × horizon), growth (n,))``; NaN where last year's month is missing or no
    growth can be computed (the caller falls back to a flat method).

    ``first_month`` is the calendar month (1–12) of column 0.
    """
    n, T = y.shape
    last_cal = (first_month - 1 + T - 1) % 12  # 0 = January, calendar month of column T-1
    ytd = max(last_cal + 1, min_ytd)
    ytd = min(ytd, T - 12) if T > 12 else 0
    growth = np.full(n, np.nan)
    if ytd > 0:
        now = y[:, T - ytd:]
        before = y[:, T - ytd - 12:T - 12]
        both = ~np.isnan(now) & ~np.isnan(before)
        s_now = np.where(both, now, 0.0).sum(axis=1)
        s_before = np.where(both, before, 0.0).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            growth = np.where((s_before > 0) & both.any(axis=1), s_now / s_before, np.nan)
    out = np.full((n, horizon), np.nan)
    for h in range(1, horizon + 1):
        src = T + h - 1 - 12
        while src >= T:  # horizons beyond 12 months reuse the last observed year
            src -= 12
        if src >= 0:
            out[:, h - 1] = y[:, src] * growth
    return out, growth


METHODS: dict[str, Path] = {
    "naive": naive,
    "amc3": lambda y: moving_average(y, 3),
    "amc6": lambda y: moving_average(y, 6),
    "amc12": lambda y: moving_average(y, 12),
    "med3": lambda y: moving_median(y, 3),
    "med6": lambda y: moving_median(y, 6),
    "ses": ses,
    "ses3": lambda y: ses(y, 0.3),
    "ses5": lambda y: ses(y, 0.5),
    "croston": croston,
    "sba": sba,
    "tsb": tsb,
}
"""The flat methods by name, with the default parameters used by ``auto``."""

__all__ = ["METHODS", "croston", "moving_average", "moving_median", "naive", "sba",
           "seasonal_naive", "ses", "tsb"]
