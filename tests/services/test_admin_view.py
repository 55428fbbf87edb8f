"""What the administration screens save and read: a product, a facility, levels, checked at
each field; reports that say how far they are and stop when asked."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from stockdesk.problems import ProblemsFound, Severity
from stockdesk.services.admin_view import AdminViewService
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.directory import DirectoryService
from stockdesk.services.masterdata import FacilityData, LevelData, ProductData
from stockdesk.services.reports import ReportService

from ..conftest import TODAY


def service(db: Database, actor: Actor) -> AdminViewService:
    return AdminViewService(db, actor, today=lambda: TODAY)


def test_product_keeps_fields_the_form_does_not_show(facility_db: Database, admin) -> None:
    svc = service(facility_db, admin)
    alu = svc.product("ALU")
    assert alu.data.seasonal and alu.active and alu.data.pack_rounding_threshold == 10
    changed = dataclasses.replace(alu.data, name="Coartem", gtin="4006381333931")
    saved = svc.save_product(changed, active=False)
    assert saved.data.seasonal  # not reset by the form
    assert saved.data.name == "Coartem" and saved.data.gtin == "4006381333931"
    listed = {p.code: p for p in DirectoryService(facility_db, admin).products(
        include_inactive=True)}
    assert listed["ALU"].name == "Coartem" and not listed["ALU"].active
    assert "ALU" not in {p.code for p in DirectoryService(facility_db, admin).products()}
    actions = {(a.entity, a.key, a.action) for a in DirectoryService(facility_db, admin).audit()}
    assert ("product", "ALU", "disable") in actions and ("product", "ALU", "update") in actions


def test_new_product_with_bad_gtin_saves_nothing(facility_db: Database, admin) -> None:
    svc = service(facility_db, admin)
    item = ProductData("PARA500", "Paracetamol", "500 mg", "tablet", "tablet", 1000,
                       price_per_pack=Decimal("2.5"), program="essential",
                       gtin="4006381333932")
    with pytest.raises(ProblemsFound) as caught:
        svc.save_product(item, new=True)
    assert [(p.code, p.where.column) for p in caught.value.problems if p.where] == [
        ("import.bad_gtin", "gtin")]
    with pytest.raises(ProblemsFound):
        svc.product("PARA500")
    svc.save_product(dataclasses.replace(item, gtin=" 4006381333931 "), new=True)
    assert svc.product("PARA500").data.gtin == "4006381333931"
    with pytest.raises(ProblemsFound) as again:
        svc.save_product(dataclasses.replace(item, gtin=None), new=True)
    assert again.value.problems[0].code == "masterdata.code_exists"


def test_required_fields_are_named(facility_db: Database, admin) -> None:
    with pytest.raises(ProblemsFound) as caught:
        service(facility_db, admin).save_product(ProductData(" ", ""), new=True)
    assert {p.where.column for p in caught.value.problems if p.where} == {"code", "name"}


def test_facility_saved_with_active_flag(facility_db: Database, admin) -> None:
    svc = service(facility_db, admin)
    svc.save_facility(FacilityData("HC02", "Health Centre Two (new site)", "health_centre",
                                   "North", "Region A", "DS01"), active=False)
    f = {x.code: x for x in DirectoryService(facility_db, admin).facilities(
        include_inactive=True)}["HC02"]
    assert f.name == "Health Centre Two (new site)" and not f.active
    with pytest.raises(ProblemsFound) as caught:
        svc.save_facility(FacilityData("HC03", "Three", "health_centre", supplier_code="NOPE"),
                          new=True)
    assert caught.value.problems[0].where.column == "supplier_code"  # type: ignore[union-attr]
    assert "HC03" not in {x.code for x in DirectoryService(facility_db, admin).facilities()}


def test_levels_listed_and_inconsistent_ones_warned(facility_db: Database, admin) -> None:
    svc = service(facility_db, admin)
    before = {(r.data.program, r.data.facility_type): r for r in svc.levels()}
    assert ("malaria", "hospital") in before and not before[("malaria", "hospital")].stored
    warnings = svc.save_level(LevelData("malaria", "hospital", 2, 3, 3, 1, 1))
    assert {p.params["detail"] for p in warnings} == {"min_above_max", "eop_not_below_min"}
    assert all(p.severity is Severity.WARNING for p in warnings)
    after = {(r.data.program, r.data.facility_type): r for r in svc.levels()}
    assert after[("malaria", "hospital")].stored
    assert after[("malaria", "hospital")].data.min_mos == 3
    with pytest.raises(ProblemsFound) as caught:
        svc.save_level(LevelData("malaria", "hospital", 0, 1, 0.5, 1, 1))
    assert caught.value.problems[0].where.column == "max_mos"  # type: ignore[union-attr]


def test_report_with_progress_matches_the_report_service(facility_db: Database, admin) -> None:
    seen: list[tuple[int, int, str]] = []
    svc = service(facility_db, admin)
    report = svc.report("stock-status", district="North",
                        progress=lambda d, t, text: seen.append((d, t, text)))
    plain = ReportService(facility_db, admin, today=lambda: TODAY).stock_status(district="North")
    assert report.rows == plain.rows and report.counts == plain.counts
    assert seen[0] == (0, 3, "District Store") and seen[-1] == (3, 3, "")

    class Stop(Exception):
        pass

    def stop(done: int, total: int, text: str) -> None:
        if done == 1:
            raise Stop()

    with pytest.raises(Stop):
        svc.report("expiry", district="North", progress=stop)


def test_only_editors_save(facility_db: Database) -> None:
    supervisor = Actor("sup", "supervisor", None)
    with pytest.raises(ProblemsFound):
        service(facility_db, supervisor).save_level(LevelData("essential", "hospital"))
