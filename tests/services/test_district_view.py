"""Who has reported to the district for a period, and how far each requisition has gone."""

from __future__ import annotations

from pathlib import Path

from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.district_view import DistrictViewService
from stockdesk.services.imports import ImportService
from stockdesk.services.masterdata import FacilityData, MasterDataService
from stockdesk.services.requisitions import RequisitionService

from ..conftest import TODAY  # 2024-12-31

ANA = Actor("ana", "pharmacist")
LOUIS = Actor("louis", "district_logistician")

HISTORY = ("facility_code,product_code,period,opening_balance,received,consumed,"
           "closing_balance,stockout_days\n{f},AMOX250,2024-03,500,1000,900,600,0\n")


def test_facilities_without_a_sent_requisition_come_first(facility_db: Database,
                                                          tmp_path: Path) -> None:
    MasterDataService(facility_db, SETUP_ACTOR).save_facilities([
        FacilityData("HC03", "Health Centre Three", "health_centre", "North", "Region A",
                     "DS01"),
        FacilityData("HC09", "Elsewhere", "health_centre", "South", "Region B")])
    for facility in ("HC01", "HC02"):
        path = tmp_path / f"{facility}.csv"
        path.write_text(HISTORY.format(f=facility))
        ImportService(facility_db, SETUP_ACTOR).import_file("history", path)
    reqs = RequisitionService(facility_db, ANA, today=lambda: TODAY)
    reqs.create("HC01", "2024-03", "essential")
    reqs.step("HC01", "2024-03", "submit", "essential")
    reqs.create("HC02", "2024-03", "essential")  # a draft: not sent yet

    rows = DistrictViewService(facility_db, LOUIS).reporting("North", "2024-03")
    seen = [(r.facility, r.status, r.reported) for r in rows]
    # the district store does not report; HC09 is in another district
    assert seen == [("HC03", None, False), ("HC02", "draft", False),
                    ("HC01", "submitted", True)]
    hc01 = rows[-1]
    assert (hc01.program, hc01.lines, hc01.source) == ("essential", 1, "local")

    # another program: nobody has reported it
    other = DistrictViewService(facility_db, LOUIS).reporting("North", "2024-03", "malaria")
    assert [(r.facility, r.program, r.status) for r in other] == [
        ("HC01", "malaria", None), ("HC03", "malaria", None), ("HC02", "malaria", None)]
