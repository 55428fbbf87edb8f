"""MASE scaling and the rolling-origin inner backtest."""

import numpy as np
import pytest

from stockdesk.forecast import methods
from stockdesk.forecast.backtest import backtest_paths, inner_origins, mase, mase_scale


def test_scale_uses_adjacent_reported_months_only():
    y = np.array([[10, 12, np.nan, 50, 52]])
    assert mase_scale(y)[0] == pytest.approx(2.0)  # the gap is not a jump 12 → 50


def test_zero_scale_gives_nan_not_a_division_by_zero():
    assert np.isnan(mase([5, 5, 5], [6, 6, 6], [5, 5, 5]))


def test_inner_origins_stay_inside_the_history():
    pairs = inner_origins(10, lookback=4, horizon=3)
    assert all(o + h <= 9 for o, h in pairs)
    assert min(o for o, _ in pairs) == 5


def test_backtest_scores_a_perfect_forecast_as_zero_error():
    y = np.full((2, 15), 7.0)
    paths = np.stack([methods.moving_average(y, 3), methods.naive(y)])
    bt = backtest_paths(paths, y)
    assert np.allclose(bt.abs_err, 0.0) and (bt.count > 0).all()
