"""auto: batch == single, fallbacks, intervals, stockout probability, explanations."""

import itertools

import numpy as np
import pytest

from stockdesk.forecast.auto import forecast_batch, forecast_series

DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] * 3, dtype=float)


def district(n: int = 60, T: int = 24, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    level = rng.lognormal(2.5, 0.8, n)[:, None]
    c = rng.poisson(np.repeat(level, T, axis=1)).astype(float)
    c[rng.random(c.shape) < 0.05] = np.nan
    x = np.where(rng.random(c.shape) < 0.05, 10.0, 0.0)
    return c, x


def test_batch_equals_single_for_a_lone_series():
    c, x = district(1)
    batch = forecast_batch(c, x, 3, days_in_month=DAYS[:24])
    one = forecast_series(c[0], x[0], 3, days_in_month=DAYS[:24])
    assert one.point == pytest.approx(tuple(batch.point[0]))
    assert one.method == batch.method[0]


def test_rows_are_independent_of_their_order_within_a_class():
    c, x = district()
    b = forecast_batch(c, x, 3, days_in_month=DAYS[:24])
    perm = np.random.default_rng(0).permutation(len(c))
    p = forecast_batch(c[perm], x[perm], 3, days_in_month=DAYS[:24])
    np.testing.assert_allclose(p.point, b.point[perm])


def test_short_series_fall_back_to_amc_over_what_there_is():
    f = forecast_series([np.nan] * 20 + [10, 20, 30], None, 3, days_in_month=DAYS[:23])
    assert f.method == "amc3 (short history)"
    assert f.point == pytest.approx((20.0, 20.0, 20.0))
    none = forecast_series([np.nan] * 5, None, 2, days_in_month=DAYS[:5])
    assert none.point == (0.0, 0.0) and none.stockout_probability(0, 1) == 0.0


def test_stockout_month_does_not_lower_the_forecast():
    base = [100.0] * 18
    cut = [*base[:-1], 0.0]
    plain = forecast_series(base, [0] * 18, 1, days_in_month=DAYS[:18])
    stocked_out = forecast_series(cut, [0] * 17 + [31], 1, days_in_month=DAYS[:18])
    assert stocked_out.point[0] == pytest.approx(plain.point[0])


def test_interval_contains_the_mean_and_probability_is_monotone():
    c, x = district()
    f = forecast_batch(c, x, 3, days_in_month=DAYS[:24]).forecast(0)
    assert all(lo <= p <= hi for lo, p, hi in zip(f.lower, f.point, f.upper, strict=True))
    stocks = np.linspace(0, 6 * f.point[0], 25)
    probs = [f.stockout_probability(s, 2.5) for s in stocks]
    assert all(a >= b for a, b in itertools.pairwise(probs))
    assert probs[0] > 0.9 and probs[-1] < 0.05
    # the 80 % upper bound of one month is exceeded about 10 % of the time
    assert f.stockout_probability(f.upper[0], 1) == pytest.approx(0.10, abs=0.01)
    # more months before the delivery, more risk
    assert f.stockout_probability(f.total(1), 2) > f.stockout_probability(f.total(1), 1)


def test_explanation_names_method_window_and_backtest_error():
    c, x = district()
    f = forecast_batch(c, x, 3, days_in_month=DAYS[:24], first_period="2023-01").forecast(5)
    text = str(f.explanation)
    assert f.method in text and "2023-" in text and "backtest MASE" in text
    assert f.explanation.inputs["backtest_mase_amc3"] == pytest.approx(f.mase_amc3)
    assert f.demand_class in text and np.isfinite(f.mase)


def test_seasonal_flag_uses_seasonal_naive_when_it_backtests_better():
    season = np.array([100, 100, 110, 300, 420, 400, 250, 200, 150, 120, 100, 100], float)
    c = np.concatenate([season, season * 1.05, season[:4] * 1.1])
    f = forecast_series(c, None, 3, days_in_month=DAYS[:28], seasonal=True,
                        first_period="2022-01")
    assert f.method == "seasonal naive × YTD growth"
    assert f.point[0] == pytest.approx(420 * 1.05 * (sum(season[:4]) * 1.1)
                                       / (sum(season[:4]) * 1.05))


def test_groups_share_the_pooled_trend():
    rng = np.random.default_rng(5)
    growth = 1.03 ** np.arange(30)
    c = rng.poisson(50 * growth, (40, 30)).astype(float)
    b = forecast_batch(c, np.zeros_like(c), 3, days_in_month=DAYS[:30],
                       groups=np.zeros(40, int))
    assert b.growth[0] == pytest.approx(1.03**12, rel=0.05)


def test_volume_bands_put_the_series_making_most_of_the_volume_in_large():
    from stockdesk.forecast.auto import volume_bands

    y = np.array([[100.0] * 12, [50.0] * 12, [1.0] * 12, [np.nan] * 12, [0.0] * 12])
    # 100 alone is 66 % < 80 % of the volume, so 50 joins the large band; the rest are small
    assert volume_bands(y).tolist() == [0, 0, 1, 1, 1]
    assert volume_bands(y[:1]).tolist() == [0]  # a lone series is its batch's large band


def test_choice_is_made_per_class_and_volume_band():
    rng = np.random.default_rng(3)
    big = rng.poisson(60.0, (40, 30)).astype(float)
    small = np.where(rng.random((40, 30)) < 0.4, rng.poisson(3.0, (40, 30)), 0.0)
    batch = forecast_batch(np.vstack([big, small]), np.zeros((80, 30)), 3,
                           days_in_month=np.full(30, 30.0))
    assert {"smooth/large", "intermittent/small"} <= set(batch.choice)
    from stockdesk.forecast.auto import volume_bands

    large = volume_bands(batch.y) == 0
    assert large[:40].sum() >= 25 and not large[40:].any()
    assert set(batch.method[large]) == {batch.choice["smooth/large"]}
    assert all(m in batch.choice.values() for m in batch.method)
