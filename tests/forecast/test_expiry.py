"""FIELD.md AC-12 and AC-13: FEFO expiry risk, effective MOS, redistribution."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockdesk.forecast.expiry import (
    FacilityStock,
    expiry_risk,
    fefo_lots,
    propose_redistribution,
)
from stockdesk.forecast.levels import Levels
from stockdesk.forecast.projection import project_stockout
from stockdesk.forecast.status import Status

# AC-12 is "as of 2024-01-01" with 30 usable days to 2024-01-31: stock at the opening of
# 2024-01-01, which is the close of 2023-12-31 in StockDesk's as_of convention.
AS_OF = date(2023, 12, 31)
AC12_LOTS = [(120, date(2024, 1, 31)), (200, date(2024, 3, 16)), (300, date(2024, 12, 26))]


# --- AC-12 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("i", "consumed", "at_risk", "starts_on", "ends_on", "ends_by"), [
    (0, 100, 20, date(2024, 1, 1), date(2024, 1, 31), "expires"),
    (1, 150, 50, date(2024, 1, 31), date(2024, 3, 16), "expires"),
    (2, 300, 0, date(2024, 3, 16), date(2024, 6, 14), "used up"),
])
def test_ac12_per_lot(i, consumed, at_risk, starts_on, ends_on, ends_by):
    lot = fefo_lots(AC12_LOTS, 100, AS_OF)[i]
    assert lot.label == f"lot {i + 1}"
    assert (lot.consumed, lot.at_risk) == (consumed, at_risk)
    assert (lot.starts_on, lot.ends_on, lot.ends_by) == (starts_on, ends_on, ends_by)


def test_ac12_lot_formula_is_field_md_s_loop():
    lot = fefo_lots(AC12_LOTS, 100, AS_OF)[1]
    assert lot.formula == ("lot 2: usable days = max(0, 75 − 30) = 45; consumed = min(200, 45 × "
                           "3.33) = 150; at risk = 200 − 150 = 50")


def test_ac12_totals():
    risk = expiry_risk(AC12_LOTS, 100, AS_OF)
    assert risk.at_risk.value == 70
    assert risk.at_risk.formula == "at risk = 20 + 50 + 0 = 70"
    assert risk.effective_mos.value == 5.5
    assert risk.effective_mos.formula == "effective MOS = Σ consumed / AMC = 550 / 100 = 5.5"
    assert risk.naive_mos.value == 6.2
    assert risk.run_out.value == date(2024, 6, 14)


def test_ac12_run_out_is_the_projected_stockout_date():
    assert project_stockout(AC12_LOTS, AS_OF, 100).value == date(2024, 6, 14)


@pytest.mark.parametrize(("months", "end", "within", "near"), [
    (3, date(2024, 3, 31), 70, 320),
    (6, date(2024, 6, 30), 70, 320),
    (12, date(2024, 12, 31), 70, 620),
])
def test_ac12_horizons(months, end, within, near):
    risk = expiry_risk(AC12_LOTS, 100, AS_OF, horizon_months=months)
    assert risk.horizon_end == end
    assert (risk.at_risk_within.value, risk.near_expiry.value) == (within, near)


@pytest.mark.parametrize(("months", "within"), [(3, 10), (6, 30), (12, 60)])
def test_horizon_selects_lots_by_expiry(months, within):
    lots = [(10, date(2024, 2, 15)), (20, date(2024, 5, 15)), (30, date(2024, 11, 15))]
    risk = expiry_risk(lots, 0, AS_OF, horizon_months=months)  # no demand: all at risk
    assert risk.at_risk_within.value == within
    assert risk.at_risk.value == 60


# --- edge cases -----------------------------------------------------------------------------


def test_no_expiry_never_expires():
    lots = fefo_lots([(500, None), (50, date(2024, 1, 11))], 90, AS_OF)
    assert [lot.label for lot in lots] == ["lot 2", "lot 1"]  # FEFO: undated last
    assert (lots[1].consumed, lots[1].at_risk, lots[1].ends_by) == (500, 0, "used up")
    assert "no expiry" in lots[1].formula


def test_amc_zero_puts_every_dated_lot_at_risk_and_keeps_undated_stock():
    risk = expiry_risk([(100, date(2024, 5, 1)), (40, None)], 0, AS_OF)
    assert risk.at_risk.value == 100
    assert risk.effective_mos.value is None
    assert risk.run_out.value is None
    assert [lot.ends_by for lot in risk.lots] == ["expires", "never"]
    assert expiry_risk([(100, date(2024, 5, 1))], None, AS_OF).at_risk.value == 100


def test_lots_already_expired_at_as_of():
    lots = fefo_lots([(30, date(2023, 12, 15)), (100, None)], 90, AS_OF)
    assert (lots[0].consumed, lots[0].at_risk, lots[0].ends_on) == (0, 30, date(2023, 12, 15))
    assert lots[0].starts_on is None
    assert "already expired" in lots[0].formula
    assert lots[1].starts_on == date(2024, 1, 1)


def test_at_risk_is_rounded_up_to_whole_units():
    lot = fefo_lots([(150, date(2024, 1, 21))], 100, AS_OF)[0]  # 20 days × 3.33 = 66.67
    assert (lot.consumed, lot.at_risk) == (66, 84)
    assert "= 66.67 → 66" in lot.formula


def test_equal_expiry_is_first_in_first_out():
    lots = fefo_lots([(50, date(2024, 1, 11)), (50, date(2024, 1, 11))], 90, AS_OF)
    assert [(lot.label, lot.consumed) for lot in lots] == [("lot 1", 30), ("lot 2", 0)]


def test_zero_quantity_lot():
    lot = fefo_lots([(0, date(2024, 2, 1))], 90, AS_OF)[0]
    assert (lot.consumed, lot.at_risk, lot.ends_by) == (0, 0, "empty")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1500), st.one_of(
    st.none(), st.integers(-30, 600).map(lambda d: AS_OF + timedelta(days=d)))), max_size=6),
    st.integers(1, 900))
def test_property_run_out_agrees_with_the_projection(lots, amc):
    risk = expiry_risk(lots, amc, AS_OF)
    projected = project_stockout(lots, AS_OF, amc, horizon_days=100_000)
    if projected.value is None:  # 100,000 days: the undated stock of a slow mover
        assert risk.run_out.value > projected.inputs["horizon_end"]
    else:
        assert risk.run_out.value == projected.value
    assert risk.at_risk.value + sum(lot.consumed for lot in risk.lots) == sum(
        q for q, _ in lots)
    assert risk.effective_mos.value <= risk.naive_mos.value


# --- AC-13 ----------------------------------------------------------------------------------


def test_ac13_redistribution():
    plan = propose_redistribution([FacilityStock("A", 900, 100), FacilityStock("B", 20, 100)],
                                  AS_OF)
    (t,) = plan.transfers
    assert (t.donor, t.recipient, t.quantity) == ("A", "B", 280)
    assert t.explanation.formula == "transfer = min(excess, need) = min(600, 280) = 280"
    assert "excess A = SOH − max qty = 900 − 300 = 600" in t.explanation.notes
    assert "need B = max qty − SOH = 300 − 20 = 280" in t.explanation.notes
    a, b = plan.after
    assert (a.soh, a.mos, a.status) == (620, 6.2, Status.OVERSTOCKED)
    assert (b.soh, b.mos, b.status) == (300, 3.0, Status.ADEQUATE)
    assert plan.notes == ()


def test_ac13_at_risk_lots_go_first():
    # A's lot of 200 expiring 2024-02-15 leaves 50 unused at A; B can use 150 of it in time
    a = FacilityStock("A", 900, 100, ((700, None), (200, date(2024, 2, 15))))
    plan = propose_redistribution([a, FacilityStock("B", 20, 100)], AS_OF)
    (t,) = plan.transfers
    assert t.quantity == 280
    assert t.lots == ((150, date(2024, 2, 15)), (130, None))
    left_at_a = ((700 - 130, None), (200 - 150, date(2024, 2, 15)))
    assert expiry_risk(left_at_a, 100, AS_OF).at_risk.value == 0


def test_ac13_recipient_must_consume_before_expiry():
    # everything A holds expires in 20 days: B (3.33/day) can use only 66 of it
    a = FacilityStock("A", 900, 100, ((900, date(2024, 1, 21)),))
    plan = propose_redistribution([a, FacilityStock("B", 20, 100)], AS_OF)
    (t,) = plan.transfers
    assert t.quantity == 66
    assert t.explanation.formula.endswith("= 280, sent 66")
    assert any("cannot use the other 214" in n for n in t.explanation.notes)
    assert "B still needs 214: order it" in plan.notes


def test_recipient_s_own_short_dated_stock_is_not_made_to_expire():
    # B's 20 units expire 2024-01-07 and need all 6 days; A's lot expiring 01-05 would go
    # first at B (FEFO) and push B's own lot past its expiry, so none of it is sent
    a = FacilityStock("A", 900, 100, ((100, date(2024, 1, 5)), (800, None)))
    b = FacilityStock("B", 20, 100, ((20, date(2024, 1, 7)),))
    (t,) = propose_redistribution([a, b], AS_OF).transfers
    assert t.lots == ((280, None),)


def test_most_urgent_recipient_first_and_unknown_left_out():
    facilities = [FacilityStock("A", 500, 100), FacilityStock("B", 80, 100),
                  FacilityStock("C", 0, 100), FacilityStock("D", 40, 0)]
    plan = propose_redistribution(facilities, AS_OF)
    assert [(t.recipient, t.quantity) for t in plan.transfers] == [("C", 200)]
    assert "D: AMC 0, left out (status unknown)" in plan.notes
    assert "B still needs 220: order it" in plan.notes
    assert [f.soh for f in plan.after] == [300, 80, 200, 40]


def test_several_donors_fill_one_need():
    facilities = [FacilityStock("A", 350, 100), FacilityStock("B", 400, 100),
                  FacilityStock("C", 50, 100)]
    plan = propose_redistribution(facilities, AS_OF)
    assert [(t.donor, t.quantity) for t in plan.transfers] == [("B", 100), ("A", 50)]
    assert [f.soh for f in plan.after] == [300, 300, 200]


def test_redistribution_uses_the_configured_levels():
    levels = Levels(max_mos=2, min_mos=1, eop_mos=0.5)
    plan = propose_redistribution([FacilityStock("A", 900, 100), FacilityStock("B", 20, 100)],
                                  AS_OF, levels)
    assert plan.transfers[0].quantity == 180  # need 200 − 20


def test_lots_must_add_up_to_soh():
    with pytest.raises(ValueError):
        FacilityStock("A", 100, 10, ((50, None),))
