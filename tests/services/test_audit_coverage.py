"""Every change to master data, levels, users and requisition states leaves an audit entry
saying who changed what, from what to what; and the log prints as a supervisor report."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from stockdesk.db.models import AuditEntry
from stockdesk.exchange.audit_report import write_audit_pdf, write_audit_xlsx
from stockdesk.problems import ProblemsFound
from stockdesk.services.admin_view import AdminViewService
from stockdesk.services.auth import SUPERVISOR
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService
from stockdesk.services.masterdata import FacilityData, LevelData, MasterDataService, ProductData
from stockdesk.services.reports import ReportService
from stockdesk.services.requisitions import RequisitionService
from stockdesk.services.users import MAX_FAILED, UserService, recover_admin

from .test_roles import FAST, PEOPLE, _actor, _build, today


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audit") / "template.sqlite3"
    _build(path)
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(template, path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.close()


def entry(db: Database, entity: str, key: str, action: str) -> dict[str, Any]:
    """The newest audit entry for this entity, key and action, with values decoded."""
    with db.reading() as s:
        row = s.scalars(select(AuditEntry).where(
            AuditEntry.entity == entity, AuditEntry.entity_key == key,
            AuditEntry.action == action).order_by(AuditEntry.id.desc())).first()
    assert row is not None, f"no audit entry for {entity} {key} {action}"
    return {"who": row.username, "before": json.loads(row.old_value or "null"),
            "after": json.loads(row.new_value or "null"), "reason": row.reason}


def test_master_data_and_levels(db):
    logi = _actor(db, PEOPLE["logistician"])
    md = MasterDataService(db, logi)
    md.save_facilities([FacilityData("HC03", "Three", "health_centre", "North")], "new site")
    md.save_facilities([FacilityData("HC03", "Three (renamed)", "health_centre", "North")])
    md.save_products([ProductData("ORS", "Oral rehydration salts", pack_size=50)])
    md.save_products([ProductData("ORS", "Oral rehydration salts", pack_size=100)], "new pack")
    md.save_levels([LevelData("essential", "health_centre", 3.0)])
    md.save_levels([LevelData("essential", "health_centre", 4.0)])
    md.set_program_profile("essential", "msupply", "district decision")
    admin_view = AdminViewService(db, logi, today)
    admin_view.save_facility(FacilityData("HC03", "Three (renamed)", "health_centre", "North"),
                             active=False, reason="closed")

    assert entry(db, "facility", "HC03", "create")["who"] == "logi"
    assert entry(db, "facility", "HC03", "create")["reason"] == "new site"
    update = entry(db, "facility", "HC03", "update")
    assert (update["before"], update["after"]) == ({"name": "Three"},
                                                    {"name": "Three (renamed)"})
    assert entry(db, "facility", "HC03", "disable")["after"] == {"active": False}
    product = entry(db, "product", "ORS", "update")
    assert (product["before"], product["after"], product["reason"]) == (
        {"pack_size": 50}, {"pack_size": 100}, "new pack")
    level = entry(db, "stock_level", "essential/health_centre", "update")
    assert (level["before"], level["after"]) == ({"max_mos": 3.0}, {"max_mos": 4.0})
    program = entry(db, "program", "essential", "update")
    assert (program["before"], program["after"], program["who"]) == (
        {"profile": "openlmis"}, {"profile": "msupply"}, "logi")


def test_master_data_files(db, tmp_path):
    logi = _actor(db, PEOPLE["logistician"])
    path = tmp_path / "catalogue.csv"
    path.write_text("code,name,program\nZINC20,Zinc sulfate 20 mg,diarrhoea\n")
    assert ImportService(db, logi, today).import_file("catalogue", path).status == "imported"
    created = entry(db, "product", "ZINC20", "create")
    assert (created["who"], created["after"]["name"], created["reason"]) == (
        "logi", "Zinc sulfate 20 mg", "import of catalogue.csv")
    assert entry(db, "program", "diarrhoea", "create")["who"] == "logi"


def test_users(db):
    root = _actor(db, PEOPLE["admin"])
    users = UserService(db, root, hasher=FAST)
    users.create_user("nurse", "pharmacist", "nurse-pass-1", facility="HC01")
    users.change_role("nurse", "facility_incharge")
    users.change_password("nurse", "nurse-pass-2")
    users.set_active("nurse", False)
    users.set_active("nurse", True)
    for _ in range(MAX_FAILED):
        with pytest.raises(ProblemsFound):
            UserService(db, hasher=FAST).authenticate("nurse", "wrong guess")
    users.unlock("nurse")
    recover_admin(db, "root", os_user="awa", host="clinic-pc", hasher=FAST)

    created = entry(db, "user", "nurse", "create")
    assert (created["who"], created["after"]["role"], created["after"]["facility"]) == (
        "root", "pharmacist", "HC01")
    role = entry(db, "user", "nurse", "role")
    assert (role["before"], role["after"]) == ({"role": "pharmacist"},
                                                {"role": "facility_incharge"})
    assert entry(db, "user", "nurse", "password")["after"]["by"] == "admin"
    assert entry(db, "user", "nurse", "disable")["after"] == {"active": False}
    assert entry(db, "user", "nurse", "enable")["after"] == {"active": True}
    assert entry(db, "user", "nurse", "lock")["after"]["failed_attempts"] == MAX_FAILED
    assert entry(db, "user", "nurse", "unlock")["who"] == "root"
    assert entry(db, "user", "root", "recover")["after"]["os_user"] == "awa"
    with db.reading() as s:  # no secret ever reaches the log
        logged = " ".join(f"{e.old_value} {e.new_value}" for e in s.scalars(select(AuditEntry)))
    assert "nurse-pass" not in logged and "$argon2" not in logged


def test_requisition_states(db):
    pharma, chief, logi = (_actor(db, PEOPLE[w]) for w in ("pharmacist", "incharge",
                                                              "logistician"))
    rnr = RequisitionService
    rnr(db, pharma, today).create("HC01", "2024-11", "malaria")
    rnr(db, pharma, today).request("HC01", "2024-11", "ALU", 999, "campaign", program="malaria")
    rnr(db, pharma, today).step("HC01", "2024-11", "submit", "malaria")
    rnr(db, chief, today).step("HC01", "2024-11", "reject", "malaria", reason="check C")
    rnr(db, pharma, today).step("HC01", "2024-11", "submit", "malaria")
    rnr(db, chief, today).step("HC01", "2024-11", "authorize", "malaria")
    rnr(db, logi, today).approve_quantity("HC01", "2024-11", "ALU", 900, "malaria")
    rnr(db, logi, today).step("HC01", "2024-11", "approve", "malaria")
    rnr(db, logi, today).step("HC01", "2024-11", "issue", "malaria")

    key = "HC01/malaria/2024-11"
    assert entry(db, "requisition", key, "create")["who"] == "pharma"
    line = entry(db, "requisition_line", f"{key}/ALU", "update")
    assert line["after"]["J"] == 999 and line["after"]["W"] == "campaign"
    assert entry(db, "requisition_line", f"{key}/ALU", "approve_quantity")["after"] == {
        "K": 900}
    for action, who, before, after in (
            ("submit", "pharma", "draft", "submitted"),
            ("reject", "chief", "submitted", "draft"),
            ("authorize", "chief", "submitted", "authorized"),
            ("approve", "logi", "authorized", "approved"),
            ("issue", "logi", "approved", "issued")):
        step = entry(db, "requisition", key, action)
        assert (step["who"], step["before"], step["after"]) == (
            who, {"status": before}, {"status": after}), action
    assert entry(db, "requisition", key, "reject")["reason"] == "check C"


def test_the_log_prints_as_a_supervisor_report(db, tmp_path):
    logi = _actor(db, PEOPLE["logistician"])
    MasterDataService(db, logi).save_products(
        [ProductData("EVIL", "=HYPERLINK(\"http://x\",\"click\")")],
        "=cmd|' /C calc'!A0 supplier list")
    supervisor = _actor(db, PEOPLE["supervisor"])
    assert supervisor.role == SUPERVISOR
    first = last = date.today()
    report = ReportService(db, supervisor, today).audit_log(first, last)
    assert any(r.key == "EVIL" and r.username == "logi" for r in report.rows)
    pdf, xlsx = tmp_path / "audit.pdf", tmp_path / "audit.xlsx"
    write_audit_pdf(report, pdf)
    write_audit_xlsx(report, xlsx)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Audit log" in text and "EVIL" in text and "logi" in text
    ws = openpyxl.load_workbook(xlsx).active
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(c.value == "EVIL" for c in cells)
    reason = next(c for c in cells if str(c.value).startswith("=cmd"))
    assert reason.data_type == "s" and reason.quotePrefix  # shown as text, never run
    assert all(c.data_type != "f" for c in cells)
    with pytest.raises(ProblemsFound):  # a pharmacist does not read the log
        ReportService(db, _actor(db, PEOPLE["pharmacist"]), today).audit_log(first, last)
