"""A district round trip: twenty facilities' R&Rs exported from one database and imported into
the district office's; one tampered with, one with a broken identity, one sent twice."""

from __future__ import annotations

import csv
import dataclasses
import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from stockdesk.db.models import AuditEntry, MonthlyReport, Requisition
from stockdesk.exchange.rnr_xlsx import write_rnr_xlsx
from stockdesk.requisition.document import Document
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService
from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData
from stockdesk.services.requisition_import import RequisitionImportService
from stockdesk.services.requisitions import RequisitionService

from ..conftest import TODAY

SITES = [f"HC{n:02d}" for n in range(1, 21)]
PRODUCTS = {"AMOX250": [300, 360, 330], "ORS": [40, 44, 50], "ALU": [90, 120, 150]}


def master(db: Database) -> None:
    md = MasterDataService(db, SETUP_ACTOR)
    md.save_facilities([FacilityData("DS01", "District Store", "district_store", "North",
                                     "Region A")] +
                       [FacilityData(c, f"Health centre {c}", "health_centre", "North",
                                     "Region A", "DS01") for c in SITES])
    md.save_products([ProductData(code, code.title(), unit="tablet", pack_size=100,
                                  pack_rounding_threshold=50, program="essential")
                      for code in PRODUCTS])


def history(path: Path, months: list[str], sites: list[str]) -> Path:
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["facility_code", "product_code", "period", "opening_balance", "received",
                    "consumed", "closing_balance", "stockout_days"])
        for site in sites:
            for code, used in PRODUCTS.items():
                for i, period in enumerate(months):
                    w.writerow([site, code, period, 1000, used[i], used[i], 1000, 0])
    return path


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each facility's submitted March R&R as the facility exported it."""
    root = tmp_path_factory.mktemp("facilities")
    db = Database.open(f"sqlite:///{root / 'facilities.sqlite3'}")
    try:
        master(db)
        ImportService(db, SETUP_ACTOR).import_file(
            "history", history(root / "h.csv", ["2024-01", "2024-02", "2024-03"], SITES))
        out = root / "outbox"
        out.mkdir()
        for site in SITES:
            svc = RequisitionService(db, SETUP_ACTOR, today=lambda: TODAY)
            svc.create(site, "2024-03", "essential")
            doc = svc.step(site, "2024-03", "submit", "essential")
            write_rnr_xlsx(doc, out / f"{site}_essential_2024-03.xlsx")
        # HC19: a number changed by hand in the data sheet after export
        wb = openpyxl.load_workbook(out / "HC19_essential_2024-03.xlsx")
        wb["data"]["O2"] = 9999  # J of the first line
        wb.save(out / "HC19_essential_2024-03.xlsx")
        # HC20: a closing balance that does not follow from the month (written as sent)
        doc = RequisitionService(db, SETUP_ACTOR, today=lambda: TODAY).document(
            "HC20", "2024-03", "essential")
        broken = dataclasses.replace(doc.lines[0], E=doc.lines[0].E + 5)
        write_rnr_xlsx(Document(doc.header, (broken, *doc.lines[1:])),
                       out / "HC20_essential_2024-03.xlsx")
        shutil.copy(out / "HC01_essential_2024-03.xlsx", out / "HC01_again.xlsx")
    finally:
        db.close()
    return out


@pytest.fixture
def district(db: Database, tmp_path: Path) -> Database:
    """The district office: the same master data, and January–February of every facility
    but HC07 (whose P cannot be rechecked)."""
    master(db)
    ImportService(db, SETUP_ACTOR).import_file(
        "history", history(tmp_path / "h.csv", ["2024-01", "2024-02"],
                           [s for s in SITES if s != "HC07"]))
    return db


LOGISTICIAN = Actor("louis", "district_logistician")


def test_eighteen_imported_the_rest_refused_or_skipped_with_reasons(district, workbooks):
    files = sorted(workbooks.glob("*.xlsx"))
    outcomes = RequisitionImportService(district, LOGISTICIAN).import_files(files)
    by = {o.file: o for o in outcomes}
    assert sorted(o.status for o in outcomes).count("imported") == 18
    # the same workbook sent twice: whichever comes second is skipped
    assert {by["HC01_again.xlsx"].status, by["HC01_essential_2024-03.xlsx"].status} == {
        "imported", "skipped"}
    tampered = by["HC19_essential_2024-03.xlsx"]
    assert tampered.status == "refused"
    assert [p.code for p in tampered.problems] == ["rnr.checksum_mismatch"]
    assert str(tampered.problems[0].where) == "HC19_essential_2024-03.xlsx[data]"
    broken = by["HC20_essential_2024-03.xlsx"]
    assert broken.status == "refused"
    first = broken.problems[0]
    assert (first.where.sheet, first.where.row, first.where.column) == ("data", 2, "E")
    assert "A + B + D − C" in str(first)
    hc07 = by["HC07_essential_2024-03.xlsx"]
    assert hc07.status == "imported"
    assert {p.code for p in hc07.problems} == {"requisition.history_missing"}
    with district.reading() as s:
        assert s.scalar(select(func.count()).select_from(Requisition)) == 18
        assert s.scalar(select(func.count()).select_from(MonthlyReport).where(
            MonthlyReport.source == "requisition")) == 18 * 3
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "requisition", AuditEntry.action == "import")) == 18
        statuses = set(s.scalars(select(Requisition.status)))
    assert statuses == {"submitted"}


def test_the_same_folder_again_changes_nothing(district, workbooks):
    files = sorted(workbooks.glob("*.xlsx"))
    svc = RequisitionImportService(district, LOGISTICIAN)
    svc.import_files(files)
    again = svc.import_files(files)
    assert sorted(o.status for o in again).count("skipped") == 19
    assert [o.status for o in again].count("refused") == 2
    with district.reading() as s:
        assert s.scalar(select(func.count()).select_from(Requisition)) == 18


def test_a_new_version_replaces_the_old_only_when_asked(district, workbooks, tmp_path):
    svc = RequisitionImportService(district, LOGISTICIAN)
    svc.import_files([workbooks / "HC02_essential_2024-03.xlsx"])
    wb = openpyxl.load_workbook(workbooks / "HC02_essential_2024-03.xlsx")
    newer = tmp_path / "HC02_v2.xlsx"
    # a second version written by the facility: same month, a different requested quantity
    wb.save(newer)
    assert svc.import_files([newer])[0].status == "skipped"  # identical lines
    db = Database.open(f"sqlite:///{workbooks.parent / 'facilities.sqlite3'}")
    try:
        doc = RequisitionService(db, SETUP_ACTOR, today=lambda: TODAY).document(
            "HC02", "2024-03", "essential")
    finally:
        db.close()
    line = dataclasses.replace(doc.lines[0], J=(doc.lines[0].I or 0) + 100, W="campaign")
    write_rnr_xlsx(Document(doc.header, (line, *doc.lines[1:])), newer)
    refused = svc.import_files([newer])[0]
    assert refused.status == "refused"
    assert "import with --replace to replace it" in str(refused.problems[-1])
    assert svc.import_files([newer], replace=True)[0].status == "replaced"


def test_drafts_are_refused_with_a_clear_message(district, workbooks, tmp_path):
    wb = openpyxl.load_workbook(workbooks / "HC03_essential_2024-03.xlsx")
    meta = wb["meta"]
    for row in meta.iter_rows(min_row=1):
        if row[0].value == "status":
            row[1].value = "draft"
    draft = tmp_path / "draft.xlsx"
    wb.save(draft)
    (outcome,) = RequisitionImportService(district, LOGISTICIAN).import_files([draft])
    assert outcome.status == "refused"
    assert "only a submitted (or later) R&R can be imported" in str(outcome.problems[0])


def test_only_the_district_imports(district, workbooks):
    from stockdesk.problems import ProblemsFound

    with pytest.raises(ProblemsFound, match="may not import facilities' requisitions"):
        RequisitionImportService(district, Actor("ana", "pharmacist")).import_files(
            [workbooks / "HC01_essential_2024-03.xlsx"])


def _edited(workbooks: Path, tmp_path: Path, name: str, change) -> Path:
    """A workbook edited as a facility could, with its checksum made to match again."""
    from stockdesk.exchange.rnr_xlsx import read_rnr_xlsx
    from stockdesk.requisition.document import DATA_COLUMNS, rows_sha256

    wb = openpyxl.load_workbook(workbooks / "HC04_essential_2024-03.xlsx")
    change(wb)
    data = [[c.value for c in row] for row in wb["data"].iter_rows(min_row=2)]
    for row in wb["meta"].iter_rows():
        if row[0].value == "sha256":
            row[1].value = rows_sha256([r[:len(DATA_COLUMNS)] for r in data])
    path = tmp_path / name
    wb.save(path)
    assert read_rnr_xlsx(path).ok
    return path


def test_a_file_never_brings_its_own_approval(district, workbooks, tmp_path):
    def approve_itself(wb):
        for row in wb["meta"].iter_rows():
            if row[0].value == "status":
                row[1].value = "approved"
        wb["data"]["Q2"] = 5000  # K of the first line

    path = _edited(workbooks, tmp_path, "self-approved.xlsx", approve_itself)
    (outcome,) = RequisitionImportService(district, LOGISTICIAN).import_files([path])
    assert outcome.status == "imported"
    assert "imported as authorized, without K" in str(outcome.problems[-1])
    with district.reading() as s:
        assert s.scalar(select(Requisition.status)) == "authorized"
        from stockdesk.db.models import RequisitionLine
        assert set(s.scalars(select(RequisitionLine.approved))) == {None}


def test_one_line_per_product_of_the_program(district, workbooks, tmp_path):
    def repeat_a_line(wb):
        ws = wb["data"]
        values = [c.value for c in ws[2]]
        ws.append(values)

    path = _edited(workbooks, tmp_path, "repeated.xlsx", repeat_a_line)
    good = workbooks / "HC05_essential_2024-03.xlsx"
    outcomes = RequisitionImportService(district, LOGISTICIAN).import_files([path, good])
    assert [o.status for o in outcomes] == ["refused", "imported"]  # the batch goes on
    assert any("appears again (first on row 2)" in str(p) for p in outcomes[0].problems)
    MasterDataService(district, SETUP_ACTOR).save_products([ProductData(
        "ORS", "Ors", unit="tablet", pack_size=100, pack_rounding_threshold=50,
        program="malaria")])
    moved = RequisitionImportService(district, LOGISTICIAN).import_files(
        [workbooks / "HC06_essential_2024-03.xlsx"])[0]
    assert moved.status == "refused"
    assert any("ORS is not a product of the essential program" in str(p)
               for p in moved.problems)


def test_what_the_district_approved_is_not_replaced(district, workbooks, tmp_path):
    svc = RequisitionImportService(district, LOGISTICIAN)
    svc.import_files([workbooks / "HC08_essential_2024-03.xlsx"])
    incharge = Actor("in", "facility_incharge")
    RequisitionService(district, incharge, today=lambda: TODAY).step(
        "HC08", "2024-03", "authorize", "essential")
    RequisitionService(district, LOGISTICIAN, today=lambda: TODAY).step(
        "HC08", "2024-03", "approve", "essential")

    refused = svc.import_files([_hc08_changed(workbooks, tmp_path)], replace=True)[0]
    assert refused.status == "refused"
    assert "already approved here; a new version cannot replace it" in str(refused.problems[-1])


def _hc08_changed(workbooks: Path, tmp_path: Path) -> Path:
    from stockdesk.exchange.rnr_xlsx import read_rnr_xlsx
    from stockdesk.requisition.document import DATA_COLUMNS, rows_sha256

    wb = openpyxl.load_workbook(workbooks / "HC08_essential_2024-03.xlsx")
    ws = wb["data"]
    header = [c.value for c in ws[1]]
    j, w = header.index("J") + 1, header.index("W") + 1
    ws.cell(2, j).value = (ws.cell(2, j).value or 0) + 10
    ws.cell(2, w).value = "more patients"
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    for row in wb["meta"].iter_rows():
        if row[0].value == "sha256":
            row[1].value = rows_sha256([r[:len(DATA_COLUMNS)] for r in data])
    path = tmp_path / "HC08_changed.xlsx"
    wb.save(path)
    assert read_rnr_xlsx(path).ok
    return path


def test_the_months_received_are_the_districts_view_of_the_facility(district, workbooks):
    from stockdesk.services.stock import StockService

    RequisitionImportService(district, LOGISTICIAN).import_files(
        [workbooks / "HC03_essential_2024-03.xlsx"])
    months = StockService(district, LOGISTICIAN, today=lambda: TODAY).monthly(
        "HC03", "2024-01", "2024-03", ["AMOX250"])
    # January and February from the history the office held, March from the R&R
    assert [(m.summary.period, m.summary.consumed) for m in months] == [
        ("2024-01", 300), ("2024-02", 360), ("2024-03", 330)]
