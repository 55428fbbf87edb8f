"""SBC classification, FIELD.md AC-22 (population variance pinned)."""

import numpy as np
import pytest

from stockdesk.forecast.classify import adi_cv2, class_name, classify


def test_ac22_intermittent_with_population_variance():
    y = np.array([[0, 5, 0, 0, 3, 0, 0, 4, 0, 0, 8, 0]], dtype=float)
    adi, cv2 = adi_cv2(y)
    assert adi[0] == pytest.approx(3.0)
    assert cv2[0] == pytest.approx(0.14)
    assert class_name(classify(y)[0]) == "intermittent"


@pytest.mark.parametrize(("series", "expected"), [
    ([10, 11, 9, 10, 12, 10], "smooth"),
    ([1, 30, 2, 40, 1, 25], "erratic"),
    ([0, 1, 0, 0, 60, 0, 0, 2], "lumpy"),
    ([0, 0, 0, 0], "none"),
])
def test_the_four_classes_and_no_demand(series, expected):
    assert class_name(classify(np.array([series], dtype=float))[0]) == expected


def test_missing_months_are_not_periods():
    y = np.array([[5, np.nan, 5, np.nan, 5, 5]])
    adi, _ = adi_cv2(y)
    assert adi[0] == 1.0
