"""Ordering basis: separate from the point, chosen by an inner replay of max–min, blind to the
months after the origin; the policy replay itself; fast single-row forecasts."""


import numpy as np
import pytest

from stockdesk.forecast import distribution, ordering
from stockdesk.forecast.auto import Batch, forecast_batch, forecast_series

DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] * 4, dtype=float)


def mixed(n: int = 240, T: int = 36, seed: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Half smooth Poisson series, half small intermittent ones (mostly 0–1, a few big)."""
    rng = np.random.default_rng(seed)
    level = rng.lognormal(2.0, 1.0, n)[:, None]
    smooth = rng.poisson(np.repeat(level, T, axis=1)).astype(float)
    hits = rng.random((n, T)) < 0.35
    lumpy = np.where(hits, rng.gamma(1.5, 4.0, (n, T)), 0.0).round()
    c = np.where((np.arange(n) % 2 == 0)[:, None], smooth, lumpy)
    c[rng.random(c.shape) < 0.03] = np.nan
    return c, np.zeros_like(c)


def test_basis_is_never_below_the_point_and_has_names_and_a_choice():
    c, x = mixed()
    b = forecast_batch(c, x, 3, days_in_month=DAYS[:36])
    assert b.order_basis is not None and b.order_method is not None
    assert b.order_basis.shape == b.point.shape
    assert np.all(b.order_basis >= b.point - 1e-12)
    assert len(b.order_method) == len(b)
    assert set(b.order_choice.values()) <= set(ordering.ORDER_NAMES)
    np.testing.assert_allclose(b.order_total(3), b.order_basis.sum(axis=1))


def test_small_intermittent_series_order_more_than_their_median_type_point():
    c, x = mixed()
    b = forecast_batch(c, x, 3, days_in_month=DAYS[:36])
    lumpy = np.array([m.startswith("median(med3") for m in b.method])
    assert lumpy.any()
    assert b.order_basis is not None
    assert b.order_basis[lumpy].sum() > b.point[lumpy].sum()


def test_choice_does_not_see_the_months_after_the_origin():
    c, x = mixed()
    origin = 30
    a = forecast_batch(c[:, :origin], x[:, :origin], 3, days_in_month=DAYS[:origin])
    future = c.copy()
    future[:, origin:] = np.random.default_rng(1).poisson(500.0, future[:, origin:].shape)
    b = forecast_batch(future[:, :origin], x[:, :origin], 3, days_in_month=DAYS[:origin])
    assert a.order_choice == b.order_choice
    assert a.order_basis is not None and b.order_basis is not None
    np.testing.assert_array_equal(a.order_basis, b.order_basis)


def test_choice_depends_on_the_past_it_replays():
    """A history of sudden surges makes the reactive candidates win the replay."""
    c, x = mixed()
    calm = forecast_batch(c, x, 3, days_in_month=DAYS[:36])
    surges = c.copy()
    surges[:, 12::4] *= 6.0
    surged = forecast_batch(surges, x, 3, days_in_month=DAYS[:36])
    assert calm.order_choice != surged.order_choice


def test_forecast_carries_the_basis_and_explains_it():
    c, x = mixed()
    b = forecast_batch(c, x, 3, days_in_month=DAYS[:36])
    i = int(np.argmax(b.order_basis.sum(axis=1) - b.point.sum(axis=1)))  # type: ignore[union-attr]
    f = b.forecast(i)
    assert f.order_basis == pytest.approx(tuple(b.order_basis[i]))  # type: ignore[index]
    assert f.order_method == b.order_method[i]  # type: ignore[index]
    assert f.order_total(3) == pytest.approx(sum(f.order_basis))
    assert any(n.startswith("orders sized from") for n in f.explanation.notes)


def test_lone_series_uses_amc3_by_the_rr_rule_floored_at_the_point():
    c, x = mixed(1)
    f = forecast_series(c[0], x[0], 3, days_in_month=DAYS[:36])
    assert f.order_method in (ordering.REFERENCE, f.method)
    assert min(f.order_basis) >= min(f.point) - 1e-12


def test_seasonal_products_order_from_their_seasonal_forecast():
    season = np.tile([5, 5, 5, 5, 30, 60, 80, 40, 5, 5, 5, 5], 3).astype(float)
    f = forecast_series(season, None, 3, days_in_month=DAYS[:36], seasonal=True)
    if f.method.startswith("seasonal"):
        assert f.order_basis == pytest.approx(f.point)


def test_forecast_without_basis_defaults_to_the_point():
    c, x = mixed(40)
    b = forecast_batch(c, x, 3, days_in_month=DAYS[:36])
    plain = Batch(point=b.point, variance=b.variance, method=b.method,
                  demand_class=b.demand_class, mase=b.mase, mase_amc3=b.mase_amc3,
                  growth=b.growth, usable=b.usable, first_usable=b.first_usable,
                  last_usable=b.last_usable, y=b.y, members=b.members)
    np.testing.assert_array_equal(plain.order_basis, plain.point)  # type: ignore[arg-type]
    assert plain.forecast(0).order_basis == plain.forecast(0).point


def test_replay_counts_stockouts_and_stock_like_the_policy():
    # demand 10 every month, start 30 on hand, max 30, lead 1: month ends hold 20, then 10
    # (10 more always on order), never out
    y = np.full((1, 8), 10.0)
    fill = np.full((1, 8), 10.0)
    enough = np.full((1, 1, 8), 30.0)
    short = np.full((1, 1, 8), 5.0)  # max of 5: runs out once the start stock is gone
    r = ordering.replay(np.concatenate([enough, short]), y, fill, 0, lead=1)
    assert r.stockouts[0, 0] == 0
    assert r.stock[0, 0] == pytest.approx((20.0 + 7 * 10.0) / 8)
    assert r.stockouts[1, 0] >= 4
    assert r.stock[1, 0] < r.stock[0, 0]


def test_replay_does_not_score_unknown_months():
    y = np.array([[10.0, np.nan, np.nan, np.nan]])
    fill = np.full((1, 4), 1000.0)  # an unknown month draws a lot, but is never scored
    r = ordering.replay(np.zeros((1, 1, 4)), y, np.where(np.isnan(y), 1000.0, 10.0), 0)
    assert r.stockouts[0, 0] == 0 and r.scored[0] == 1
    assert fill.shape == y.shape


def test_choose_respects_the_stock_limit_per_cell():
    # candidate 0 = reference; 1 = fewer stockouts at +3 %; 2 = fewest at +20 %
    n = 40
    stockouts = np.array([np.full(n, 5.0), np.full(n, 4.0), np.full(n, 1.0)])
    stock = np.array([np.full(n, 100.0), np.full(n, 103.0), np.full(n, 120.0)])
    rep = ordering.Replay(stockouts, stock, np.full(n, 12.0))
    cells = np.zeros(n, dtype=int)
    pick = ordering.choose(rep, cells, np.ones(n, bool), 0, stock[0], 1.05, 30)
    assert pick == {0: 1}
    small = ordering.choose(rep, cells, np.arange(n) < 10, 0, stock[0], 1.05, 30)
    assert small == {0: 0}  # too few series to choose: the reference


def test_one_row_read_out_of_the_batch_has_the_batch_interval():
    c, x = mixed(170)
    b = forecast_batch(c, x, 3, days_in_month=DAYS[:36])
    rows = [b.forecast(i) for i in range(len(b))]
    lo, hi = b.interval()
    assert rows[7].lower == pytest.approx(tuple(lo[7]))
    assert rows[7].upper == pytest.approx(tuple(hi[7]))


def test_quantile_inverts_the_cdf():
    mean = np.array([0.5, 3.0, 40.0, 900.0])
    var = np.array([4.0, 7.0, 300.0, 900.0])
    k, theta = distribution.gamma_params(mean, var)
    for q in (0.1, 0.5, 0.9):
        x = distribution.quantile(q, mean, var)
        np.testing.assert_allclose(distribution.gamma_p(k, x / theta), q, atol=1e-8)
    assert distribution.quantile(0.9, np.array([0.0]), np.array([1.0]))[0] == 0.0
