"""FIELD.md AC-02 and AC-03: stockout-adjusted consumption and its edge cases."""

import pytest

from stockdesk.forecast.consumption import adjusted_consumption


def test_ac02_scaling_rounds_up():
    assert adjusted_consumption(240, 10).value == 360
    assert adjusted_consumption(100, 7).value == 131  # 130.43 → 131, never 130


def test_ac03_whole_month_out_of_stock_returns_c_and_is_low_confidence():
    n = adjusted_consumption(240, 30)
    assert (n.value, n.low_confidence) == (240, True)
    assert "nothing to scale" in n.formula


def test_ac03_zero_consumption_is_zero_whatever_the_stockout():
    assert [adjusted_consumption(0, x).value for x in (0, 10, 30, 300)] == [0, 0, 0, 0]


def test_ac03_quarterly_period():
    assert adjusted_consumption(900, 15, months=3).value == 1080


def test_stockout_days_beyond_the_period_are_capped():
    assert adjusted_consumption(240, 300).value == 240


def test_negative_input_is_refused():
    with pytest.raises(ValueError):
        adjusted_consumption(-1, 0)
