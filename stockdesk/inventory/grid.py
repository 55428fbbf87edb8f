"""Monthly summaries of many products at once, on a day grid with numpy.

The same rules as :func:`stockdesk.inventory.ledger.monthly_summaries` (which stays the
readable reference and is checked against this in the tests), for thousands of
(facility, product) series in one pass: a district's three years of daily lines replay in
seconds instead of minutes.

Days are integer offsets from the first day of the window.  Usable stock on a day is the sum
of the balances of lots not yet expired (a lot is usable on days before its expiry date), so
every line adds its delta from its day up to its lot's expiry, and nothing after.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# column codes used in the arrays
COL_B, COL_C, COL_D, COL_NONE = 0, 1, 2, 3
NEVER = np.iinfo(np.int64).max // 4  # expiry offset of a lot without an expiry date


@dataclass(frozen=True)
class Lines:
    """Ledger lines inside the window, as parallel arrays."""

    series: np.ndarray  # int: index of the (facility, product) series
    day: np.ndarray  # int: offset of the line's date from the window start (≥ 0)
    delta: np.ndarray  # int: signed effect on stock
    column: np.ndarray  # int: COL_B / COL_C / COL_D / COL_NONE
    expiry: np.ndarray  # int: offset of the lot's expiry date (NEVER when none)


@dataclass(frozen=True)
class Opening:
    """Lot balances carried into the window (one entry per series and lot)."""

    series: np.ndarray
    balance: np.ndarray
    expiry: np.ndarray  # offset; ≤ 0 when already expired at the window start


def monthly_grid(n_series: int, n_days: int, month_starts: np.ndarray, lines: Lines,
                 opening: Opening, through: int) -> np.ndarray:
    """A, B, C, D, E, X per series and month: an int64 array (n_series, n_months, 6).

    ``month_starts`` holds the day offset of each month's first day (the first is 0);
    ``through`` is the last day offset whose stockout may be counted (today), so days still
    to come are never counted as stocked out.
    """
    n_months = len(month_starts)
    out = np.zeros((n_series, n_months, 6), dtype=np.int64)
    # usable stock per day: +delta from the line's day, −delta from the lot's expiry on
    diff = np.zeros((n_series, n_days + 1), dtype=np.int64)
    o_end = np.minimum(opening.expiry, n_days)
    keep = o_end > 0
    np.add.at(diff, (opening.series[keep], 0), opening.balance[keep])
    np.add.at(diff, (opening.series[keep], o_end[keep]), -opening.balance[keep])
    l_end = np.minimum(lines.expiry, n_days)
    live = l_end > lines.day
    np.add.at(diff, (lines.series[live], lines.day[live]), lines.delta[live])
    np.add.at(diff, (lines.series[live], l_end[live]), -lines.delta[live])
    usable = np.cumsum(diff[:, :n_days], axis=1)
    zero = usable <= 0
    # a series is not stocked out before its first line (it was not in the books yet)
    begins = np.full(n_series, n_days, dtype=np.int64)
    np.minimum.at(begins, lines.series, lines.day)
    begins[opening.series] = 0
    zero &= np.arange(n_days)[None, :] >= begins[:, None]
    if through + 1 < n_days:
        zero[:, max(through + 1, 0):] = False
    if n_days:
        out[:, :, 5] = np.add.reduceat(zero.astype(np.int64), month_starts, axis=1)
    # B, C, D per month; A and E from the running total
    month = np.searchsorted(month_starts, lines.day, side="right") - 1
    sums = np.zeros((n_series, n_months, 4), dtype=np.int64)
    np.add.at(sums, (lines.series, month, lines.column), lines.delta)
    out[:, :, 1] = sums[:, :, COL_B]
    out[:, :, 2] = -sums[:, :, COL_C]
    out[:, :, 3] = sums[:, :, COL_D]
    net = sums[:, :, COL_B] + sums[:, :, COL_C] + sums[:, :, COL_D]  # counts move nothing
    start = np.zeros(n_series, dtype=np.int64)
    np.add.at(start, opening.series, opening.balance)
    closing = start[:, None] + np.cumsum(net, axis=1)
    out[:, :, 4] = closing
    out[:, :, 0] = closing - net
    return out
