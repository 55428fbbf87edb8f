"""Forecast accuracy: MASE and the rolling-origin backtest on a series' own history.

MASE (Hyndman & Koehler 2006; FIELD.md §2.4, AC-20)::

    MASE = mean_h |y_{T+h} − ŷ_{T+h}| / ( mean over adjacent usable months |y_t − y_{t−1}| )

with the non-seasonal naive in-sample scaling, computed only over pairs of adjacent months
that are both usable (a gap is not a jump to zero).  A zero scale gives NaN: such series
are excluded from averages and counted, never divided by zero.

The rolling-origin backtest reads the ``(n × T)`` *paths* of :mod:`methods` (the forecast made
after each month), so every inner origin costs nothing extra.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def mase_scale(y: np.ndarray) -> np.ndarray:
    """Per series: in-sample one-step naive MAE over adjacent usable months (NaN if none)."""
    y = np.atleast_2d(np.asarray(y, dtype=float))
    diff = np.abs(np.diff(y, axis=1))
    ok = ~np.isnan(diff)
    count = ok.sum(axis=1)
    total = np.where(ok, diff, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def mase(history: np.ndarray, actual: np.ndarray, forecast: np.ndarray) -> float:
    """MASE of one forecast (AC-20: history 10,12,8,11,9; 10,10,10 vs 13,9,10 → 0.485)."""
    scale = float(mase_scale(np.asarray(history, dtype=float))[0])
    err = np.abs(np.asarray(actual, dtype=float) - np.asarray(forecast, dtype=float)).mean()
    return float(err / scale) if scale > 0 else float("nan")


@dataclass(frozen=True)
class InnerBacktest:
    """Errors of flat forecast paths at the inner origins of each series.

    ``abs_err[k]`` and ``forecast_sum``/``actual_sum`` are per candidate ``k`` and series;
    ``count`` is the number of (origin, horizon) pairs scored per series.
    """

    abs_err: np.ndarray  # (K, n) mean absolute error per series
    sq_err: np.ndarray  # (K, n) mean squared error per series
    forecast_sum: np.ndarray  # (K, n)
    actual_sum: np.ndarray  # (n,)
    count: np.ndarray  # (n,)


def inner_origins(T: int, lookback: int = 12, horizon: int = 3) -> list[tuple[int, int]]:
    """(origin column, h) pairs: forecasts made after column ``o`` for ``o + h ≤ T − 1``,
    origins within the last ``lookback`` months (recent behaviour is what matters next)."""
    return [(o, h) for o in range(max(0, T - 1 - lookback), T - 1)
            for h in range(1, horizon + 1) if o + h <= T - 1]


def backtest_paths(paths: np.ndarray, y: np.ndarray, factors: np.ndarray | None = None,
                   lookback: int = 12, horizon: int = 3) -> InnerBacktest:
    """Score K candidate paths ``(K × n × T)`` against ``y`` over the inner origins.

    ``factors`` (n × T × horizon), when given, multiplies the flat forecast made at an
    origin for each horizon (trend-adjusted candidates).  Months not usable are not scored.
    """
    K, n, T = paths.shape
    abs_sum = np.zeros((K, n))
    sq_sum = np.zeros((K, n))
    f_sum = np.zeros((K, n))
    a_sum = np.zeros(n)
    count = np.zeros(n)
    for o, h in inner_origins(T, lookback, horizon):
        actual = y[:, o + h]
        f = paths[:, :, o]
        if factors is not None:
            f = f * factors[None, :, o, h - 1]
        ok = ~np.isnan(actual) & ~np.isnan(f).any(axis=0)
        a = np.where(ok, actual, 0.0)
        f = np.where(ok, np.maximum(np.nan_to_num(f), 0.0), 0.0)
        err = f - a
        abs_sum += np.abs(err)
        sq_sum += err**2
        f_sum += f
        a_sum += a
        count += ok
    c = np.maximum(count, 1)
    return InnerBacktest(abs_sum / c, sq_sum / c, f_sum, a_sum, count)


__all__ = ["InnerBacktest", "backtest_paths", "inner_origins", "mase", "mase_scale"]
