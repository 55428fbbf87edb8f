"""FIELD.md AC-07 and AC-08: levels, maximum and order quantities, expiry-aware ordering."""

from datetime import date

import pytest

from stockdesk.forecast.levels import (
    DEFAULT_LEVELS,
    Levels,
    derive_levels,
    expiry_aware_order_quantity,
    max_quantity,
    min_quantity,
    months_to_days,
    order_quantity,
)

AS_OF = date(2023, 12, 31)  # stock counted at the close of 2023-12-31: day 1 is 2024-01-01


# --- AC-07 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("amc", "max_mos", "h"), [
    (330, 3, 990),
    (333, 2.5, 833),  # 832.5 → 833, half up
    (100, 3, 300),
    (0, 3, 0),
    (15, 4.1, 62),  # exactly 61.5; 15 * 4.1 in floats is 61.49999… and would give 61
    (25, 0.58, 15),  # exactly 14.5
])
def test_ac07_max_quantity(amc, max_mos, h):
    assert max_quantity(amc, max_mos).value == h


def test_ac07_max_quantity_explains_its_rounding():
    h = max_quantity(333, 2.5)
    assert h.formula == ("H = round_half_up(P × MaxMOS) = round_half_up(333 × 2.5) "
                         "= round_half_up(832.5) = 833")
    assert h.inputs == {"P": 333, "MaxMOS": 2.5}
    assert max_quantity(330, 3).formula == "H = P × MaxMOS = 330 × 3 = 990"


@pytest.mark.parametrize(("h", "e", "i"), [(990, 790, 200), (990, 1000, 0), (990, 990, 0)])
def test_ac07_order_quantity_never_negative(h, e, i):
    assert order_quantity(h, e).value == i


def test_ac07_order_quantity_formula():
    assert order_quantity(990, 790).formula == "I = max(0, H − E) = max(0, 990 − 790) = 200"
    assert "10 above max" in str(order_quantity(990, 1000))


def test_order_quantity_subtracts_the_pipeline():
    i = order_quantity(990, 790, pipeline=150)
    assert i.value == 50
    assert i.formula == "I = max(0, H − E − on order) = max(0, 990 − 790 − 150) = 50"
    assert order_quantity(990, 790, pipeline=500).value == 0


def test_negative_quantities_are_refused():
    with pytest.raises(ValueError):
        order_quantity(990, -1)
    with pytest.raises(ValueError):
        max_quantity(-1, 3)


# --- AC-08 ----------------------------------------------------------------------------------


def test_ac08_derive_half_month_lead_time():
    derived = derive_levels(0.5, 0.5, 1)
    levels = derived.value
    assert (levels.min_mos, levels.max_mos) == (1.0, 2.0)
    assert min_quantity(100, levels.min_mos).value == 100
    assert max_quantity(100, levels.max_mos).value == 200
    assert derived.formula == "Min = LT + SS = 0.5 + 0.5 = 1; Max = Min + RP = 1 + 1 = 2"
    assert derived.notes == ()  # Max = Min + RP holds; EOP 0.5 < Min 1


def test_ac08_derive_one_month_lead_time():
    levels = derive_levels(1, 1, 1).value
    assert (levels.min_mos, levels.max_mos, levels.lead_time_months) == (2, 3, 1)
    assert levels.safety_stock_mos == 1
    assert levels.warnings() == ()


def test_ac08_configured_levels_are_kept_and_warned_about():
    levels = Levels(max_mos=3, min_mos=1, review_months=1)
    assert (levels.max_mos, levels.min_mos) == (3, 1)  # never "corrected"
    assert levels.warnings()[0].startswith("max 3 ≠ min 1 + review 1")
    assert "inconsistent with Max = Min + RP" in levels.warnings()[0]
    assert Levels(3, 1, 0.5, 1, 1) == DEFAULT_LEVELS


def test_derived_levels_are_exact_on_decimals():
    levels = derive_levels(0.1, 0.2, 1, eop=0.1).value
    assert levels.min_mos == 0.3  # not 0.30000000000000004
    assert levels.max_mos == 1.3
    assert levels.warnings() == ()


def test_derived_small_min_warns_about_the_default_eop():
    derived = derive_levels(0.25, 0.25, 1)
    assert derived.value.eop_mos == 0.5
    assert derived.notes == ("EOP 0.5 is not below min 0.5; kept as configured",)
    assert derive_levels(0.25, 0.25, 1, eop=0.25).notes == ()


@pytest.mark.parametrize(("levels", "expected"), [
    (Levels(3, 2, 0.5, 1, 1), ()),
    (Levels(3, 1, 1, 1, 2), ("EOP 1 is not below min 1; kept as configured",)),
    (Levels(3, 4, 0.5, 1, 0), None),  # several warnings, checked below
    (Levels(2, 1, 0, 1, 1), ()),  # EOP 0: no emergency point, nothing to warn about
    (Levels(2.5, 1.5, 0.5, 0.5, 1), ()),  # fractional and consistent
])
def test_level_warnings(levels, expected):
    if expected is not None:
        assert levels.warnings() == expected
    else:
        text = " | ".join(levels.warnings())
        assert "min 4 is above max 3" in text
        assert "max 3 ≠ min 4 + review 0" in text


def test_min_below_lead_time_is_warned_about():
    assert any("below the lead time 2" in w for w in Levels(4, 1, 0.5, 2, 3).warnings())


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf")])
def test_impossible_levels_are_refused(bad):
    with pytest.raises(ValueError):
        Levels(max_mos=bad)
    with pytest.raises(ValueError):
        Levels(eop_mos=bad)


@pytest.mark.parametrize(("months", "days"), [(1, 30), (0.5, 15), (1.5, 45), (0.25, 8), (0, 0)])
def test_months_to_days_uses_30_day_months_half_up(months, days):
    assert months_to_days(months) == days


# --- Expiry-aware order quantity ------------------------------------------------------------


def test_expiry_aware_order_quantity_worked_example():
    """The docstring's example: AMC 90 → 3/day, H 270; lot 1 leaves 90 unused at 2024-01-21."""
    lots = [(150, date(2024, 1, 21)), (60, date(2024, 4, 15)), (100, None)]
    i = expiry_aware_order_quantity(90, lots, AS_OF)
    assert i.value == 50
    assert i.formula == "I = max(0, H − (E − W)) = max(0, 270 − (310 − 90)) = 50"
    assert i.inputs["next_delivery"] == date(2024, 1, 30)
    assert i.inputs["cover_until"] == date(2024, 2, 29)
    assert i.inputs["plain_I"] == 0
    assert "lot 1 (150, exp 2024-01-21): 90 expire unused" in i.notes
    assert "without expiry: I = 0" in i.notes


def test_a_lot_expiring_before_delivery_counts_for_what_fefo_uses_of_it():
    # 60 units expiring 2024-01-21 (before delivery 01-30) are all used by then at 3/day
    i = expiry_aware_order_quantity(90, [(60, date(2024, 1, 21)), (100, None)], AS_OF)
    assert (i.value, i.inputs["W"]) == (110, 0)


def test_stock_wasted_after_the_following_delivery_is_left_to_the_next_review():
    # lot expiring 2024-03-10 (after cover-until 02-29) leaves stock unused, not counted now
    lots = [(400, date(2024, 3, 10))]
    i = expiry_aware_order_quantity(90, lots, AS_OF)
    assert i.inputs["W"] == 0
    assert i.value == 0


def test_lots_already_expired_at_as_of_count_in_full():
    lots = [(50, date(2023, 12, 1)), (100, None)]
    i = expiry_aware_order_quantity(90, lots, AS_OF)
    assert (i.inputs["W"], i.value) == (50, 170)  # 270 − (150 − 50)


def test_expiry_aware_with_pipeline_and_longer_lead_time():
    levels = Levels(max_mos=3, min_mos=2, eop_mos=0.5, lead_time_months=2, review_months=1)
    lots = [(300, date(2024, 3, 1)), (50, None)]  # 60 days usable: 180 used, 120 wasted
    i = expiry_aware_order_quantity(90, lots, AS_OF, levels, pipeline=30)
    assert i.inputs["next_delivery"] == date(2024, 2, 29)
    assert i.inputs["cover_until"] == date(2024, 3, 30)
    assert i.inputs["W"] == 120
    assert i.value == 270 - (350 - 120) - 30  # 10
    assert "− on order" in i.formula


def test_expiry_aware_never_below_the_plain_rule():
    lots = [(10, date(2024, 1, 2)), (500, None)]
    assert expiry_aware_order_quantity(90, lots, AS_OF).value == 0
    assert expiry_aware_order_quantity(0, lots, AS_OF).value == 0  # AMC 0: H = 0
