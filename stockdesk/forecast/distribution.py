"""Demand as a zero-inflated Gamma distribution: intervals and stockout probabilities.

Monthly demand ``D`` of one product at one facility is non-negative, right-skewed and, for
slow movers, often exactly zero.  It is modelled as

    D = 0 with probability π,   D ~ Gamma(k, θ) otherwise,

given three moments: the mean ``m``, the variance ``V`` and the zero probability ``π``
(:func:`zero_inflated`).  The positive part is moment-matched, μ₊ = m / (1 − π),
E[D₊²] = (V + m²) / (1 − π), v₊ = E[D₊²] − μ₊², and π is capped at
1 − (1 + 10⁻⁴) m² / (V + m²) so that v₊ ≥ 10⁻⁴ μ₊² (a zero share larger than the variance
allows cannot be matched).  π = 0 is the plain Gamma — the continuous analogue of the negative
binomial used for count demand.  Where the mean is 0 the demand is 0 (π = 1).

Over ``M`` months (fractional allowed; :func:`over_months`) months are independent: mean and
variance scale by ``M`` and the probability of no demand at all is π^M, so the total is the
same family with moments (M m, M V, π^M) — a moment-matched approximation of the sum of
monthly draws that keeps its mass at zero.  :mod:`calibration` says where m, V and π come from.

``P(a, x)`` is the regularised lower incomplete gamma function, by its series for
``x < a + 1`` and by the Lentz continued fraction otherwise (Numerical Recipes §6.2),
vectorised with a fixed number of terms (enough for 1e-10 at shapes up to ``LARGE_SHAPE``);
above that shape (smooth, large series) the fixed number of terms no longer converges and the
Wilson–Hilferty cube-root normal approximation is used instead (error ~1e-5 there).
"""

from __future__ import annotations

from math import lgamma

import numpy as np

_TERMS = 200
_TINY = 1e-300
LARGE_SHAPE = 1000.0
_MIN_POSITIVE_CV2 = 1e-4  # v₊ ≥ this × μ₊²
_lgamma = np.vectorize(lgamma, otypes=[float])


def norm_cdf(z: np.ndarray | float) -> np.ndarray:
    """Standard normal CDF, vectorised (erfc by its Chebyshev fit, |error| < 1.2e-7;
    Numerical Recipes §6.2)."""
    x = np.asarray(z, dtype=float) / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.5 * np.abs(x))
    poly = (-1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277)))))))))
    erfc = t * np.exp(-x * x + poly)
    return np.where(x >= 0, 1.0 - 0.5 * erfc, 0.5 * erfc)


def gamma_p_approx(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Wilson–Hilferty approximation of ``P(a, x)``: (x/a)^{1/3} is nearly normal with mean
    1 − 1/(9a) and variance 1/(9a).  Cheap; accurate for large ``a`` (and to about 0.01 for
    a ≥ 0.5 in the upper tail — used where that is enough)."""
    a = np.maximum(np.asarray(a, dtype=float), 1e-9)
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    c = 1.0 / (9.0 * a)
    return norm_cdf((np.cbrt(x / a) - (1.0 - c)) / np.sqrt(c))


def gamma_p(a: np.ndarray | float, x: np.ndarray | float) -> np.ndarray:
    """Regularised lower incomplete gamma ``P(a, x)`` for ``a > 0``, ``x ≥ 0``."""
    a, x = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(x, dtype=float))
    return _gamma_p(a, x, _lgamma(a))


def _gamma_p(a: np.ndarray, x: np.ndarray, lg: np.ndarray) -> np.ndarray:
    """:func:`gamma_p` with ``lg`` = log Γ(a) precomputed (same shape as ``a``).

    Each point is computed by the expansion that converges there (Numerical Recipes §6.2):
    the series where ``x < a + 1``, the continued fraction elsewhere — never both; shapes
    above ``LARGE_SHAPE`` by Wilson–Hilferty.
    """
    out = np.zeros(a.shape)
    pos = x > 0
    large = pos & (a > LARGE_SHAPE)
    series = pos & ~large & (x < a + 1.0)
    fraction = pos & ~large & ~series
    if large.any():
        out[large] = gamma_p_approx(a[large], x[large])
    if series.any():
        aa, xx = a[series], x[series]
        # P = e^{-x} x^a / Γ(a+1) Σ x^n / ((a+1)…(a+n))
        term = 1.0 / aa
        total = term.copy()
        ap = aa.copy()
        for _ in range(_TERMS):
            ap = ap + 1.0
            term = term * xx / ap
            total = total + term
        out[series] = np.exp(aa * np.log(xx) - xx - lg[series]) * total
    if fraction.any():
        aa, xx = a[fraction], x[fraction]
        # continued fraction for Q = 1 − P (modified Lentz)
        b = xx + 1.0 - aa
        c = np.full(aa.shape, 1.0 / _TINY)
        d = 1.0 / np.where(np.abs(b) < _TINY, _TINY, b)
        h = d.copy()
        for i in range(1, _TERMS):
            an = -i * (i - aa)
            b = b + 2.0
            d = an * d + b
            d = 1.0 / np.where(np.abs(d) < _TINY, _TINY, d)
            c = b + an / c
            c = np.where(np.abs(c) < _TINY, _TINY, c)
            h = h * d * c
        out[fraction] = 1.0 - np.exp(aa * np.log(xx) - xx - lg[fraction]) * h
    return np.clip(out, 0.0, 1.0)


def gamma_params(mean: np.ndarray, var: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(shape k, scale θ) with k θ = mean and k θ² = var."""
    mean = np.maximum(np.asarray(mean, dtype=float), 1e-9)
    var = np.maximum(np.asarray(var, dtype=float), 1e-9)
    return mean**2 / var, var / mean


def zero_inflated(mean: np.ndarray | float, var: np.ndarray | float,
                  zero: np.ndarray | float = 0.0
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(π, k, θ) of the zero-inflated Gamma with the given mean, variance and (requested)
    zero probability; π capped so the positive part can match the moments, 1 where the mean
    is 0 (see the module docstring)."""
    m, v, z = np.broadcast_arrays(np.maximum(np.asarray(mean, dtype=float), 0.0),
                                  np.maximum(np.asarray(var, dtype=float), 1e-9),
                                  np.clip(np.asarray(zero, dtype=float), 0.0, 1.0))
    cap = np.maximum(1.0 - (1.0 + _MIN_POSITIVE_CV2) * m**2 / (v + m**2), 0.0)
    pi = np.where(m > 0, np.minimum(z, cap), 1.0)
    keep = np.maximum(1.0 - pi, 1e-12)
    mu_pos = m / keep
    v_pos = (v + m**2) / keep - mu_pos**2
    k, theta = gamma_params(mu_pos, np.maximum(v_pos, _MIN_POSITIVE_CV2 * mu_pos**2))
    return pi, k, theta


def over_months(mean_total: np.ndarray | float, var: np.ndarray | float,
                zero: np.ndarray | float, months: float
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, variance, zero probability) of demand over ``months`` months (fractional
    allowed) from the total mean and the *monthly* variance and zero probability:
    independent months, so variance × months and P(no demand) = π^months."""
    zero_arr = np.clip(np.asarray(zero, dtype=float), 0.0, 1.0)
    return (np.asarray(mean_total, dtype=float), np.asarray(var, dtype=float) * months,
            zero_arr ** months)


def cdf(x: np.ndarray | float, mean: np.ndarray | float, var: np.ndarray | float,
        zero: np.ndarray | float = 0.0) -> np.ndarray:
    """``P(D ≤ x)`` for the zero-inflated Gamma (0 for x < 0)."""
    pi, k, theta = zero_inflated(mean, var, zero)
    x_arr = np.broadcast_to(np.asarray(x, dtype=float), pi.shape)
    pos = pi + (1.0 - pi) * gamma_p(k, np.maximum(x_arr, 0.0) / theta)
    return np.where(x_arr < 0, 0.0, np.where(pi >= 1.0, 1.0, pos))


def exceed_probability(stock: np.ndarray | float, mean: np.ndarray | float,
                       var: np.ndarray | float, zero: np.ndarray | float = 0.0) -> np.ndarray:
    """``P(D > stock)`` (a negative stock counts as 0); 0 when the mean demand is 0."""
    return 1.0 - cdf(np.maximum(np.asarray(stock, dtype=float), 0.0), mean, var, zero)


def _inv_norm(p: np.ndarray) -> np.ndarray:
    """Standard normal quantile, vectorised (Acklam's rational approximation, ~1e-9; used as
    a Newton start only)."""
    a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
         1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
    b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
         6.680131188771972e+01, -1.328068155288572e+01)
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
         -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
         3.754408661907416e+00)
    p = np.clip(p, 1e-12, 1 - 1e-12)
    q = np.where(p < 0.5, p, 1.0 - p)  # lower tail, then mirrored
    r = np.sqrt(-2.0 * np.log(q))
    tail = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / \
        ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1.0)
    u = q - 0.5
    s = u * u
    central = (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * u / \
        (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1.0)
    low = np.where(q < 0.02425, tail, central)
    return np.where(p < 0.5, low, -low)


def quantile(q: float, mean: np.ndarray, var: np.ndarray,
             zero: np.ndarray | float = 0.0) -> np.ndarray:
    """Quantile ``q`` of the zero-inflated Gamma: 0 where q ≤ π, else the Gamma quantile of
    the positive part at (q − π) / (1 − π) — safeguarded Newton on the exact CDF from the
    Wilson–Hilferty guess, falling back to bisection of the bracket whenever a step leaves it
    (so always consistent with :func:`exceed_probability`); stops when every element has
    converged."""
    mean = np.asarray(mean, dtype=float)
    pi, k, theta = zero_inflated(mean, np.broadcast_to(var, mean.shape),
                                 np.broadcast_to(zero, mean.shape))
    qp = np.clip((q - pi) / np.maximum(1.0 - pi, 1e-12), 0.0, 1.0).ravel()
    flat_k = k.ravel()
    lg = _lgamma(flat_k)
    lo = np.zeros(flat_k.shape)
    hi = (np.maximum(flat_k, 1e-9) + 12.0 * np.sqrt(flat_k) + 10.0)  # in units of θ
    hi = np.where(qp > 1 - 1e-9, hi * 4.0, hi)
    z = _inv_norm(qp)
    c = 1.0 / (9.0 * np.maximum(flat_k, 1e-9))
    x = flat_k * np.maximum(1.0 - c + z * np.sqrt(c), 0.0) ** 3
    x = np.where((x > lo) & (x < hi), x, 0.5 * (lo + hi))
    act = np.flatnonzero(qp > 0)  # elements not yet converged (q ≤ π: the quantile is 0)
    x[qp <= 0] = 0.0
    for _ in range(100):
        if not act.size:
            break
        ka, xa, la, lo_a, hi_a, qa = flat_k[act], x[act], lg[act], lo[act], hi[act], qp[act]
        p = _gamma_p(ka, xa, la)
        below = p < qa
        lo_a = np.where(below, xa, lo_a)
        hi_a = np.where(below, hi_a, xa)
        with np.errstate(all="ignore"):
            dens = np.exp((ka - 1.0) * np.log(xa) - xa - la)
            step = xa - (p - qa) / dens
        inside = np.isfinite(step) & (step >= lo_a) & (step <= hi_a)
        x_new = np.where(inside, step, 0.5 * (lo_a + hi_a))
        done = ((np.abs(x_new - xa) <= 1e-12 * np.maximum(xa, 1e-300))
                | (hi_a - lo_a <= 1e-12 * hi_a))
        x[act], lo[act], hi[act] = x_new, lo_a, hi_a
        act = act[~done]
    out = (x * theta.ravel()).reshape(mean.shape)
    return np.where(mean > 0, out, 0.0)


__all__ = ["LARGE_SHAPE", "cdf", "exceed_probability", "gamma_p", "gamma_p_approx",
           "gamma_params", "norm_cdf", "over_months", "quantile", "zero_inflated"]
