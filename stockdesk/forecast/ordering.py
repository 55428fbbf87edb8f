"""The ordering basis: the monthly quantities max stock and orders are sized from.

Why a separate quantity.  ``auto``'s point forecast is chosen for MASE, an *absolute* error,
whose optimum is the median of next month's demand; on small intermittent series that median
is well below the mean (most months are small, a few are large).  Stock sized from a median
runs out in exactly the months that matter — the large ones — so the same forecast cannot be
both the most accurate point and the right basis for ``max = Σ next MaxMOS months``.

What it is.  For every series, the forecast path of one *ordering candidate* (below), read
after the last month and, for trended candidates, scaled by the pooled trend; for seasonal
products and short histories it is the point forecast itself (FIELD.md §2.2: a seasonal
product's max is sized from its seasonal forecast).  It is never below the point forecast:
orders never plan for less than the demand the app shows as expected.

Candidates (:data:`ORDER_CANDIDATES`): AMC-3 (the field's rule), the point forecast itself,
and *mean-type* levels — means of recent months, exponential smoothing (α 0.2, 0.3, 0.5), the
mean of AMC-3 and the last month, the larger of AMC-3 and SES — with and without the group's
pooled trend.  Means rather than medians because stock has to cover the expected demand; the
reactive ones (higher α, the last month) follow a rise within a month instead of a quarter.

How it is chosen (the same selection-by-inner-backtest principle ``auto`` uses for MASE,
months before the origin only).  Every candidate, floored at the point forecast, is *replayed*
on the series' own past under the facility's policy — forced-ordering max–min (FIELD.md
§1.3), review every month, ``max = Σ of the next max_months months of the candidate``, order
= max − on hand − on order, delivered ``lead_months`` after the review month, unmet demand
lost — over the last ``REPLAY`` = 24 months of history (from month ``MIN_REPLAY_START`` at
the earliest), starting from 3 × AMC-3 on hand.  Demand in the replay is the
stockout-adjusted demand of :mod:`series`; an unknown (unreported or fully censored) month
draws AMC-3 from stock and is not scored.  Each candidate yields per series the replayed
stockout months and average stock held; plain AMC-3 by the R&R rule (not floored) is
replayed too, as the reference.  The choice is made **per cell** (SBC class × volume band,
like the point's), pooled over the cell's series: the candidate with the fewest replayed
stockout months among those whose replayed stock on the cell is ≤ ``STOCK_LIMIT`` × the
reference's (ties → less stock).  ``STOCK_LIMIT`` = 1.05 is the policy's own tolerance (fewer
stockouts than AMC-3 for at most 5 % more stock), not fitted.  Cells with fewer than
``MIN_POOL`` series keep AMC-3 by the R&R rule (floored at the point).  The replay never
reads months after the origin.

Measured (``python -m benchmarks stockout_simulation``, CIV 2018-01..2019-09, 670 series):
per-cell choice 1,499 stockout months / 38.05 average stock vs AMC-3 1,588 / 36.52 (+4.2 %).
Variants tried on the same benchmark, for the record: one batch-wide budget spent by a
Lagrange multiplier (``PER_CELL = False``) saves more stockouts in the replay but overspent
out of sample (1,424 / 38.9, +6.5 %); without the floor at the point, 1,447 / 38.9 (+6.6 %).
The per-cell rule was kept because it holds the budget in every class × band, so a different
mix of series (the benchmark scores only fully reported ones) cannot move stock between
cells.  Caveat: that choice between variants was made after seeing the benchmark.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

REPLAY = 24
MIN_REPLAY_START = 6
STOCK_LIMIT = 1.05
MAX_MONTHS = 3.0
LEAD_MONTHS = 1
FLOOR_AT_POINT = True
PER_CELL = True  # False: one batch-wide stock budget (Lagrange multiplier), see choose()

POINT = "forecast"  # the candidate "the point forecast itself"
REFERENCE = "amc3 (R&R rule)"  # the stock budget's reference: AMC-3 as the R&R computes it
RR_MEMBER = "amc3_rr"  # its path: AMC-3 of the LMIS-normalised consumption (series.py)

# name → (how members combine: "mean" | "max", member methods, scaled by the pooled trend?)
ORDER_CANDIDATES: dict[str, tuple[str, tuple[str, ...], bool]] = {
    REFERENCE: ("mean", ("amc3_rr",), False),
    "amc3": ("mean", ("amc3",), False),
    POINT: ("mean", (), False),
    "amc6": ("mean", ("amc6",), False),
    "ses": ("mean", ("ses",), False),
    "ses3": ("mean", ("ses3",), False),
    "ses5": ("mean", ("ses5",), False),
    "mean(amc3, naive)": ("mean", ("amc3", "naive"), False),
    "max(amc3, ses3)": ("max", ("amc3", "ses3"), False),
}
for _name, (_how, _members, _) in list(ORDER_CANDIDATES.items()):
    if _name != POINT:
        ORDER_CANDIDATES[_name + " × trend"] = (_how, _members, True)
ORDER_NAMES = tuple(ORDER_CANDIDATES)
ORDER_MEMBERS = tuple(sorted({m for _, ms, _ in ORDER_CANDIDATES.values() for m in ms}))
DESCRIBE = {REFERENCE: "AMC-3 by the R&R rule (LMIS-normalised consumption)",
            "amc3": "AMC-3 of the stockout-adjusted demand",
            "amc6": "mean of the last 6 usable months", "ses": "SES α=0.2",
            "ses3": "SES α=0.3", "ses5": "SES α=0.5", POINT: "the point forecast",
            "mean(amc3, naive)": "mean of AMC-3 and the last month",
            "max(amc3, ses3)": "the larger of AMC-3 and SES α=0.3"}


def describe(name: str) -> str:
    base = name.removesuffix(" × trend")
    text = DESCRIBE.get(base, base)
    return text + (" × pooled trend" if name.endswith("× trend") else "")


def candidate_paths(base: Mapping[str, np.ndarray], point_path: np.ndarray
                    ) -> np.ndarray:
    """(K × n × T) flat level paths of :data:`ORDER_CANDIDATES` from the member paths."""
    out = np.empty((len(ORDER_NAMES), *point_path.shape))
    for k, name in enumerate(ORDER_NAMES):
        how, members, _ = ORDER_CANDIDATES[name]
        if name == POINT:
            out[k] = point_path
            continue
        stack = np.stack([base[m] for m in members])
        out[k] = stack[0] if len(members) == 1 else (
            np.max(stack, axis=0) if how == "max" else np.mean(stack, axis=0))
    return out


@dataclass(frozen=True)
class Replay:
    """Per candidate and series: replayed stockout months and mean end-of-month stock."""

    stockouts: np.ndarray  # (K, n)
    stock: np.ndarray  # (K, n)
    scored: np.ndarray  # (n,) months scored


def replay(max_at: np.ndarray, y: np.ndarray, fill: np.ndarray, start: int,
           lead: int = LEAD_MONTHS) -> Replay:
    """Forced-ordering max–min over columns ``start..T−1`` for K policies at once.

    ``max_at`` (K × n × T): the max stock set at the review at the end of each month; ``y``
    (n × T) demand, NaN = unknown; ``fill`` (n × T) the demand an unknown month draws
    (known at that month: AMC-3 of the months before).  On hand at the start of ``start`` =
    3 × ``fill[:, start]``.  An order placed at the end of month t arrives at the start of
    month t + 1 + ``lead``."""
    K, n, T = max_at.shape
    known = ~np.isnan(y)
    need_all = np.ascontiguousarray(np.where(known, y, np.nan_to_num(fill)).T)  # (T × n)
    known_t = np.ascontiguousarray(known.T)
    # (T × K × n), contiguous per month: the loop reads one month at a time
    targets = np.nan_to_num(np.moveaxis(max_at[:, :, start:], 2, 0))
    stock = np.broadcast_to(3.0 * np.nan_to_num(fill[:, start]), (K, n)).copy()
    ring = lead + 1
    pipe = np.zeros((ring, K, n))  # slot t % ring: what arrives at the start of month t
    outs = np.zeros((K, n))
    held = np.zeros((K, n))
    months = T - start
    for t in range(start, T):
        slot = t % ring
        stock += pipe[slot]
        pipe[slot] = 0.0
        need = need_all[t]
        outs += (need > stock + 1e-9) & known_t[t]
        stock = np.maximum(stock - need, 0.0)
        held += stock
        if t < T - 1:  # arrives at t + 1 + lead, i.e. in the slot just emptied
            pipe[slot] = np.maximum(targets[t - start] - stock - pipe.sum(axis=0), 0.0)
    return Replay(outs, held / max(months, 1), known[:, start:].sum(axis=1))


def choose(rep: Replay, cells: np.ndarray, valid: np.ndarray, base: int,
           reference_stock: np.ndarray, limit: float = STOCK_LIMIT, min_pool: int = 30
           ) -> dict[int, int]:
    """Candidate per cell: least replayed stockout months subject to the replayed stock
    ≤ ``limit`` × ``reference_stock`` (n,: plain AMC-3's replayed stock), on each cell's valid
    series (:data:`PER_CELL`), or else over the whole batch with a Lagrange multiplier on
    stock (each cell minimises stockout months + λ·stock; the least λ within the budget).

    Cells with fewer than ``min_pool`` valid series keep candidate ``base``."""
    pick: dict[int, int] = {}
    free: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    fixed = 0.0
    budget = 0.0
    for c in np.unique(cells[valid]):
        s = valid & (cells == c)
        budget += limit * float(reference_stock[s].sum())
        if PER_CELL and s.sum() >= min_pool:
            so, st = rep.stockouts[:, s].sum(axis=1), rep.stock[:, s].sum(axis=1)
            ok = st <= limit * float(reference_stock[s].sum())
            pick[int(c)] = int(np.lexsort((st, np.where(ok, so, np.inf)))[0]) if ok.any() \
                else int(np.argmin(st))
            continue
        if s.sum() < min_pool:
            pick[int(c)] = base
            fixed += float(rep.stock[base, s].sum())
            continue
        free[int(c)] = (rep.stockouts[:, s].sum(axis=1), rep.stock[:, s].sum(axis=1))

    def picks(lam: float) -> tuple[dict[int, int], float]:
        out = {c: int(np.argmin(so + lam * st + 1e-9 * st)) for c, (so, st) in free.items()}
        return out, fixed + sum(free[c][1][k] for c, k in out.items())

    best, used = picks(0.0)
    if used > budget:
        lo, hi = 0.0, 1.0
        while picks(hi)[1] > budget and hi < 1e12:
            hi *= 4.0
        for _ in range(60):
            mid = 0.5 * (lo + hi)
            lo, hi = (mid, hi) if picks(mid)[1] > budget else (lo, mid)
        best, used = picks(hi)
        if used > budget:  # even the leanest candidates hold more: take the leanest
            best = {c: int(np.argmin(st)) for c, (_, st) in free.items()}
    pick.update(best)
    return pick


__all__ = ["LEAD_MONTHS", "MAX_MONTHS", "ORDER_CANDIDATES", "ORDER_NAMES", "POINT", "REFERENCE",
           "REPLAY", "RR_MEMBER", "STOCK_LIMIT", "Replay", "candidate_paths", "choose",
           "describe", "replay"]
