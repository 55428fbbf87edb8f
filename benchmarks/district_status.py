"""district_status: stock status of a whole district at once (the vectorised kernel).

Synthetic (numpy, seeded) facilities × products series (50 × 300 = 15,000 at full scale): the
3 months of the AMC window (3 % not reported, 5 % with stockout days, 1–31), SOH around a
few months of consumption (8 % zero), a calculation profile per facility (mostly OpenLMIS)
and levels per facility (3/1/0.5 mostly, some 2.5/1.5/0.5 and 4/2/0.7).  Timed:
``district_status`` on all series, best of ``repeats`` runs.  Baseline, same run: the scalar
path on the same data, series by series (``average_consumption``, ``stock_status``,
``max_quantity``, ``order_quantity``, ``project_stockout``), which is also compared with the
kernel: ``met`` needs both the target (< 0.3 s) and no mismatch.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from datetime import date

import numpy as np

from benchmarks import Context, Result
from stockdesk.forecast.district_status import DistrictStatus, district_status
from stockdesk.forecast.levels import Levels, max_quantity, order_quantity
from stockdesk.forecast.profiles import MonthInput, average_consumption, get_profile
from stockdesk.forecast.projection import project_stockout
from stockdesk.forecast.status import stock_status

TARGET_S = 0.3
AS_OF = date(2024, 3, 31)
DAYS = np.array([31, 29, 31])  # 2024-01 .. 2024-03, the window ending at AS_OF


def synthetic(facilities: int, products: int, seed: int = 11) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    n = facilities * products
    size = np.repeat(rng.lognormal(0.0, 0.6, facilities), products)
    pop = np.tile(rng.lognormal(2.5, 1.3, products), facilities)
    consumed = rng.poisson((size * pop)[:, None], (n, 3)).astype(float)
    consumed[rng.random((n, 3)) < 0.03] = np.nan
    stockout = np.where(rng.random((n, 3)) < 0.05, rng.integers(1, 32, (n, 3)), 0).astype(float)
    soh = np.round(size * pop * rng.gamma(2.0, 1.2, n)).astype(np.int64)
    soh[rng.random(n) < 0.08] = 0
    profile = np.repeat(rng.choice(["openlmis", "msupply", "civ-elmis", "unadjusted"],
                                   facilities, p=[0.7, 0.1, 0.1, 0.1]), products)
    kind = np.repeat(rng.choice(3, facilities, p=[0.7, 0.2, 0.1]), products)
    levels = np.array([[3, 1, 0.5], [2.5, 1.5, 0.5], [4, 2, 0.7]])[kind]
    return {"consumed": consumed, "stockout_days": stockout, "soh": soh, "profile": profile,
            "max_mos": levels[:, 0], "min_mos": levels[:, 1], "eop_mos": levels[:, 2]}


def _kernel(data: dict[str, np.ndarray]) -> DistrictStatus:
    return district_status(data["consumed"], data["stockout_days"], DAYS, data["soh"],
                           data["profile"], data["max_mos"], data["min_mos"], data["eop_mos"])


def _scalar(data: dict[str, np.ndarray]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for j in range(len(data["soh"])):
        c, x = data["consumed"][j].tolist(), data["stockout_days"][j].tolist()
        months = [MonthInput(f"2024-{i + 1:02d}", int(c[i]),
                             None if math.isnan(x[i]) else int(x[i]), int(DAYS[i]))
                  for i in range(3) if not math.isnan(c[i])]
        soh = int(data["soh"][j])
        mx = float(data["max_mos"][j])
        levels = Levels(max_mos=mx, min_mos=float(data["min_mos"][j]),
                        eop_mos=float(data["eop_mos"][j]))
        p = average_consumption(get_profile(str(data["profile"][j])), months).value
        status = stock_status(soh, p, levels).value
        if p is None:
            out.append((None, status, -1, -1, -1))
            continue
        h = max_quantity(p, mx).value
        i = order_quantity(h, soh).value
        day = project_stockout(soh, AS_OF, p).value
        out.append((float(p), status, h, i, -1 if day is None else (day - AS_OF).days))
    return out


def _mismatches(r: DistrictStatus, ref: list[tuple[object, ...]]) -> int:
    bad = 0
    for j, want in enumerate(ref):
        amc = None if math.isnan(r.amc[j]) else float(r.amc[j])
        got = (amc, r.status[j], int(r.max_quantity[j]), int(r.order_quantity[j]),
               int(r.stockout_day[j]))
        bad += got != want
    return bad


def run(ctx: Context) -> Iterator[Result]:
    sc = ctx.scale
    data = synthetic(sc.district_facilities, sc.district_products)
    times = []
    result = None
    for _ in range(max(sc.repeats, 3)):
        t = time.perf_counter()
        result = _kernel(data)
        times.append(time.perf_counter() - t)
    assert result is not None
    t = time.perf_counter()
    ref = _scalar(data)
    base = time.perf_counter() - t
    ours = min(times)
    bad = _mismatches(result, ref)
    statuses, counts = np.unique(result.status.astype(str), return_counts=True)
    yield Result("district_status", ours, "s", base, better="lower",
                 target=f"< {TARGET_S:g} s", met=ours < TARGET_S and bad == 0, details={
                     "series": len(result), "runs_s": [round(x, 4) for x in times],
                     "baseline_method": "scalar path per series (average_consumption, "
                                        "stock_status, max/order quantity, project_stockout)",
                     "mismatches": bad,
                     "statuses": dict(zip(statuses.tolist(), counts.tolist(), strict=True))})
