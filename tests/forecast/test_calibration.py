"""Calibration: the "80 %" interval and P(out) mean what they say on series of known law."""

import itertools

import numpy as np
import pytest

from stockdesk.forecast import distribution
from stockdesk.forecast.auto import forecast_batch, forecast_series

T = 36
DAYS = np.full(T, 30.0)


def _coverage(batch, fresh: np.ndarray) -> float:
    """Share of fresh draws (series × months) inside each series' month-1 80 % interval."""
    lo, hi = batch.interval(0.8)
    return float(((fresh >= lo[:, :1]) & (fresh <= hi[:, :1])).mean())


def test_interval_covers_about_80_percent_of_fresh_poisson_draws():
    rng = np.random.default_rng(11)
    lam = rng.uniform(5, 60, 200)[:, None]
    history = rng.poisson(lam, (200, T)).astype(float)
    batch = forecast_batch(history, np.zeros_like(history), 3, days_in_month=DAYS)
    fresh = rng.poisson(lam, (200, 400)).astype(float)
    assert _coverage(batch, fresh) == pytest.approx(0.80, abs=0.06)


def test_interval_covers_about_80_percent_of_fresh_intermittent_draws():
    rng = np.random.default_rng(12)
    n = 200
    p = rng.uniform(0.2, 0.6, n)[:, None]
    size = rng.uniform(5, 30, n)[:, None]

    def draw(months: int) -> np.ndarray:
        hit = rng.random((n, months)) < p
        return np.where(hit, np.round(rng.gamma(2.0, size / 2.0, (n, months))), 0.0)

    history = draw(T)
    batch = forecast_batch(history, np.zeros_like(history), 3, days_in_month=DAYS)
    fresh = draw(400)
    assert _coverage(batch, fresh) == pytest.approx(0.80, abs=0.07)
    # the probability of running out is honest too: stock = the series' mean demand
    stock = np.round(p[:, 0] * size[:, 0])
    predicted = batch.stockout_probability(stock, 1)
    observed = (fresh > stock[:, None]).mean(axis=1)
    assert predicted.mean() == pytest.approx(observed.mean(), abs=0.06)


def test_stockout_probability_falls_with_stock_from_certain_to_negligible():
    rng = np.random.default_rng(13)
    history = rng.poisson(40.0, (60, T)).astype(float)
    batch = forecast_batch(history, np.zeros_like(history), 3, days_in_month=DAYS)
    stocks = np.linspace(0, 400, 41)
    probs = np.array([batch.stockout_probability(s, 1.5) for s in stocks])  # (stock × n)
    assert (np.diff(probs, axis=0) <= 1e-12).all()  # more stock, never more risk
    assert probs[0].min() > 0.99  # no stock, demand certain: a stockout is certain
    assert probs[-1].max() < 0.01  # ten times the demand on the shelf: negligible risk
    f = batch.forecast(0)
    single = [f.stockout_probability(s, 1.5) for s in stocks]
    assert all(a >= b for a, b in itertools.pairwise(single))
    assert single == pytest.approx(probs[:, 0].tolist())


def test_a_product_that_is_mostly_zero_gets_a_chance_of_a_zero_month():
    history = np.zeros(T)
    history[[4, 15, 27, 33]] = [6.0, 10.0, 4.0, 8.0]
    f = forecast_series(history, None, 3, days_in_month=DAYS)
    assert 0.5 < f.zero_prob < 1.0
    assert f.lower[0] == 0.0 and f.upper[0] > 0.0
    # with no stock, running out needs some demand: P = 1 − P(no demand), not 1
    assert f.stockout_probability(0, 1) == pytest.approx(1.0 - f.zero_prob)
    assert 0.0 < f.stockout_probability(0, 1) < 0.5
    # over two months a demand is likelier than over one
    assert f.stockout_probability(0, 2) > f.stockout_probability(0, 1)


def test_a_series_never_at_zero_has_no_zero_mass():
    rng = np.random.default_rng(14)
    f = forecast_series(rng.poisson(50.0, T).astype(float), None, 3, days_in_month=DAYS)
    assert f.zero_prob == 0.0 and f.lower[0] > 0.0


def test_calibration_never_changes_the_point_forecast():
    rng = np.random.default_rng(15)
    history = rng.poisson(rng.uniform(1, 30, 80)[:, None], (80, T)).astype(float)
    batch = forecast_batch(history, np.zeros_like(history), 3, days_in_month=DAYS)
    assert batch.mean is not None and batch.mean.shape == batch.point.shape
    assert set(batch.spread) == set(batch.choice)
    for i in range(5):
        f = batch.forecast(i)
        assert f.point == tuple(batch.point[i]) and f.mean == tuple(batch.mean[i])


def test_zero_inflated_distribution_has_the_moments_asked_for():
    rng = np.random.default_rng(16)
    mean, var, zero = np.array([4.0, 50.0]), np.array([30.0, 900.0]), np.array([0.6, 0.1])
    pi, k, theta = distribution.zero_inflated(mean, var, zero)
    draws = np.where(rng.random((200_000, 2)) < pi, 0.0, rng.gamma(k, theta, (200_000, 2)))
    assert draws.mean(axis=0) == pytest.approx(mean, rel=0.02)
    assert draws.var(axis=0) == pytest.approx(var, rel=0.05)
    assert (draws == 0).mean(axis=0) == pytest.approx(zero, abs=0.01)
    # quantiles and exceedance agree (the interval and P(out) tell the same story)
    for q in (0.1, 0.5, 0.9):
        x = distribution.quantile(q, mean, var, zero)
        p_out = distribution.exceed_probability(x, mean, var, zero)
        assert np.all((x == 0) | (np.abs(p_out - (1 - q)) < 1e-6))


def test_large_shapes_stay_accurate():
    # a big smooth series: Gamma shape 10^5, median ≈ mean
    assert distribution.gamma_p(1e5, 1e5) == pytest.approx(0.5, abs=0.01)
