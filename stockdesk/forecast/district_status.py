"""Stock status of a whole district at once: AMC, MOS, status, H, I and stockout day per series.

The scalar functions stay the reference and the explanation (``profiles.average_consumption``,
``status.stock_status`` / ``months_of_stock``, ``levels.max_quantity`` / ``order_quantity``,
``projection.project_stockout`` with a total ``stock: int``); this kernel computes the same
answers for thousands of series with numpy, for district views.  "The same" means equal, not
close: every boundary the scalar path decides on exact fractions is decided here on exact
integers.

How exactness is kept without Fractions:

* N and P: each month's exact N is ``nn / g`` (``g = base − X`` for an adjusted month, else
  1); the window's sum is put over the common denominator ``∏ g`` and the mean over ``k ∏ g``
  (``k`` months reported).  Ceilings (``-(-a // b)``), half-up rounding
  (``(2a + b) // 2b``) and "is it whole" (``a % b``) are then integer operations, and the
  mSupply float ``P`` is ``a / b`` with both below 2**53, which IEEE division rounds
  correctly — the float ``float(Fraction(a, b))`` gives.
* The scalar path reads a float AMC (mSupply) and a float level as the decimal of its repr
  (``levels.exact``).  Levels have few distinct values: each is converted once with
  ``exact``.  A non-whole mSupply P is converted to ``M / 10**e`` from its repr, and the rows
  carrying one go through the same formulas on Python integers (object arrays).
* Comparisons ``SOH < level × AMC`` are made as ``SOH · Ld · Ad < Ln · An``; the MOS float is
  ``SOH · Ad / An`` and the float before ``H``'s half-up rounding is ``An · Ln / (Ad · Ld)``,
  both correctly rounded divisions of exact integers, like ``float(Fraction)``.  A row is
  computed in int64 only when every such product stays below 2**50; any other row (huge
  quantities, a level such as 0.30000000000000004, a repr-decimal AMC) uses Python integers.
* ``H = round_half_up(float(P × MaxMOS))``: for a float ``f < 2**52`` the repr decimal lies
  on the same side of every half-integer as ``f`` (half-integers are floats), so it is
  ``floor(f) + (f − floor(f) ≥ 0.5)`` with an exact subtraction.
* Stockout (total stock, no lots, receipts or expiry, daily rate ``AMC / 30``): demand is
  unmet within the horizon iff ``30 · SOH < AMC · horizon``; the day is
  ``as_of + 1 + floor(30 · SOH / AMC)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from stockdesk.forecast.levels import exact
from stockdesk.forecast.profiles import DAYS_PER_MONTH, get_profile
from stockdesk.forecast.projection import DEFAULT_HORIZON_DAYS
from stockdesk.forecast.status import Status

STATUS_ORDER: tuple[Status, ...] = (Status.STOCKED_OUT, Status.BELOW_EOP, Status.BELOW_MIN,
                                    Status.ADEQUATE, Status.OVERSTOCKED, Status.UNKNOWN)
"""``status_code`` i ↔ ``STATUS_ORDER[i]``."""

_STATUS_OBJECTS = np.array(STATUS_ORDER, dtype=object)
_OUT, _EOP, _MIN, _OK, _OVER, _UNKNOWN = range(6)
_SAFE = 2.0 ** 50  # int64 products (and float conversions) below this are exact
_ROUND = {"none": 0, "ceil": 1, "half_up": 2, "half_up_2dp": 3}


@dataclass(frozen=True)
class DistrictStatus:
    """One entry per series; the scalar functions explain any single entry."""

    amc: np.ndarray  # float; NaN = unknown (no month reported in the window)
    mos: np.ndarray  # float; NaN when AMC is unknown or 0
    status: np.ndarray  # object array of Status (a StrEnum: == "stocked_out" holds)
    status_code: np.ndarray  # int8 index into STATUS_ORDER
    max_quantity: np.ndarray  # int64 H; -1 when AMC is unknown
    order_quantity: np.ndarray  # int64 I = max(0, H − SOH); -1 when AMC is unknown
    stockout_day: np.ndarray  # int64 days after as_of of the projected stockout; -1 = none

    def __len__(self) -> int:
        return int(self.amc.shape[0])


def _per_series(value: Any, n: int, name: str) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        arr = np.full(n, float(arr))
    if arr.shape != (n,):
        raise ValueError(f"{name} must have one value per series ({n}), not shape {arr.shape}")
    return arr


def _whole(arr: np.ndarray, name: str) -> None:
    finite = arr[~np.isnan(arr)]
    if finite.size and (not np.all(np.isfinite(finite)) or np.any(finite != np.floor(finite))):
        raise ValueError(f"{name} must be whole numbers (NaN for not known)")


def _level_fractions(values: np.ndarray, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Numerator and denominator (object arrays of int) of ``exact(level)`` per series."""
    uniq, inverse = np.unique(values, return_inverse=True)
    nums, dens = [], []
    for v in uniq.tolist():
        if not np.isfinite(v) or v < 0:
            raise ValueError(f"{name} must be a finite number ≥ 0, not {v!r}")
        f = exact(float(v))
        nums.append(f.numerator)
        dens.append(f.denominator)
    num = np.array(nums, dtype=object)[inverse]
    den = np.array(dens, dtype=object)[inverse]
    return num, den


def _repr_fraction(p: float) -> tuple[int, int]:
    """``exact(p)`` as (numerator, denominator), not reduced: the decimal of ``repr(p)``."""
    r = repr(p)
    if "e" in r or "E" in r or "." not in r:
        f = Fraction(r)
        return f.numerator, f.denominator
    i = r.index(".")
    return int(r[:i] + r[i + 1:]), 10 ** (len(r) - i - 1)


def _mean(nn: np.ndarray, g: np.ndarray, k: np.ndarray, n_round: np.ndarray,
          p_round: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """P for a block of rows (int64 or object arrays alike).

    Returns (P as an integer where whole or rounded, float P, whole?, known?).
    """
    ceil_n = (n_round == 1)[:, None]
    half_n = (n_round == 2)[:, None]
    nn = np.where(ceil_n, -(-nn // g), np.where(half_n, (2 * nn + g) // (2 * g), nn))
    g = np.where(ceil_n | half_n, 1, g)
    den = np.prod(g, axis=1)
    num = np.sum(nn * (den[:, None] // g), axis=1)
    known = k > 0
    kd = np.where(known, k * den, 1)
    ceil_p = -(-num // kd)
    half_p = (2 * num + kd) // (2 * kd)
    cents = (200 * num + kd) // (2 * kd)  # P in hundredths, rounded half up (mSupply)
    whole = num % kd == 0
    p_int = np.where(p_round == 1, ceil_p, np.where(p_round == 2, half_p, num // kd))
    p_float = np.asarray(num / kd, dtype=float)
    two_dp = p_round == 3
    if cents.dtype == object:  # Python integers: float(Fraction) rounds once, correctly
        hundredths = np.array([float(Fraction(int(c), 100)) for c in cents], dtype=float)
    else:  # below 2**53, one correctly rounded division gives the same float
        hundredths = cents.astype(float) / 100
    p_float = np.where(two_dp, hundredths, p_float)
    p_int = np.where(two_dp, cents // 100, p_int)
    whole = np.where(two_dp, cents % 100 == 0, whole | (p_round != 0))
    return p_int, p_float, whole, known


def _downstream(soh: np.ndarray, an: np.ndarray, ad: np.ndarray,
                levels: Sequence[tuple[np.ndarray, np.ndarray]], horizon: int
                ) -> tuple[np.ndarray, ...]:
    """Status code, MOS, H, stockout day for rows with a known AMC ``an / ad`` (an ≥ 0)."""
    (xn, xd), (mn, md), (en, ed) = levels
    positive = an > 0
    below_eop = soh * ed * ad < en * an
    below_min = soh * md * ad < mn * an
    within_max = soh * xd * ad <= xn * an
    code = np.where(soh == 0, _OUT, np.where(
        ~positive, _UNKNOWN, np.where(below_eop, _EOP, np.where(
            below_min, _MIN, np.where(within_max, _OK, _OVER))))).astype(np.int8)
    safe_an = np.where(positive, an, 1)
    mos = np.where(positive, np.asarray(soh * ad / safe_an, dtype=float), np.nan)
    f = np.asarray((an * xn) / (ad * xd), dtype=float)
    fl = np.floor(f)
    h = (fl + (f - fl >= 0.5)).astype(np.int64)
    covered = 30 * soh * ad
    out = positive & (covered < an * horizon)
    day = np.where(out, 1 + covered // safe_an, -1)
    return code, mos, h, np.asarray(day).astype(np.int64)


def district_status(consumed: np.ndarray, stockout_days: np.ndarray,
                    days_in_month: np.ndarray | Sequence[int], soh: np.ndarray,
                    profile: np.ndarray | Sequence[str] | str,
                    max_mos: np.ndarray | float, min_mos: np.ndarray | float,
                    eop_mos: np.ndarray | float,
                    horizon_days: int = DEFAULT_HORIZON_DAYS) -> DistrictStatus:
    """Status of ``n`` series at once, equal to the scalar path entry by entry.

    ``consumed`` and ``stockout_days``: (n × W) over the AMC window's months, oldest first
    (the caller picks the window, as for ``average_consumption``).  NaN consumed = month not
    reported (skipped); NaN stockout days = not known (N = C).  ``days_in_month`` (W,);
    ``soh`` (n,) usable stock on hand; ``profile`` a name of ``profiles.PROFILES`` (aliases
    as ``get_profile``) for all series or one per series; ``max_mos``, ``min_mos``,
    ``eop_mos`` one level or one per series (floats read as the decimal they print as, like
    ``Levels``).  ``stockout_day``: the projected stockout is ``as_of + stockout_day`` days,
    as ``project_stockout(soh, as_of, amc, horizon_days=...)`` gives; -1 when none within
    the horizon, AMC 0 or unknown.
    """
    c = np.asarray(consumed, dtype=float)
    if c.ndim != 2:
        raise ValueError(f"consumed must be (series × months), not shape {c.shape}")
    n, w = c.shape
    xs = np.asarray(stockout_days, dtype=float)
    if xs.shape != c.shape:
        raise ValueError(f"stockout_days must have the shape of consumed {c.shape}")
    days = np.asarray(days_in_month, dtype=np.int64)
    if days.shape != (w,) or np.any(days < 1):
        raise ValueError(f"days_in_month must be {w} positive day counts")
    stock_f = np.asarray(soh)
    if stock_f.shape != (n,):
        raise ValueError(f"soh must have one value per series ({n})")
    if stock_f.dtype.kind == "f":
        _whole(stock_f, "soh")
        if np.isnan(stock_f).any():
            raise ValueError("soh must not be NaN")
    stock = stock_f.astype(np.int64)
    if np.any(stock < 0):
        raise ValueError("stock on hand must not be negative")
    _whole(c, "consumed")
    _whole(xs, "stockout_days")
    if np.any(c < 0):
        raise ValueError("consumption must not be negative")
    if horizon_days < 1:
        raise ValueError("horizon must be at least one day")

    # profiles → per-row codes (data of the Profile, not its name)
    names = np.asarray([profile] if isinstance(profile, str) else profile, dtype=object)
    uniq, inverse = np.unique(names.astype(str), return_inverse=True)
    profs = [get_profile(str(u)) for u in uniq]
    if isinstance(profile, str):
        inverse = np.zeros(n, dtype=np.intp)
    elif inverse.shape != (n,):
        raise ValueError(f"profile must be one name or one per series ({n})")
    adj = np.array([p.adjustment for p in profs], dtype=object)[inverse]
    n_round = np.array([_ROUND[p.n_rounding] for p in profs], dtype=np.int8)[inverse]
    p_round = np.array([_ROUND[p.p_rounding] for p in profs], dtype=np.int8)[inverse]

    # each month's exact N = nn / g (profiles.adjusted)
    reported = ~np.isnan(c)
    ci = np.where(reported, c, 0).astype(np.int64)
    x = np.clip(np.where(np.isnan(xs), 0, xs), 0, days[None, :]).astype(np.int64)
    thirty = ((adj == "openlmis") | (adj == "civ"))[:, None]
    base = np.where(thirty, DAYS_PER_MONTH, days[None, :])
    scaled = (reported & (adj != "none")[:, None] & (ci > 0) & (x > 0)
              & (x < np.minimum(base, days[None, :])))
    g = np.where(scaled, base - x, 1).astype(np.int64)
    nn = np.where(scaled, ci * base, ci).astype(np.int64)
    k = reported.sum(axis=1).astype(np.int64)

    # P: int64 where the common-denominator sums stay small, Python integers elsewhere
    gf = g.astype(float)
    den_f = np.prod(gf, axis=1)
    bound = 2 * (nn.astype(float) * (den_f[:, None] / gf)).sum(axis=1) + 2 * w * den_f \
        + 4 * (nn.astype(float) + gf).max(axis=1, initial=0)
    small = bound * np.where(p_round == 3, 100, 1) < _SAFE  # hundredths need 100× room
    p_int = np.zeros(n, dtype=object)
    p_float = np.full(n, np.nan)
    whole = np.zeros(n, dtype=bool)
    known = np.zeros(n, dtype=bool)
    for rows, dtype in ((np.flatnonzero(small), np.int64), (np.flatnonzero(~small), object)):
        if rows.size:
            pi, pf, wh, kn = _mean(nn[rows].astype(dtype), g[rows].astype(dtype),
                                   k[rows].astype(dtype), n_round[rows], p_round[rows])
            p_int[rows], p_float[rows], whole[rows], known[rows] = pi, pf, wh, kn

    # exact AMC an / ad: the integer P, or the decimal of the float P's repr
    an = np.zeros(n, dtype=object)
    ad = np.ones(n, dtype=object)
    integral = known & whole
    an[integral] = p_int[integral]
    amc = np.full(n, np.nan)
    amc[integral] = p_int[integral].astype(float)
    fractional = np.flatnonzero(known & ~whole)
    if fractional.size:
        values = p_float[fractional]
        amc[fractional] = values
        uvals, uinv = np.unique(values, return_inverse=True)
        pairs = [_repr_fraction(v) for v in uvals.tolist()]
        an[fractional] = np.array([a for a, _ in pairs], dtype=object)[uinv]
        ad[fractional] = np.array([b for _, b in pairs], dtype=object)[uinv]

    levels = [_level_fractions(_per_series(v, n, name), name) for v, name in
              ((max_mos, "max_mos"), (min_mos, "min_mos"), (eop_mos, "eop_mos"))]

    code = np.where(stock == 0, _OUT, _UNKNOWN).astype(np.int8)
    mos = np.full(n, np.nan)
    h = np.full(n, -1, dtype=np.int64)
    day = np.full(n, -1, dtype=np.int64)

    # int64 where every product of the downstream formulas stays below 2**50
    an_f = np.where(known, an, 0).astype(float)
    ad_f = ad.astype(float)
    soh_f = stock.astype(float)
    top = np.maximum(30 * soh_f * ad_f, an_f * max(horizon_days, 1))
    for ln, ld in levels:
        lnf, ldf = ln.astype(float), ld.astype(float)
        top = np.maximum.reduce([top, soh_f * ldf * ad_f, lnf * an_f, ad_f * ldf])
    fast = known & (top < _SAFE)
    for rows, dtype in ((np.flatnonzero(fast), np.int64),
                        (np.flatnonzero(known & ~fast), object)):
        if rows.size:
            lv = [(ln[rows].astype(dtype), ld[rows].astype(dtype)) for ln, ld in levels]
            res = _downstream(stock[rows].astype(dtype), an[rows].astype(dtype),
                              ad[rows].astype(dtype), lv, horizon_days)
            code[rows], mos[rows], h[rows], day[rows] = res

    order = np.where(known, np.maximum(h - stock, 0), -1).astype(np.int64)
    return DistrictStatus(amc=amc, mos=mos, status=_STATUS_OBJECTS[code], status_code=code,
                          max_quantity=h, order_quantity=order, stockout_day=day)


__all__ = ["STATUS_ORDER", "DistrictStatus", "district_status"]
