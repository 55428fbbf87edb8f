"""forecast_district: auto forecasts for a district's series through the batch API.

Synthetic (numpy, seeded) 50 facilities × 300 products × 36 months = 15,000 series: a
facility size and a product popularity set each series' level; ~40 % of series are
intermittent (Bernoulli × gamma demand), the rest Poisson with a mild trend; 3 % of months are
unreported (NaN), 2 % have stockout days.  Timed: ``forecast_batch`` (pooled by product),
median of a few runs (every run, the first one cold, is in ``runs_s``).  Baseline, same run:
a plain numpy 3-month mean over the same array.
Target: < 2 s.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

import numpy as np

from benchmarks import Context, Result
from stockdesk.forecast.auto import forecast_batch

TARGET_S = 2.0


def synthetic(facilities: int, products: int, months: int, seed: int = 7
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    n = facilities * products
    size = np.repeat(rng.lognormal(0.0, 0.6, facilities), products)
    pop = np.tile(rng.lognormal(1.5, 1.2, products), facilities)
    level = size * pop
    trend = 1.0 + rng.normal(0.0, 0.01, n)[:, None] * np.arange(months)
    intermittent = rng.random(n) < 0.4
    lam = np.maximum(level[:, None] * trend, 0.01)
    smooth = rng.poisson(lam).astype(float)
    hits = rng.random((n, months)) < 0.3
    lumpy = np.where(hits, rng.gamma(2.0, lam / 0.6), 0.0).round()
    consumed = np.where(intermittent[:, None], lumpy, smooth)
    consumed[rng.random((n, months)) < 0.03] = np.nan
    stockout = np.where(rng.random((n, months)) < 0.02, rng.integers(1, 31, (n, months)), 0)
    groups = np.tile(np.arange(products), facilities)
    days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] * (months // 12 + 1),
                    dtype=float)[:months]
    return consumed, stockout.astype(float), groups, days


def run(ctx: Context) -> Iterator[Result]:
    sc = ctx.scale
    consumed, stockout, groups, days = synthetic(sc.forecast_facilities, sc.forecast_products,
                                                 sc.forecast_months)
    times = []
    batch = None
    for _ in range(3):
        t = time.perf_counter()
        batch = forecast_batch(consumed, stockout, 3, days_in_month=days, groups=groups,
                               first_period="2022-01")
        times.append(time.perf_counter() - t)
    base = []
    for _ in range(3):
        t = time.perf_counter()
        with np.errstate(all="ignore"):
            np.nan_to_num(np.nanmean(consumed[:, -3:], axis=1))
        base.append(time.perf_counter() - t)
    ours = statistics.median(times)
    assert batch is not None
    methods, counts = np.unique(batch.method.astype(str), return_counts=True)
    yield Result("forecast_district", ours, "s", min(base), better="lower",
                 target=f"< {TARGET_S:g} s", met=ours < TARGET_S, details={
                     "series": int(consumed.shape[0]), "months": int(consumed.shape[1]),
                     "runs_s": [round(t, 3) for t in times],
                     "baseline_method": "numpy nanmean of the last 3 months",
                     "methods": dict(zip(methods.tolist(), counts.tolist(), strict=True))})
