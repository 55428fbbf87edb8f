"""What the facilities of a district share: the trend of a product ("pooled shape").

One clinic's series is too short and too noisy to estimate growth; the same product across the
50 facilities of a district (or all sites in a national data set) moves together — new
clients, a campaign, a change of regimen.  The pooled growth is

    g = Σ_group y[last m months] / Σ_group y[the same months a year before]

over months usable in both years, ``m = 12`` (less when the history is shorter), clipped to
[0.7, 1.5].  A flat level estimated over the last few months is centred about ``AGE`` months
before the origin, so its forecast for month ``h`` is scaled by ``g^((AGE + h)/12)``.
Groups smaller than ``MIN_GROUP`` series borrow the growth of the whole batch.
"""

from __future__ import annotations

import numpy as np

AGE = 1.5
MIN_GROUP = 5
CLIP = (0.7, 1.5)


def group_codes(groups: np.ndarray | None, n: int) -> np.ndarray:
    """Integer codes 0..G−1 per series; small groups (and ``None``) go to one pool, code G."""
    if groups is None:
        return np.zeros(n, dtype=int)
    _, codes = np.unique(np.asarray(groups), return_inverse=True)
    sizes = np.bincount(codes)
    small = sizes[codes] < MIN_GROUP
    return np.where(small, len(sizes), codes)


def growth_path(y: np.ndarray, codes: np.ndarray, months: int = 12) -> np.ndarray:
    """(n × T): pooled year-on-year growth of each series' group as known after column t
    (1.0 where a year of history is not yet there)."""
    n, T = y.shape
    out = np.ones((n, T))
    if T <= 12 or n == 0:  # no series (a district with no months yet): nothing to pool
        return out
    now = y[:, 12:]
    before = y[:, :-12]
    both = ~np.isnan(now) & ~np.isnan(before)
    a = np.where(both, now, 0.0)
    b = np.where(both, before, 0.0)
    ca = np.concatenate([np.zeros((n, 1)), np.cumsum(a, axis=1)], axis=1)
    cb = np.concatenate([np.zeros((n, 1)), np.cumsum(b, axis=1)], axis=1)
    G = int(codes.max()) + 1
    for t in range(12, T):
        j = t - 12 + 1  # number of paired columns available up to t
        lo = max(0, j - months)
        sa = np.bincount(codes, ca[:, j] - ca[:, lo], minlength=G)
        sb = np.bincount(codes, cb[:, j] - cb[:, lo], minlength=G)
        with np.errstate(invalid="ignore", divide="ignore"):
            g = np.where(sb > 0, sa / np.where(sb > 0, sb, 1.0), 1.0)
        out[:, t] = np.clip(g, *CLIP)[codes]
    return out


def trend_factors(growth: np.ndarray, horizon: int) -> np.ndarray:
    """(n × T × horizon) multipliers ``g^((AGE + h)/12)`` for a flat level."""
    h = np.arange(1, horizon + 1)
    return growth[:, :, None] ** ((AGE + h) / 12.0)


__all__ = ["AGE", "group_codes", "growth_path", "trend_factors"]
