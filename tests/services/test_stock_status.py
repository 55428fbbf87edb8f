"""Stock status as a pharmacist reads it: AMC under the program's profile, months of stock,
status against the levels of the program at this facility type, projected stockout, the date
an order must leave, quantities at risk of expiry — from the ledger and from monthly history.
"""

from __future__ import annotations

from datetime import date

import pytest

from stockdesk.forecast.status import Status
from stockdesk.problems import ProblemsFound
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.masterdata import LevelData, MasterDataService
from stockdesk.services.stock_status import StockStatusService

from ..conftest import TODAY  # 2024-12-31


def _ledger(db: Database) -> LedgerService:
    return LedgerService(db, _admin(), today=lambda: TODAY)


def _admin():
    from stockdesk.services.auth import SETUP_ACTOR

    return SETUP_ACTOR


@pytest.fixture
def stocked(facility_db: Database) -> Database:
    """AMOX250 at HC01: 1,781 received on 1 October, then 300, 360 and 331 issued (AC-04's
    shape, no stockout): 790 left.  ORS: 500 in a long lot and, late in December, 100 in a lot
    expiring at the end of January, with 60 issued each month."""
    led = _ledger(facility_db)
    led.receive("HC01", date(2024, 10, 1), [LineInput("AMOX250", 1781, "A1", date(2026, 6, 30)),
                                           LineInput("ORS", 500, "NEW", date(2026, 1, 1))])
    for on, amox in ((date(2024, 10, 10), 300), (date(2024, 11, 10), 360),
                     (date(2024, 12, 10), 331)):
        led.issue("HC01", on, [LineInput("AMOX250", amox), LineInput("ORS", 60)])
    led.receive("HC01", date(2024, 12, 20), [LineInput("ORS", 100, "OLD", date(2025, 1, 31))])
    return facility_db


def status(db: Database, facility: str = "HC01", **kw):
    rows = StockStatusService(db, _admin(), today=lambda: TODAY).status(facility, **kw)
    return {r.code: r for r in rows}


def test_amc_months_of_stock_status_and_order_quantity(stocked):
    amox = status(stocked)["AMOX250"]
    assert amox.stock.usable == 790
    assert amox.amc.value == 331  # ceil(991 / 3): OpenLMIS rounds up
    assert amox.amc.formula == "P = ceil((300 + 360 + 331) / 3) = 331"
    assert amox.mos.value == pytest.approx(790 / 331)
    assert amox.status.value is Status.ADEQUATE
    assert (amox.max_quantity.value, amox.order_quantity.value) == (993, 203)
    assert amox.inputs.profile.name == "openlmis"


def test_projected_stockout_and_the_day_the_order_must_leave(stocked):
    amox = status(stocked)["AMOX250"]
    # 790 at 331/30 a day from 1 January covers 71.6 days: 12 March cannot be met in full
    assert amox.stockout.value == date(2025, 3, 13)
    assert amox.order_by.value == date(2025, 2, 11)  # one month (30 days) of lead time before


def test_stock_expiring_before_it_can_be_used_is_at_risk(stocked):
    ors = status(stocked)["ORS"]
    assert ors.stock.usable == 420 and ors.amc.value == 60
    # FEFO: the OLD lot (100, expires 31 January) is used first at 2 a day for 30 days
    assert ors.at_risk == 40
    assert ors.expiry.effective_mos.value == pytest.approx(380 / 60)
    # the expiry-aware order does not count the 40 that will be thrown away
    assert ors.order_quantity.value == 0 and ors.order_quantity_expiry_aware.value == 0
    assert ors.status.value is Status.OVERSTOCKED  # 420 / 60 = 7 months


def test_a_calculation_profile_is_the_programs_or_the_one_asked_for(stocked):
    assert status(stocked, profile="civ-elmis")["AMOX250"].amc.value == 330  # half up
    assert status(stocked, profile="msupply")["AMOX250"].amc.value == 330.33  # 2 decimals
    MasterDataService(stocked, _admin()).set_program_profile("essential", "civ-elmis")
    row = status(stocked)["AMOX250"]
    assert (row.amc.value, row.inputs.profile.name) == (330, "civ-elmis")
    with pytest.raises(ProblemsFound, match="unknown calculation profile 'lmis'"):
        status(stocked, profile="lmis")


def test_levels_are_those_of_the_program_at_this_facility_type(stocked):
    md = MasterDataService(stocked, _admin())
    md.save_levels([LevelData("essential", "health_centre", max_mos=2, min_mos=1, eop_mos=0.5),
                    LevelData("essential", "district_store", max_mos=6, min_mos=3)])
    amox = status(stocked)["AMOX250"]
    assert amox.levels.max_mos == 2
    assert amox.status.value is Status.OVERSTOCKED  # 2.39 months > max 2
    assert amox.max_quantity.value == 662 and amox.order_quantity.value == 0


def test_below_the_emergency_point_and_stocked_out(stocked):
    led = _ledger(stocked)
    led.issue("HC01", date(2024, 12, 30), [LineInput("AMOX250", 700)])  # 90 left
    amox = status(stocked)["AMOX250"]
    assert amox.amc.value == ceil_div(300 + 360 + 1031, 3)
    assert amox.status.value is Status.BELOW_EOP
    led.issue("HC01", date(2024, 12, 31), [LineInput("AMOX250", 90)])
    gone = status(stocked)["AMOX250"]
    assert gone.status.value is Status.STOCKED_OUT and gone.mos.value == 0
    assert gone.stockout.value == date(2025, 1, 1)


def test_as_of_an_earlier_day_uses_the_months_complete_then(stocked):
    amox = status(stocked, as_of=date(2024, 11, 30))["AMOX250"]
    assert amox.stock.usable == 1781 - 660
    assert amox.amc.value == 330  # October and November only: ceil(660 / 2)
    assert "2 of 3 months reported" in amox.amc.notes
    mid = status(stocked, as_of=date(2024, 12, 15))["AMOX250"]
    assert mid.amc.value == 330  # December is not complete yet: it does not count


def test_a_product_never_consumed_has_unknown_status_not_a_division_by_zero(stocked):
    _ledger(stocked).receive("HC02", date(2024, 12, 1), [LineInput("ALU", 90, "M1",
                                                                   date(2026, 1, 1))])
    alu = status(stocked, "HC02")["ALU"]
    assert alu.amc.value == 0 and alu.mos.value is None
    assert alu.status.value is Status.UNKNOWN and alu.stockout.value is None


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def test_a_day_to_come_is_refused_not_shown_as_if_known(stocked):
    with pytest.raises(ProblemsFound, match="date 2025-01-01 is in the future"):
        status(stocked, as_of=date(2025, 1, 1))


def test_level_warnings_only_for_levels_someone_chose(stocked):
    assert status(stocked)["AMOX250"].level_warnings == ()  # StockDesk's defaults: no noise
    MasterDataService(stocked, _admin()).save_levels([
        LevelData("essential", "health_centre", max_mos=3, min_mos=1, eop_mos=0.5)])
    (warning,) = status(stocked)["AMOX250"].level_warnings
    assert "inconsistent with Max = Min + RP; kept as configured" in warning  # AC-08


def test_a_seasonal_product_warns_when_last_years_season_outgrows_the_max(facility_db):
    """FIELD.md §2.2: a stock page that says "overstocked" before the malaria peak must say
    what last year's coming months took."""
    led = _ledger(facility_db)
    led.receive("HC01", date(2023, 12, 1), [LineInput("ALU", 5000, "M1", date(2027, 1, 1))])
    issued = [((2023, 12), 120), ((2024, 1), 400), ((2024, 2), 450), ((2024, 3), 300),
              ((2024, 10), 100), ((2024, 11), 110), ((2024, 12), 120)]  # a peak in Jan–Mar
    for (year, month), qty in issued:
        led.issue("HC01", date(year, month, 15), [LineInput("ALU", qty)])
    alu = status(facility_db)["ALU"]
    assert alu.amc.value == 110 and alu.max_quantity.value == 330
    (warning,) = alu.warnings
    assert warning.startswith("seasonal: the coming 3 months took 1,150 last year, more than "
                              "the maximum stock 330")
