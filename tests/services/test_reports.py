"""Supervisor reports as a district reads them: status per facility and product, stockouts
with their days per month, lots expiring with the quantity at risk — from the ledger."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from stockdesk.forecast.status import Status
from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.reports import ReportService

from ..conftest import TODAY  # 2024-12-31

NOW = datetime(2025, 1, 2, 9, 30)


@pytest.fixture
def stocked(facility_db: Database) -> Database:
    """HC01 as in test_stock_status (AMOX250 790 left, AMC 331; ORS 420 with 100 expiring at
    the end of January).  HC02: 100 AMOX250 received on 1 October, all issued on 20 November:
    stocked out since; 50 ORS in a lot that expired in June 2024, still on the shelf."""
    led = LedgerService(facility_db, SETUP_ACTOR, today=lambda: TODAY)
    led.receive("HC01", date(2024, 10, 1), [LineInput("AMOX250", 1781, "A1", date(2026, 6, 30)),
                                           LineInput("ORS", 500, "NEW", date(2026, 1, 1))])
    for on, amox in ((date(2024, 10, 10), 300), (date(2024, 11, 10), 360),
                     (date(2024, 12, 10), 331)):
        led.issue("HC01", on, [LineInput("AMOX250", amox), LineInput("ORS", 60)])
    led.receive("HC01", date(2024, 12, 20), [LineInput("ORS", 100, "OLD", date(2025, 1, 31))])
    led.receive("HC02", date(2024, 1, 10), [LineInput("ORS", 50, "GONE", date(2024, 6, 30))])
    led.receive("HC02", date(2024, 10, 1), [LineInput("AMOX250", 100, "B1", date(2026, 1, 31))])
    led.issue("HC02", date(2024, 11, 20), [LineInput("AMOX250", 100)])
    return facility_db


def service(db: Database) -> ReportService:
    return ReportService(db, SETUP_ACTOR, today=lambda: TODAY, now=lambda: NOW)


def test_stock_status_of_a_facility(stocked):
    report = service(stocked).stock_status("HC01")
    h = report.header
    assert (h.kind, h.scope_kind, h.scope, h.as_of, h.generated_at) == (
        "stock-status", "facility", "HC01 — Health Centre One", TODAY, NOW)
    assert h.scope_line == "Facility HC01 — Health Centre One"
    assert (h.district, h.region) == ("North", "Region A")
    rows = {r.product_code: r for r in report.rows}
    amox = rows["AMOX250"]
    assert (amox.usable, amox.amc, amox.mos_text, amox.status) == (790, 331, "2.4",
                                                                    Status.ADEQUATE)
    assert (amox.stockout, amox.order_quantity, amox.at_risk) == (date(2025, 3, 13), 203, 0)
    assert amox.product_name == "Amoxicillin 250 mg tablet" and amox.unit == "tablet"
    ors = rows["ORS"]
    assert (ors.status, ors.at_risk) == (Status.OVERSTOCKED, 40)
    [count] = report.counts
    assert count.count(Status.ADEQUATE) == 1 and count.count(Status.OVERSTOCKED) == 1
    assert count.total == 2 == report.products_total
    assert report.charts == ()  # nothing needs action


def test_stock_status_of_a_district_most_urgent_first_with_charts(stocked):
    report = service(stocked).stock_status(district="North")
    assert report.header.scope_line == "District North (3 facilities)"
    assert [c.facility_code for c in report.counts] == ["DS01", "HC01", "HC02"]
    assert report.counts[0].total == 0
    hc02 = report.counts[2]
    assert hc02.count(Status.STOCKED_OUT) == 2  # AMOX250 used up, ORS all expired
    first = report.rows[0]
    assert (first.facility_code, first.status) == ("HC02", Status.STOCKED_OUT)
    assert [r.status for r in report.rows] == sorted(
        (r.status for r in report.rows), key=list(Status).index)
    # the chart of the stocked-out AMOX250 at HC02: a year of months, 100 in November
    [chart] = report.charts  # ORS at HC02 has no consumption: nothing to draw
    assert (chart.facility_code, chart.product_code, chart.status) == (
        "HC02", "AMOX250", Status.STOCKED_OUT)
    assert chart.periods[0] == "2024-01" and chart.periods[-1] == "2024-12"
    assert dict(zip(chart.periods, chart.consumed, strict=True))["2024-11"] == 100
    assert dict(zip(chart.periods, chart.stockout_days, strict=True))["2024-12"] == 31
    only = service(stocked).stock_status(district="North", only_action=True)
    assert {r.status for r in only.rows} == {Status.STOCKED_OUT}
    assert only.products_total == 4 and len(only.rows) == 2


def test_stockouts_now_and_days_per_month_worst_first(stocked):
    report = service(stocked).stockouts(district="North", months=6)
    assert report.periods == ("2024-07", "2024-08", "2024-09", "2024-10", "2024-11",
                              "2024-12")
    amox = next(r for r in report.rows if r.product_code == "AMOX250")
    assert amox.facility_code == "HC02" and amox.stocked_out_now and amox.usable == 0
    # out from the close of 20 November: 11 days of November, all of December
    assert amox.days[-2:] == (11, 31)
    assert (amox.total_days, amox.months_out) == (42, 2)
    ors = next(r for r in report.rows if r.product_code == "ORS")
    assert ors.facility_code == "HC02" and ors.stocked_out_now
    # HC01 never ran out: not listed
    assert {r.facility_code for r in report.rows} == {"HC02"}
    assert report.rows[0].total_days >= report.rows[-1].total_days
    products = {p.product_code: p for p in report.products}
    assert (products["AMOX250"].facilities, products["AMOX250"].out_now,
            products["AMOX250"].with_days) == (2, 1, 1)
    year = service(stocked).stockouts(facility="HC02", months=12)
    assert len(year.periods) == 12 and year.header.scope_kind == "facility"


def test_expiry_lots_within_the_horizon_with_quantity_at_risk(stocked):
    report = service(stocked).expiry("HC01")
    assert report.horizon_months == 6 and report.horizon_end == date(2025, 6, 30)
    [lot] = report.rows
    # FEFO at 2 a day: 60 of the OLD lot used before it expires on 31 January, 40 at risk
    assert (lot.product_code, lot.lot, lot.expiry, lot.quantity, lot.used_before_expiry,
            lot.at_risk) == ("ORS", "OLD", date(2025, 1, 31), 100, 60, 40)
    assert report.days_left(lot) == 31
    assert (report.total_quantity, report.total_at_risk) == (100, 40)
    longer = service(stocked).expiry("HC01", horizon_months=13)  # to 2026-01-31
    assert [(r.lot, r.quantity, r.at_risk) for r in longer.rows] == [
        ("OLD", 100, 40), ("NEW", 320, 0)]


def test_expired_stock_on_the_shelf_is_listed_apart(stocked):
    report = service(stocked).expiry(district="North", horizon_months=12)
    assert [(e.facility_code, e.product_code, e.quantity) for e in report.expired] == [
        ("HC02", "ORS", 50)]
    assert all(r.lot != "GONE" for r in report.rows)
    assert {r.facility_code for r in report.rows} == {"HC01"}  # HC02 holds no usable lot


def test_as_of_an_earlier_day(stocked):
    report = service(stocked).stockouts("HC02", as_of=date(2024, 11, 30), months=3)
    assert report.periods == ("2024-09", "2024-10", "2024-11")
    [amox] = [r for r in report.rows if r.product_code == "AMOX250"]
    assert amox.days == (None, 0, 11)  # no record of it at HC02 before October: unknown


@pytest.mark.parametrize(("kwargs", "message"), [
    ({}, "name a facility or a district, not both and not neither"),
    ({"facility": "HC01", "district": "North"}, "not both and not neither"),
    ({"facility": "NOPE"}, "NOPE"),
    ({"district": "South"}, "no facility is in a district named 'South'"),
    ({"facility": "HC01", "horizon_months": 0}, "a report covers 1 to 24 months, not 0"),
    ({"facility": "HC01", "as_of": date(2025, 1, 1)}, "2025-01-01"),
    ({"facility": "HC01", "profile": "lmis"}, "unknown calculation profile 'lmis'"),
])
def test_refusals(stocked, kwargs, message):
    with pytest.raises(ProblemsFound, match=message):
        service(stocked).expiry(**kwargs)
