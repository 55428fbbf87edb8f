"""The district order through the real path: history in, R&Rs created, stepped to approved by
the roles allowed to, then consolidated by the district logistician."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from stockdesk.db.models import AuditEntry
from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.consolidation import ConsolidationService
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService
from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData
from stockdesk.services.requisitions import RequisitionService

from ..conftest import TODAY  # 2024-12-31

ANA = Actor("ana", "pharmacist")
INES = Actor("ines", "facility_incharge")
LOUIS = Actor("louis", "district_logistician")

HISTORY = ("facility_code,product_code,period,opening_balance,received,consumed,"
           "closing_balance,stockout_days\n") + """{f},AMOX250,2024-01,640,0,300,340,0
{f},AMOX250,2024-02,340,400,240,500,0
{f},AMOX250,2024-03,500,1000,900,600,0
{f},ORS,2024-01,100,0,30,70,0
{f},ORS,2024-02,70,50,40,80,0
{f},ORS,2024-03,80,0,50,30,0
"""


def reqs(db: Database, actor: Actor) -> RequisitionService:
    return RequisitionService(db, actor, today=lambda: TODAY)


def approve(db: Database, facility: str, requested: dict[str, int]) -> None:
    """Created by the pharmacist with J set, authorized by the in-charge, approved (K = J)."""
    reqs(db, ANA).create(facility, "2024-03", "essential")
    for product, j in requested.items():
        reqs(db, ANA).request(facility, "2024-03", product, j, "district campaign",
                              program="essential")
    reqs(db, ANA).step(facility, "2024-03", "submit", "essential")
    reqs(db, INES).step(facility, "2024-03", "authorize", "essential")
    reqs(db, LOUIS).step(facility, "2024-03", "approve", "essential")


@pytest.fixture
def district(facility_db: Database, tmp_path: Path) -> Database:
    """North: HC01 and HC02 approved, HC03 not reported, HC04 authorized only, and an
    approved emergency R&R of HC01.  AMOX250 costs 2.50 a pack; ORS has no price."""
    md = MasterDataService(facility_db, SETUP_ACTOR)
    md.save_facilities([
        FacilityData("HC03", "Health Centre Three", "health_centre", "North", "Region A",
                     "DS01"),
        FacilityData("HC04", "Health Centre Four", "health_centre", "North", "Region A",
                     "DS01"),
        FacilityData("HC09", "Elsewhere", "health_centre", "South", "Region B")])
    md.save_products([ProductData("AMOX250", "Amoxicillin", "250 mg", "tablet", "tablet", 100,
                                  50, price_per_pack=Decimal("2.50"), program="essential")])
    for facility in ("HC01", "HC02", "HC04", "HC09"):
        path = tmp_path / f"{facility}.csv"
        path.write_text(HISTORY.format(f=facility))
        assert ImportService(facility_db, SETUP_ACTOR).import_file("history", path).status \
            == "imported"
    approve(facility_db, "HC01", {"AMOX250": 780, "ORS": 20})
    approve(facility_db, "HC02", {"AMOX250": 255, "ORS": 130})
    approve(facility_db, "HC09", {"AMOX250": 5000})  # another district: not in North's order
    reqs(facility_db, ANA).create("HC04", "2024-03", "essential")
    reqs(facility_db, ANA).step("HC04", "2024-03", "submit", "essential")
    reqs(facility_db, INES).step("HC04", "2024-03", "authorize", "essential")
    reqs(facility_db, ANA).create("HC01", "2024-03", "essential", emergency=True)
    reqs(facility_db, ANA).step("HC01", "2024-03", "submit", "essential", emergency=True)
    reqs(facility_db, INES).step("HC01", "2024-03", "authorize", "essential", emergency=True)
    reqs(facility_db, LOUIS).step("HC01", "2024-03", "approve", "essential", emergency=True)
    return facility_db


def test_the_district_order_sums_approved_quantities(district: Database) -> None:
    emergency = reqs(district, LOUIS).document("HC01", "2024-03", "essential", emergency=True)
    em = {ln.product_code: ln.K for ln in emergency.lines}
    assert em["AMOX250"] is not None and em["ORS"] is not None

    c = ConsolidationService(district, LOUIS, today=lambda: TODAY).consolidate(
        "North", "2024-03", "essential")
    assert (c.district, c.period, c.program, c.program_name) == (
        "North", "2024-03", "essential", "essential")
    assert c.order_date == TODAY and c.warehouse == "DS01 District Store"
    assert [f.code for f in c.facilities] == ["HC01", "HC02", "HC03", "HC04"]  # not DS01
    amox, ors = c.products
    assert amox.approved == 780 + 255 + em["AMOX250"]
    assert ors.approved == 20 + 130 + em["ORS"]
    # packs per facility line: pack 100, threshold 50 (780 → 8, 255 → 3)
    amox_em = _packs(em["AMOX250"], 100, 50)
    assert amox.packs == 8 + 3 + amox_em
    assert amox.cost == Decimal("2.50") * amox.packs
    # ORS pack 50, threshold 25: 20 → 1 (no round-to-zero), 130 → 3
    assert ors.packs == 1 + 3 + _packs(em["ORS"], 50, 25)
    assert ors.cost is None and c.unpriced == ("ORS",)
    assert c.total_cost == amox.cost
    assert (amox.facilities, amox.lines) == (2, 2 + (em["AMOX250"] > 0))

    assert [(m.facility_code, m.situation) for m in c.not_reported] == [
        ("HC03", "no requisition")]
    assert [(p.facility_code, p.status, p.emergency) for p in c.not_approved] == [
        ("HC04", "authorized", False)]
    assert c.ordering_facilities == ("HC01", "HC02")
    rows = [(r.order_number, r.facility_code, r.product_code, r.approved_quantity)
            for r in c.orders if r.facility_code == "HC02"]
    assert rows == [("ORD-NORTH-2024-03-HC02-essential", "HC02", "AMOX250", 255),
                    ("ORD-NORTH-2024-03-HC02-essential", "HC02", "ORS", 130)]
    assert "ORD-NORTH-2024-03-HC01-essential-E1" in c.order_numbers
    assert {r.product_name for r in c.orders} == {"Amoxicillin 250 mg tablet",
                                                  "Oral rehydration salts 20.5 g sachet"}


def _packs(units: int | None, pack: int, threshold: int) -> int:
    if not units:
        return 0
    whole, rest = divmod(units, pack)
    whole += rest > threshold
    return max(whole, 1)


def test_issued_requisitions_still_count_and_all_programs_by_default(district: Database
                                                                     ) -> None:
    reqs(district, LOUIS).step("HC02", "2024-03", "issue", "essential")
    c = ConsolidationService(district, LOUIS, today=lambda: TODAY).consolidate(
        "North", "2024-03")
    assert c.program is None
    assert "HC02" in c.ordering_facilities
    assert [m.facility_code for m in c.not_reported] == ["HC03"]


def test_consolidation_is_audited(district: Database) -> None:
    ConsolidationService(district, LOUIS, today=lambda: TODAY).consolidate(
        "North", "2024-03", "essential")
    with district.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "consolidate")).one()
    assert (entry.username, entry.entity, entry.entity_key) == (
        "louis", "district_order", "North/essential/2024-03")
    assert '"not_reported": ["HC03/essential"]' in (entry.new_value or "")


def test_who_may_consolidate_and_what_is_refused(district: Database) -> None:
    with pytest.raises(ProblemsFound, match=r"ana \(pharmacist\) may not approve requisitions"):
        ConsolidationService(district, ANA, today=lambda: TODAY).consolidate(
            "North", "2024-03")
    svc = ConsolidationService(district, Actor("root", "admin"), today=lambda: TODAY)
    with pytest.raises(ProblemsFound, match="no facility is in a district named 'Nowhere'"):
        svc.consolidate("Nowhere", "2024-03")
    with pytest.raises(ProblemsFound, match="unknown program 'hiv'"):
        svc.consolidate("North", "2024-03", "hiv")
    with pytest.raises(ProblemsFound, match="period '2024-13' is neither a month"):
        svc.consolidate("North", "2024-13")
    empty = svc.consolidate("North", "2024-02", "essential")
    assert empty.products == () and len(empty.not_reported) == 4
