"""FIELD.md AC-01, AC-07 and AC-10 on R&R lines, the identities the district checks, and the
steps of an R&R's life."""

from decimal import Decimal

import pytest

from stockdesk.forecast.profiles import MonthInput, get_profile
from stockdesk.requisition.document import Status
from stockdesk.requisition.lines import figures, line_problems, packs_to_ship, total_cost
from stockdesk.requisition.states import refusal

OPENLMIS = get_profile("openlmis")


@pytest.mark.parametrize(("units", "round_to_zero", "packs"), [
    (255, False, 3), (245, False, 2), (30, False, 1), (30, True, 0), (0, False, 0),
    (0, True, 0)])
def test_ac10_packs_to_ship(units, round_to_zero, packs):
    assert packs_to_ship(units, 100, 50, round_to_zero).value == packs


def test_ac10_cost():
    assert total_cost(3, Decimal("2.50")) == Decimal("7.50")
    assert total_cost(None, Decimal("2.50")) is None


def test_ac01_and_ac07_a_month_becomes_a_line():
    """AC-01: A 500, B 1200, C 900, D −20, E 780; AC-04's window gives P 330; AC-07 H 990,
    I = 990 − 780 = 210."""
    march = MonthInput("2024-03", 900, 0, 31)
    window = [MonthInput("2024-01", 300, 0, 31), MonthInput("2024-02", 240, 10, 29), march]
    f = figures(march, 500, 1200, -20, 780, window, OPENLMIS, 3)
    assert (f.A, f.B, f.C, f.D, f.E, f.X) == (500, 1200, 900, -20, 780, 0)
    assert f.P.value == ceil3(300 + 360 + 900)
    assert f.H.value == 3 * f.P.value and f.I.value == f.H.value - 780
    assert line_problems(f.A, f.B, f.C, f.D, f.E, f.X, 31, f.I.value, f.I.value, None) == []


def test_ac07_order_quantity_is_never_negative():
    month = MonthInput("2024-03", 330, 0, 31)
    f = figures(month, 1330, 0, 0, 1000, [MonthInput("2024-01", 330, 0, 31),
                                          MonthInput("2024-02", 330, 0, 29), month],
                OPENLMIS, 3)
    assert (f.H.value, f.I.value) == (990, 0)


def test_unknown_consumption_leaves_h_and_i_blank():
    month = MonthInput("2024-03", 0, 0, 31)
    f = figures(month, 10, 0, 0, 10, [], OPENLMIS, 3)
    assert f.P.value is None and f.H is None and f.I is None


@pytest.mark.parametrize(("values", "column", "words"), [
    ((500, 1200, 900, -20, 790, 0, 31, 200, 200, None), "E", "A + B + D − C"),
    ((500, 1200, 900, -20, 780, 32, 31, 200, 200, None), "X", "outside 0..31"),
    ((500, 1200, 900, -20, 780, 0, 31, 200, 250, None), "W", "W must explain"),
    ((500, 1200, 900, -20, 780, 0, 31, 200, 250, "  "), "W", "W must explain"),
    ((500, 1200, 900, -20, 780, 0, 31, 200, -1, "x"), "J", "cannot be negative"),
])
def test_broken_identities_name_the_column(values, column, words):
    problems = line_problems(*values)
    assert [c for c, _ in problems] == [column]
    assert words in problems[0][1]


def test_an_explained_difference_is_fine():
    assert line_problems(500, 1200, 900, -20, 780, 0, 31, 200, 250, "rainy season") == []


def test_each_step_by_its_role_and_never_your_own_approval():
    assert refusal("submit", Status.DRAFT, "pharmacist", "ana", None) is None
    assert refusal("approve", Status.SUBMITTED, "district_logistician", "lo", "ana") == \
        "an R&R that is submitted cannot be approved: only an authorized one can"
    assert refusal("authorize", Status.SUBMITTED, "pharmacist", "ana", "ana") == \
        "a pharmacist may not authorize an R&R"
    assert refusal("approve", Status.AUTHORIZED, "admin", "root", "root") == \
        "root submitted this R&R and may not approve it too: another person must"
    assert refusal("approve", Status.AUTHORIZED, "district_logistician", "lo", "ana") is None
    assert "needs a reason" in refusal("reject", Status.SUBMITTED, "facility_incharge", "in",
                                       "ana", "")
    assert refusal("reject", Status.AUTHORIZED, "district_logistician", "lo", "ana",
                   "D of ORS does not match the count") is None
    assert refusal("submit", Status.SUBMITTED, "pharmacist", "ana", None).startswith(
        "an R&R that is submitted cannot be submitted")


def ceil3(total: int) -> int:
    return -(-total // 3)
