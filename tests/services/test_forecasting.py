"""Forecasts as the pharmacist and the district see them: per product and month with an
interval, the method and why, and the chance of running out before the next delivery —
with unreported and stocked-out months never read as months without patients.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.forecasting import ForecastService
from stockdesk.services.imports import ImportService
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.stock_status import StockStatusService

from ..conftest import TODAY  # 2024-12-31

MONTHS = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
STEADY = [96, 104, 99, 101, 103, 97, 100, 98, 102, 100, 99, 101] * 2


def history_file(path: Path, rows: dict[tuple[str, str], list[tuple[int | None, int]]]) -> Path:
    """Monthly history: per (facility, product) a (consumed or None = not reported, stockout
    days) per month of MONTHS; 300 on the shelf at each month's end."""
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["facility_code", "product_code", "period", "opening_balance", "received",
                    "consumed", "closing_balance", "stockout_days"])
        for (facility, product), months in rows.items():
            for period, (consumed, out) in zip(MONTHS, months, strict=True):
                if consumed is None:
                    continue
                shelf = 0 if out >= 28 else 300  # out all month: nothing at either end
                w.writerow([facility, product, period, shelf, consumed, consumed, shelf, out])
    return path


@pytest.fixture
def district(facility_db: Database, tmp_path: Path) -> Database:
    steady = [(c, 0) for c in STEADY]
    gappy = [(None, 0) if 12 <= i < 18 else (c, 0) for i, c in enumerate(STEADY)]
    stocked_out = [(c, 0) for c in STEADY[:-1]] + [(0, 31)]  # December: out all month
    rows = {("HC01", "AMOX250"): steady, ("HC02", "AMOX250"): steady,
            ("HC01", "ORS"): gappy, ("HC02", "ORS"): stocked_out}
    result = ImportService(facility_db, SETUP_ACTOR).import_file(
        "history", history_file(tmp_path / "history.csv", rows))
    assert result.status == "imported", result
    return facility_db


def forecast(db: Database, facility: str = "HC01", **kw):
    service = ForecastService(db, SETUP_ACTOR, today=lambda: TODAY)
    return {f.code: f for f in service.forecast(facility, **kw)}


def test_a_steady_product_forecasts_its_level_with_an_interval(district):
    amox = forecast(district)["AMOX250"]
    assert amox.periods == ("2025-01", "2025-02", "2025-03")
    f = amox.forecast
    assert all(95 <= p <= 105 for p in f.point)
    assert all(lo < p < hi for lo, p, hi in zip(f.lower, f.point, f.upper, strict=True))
    assert f.method and f.demand_class == "smooth"
    assert "2023-01..2024-12 (24 usable months)" in f.window
    assert amox.amc.value == 100  # ceil((100 + 99 + 101) / 3)


def test_unreported_months_are_missing_not_zero(district):
    ors = forecast(district)["ORS"]  # January–June 2024 not reported
    assert all(95 <= p <= 105 for p in ors.forecast.point)
    seen = {m.period: m.consumed for m in ors.history}
    assert seen["2024-03"] is None and seen["2023-12"] == 101 and seen["2022-06"] is None
    assert "18 usable months" in ors.forecast.window


def test_a_month_stocked_out_throughout_is_not_read_as_no_demand(district):
    ors = forecast(district, "HC02")["ORS"]
    # the field's AMC takes December's 0 at face value (N = C when C = 0) ...
    assert ors.amc.value == ceil3(100 + 99 + 0)
    # ... the forecast knows December says nothing about demand
    assert min(ors.forecast.point) >= 95


def test_stockout_probability_before_the_next_delivery(district):
    amox = forecast(district)["AMOX250"]
    assert amox.stock_for_delivery == 300
    assert amox.next_delivery == date(2025, 1, 30)  # one month (30 days) of lead time
    assert amox.stockout_probability.value < 0.01  # 300 on hand for ~100 a month
    LedgerService(district, SETUP_ACTOR, today=lambda: TODAY).receive(
        "HC01", date(2024, 12, 31), [LineInput("AMOX250", 95, "SHORT", date(2025, 1, 15)),
                                     LineInput("AMOX250", 90, "OK", date(2027, 1, 1))])
    after = forecast(district)["AMOX250"]
    # December's report still counts: the ledger, begun on the 31st, holds one day of it
    assert {m.period: m.consumed for m in after.history}["2024-12"] == 101
    # the ledger now holds the stock: only the 90 still usable at the delivery count
    assert after.stock_for_delivery == 90
    assert after.stockout_probability.value > 0.5
    assert "90" in after.stockout_probability.formula


def test_every_forecast_explains_itself(district):
    amox = forecast(district, product="AMOX250", months=6)
    f = amox["AMOX250"].forecast
    assert len(f.point) == 6 and list(amox) == ["AMOX250"]
    text = str(f.explanation)
    assert f.method in text and "backtest MASE" in text and "window" in text


def test_bad_requests_say_what_is_wrong(district):
    with pytest.raises(ProblemsFound, match="unknown product code 'NOPE'"):
        forecast(district, product="NOPE")
    with pytest.raises(ProblemsFound, match="HC01 has no record of ALU"):
        forecast(district, product="ALU")
    with pytest.raises(ProblemsFound, match="between 1 and 24"):
        forecast(district, months=0)


def ceil3(total: int) -> int:
    return -(-total // 3)


def test_a_seasonal_product_warns_when_the_season_outgrows_the_max(facility_db, tmp_path):
    """AC-23 at a facility: malaria peaks in the first months of the year; the AMC of the
    quiet autumn sizes a max far below what the coming months will take."""
    season = [400, 420, 450, 300, 200, 120, 100, 90, 90, 100, 110, 150]
    rows = {("HC01", "ALU"): [(c, 0) for c in season + [int(c * 1.1) for c in season]]}
    ImportService(facility_db, SETUP_ACTOR).import_file(
        "history", history_file(tmp_path / "alu.csv", rows))
    alu = forecast(facility_db)["ALU"]
    assert alu.inputs.seasonal
    assert alu.forecast.point[0] > 300  # January, not the autumn's ~120
    assert alu.amc.value == ceil3(110 + 121 + 165)  # October to December of the 2nd year
    (warning,) = alu.warnings
    assert warning.startswith("seasonal: forecast demand for the next 3 months")
    assert f"maximum stock ({3 * alu.amc.value:,})" in warning
    steady = forecast(facility_db)  # a product not flagged seasonal never gets the warning
    assert all(not f.warnings for code, f in steady.items() if code != "ALU")


def test_the_district_view_agrees_with_each_facilitys_own(district):
    """One vectorised pass over the district gives each facility the figures its own stock
    and forecast pages show."""
    LedgerService(district, SETUP_ACTOR, today=lambda: TODAY).receive(
        "HC02", date(2024, 12, 31), [LineInput("ALU", 60, "M1", date(2025, 1, 10)),
                                     LineInput("ALU", 30, "M2", date(2027, 1, 1))])
    service = ForecastService(district, SETUP_ACTOR, today=lambda: TODAY)
    outlook = service.district("North")
    assert len(outlook) >= 4 and outlook.periods == ("2025-01", "2025-02", "2025-03")
    seen = 0
    for facility in ("HC01", "HC02"):
        own = {f.code: f for f in service.forecast(facility)}
        status = {r.code: r for r in StockStatusService(
            district, SETUP_ACTOR, today=lambda: TODAY).status(facility)}
        for i in range(len(outlook)):
            if outlook.facilities[i] != facility:
                continue
            one = own[outlook.products[i]]
            assert outlook.usable[i] == one.inputs.stock.usable
            amc = one.amc.value
            assert outlook.status.amc[i] == amc or (amc is None and outlook.status.amc[i] != \
                outlook.status.amc[i])
            assert outlook.forecast.point[i] == pytest.approx(one.forecast.point)
            row = status[outlook.products[i]]
            assert outlook.status.status[i] == row.status.value
            if row.stockout.value is not None and row.inputs.lots == ():  # no lot expiry
                assert outlook.status.stockout_day[i] == (row.stockout.value - TODAY).days
            assert outlook.stockout_probability[i] == pytest.approx(
                one.stockout_probability.value)
            seen += 1
    assert seen >= 4
    with pytest.raises(ProblemsFound, match="no facility is in a district named 'South'"):
        service.district("South")
