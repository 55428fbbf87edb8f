"""stockout_simulation: replay the CIV series under forced-ordering max–min with each method.

Simulation (one per method, same series, same demand):

* **Series and months**: site × product series reported in every month of 2018-01..2019-09
  (21 months) with ≥ 12 reported months before 2018-01.
* **Demand** in a month = the LMIS stockout-normalised consumption of that month (what the
  facility would have dispensed had it had stock; for a month stocked out all month, what it
  issued).
* **Start**: on hand at the start of 2018-01 = 3 × the AMC-3 of 2017-10..12, the same for every
  method, nothing on order.
* **Each month t**: the delivery ordered at the end of month t − 2 arrives at the start of
  month t (lead time one month after the review month); demand is served from stock on hand;
  unmet demand is **lost** (not back-ordered) and the month counts as a *stockout month*
  when demand exceeds stock by more than 1e-9.  At the end of month t the facility reviews
  (forced ordering): the method forecasts the next 3 months from the history up to t (actual
  reported consumption and stockout days, as the facility would know them), max = that
  3-month forecast, order = max(0, max − on hand − on order).
* **Average stock held** = mean over series and months of the stock on hand at the end of each
  month.  Target: auto has fewer stockout months than amc3 with ≤ 5 % more average stock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import numpy as np

from benchmarks import Context, Result
from benchmarks._civ import CivData, load, month_index
from benchmarks.forecast_accuracy import METHODS
from stockdesk.forecast.series import lmis_normalised

START, END = "2018-01", "2019-09"
MAX_MONTHS = 3
STOCK_TOLERANCE = 0.05  # auto may hold at most 5 % more stock than amc3


def eligible(data: CivData, t_start: int, t_end: int) -> np.ndarray:
    reported = ~np.isnan(data.consumed)
    return np.flatnonzero(reported[:, t_start:t_end + 1].all(axis=1)
                          & (reported[:, :t_start].sum(axis=1) >= 12))


def simulate(data: CivData, rows: np.ndarray, method: Callable[[CivData, int], np.ndarray],
             t_start: int, t_end: int) -> tuple[np.ndarray, np.ndarray]:
    """(stockout months per series, mean end-of-month stock per series)."""
    demand = lmis_normalised(data.consumed, data.stockout_days)[rows]
    past = demand[:, t_start - 3:t_start]
    with np.errstate(all="ignore"):
        counts = (~np.isnan(past)).sum(axis=1)
        stock = np.nan_to_num(3.0 * np.nansum(past, axis=1) / np.maximum(counts, 1))
    pipeline: dict[int, np.ndarray] = {}
    stockouts = np.zeros(len(rows))
    held = np.zeros(len(rows))
    months = t_end - t_start + 1
    for t in range(t_start, t_end + 1):
        stock = stock + pipeline.pop(t, 0.0)
        need = demand[:, t]
        stockouts += need > stock + 1e-9
        stock = np.maximum(stock - need, 0.0)
        held += stock
        if t < t_end - 1:
            forecast = method(data, t + 1)[rows]  # history up to and including month t
            maximum = np.maximum(forecast, 0.0)[:, :MAX_MONTHS].sum(axis=1)
            on_order = sum(pipeline.values()) if pipeline else 0.0
            pipeline[t + 2] = np.maximum(maximum - stock - on_order, 0.0)
    return stockouts, held / months


def run(ctx: Context) -> Iterator[Result]:
    data: CivData = ctx.cache.get("civ") or load()
    ctx.cache["civ"] = data
    if ctx.scale.civ_series is not None:
        data = data.subset(np.arange(min(ctx.scale.civ_series, len(data))))
    t_start, t_end = month_index(START), month_index(END)
    rows = eligible(data, t_start, t_end)
    figures: dict[str, tuple[float, float, float]] = {}
    for name in ("amc3", "auto"):
        t = time.perf_counter()
        out, held = simulate(data, rows, METHODS[name], t_start, t_end)
        figures[name] = (float(out.sum()), float(held.mean()), time.perf_counter() - t)
    base_out, base_stock, _ = figures["amc3"]
    for name, (outs, stock, seconds) in figures.items():
        common = {"method": name, "series": len(rows), "months": f"{START}..{END}",
                  "average_stock_held": round(stock, 2),
                  "stock_vs_amc3": round(stock / base_stock - 1, 4) if base_stock else None,
                  "seconds": round(seconds, 2)}
        if name == "auto":
            met = outs < base_out and stock <= base_stock * (1 + STOCK_TOLERANCE)
            yield Result("stockout_simulation", outs, "months", base_out, better="lower",
                         target="fewer stockout months than amc3 with <= 5% more stock",
                         met=met, details=common)
        else:
            yield Result("stockout_simulation", outs, "months", better="lower",
                         target="baseline (reported for comparison)", met=True,
                         details=common)
