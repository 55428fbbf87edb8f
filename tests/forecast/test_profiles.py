"""FIELD.md AC-02..AC-05 under each calculation profile, and the choice of the AMC window."""

from datetime import date

import pytest

from stockdesk.forecast.profiles import (
    PROFILES,
    MonthInput,
    UnknownProfile,
    adjusted,
    average_consumption,
    get_profile,
    window_end,
    window_periods,
)

OPENLMIS = get_profile("openlmis")
MSUPPLY = get_profile("msupply")
CIV = get_profile("civ-elmis")

# AC-04: Jan 300 (0 days out), Feb 240 (10 days out, 28-day month), Mar 330 (0 days out)
AC04 = [MonthInput("2024-01", 300, 0, 31), MonthInput("2024-02", 240, 10, 28),
        MonthInput("2024-03", 330, 0, 31)]


def test_the_default_profile_is_openlmis_and_old_names_still_work():
    assert get_profile(None) is OPENLMIS
    assert get_profile("openlmis_v3") is OPENLMIS
    assert set(PROFILES) >= {"openlmis", "msupply", "civ-elmis"}


def test_an_unknown_profile_names_the_known_ones():
    with pytest.raises(UnknownProfile, match="known: openlmis, msupply, civ-elmis"):
        get_profile("lmis-x")


@pytest.mark.parametrize(("c", "x", "n"), [(240, 10, 360), (100, 7, 131), (240, 30, 240),
                                           (0, 12, 0), (240, 300, 240)])
def test_ac02_ac03_openlmis_adjusted_consumption(c, x, n):
    assert adjusted(OPENLMIS, MonthInput("2024-02", c, x, 29)).value == n


def test_ac03_a_month_scaled_from_few_days_is_flagged():
    n = adjusted(OPENLMIS, MonthInput("2024-02", 100, 20))
    assert n.value == 300 and any("low confidence" in note for note in n.notes)
    assert "ceil(100 × 30 / (30 − 20)) = 300" in n.formula


@pytest.mark.parametrize(("profile", "amc"), [("openlmis", 330), ("unadjusted", 290)])
def test_ac04_amc_by_profile(profile, amc):
    assert average_consumption(get_profile(profile), AC04).value == amc


def test_ac04_msupply_uses_the_actual_days_of_each_month():
    p = average_consumption(MSUPPLY, AC04)
    assert p.value == 334.44  # to the hundredth, as mSupply prints it
    assert "240 × 28 / (28 − 10)" in " ".join(p.notes)


def test_ac04_openlmis_explains_the_adjusted_month():
    p = average_consumption(OPENLMIS, AC04)
    assert p.formula == "P = ceil((300 + 360 + 330) / 3) = 330"
    assert p.notes == ("2024-02: N = ceil(240 × 30 / (30 − 10)) = 360",)
    assert p.inputs["months"] == ["2024-01", "2024-02", "2024-03"]


def test_ac05_fewer_periods():
    two = [MonthInput("2024-02", 301, 0), MonthInput("2024-03", 300, 0)]
    assert average_consumption(OPENLMIS, two).value == 301
    assert "2 of 3 months reported" in average_consumption(OPENLMIS, two).notes
    one = [MonthInput("2024-03", 240, 10)]
    assert average_consumption(OPENLMIS, one).value == 360


def test_no_month_reported_means_unknown_not_zero():
    assert average_consumption(OPENLMIS, []).value is None


def test_civ_keeps_n_unrounded_and_rounds_the_mean_half_up():
    # 10 × 30/29 = 10.34…, 1, 2: mean 4.45 → 4; and 0.5 goes up: (1 + 0 + 0.5)/3 …
    months = [MonthInput("2019-07", 10, 1), MonthInput("2019-08", 1, 0),
              MonthInput("2019-09", 2, 0)]
    assert average_consumption(CIV, months).value == 4
    halves = [MonthInput("2019-07", 1, 0), MonthInput("2019-08", 2, 0),
              MonthInput("2019-09", 0, 0)]
    assert average_consumption(CIV, halves).value == 1  # mean 1.0
    assert average_consumption(CIV, halves[:2]).value == 2  # mean 1.5 rounds up, not to even


def test_civ_leaves_whole_month_stockouts_unscaled():
    # the file's rule: s ≥ 30 keeps the raw value, even in a 31-day month
    assert adjusted(CIV, MonthInput("2019-07", 4, 30, 31)).value == 4
    assert adjusted(CIV, MonthInput("2019-07", 4, 15, 31)).value == 8


def test_unknown_stockout_days_leave_consumption_unscaled_and_say_so():
    n = adjusted(OPENLMIS, MonthInput("2019-07", 40, None))
    assert n.value == 40 and "not reported" in n.notes[0]


@pytest.mark.parametrize(("as_of", "end"), [(date(2019, 9, 30), "2019-09"),
                                            (date(2019, 9, 29), "2019-08"),
                                            (date(2024, 3, 1), "2024-02"),
                                            (date(2024, 12, 31), "2024-12")])
def test_the_window_ends_with_the_last_complete_month(as_of, end):
    assert window_end(as_of) == end


def test_window_months_cross_the_year():
    assert window_periods(OPENLMIS, "2024-02") == ["2023-12", "2024-01", "2024-02"]


def test_msupply_amc_is_a_clean_decimal_so_status_boundaries_are_exact():
    """11 in stock at 11/3 a month is exactly 3 months: adequate, not overstocked."""
    from stockdesk.forecast.status import Status, stock_status

    p = average_consumption(MSUPPLY, [MonthInput("2024-01", 4, 0, 31),
                                      MonthInput("2024-02", 4, 0, 29),
                                      MonthInput("2024-03", 3, 0, 31)])
    assert p.value == 3.67 and "round to 0.01" in p.formula
    assert stock_status(11, p.value).value is Status.ADEQUATE  # 11 / 3.67 = 2.997


def test_ac03_a_quarter_scales_over_ninety_days():
    n = adjusted(OPENLMIS, MonthInput("2024-Q1", 900, 15, 91, months=3))
    assert n.value == 1080 and "900 × 90 / (90 − 15)" in n.formula
