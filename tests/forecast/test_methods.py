"""Forecast methods: FIELD.md worked cases AC-20, AC-21, AC-23 and gap/stockout behaviour."""

import numpy as np
import pytest

from stockdesk.forecast import methods
from stockdesk.forecast.backtest import mase
from stockdesk.forecast.series import demand, lmis_normalised

NAN = np.nan


def last(path: np.ndarray) -> float:
    return float(path[0, -1])


def test_ac20_mase():
    assert mase([10, 12, 8, 11, 9], [13, 9, 10], [10, 10, 10]) == pytest.approx(0.485, abs=5e-4)


def test_ac21_croston_sba_tsb_with_pinned_initialisation():
    y = np.array([[0, 5, 0, 0, 3, 0, 4]], dtype=float)
    assert last(methods.croston(y, 0.1)) == pytest.approx(2.2584, abs=1e-4)
    assert last(methods.sba(y, 0.1)) == pytest.approx(2.1455, abs=1e-4)
    assert last(methods.tsb(y, 0.1, 0.1)) == pytest.approx(1.7761, abs=1e-4)


def test_ac23_seasonal_naive_with_year_to_date_growth():
    last_year = [100, 100, 110, 300, 420, 400, 250, 200, 150, 120, 100, 100]
    this_year = [110, 105, 120, 320]
    y = np.array([last_year + this_year], dtype=float)
    fc, growth = methods.seasonal_naive(y, 3, first_month=1)
    assert growth[0] == pytest.approx(655 / 610)
    assert np.round(fc[0], 1).tolist() == [451.0, 429.5, 268.4]
    assert round(fc[0].sum(), 1) == 1148.9


def test_amc_uses_the_last_reported_months_and_reaches_over_gaps():
    y = np.array([[10, 20, 30, NAN, NAN, 60]])
    assert last(methods.moving_average(y, 3)) == pytest.approx((20 + 30 + 60) / 3)


def test_missing_months_are_not_zero():
    with_gap = np.array([[10, 10, NAN, NAN, 10, 10]])
    with_zero = np.array([[10, 10, 0, 0, 10, 10]])
    full = np.array([[10, 10, 10, 10]])  # the same series without the gap
    for name in ("amc3", "ses", "sba", "tsb", "med3"):
        fn = methods.METHODS[name]
        assert last(fn(with_gap)) == pytest.approx(last(fn(full))), name
        assert last(fn(with_zero)) < last(fn(full)) - 1e-9 or name == "med3", name


def test_stockout_month_is_scaled_up_or_censored_never_low_demand():
    days = np.full(4, 30.0)
    y = demand(np.array([[90, 90, 45, 0]]), np.array([[0, 0, 15, 30]]), days)
    assert y[0, 2] == pytest.approx(90.0)  # half the month out of stock: 45 → 90
    assert np.isnan(y[0, 3])  # out of stock all month: censored, not a month of zero demand
    assert last(methods.moving_average(y, 3)) == pytest.approx(90.0)


def test_stockout_days_are_capped_at_the_days_of_the_month():
    y = demand(np.array([[28, 10]]), np.array([[300, 14]]), np.array([28.0, 28.0]))
    assert np.isnan(y[0, 0]) and y[0, 1] == pytest.approx(20.0)


def test_lmis_normalisation_is_the_amc_column_rule():
    out = lmis_normalised(np.array([[100.0, 100.0, 100.0]]), np.array([[15.0, 30.0, 0.0]]))
    assert out[0].tolist() == [200.0, 100.0, 100.0]


def test_negative_consumption_is_refused():
    with pytest.raises(ValueError):
        demand(np.array([[-1.0]]), np.array([[0.0]]), np.array([30.0]))


def test_methods_are_vectorised_row_by_row():
    rng = np.random.default_rng(1)
    y = rng.poisson(5, (20, 18)).astype(float)
    y[rng.random(y.shape) < 0.1] = NAN
    for name, fn in methods.METHODS.items():
        batch = fn(y)
        for i in (0, 7, 19):
            np.testing.assert_allclose(batch[i], fn(y[i:i + 1])[0], err_msg=name)
