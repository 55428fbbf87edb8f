"""FIELD.md AC-11: projected stockout date, order-by date, and their properties."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockdesk.forecast.levels import exact
from stockdesk.forecast.projection import add_months, order_by_date, project_stockout

AS_OF = date(2024, 3, 31)  # AC-11: SOH counted at the close of 2024-03-31


# --- AC-11 ----------------------------------------------------------------------------------


def test_ac11_stockout_date():
    p = project_stockout(790, AS_OF, 330)
    assert p.value == date(2024, 6, 11)  # end of 06-10 leaves 9 < 11
    assert p.inputs["days_covered"] == pytest.approx(71.818, abs=1e-3)
    assert p.formula.startswith("stockout = 2024-04-01 + floor(71.8) days = 2024-06-11")
    assert "days covered = 790 / 11 = 71.8" in p.formula


def test_ac11_with_a_scheduled_receipt():
    p = project_stockout(790, AS_OF, 330, receipts=[(date(2024, 5, 15), 330, None)])
    assert p.value == date(2024, 7, 11)
    assert p.inputs["days_covered"] == pytest.approx(1120 / 11)
    assert p.inputs["received"] == 330
    assert "received 330 on 2024-05-15" in p.notes


def test_stock_used_up_exactly_at_the_end_of_a_day_stocks_out_the_next_day():
    # 110 units at 11/day meet demand 04-01..04-10 in full; 04-11 has nothing
    assert project_stockout(110, AS_OF, 330).value == date(2024, 4, 11)
    # a receipt on that morning arrives before the day's issues and prevents it
    p = project_stockout(110, AS_OF, 330, receipts=[(date(2024, 4, 11), 11, None)])
    assert p.value == date(2024, 4, 12)


def test_a_receipt_on_the_stockout_day_is_in_time():
    p = project_stockout(790, AS_OF, 330, receipts=[(date(2024, 6, 11), 330, None)])
    assert p.value == date(2024, 7, 11)  # 9 + 330 left on the morning of 06-11


def test_receipts_after_the_stockout_do_not_move_it():
    p = project_stockout(790, AS_OF, 330, receipts=[(date(2024, 6, 20), 1000, None)])
    assert p.value == date(2024, 6, 11)
    assert p.inputs["received"] == 0


def test_a_lot_is_unusable_from_its_expiry_date():
    p = project_stockout([(790, date(2024, 5, 1))], AS_OF, 330)
    assert p.value == date(2024, 5, 1)  # 460 left on 05-01, unusable that day
    assert "460 expired unused on 2024-05-01" in p.notes


def test_fefo_uses_the_short_dated_lot_first():
    # 300 expiring 05-01 are all used in April (330 demand); the 490 undated then last
    p = project_stockout([(490, None), (300, date(2024, 5, 1))], AS_OF, 330)
    assert p.value == date(2024, 6, 11)
    assert not any("expired" in n for n in p.notes)


def test_lots_already_expired_at_as_of_are_not_stock():
    p = project_stockout([(100, date(2024, 3, 1)), (110, None)], AS_OF, 330)
    assert p.value == date(2024, 4, 11)
    assert p.inputs["SOH"] == 210


def test_receipt_that_arrives_expired_is_not_stock():
    p = project_stockout(110, AS_OF, 330, receipts=[(date(2024, 4, 5), 500, date(2024, 4, 5))])
    assert p.value == date(2024, 4, 11)


def test_an_overdue_receipt_counts_from_the_first_day_and_is_noted():
    p = project_stockout(0, AS_OF, 330, receipts=[(date(2024, 3, 20), 110, None)])
    assert p.value == date(2024, 4, 11)
    assert any("overdue" in n for n in p.notes)


@pytest.mark.parametrize(("stock", "amc", "expected"), [
    (0, 330, date(2024, 4, 1)),  # stocked out already: the first day
    (500, 0, None),  # no demand: never runs out
    (0, 0, None),  # no demand to miss
    (10**6, 330, None),  # beyond the two-year horizon
])
def test_edge_cases(stock, amc, expected):
    assert project_stockout(stock, AS_OF, amc).value == expected


def test_not_within_the_horizon_says_until_when():
    p = project_stockout(1000, AS_OF, 330, horizon_days=30)
    assert p.value is None
    assert p.inputs["horizon_end"] == date(2024, 4, 30)
    assert p.inputs["days_covered"] is None


def test_monthly_forecast_gives_a_daily_rate_per_calendar_month():
    # April 300 / 30 days = 10/day, May 620 / 31 = 20/day: 700 − 300 = 400 lasts 20 days of May
    p = project_stockout(700, AS_OF, forecast=[300, 620, 620])
    assert p.value == date(2024, 5, 21)


def test_forecast_starts_with_the_month_of_the_first_day():
    # as_of mid-April: 15 April days at 10/day use 150, then 20/day in May
    p = project_stockout(250, date(2024, 4, 15), forecast=[300, 620])
    assert p.value == date(2024, 5, 6)


def test_forecast_horizon_ends_with_the_forecast():
    p = project_stockout(50, AS_OF, forecast=[30, 0])
    assert p.value is None
    assert p.inputs["horizon_end"] == date(2024, 5, 31)


def test_rate_given_twice_or_not_at_all_is_refused():
    with pytest.raises(ValueError):
        project_stockout(10, AS_OF, 330, forecast=[330])
    with pytest.raises(ValueError):
        project_stockout(10, AS_OF)
    with pytest.raises(ValueError):
        project_stockout(-1, AS_OF, 330)


def test_add_months_clamps_to_the_month_end():
    assert add_months(date(2023, 12, 31), 2) == date(2024, 2, 29)
    assert add_months(date(2023, 12, 31), 6) == date(2024, 6, 30)
    assert add_months(date(2024, 1, 15), 12) == date(2025, 1, 15)


# --- order-by date ----------------------------------------------------------------------------


def test_order_by_date_in_time():
    o = order_by_date(date(2024, 6, 11), date(2024, 4, 1), lead_time_months=1)
    assert o.value == date(2024, 5, 12)
    assert o.inputs["late"] is False
    assert o.formula == "order by = stockout − LT = 2024-06-11 − 30 days = 2024-05-12"


def test_order_by_date_today():
    o = order_by_date(date(2024, 6, 11), date(2024, 5, 27), lead_time_days=15)
    assert o.value == date(2024, 5, 27)
    assert o.notes == ("order today",)
    assert order_by_date(date(2024, 6, 11), date(2024, 5, 27),
                         lead_time_months=0.5).value == date(2024, 5, 27)


def test_order_by_date_late_is_never_before_today():
    o = order_by_date(date(2024, 6, 11), date(2024, 6, 1), lead_time_days=30)
    assert o.value == date(2024, 6, 1)
    assert (o.inputs["late"], o.inputs["days_late"]) == (True, 20)
    assert "order now" in o.formula
    assert "arrives 2024-07-01, 20 days after the projected stockout" in o.notes[0]


def test_order_by_date_without_stockout():
    assert order_by_date(None, date(2024, 6, 1), lead_time_days=30).value is None
    with pytest.raises(ValueError):
        order_by_date(None, date(2024, 6, 1))


# --- properties ---------------------------------------------------------------------------------

days = st.integers(min_value=-40, max_value=500)
expiries = st.one_of(st.none(), days.map(lambda d: AS_OF + timedelta(days=d)))
lots_st = st.lists(st.tuples(st.integers(0, 1500), expiries), max_size=5)
receipts_st = st.lists(st.tuples(st.integers(-10, 400).map(lambda d: AS_OF + timedelta(days=d)),
                                 st.integers(0, 1500), expiries), max_size=4)
amcs = st.one_of(st.integers(0, 900), st.integers(1, 90000).map(lambda x: x / 100))
forecasts = st.lists(st.integers(0, 2000), min_size=1, max_size=18)
HORIZON = 400


def _key(d):
    return date.max if d is None else d


def _day_by_day(lots, receipts, rate_on, horizon):
    """Reference: the obvious daily loop on exact fractions."""
    start = AS_OF + timedelta(days=1)
    held = [[e, i, Fraction(q)] for i, (q, e) in enumerate(lots)]
    for k in range(horizon):
        day = start + timedelta(days=k)
        for j, (d, q, e) in enumerate(receipts):
            if max(d, start) == day:
                held.append([e, len(lots) + j, Fraction(q)])
        held = [h for h in held if h[0] is None or h[0] > day]
        held.sort(key=lambda h: (h[0] is None, h[0] or date.max, h[1]))
        demand = rate_on(day)
        if sum(h[2] for h in held) < demand:
            return day
        for h in held:
            take = min(h[2], demand)
            h[2] -= take
            demand -= take
    return None


@settings(max_examples=150, deadline=None)
@given(lots_st, receipts_st, amcs)
def test_property_matches_the_day_by_day_walk(lots, receipts, amc):
    expected = _day_by_day(lots, receipts, lambda _: exact(amc) / 30, HORIZON)
    got = project_stockout(lots, AS_OF, amc, receipts=receipts, horizon_days=HORIZON)
    assert got.value == expected


@settings(max_examples=100, deadline=None)
@given(lots_st, receipts_st, forecasts)
def test_property_forecast_matches_the_day_by_day_walk(lots, receipts, forecast):
    first = date(2024, 4, 1)

    def rate_on(day):
        i = (day.year - first.year) * 12 + day.month - first.month
        nxt = add_months(day.replace(day=1), 1)
        return Fraction(forecast[i]) / (nxt - day.replace(day=1)).days

    horizon = (add_months(first, len(forecast)) - first).days
    expected = _day_by_day(lots, receipts, rate_on, horizon)
    got = project_stockout(lots, AS_OF, forecast=forecast, receipts=receipts,
                           horizon_days=10_000)
    assert got.value == expected


@settings(max_examples=200, deadline=None)
@given(lots_st, receipts_st, amcs)
def test_property_never_before_the_first_day(lots, receipts, amc):
    p = project_stockout(lots, AS_OF, amc, receipts=receipts)
    assert p.value is None or AS_OF + timedelta(days=1) <= p.value <= p.inputs["horizon_end"]


@settings(max_examples=200, deadline=None)
@given(lots_st, receipts_st, amcs, st.data())
def test_property_more_stock_never_brings_the_stockout_earlier(lots, receipts, amc, data):
    before = _key(project_stockout(lots, AS_OF, amc, receipts=receipts).value)
    more_lots = list(lots)
    if lots and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(lots) - 1))
        more_lots[i] = (lots[i][0] + data.draw(st.integers(1, 500)), lots[i][1])
    else:
        more_lots.append((data.draw(st.integers(1, 500)), data.draw(expiries)))
    after_lots = _key(project_stockout(more_lots, AS_OF, amc, receipts=receipts).value)
    extra = (data.draw(st.integers(-5, 400).map(lambda d: AS_OF + timedelta(days=d))),
             data.draw(st.integers(1, 500)), data.draw(expiries))
    after_receipt = _key(project_stockout(lots, AS_OF, amc, receipts=[*receipts, extra]).value)
    assert after_lots >= before
    assert after_receipt >= before
