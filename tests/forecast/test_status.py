"""FIELD.md AC-06 and AC-09: months of stock, stock status and the max-min variants."""

from fractions import Fraction

import pytest

from stockdesk.forecast.levels import Levels, derive_levels
from stockdesk.forecast.status import (
    Status,
    Variant,
    decide,
    months_of_stock,
    mos_text,
    stock_status,
)

AC06 = Levels(max_mos=3, min_mos=1, eop_mos=0.5)


@pytest.mark.parametrize(("soh", "mos", "status"), [
    (0, 0, Status.STOCKED_OUT),
    (40, 0.4, Status.BELOW_EOP),
    (50, 0.5, Status.BELOW_MIN),  # 0.5 is not < EOP 0.5
    (80, 0.8, Status.BELOW_MIN),
    (100, 1.0, Status.ADEQUATE),
    (300, 3.0, Status.ADEQUATE),
    (301, 3.01, Status.OVERSTOCKED),
])
def test_ac06_months_of_stock_and_status(soh, mos, status):
    assert months_of_stock(soh, 100).value == pytest.approx(mos)
    assert stock_status(soh, 100, AC06).value is status


def test_ac06_unknown_when_amc_is_zero_or_missing():
    assert stock_status(50, 0).value is Status.UNKNOWN
    assert stock_status(50, None).value is Status.UNKNOWN
    assert stock_status(0, 0).value is Status.STOCKED_OUT  # SOH 0 is a stockout whatever the AMC
    assert months_of_stock(50, 0).value is None


def test_ac06_mos_printed_with_one_decimal():
    mos = months_of_stock(790, 330)
    assert round(mos.value, 3) == 2.394
    assert mos.formula == "MOS = SOH / AMC = 790 / 330 ≈ 2.4"
    assert months_of_stock(50, 100).formula == "MOS = SOH / AMC = 50 / 100 = 0.5"


def test_ac06_status_explains_the_boundary():
    assert (stock_status(50, 100).formula
            == "MOS = 50 / 100 = 0.5: EOP 0.5 ≤ MOS < min 1 → below min")
    assert stock_status(301, 100).formula == "MOS = 301 / 100 = 3.01 > max 3 → overstocked"
    assert stock_status(40, 100).formula == "MOS = 40 / 100 = 0.4 < EOP 0.5 → below EOP"


@pytest.mark.parametrize(("mos", "text"), [
    (Fraction(790, 330), "2.4"),
    (Fraction(301, 100), "3.01"),  # one decimal would print 3, i.e. on max
    (Fraction(299, 100), "2.99"),  # one decimal would print 3, i.e. on max
    (Fraction(3001, 1000), "3.001"),
    (Fraction(3), "3"),
    (Fraction(1, 2), "0.5"),
])
def test_mos_is_printed_on_the_right_side_of_the_levels(mos, text):
    assert mos_text(mos, AC06) == text


def test_status_labels_and_actions():
    assert [s.label for s in Status] == ["Stocked out", "Below EOP", "Below min", "Adequate",
                                         "Overstocked", "Unknown"]
    assert Status.BELOW_EOP == "below_eop"
    assert "redistribution" in Status.OVERSTOCKED.action


def test_fractional_levels_boundaries_are_exact():
    levels = derive_levels(0.1, 0.2, 1, eop=0.1).value  # min 0.3, max 1.3
    assert stock_status(3, 10, levels).value is Status.ADEQUATE  # 0.3 is not below min 0.3
    assert stock_status(1, 10, levels).value is Status.BELOW_MIN  # 0.1 is not below EOP 0.1
    assert stock_status(13, 10, levels).value is Status.ADEQUATE  # 1.3 is not above max 1.3
    assert stock_status(14, 10, levels).value is Status.OVERSTOCKED


def test_fractional_amc():
    assert stock_status(33, 66.5, AC06).value is Status.BELOW_EOP  # 0.496
    assert stock_status(100, 33.3, AC06).value is Status.OVERSTOCKED  # 3.003


def test_negative_input_is_refused():
    with pytest.raises(ValueError):
        stock_status(-1, 100)
    with pytest.raises(ValueError):
        stock_status(10, -5)


# --- AC-09: the three variants (AMC 100, max 300, min 100, EOP 50) -------------------------

F, S, C = Variant.FORCED_ORDERING, Variant.STANDARD, Variant.CONTINUOUS_REVIEW


@pytest.mark.parametrize(("variant", "soh", "review_day", "order", "emergency", "quantity"), [
    (F, 150, True, True, False, 150),
    (S, 150, True, False, False, 0),
    (C, 150, True, False, False, 0),
    (F, 100, True, True, False, 200),
    (S, 100, True, True, False, 200),
    (C, 100, True, True, False, 200),
    (F, 45, False, True, True, 255),
    (S, 45, False, True, True, 255),
    (C, 45, False, True, False, 255),
])
def test_ac09_variant_decisions(variant, soh, review_day, order, emergency, quantity):
    d = decide(variant, soh, 100, AC06, review_day=review_day)
    assert (d.order, d.emergency, d.quantity) == (order, emergency, quantity)


def test_ac09_explanations():
    d = decide(C, 100, 100, AC06, review_day=False)
    assert "placed at the issue that brought SOH to 100" in d.reason
    assert d.explanation.formula == "quantity = max(0, H − SOH) = max(0, 300 − 100) = 200"
    e = decide(S, 45, 100, AC06, review_day=False)
    assert e.reason == "Standard: MOS 0.45 < EOP 0.5: emergency order 255 now"


# AC-06 "Standard-variant order?" column, between reviews and on the review day:
# (order, emergency, quantity, due_at_review)
@pytest.mark.parametrize(("soh", "between", "review"), [
    (0, (True, True, 300, False), (True, True, 300, False)),  # emergency
    (40, (True, True, 260, False), (True, True, 260, False)),  # emergency, order 260
    (50, (False, False, 0, True), (True, False, 250, False)),  # at review, 250
    (80, (False, False, 0, True), (True, False, 220, False)),  # at review
    (100, (False, False, 0, True), (True, False, 200, False)),  # yes (at or below min), 200
    (300, (False, False, 0, False), (False, False, 0, False)),  # no
    (301, (False, False, 0, False), (False, False, 0, False)),  # no
])
def test_ac06_standard_variant_column(soh, between, review):
    for review_day, expected in ((False, between), (True, review)):
        d = decide(S, soh, 100, AC06, review_day=review_day)
        assert (d.order, d.emergency, d.quantity, d.due_at_review) == expected


def test_ac06_at_review_reason_names_the_quantity():
    assert "order 250 at the next review" in decide(S, 50, 100, review_day=False).reason


def test_forced_ordering_reports_even_above_max():
    d = decide(F, 350, 100, AC06, review_day=True)
    assert (d.order, d.quantity) == (True, 0)
    assert decide(F, 150, 100, AC06, review_day=False).due_at_review


def test_no_order_without_consumption():
    for variant in Variant:
        d = decide(variant, 50, 0, review_day=True)
        assert (d.order, d.quantity) == (False, 0)
        assert "review the data" in d.reason
    assert decide(S, 0, None, review_day=True).order is False
