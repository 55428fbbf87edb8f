"""Importing facilities, catalogue, levels and monthly history as a district would, on SQLite and
PostgreSQL: real eLMIS exports as they are, every usual file format, and files that must be
refused with a precise location and nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from stockdesk.db.models import (
    Base,
    Facility,
    ImportBatch,
    MonthlyReport,
    Product,
    Program,
    StockLevel,
)
from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import Actor
from stockdesk.services.imports import ImportResult, ImportService
from stockdesk.services.stock import StockService

from ..conftest import TODAY
from ..exchange.files import FORMATS, write_as, write_csv, write_xlsx

CIV = Path(__file__).resolve().parents[3] / "shared" / "data" / "civ-lmis"
needs_civ = pytest.mark.skipif(not CIV.is_dir(), reason="shared/data/civ-lmis is not there")


def service(db, actor) -> ImportService:
    return ImportService(db, actor, today=lambda: TODAY)


def counts(db) -> dict[str, int]:
    """Rows in every table: what "nothing changed" means."""
    with db.reading() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables}


def texts(result: ImportResult) -> list[str]:
    return [str(p) for p in result.problems]


# -- the Côte d'Ivoire eLMIS export, as it is ---------------------------------------------------


@needs_civ
def test_civ_elmis_export_imports_as_it_is(db, admin):
    imports = service(db, admin)
    sites = imports.import_file("facilities", CIV / "service_delivery_site_data.csv")
    products = imports.import_file("catalogue", CIV / "product.csv")
    history = imports.import_file("history", CIV / "contraceptive_logistics_data.csv")
    assert (sites.status, sites.rows, sites.problems) == ("imported", 156, ())
    assert (products.status, products.rows, products.problems) == ("imported", 11, ())
    assert (history.status, history.rows) == ("imported", 38_842)
    # only the impossible stockout days are reported, and they are stored as unknown
    assert {p.code for p in history.problems} == {"import.stockout_days_invalid"}
    assert len(history.problems) == 3
    assert all(not p.is_error for p in history.problems)
    assert texts(history)[0].startswith(
        "contraceptive_logistics_data.csv:1263:stock_stockout_days: warning: stockout days 31 "
        "exceed the 30 days of 2019-09")
    with db.reading() as s:
        types = dict(s.execute(select(Facility.type, func.count()).group_by(Facility.type)).all())
        assert types == {"hospital": 110, "health_centre": 46}
        site = s.scalar(select(Facility).where(Facility.code == "C4001"))
        assert (site.name, site.region, site.district) == ("C4001", "INDENIE-DJUABLIN",
                                                           "ABENGOUROU")
        packs = dict(s.execute(select(Product.code, Product.pack_size)).all())
        assert packs["AS46000"] == 144 and packs["AS27134"] == 100 and packs["AS17005"] == 1
        condom = s.scalar(select(Product).where(Product.code == "AS46000"))
        assert (condom.name, condom.dosage_form) == ("PRESERVATIF MASCULIN BTE/144 BOITE",
                                                     "Male Condom")
        mr = MonthlyReport
        assert s.scalar(select(func.count()).select_from(mr)) == 38_842
        broken = s.scalar(select(func.count()).select_from(mr).where(
            mr.opening_balance + mr.received + mr.losses_adjustments - mr.consumed
            != mr.closing_balance))
        assert broken == 0
        assert s.scalar(select(func.count()).select_from(mr)
                        .where(mr.stockout_days.is_(None))) == 3
        assert s.scalar(select(func.max(mr.stockout_days))) <= 31
    # the history is what the R&R and forecasts read
    jan = StockService(db, admin, today=lambda: TODAY).monthly("C4001", "2019-01", "2019-01",
                                                               ["AS27134"])
    assert [(m.source, m.summary.opening, m.summary.consumed, m.summary.adjustments,
             m.summary.closing) for m in jan] == [("history", 75, 21, -54, 0)]
    # the same files again change nothing
    before = counts(db)
    again = imports.import_file("history", CIV / "contraceptive_logistics_data.csv")
    assert again.status == "skipped" and again.rows == 38_842
    assert "already imported on" in texts(again)[0]
    assert imports.import_file("facilities", CIV / "service_delivery_site_data.csv").status \
        == "skipped"
    assert counts(db) == before


@needs_civ
def test_history_needs_its_facilities_and_products_first(db, admin):
    result = service(db, admin).import_file("history", CIV / "contraceptive_logistics_data.csv")
    assert result.status == "refused"
    assert texts(result)[0] == (
        "contraceptive_logistics_data.csv:2:site_code: error: unknown facility code 'C4001'")
    assert texts(result)[-1].startswith("contraceptive_logistics_data.csv: error: and ")
    assert len(result.problems) == 201
    assert counts(db)["monthly_reports"] == 0


# -- formats and aliases -----------------------------------------------------------------------

FACILITY_ROWS = [
    ["Code", "Nom", "Type", "District", "Région", "Supplier code"],
    ["DS10", "Dépôt du district de Daloa", "District store", "Daloa", "Haut-Sassandra", ""],
    ["HC10", "Centre de santé « Lobia »", "Health Center", "Daloa", "Haut-Sassandra", "DS10"],
    ["HO10", "CHR de Daloa", "Hôpital", "Daloa", "Haut-Sassandra", "DS10"],
]
HISTORY_ROWS = [
    ["Période", "Code site", "Code produit", "Stock initial", "Quantité reçue",
     "Quantité distribuée", "Pertes et ajustements", "Stock final", "Jours de rupture"],
    ["2024-01", "HC10", "ORS", "100", "50", "70", "-5", "75", "0"],
    ["2024-02", "HC10", "ORS", "75", "0", "75", "0", "0", "12"],
]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_file_format_gives_the_same_result(facility_db, admin, tmp_path, fmt):
    imports = service(facility_db, admin)
    sites = imports.import_file("facilities", write_as(fmt, tmp_path, "sites", FACILITY_ROWS))
    history = imports.import_file("history", write_as(fmt, tmp_path, "hist", HISTORY_ROWS))
    assert (sites.status, sites.rows, sites.problems) == ("imported", 3, ())
    assert (history.status, history.rows, history.problems) == ("imported", 2, ())
    with facility_db.reading() as s:
        rows = {f.code: (f.name, f.type, f.region, f.supplier_id is not None)
                for f in s.scalars(select(Facility).where(Facility.code.like("%10")))}
        reports = s.execute(select(MonthlyReport.period, MonthlyReport.closing_balance,
                                   MonthlyReport.stockout_days)
                            .order_by(MonthlyReport.period)).all()
    assert rows == {
        "DS10": ("Dépôt du district de Daloa", "district_store", "Haut-Sassandra", False),
        "HC10": ("Centre de santé « Lobia »", "health_centre", "Haut-Sassandra", True),
        "HO10": ("CHR de Daloa", "hospital", "Haut-Sassandra", True),
    }
    assert [tuple(r) for r in reports] == [("2024-01", 75, 0), ("2024-02", 0, 12)]


def test_year_and_month_columns_and_a_sheet_named_history(facility_db, admin, tmp_path):
    rows = [["year", "month", "site_code", "product_code", "stock_initial", "stock_received",
             "stock_distributed", "stock_adjustment", "stock_end", "stock_stockout_days",
             "stock_ordered"],
            [2024, 3, "HC01", "AMOX250", 10, 5, 3, 0, 12, 0, 100]]
    path = write_xlsx(tmp_path / "monthly.xlsx", rows, title="History")
    result = service(facility_db, admin).import_file("history", path)
    assert (result.status, result.rows) == ("imported", 1)
    with facility_db.reading() as s:
        assert s.scalar(select(MonthlyReport.period)) == "2024-03"


# -- files that must be refused, changing nothing -----------------------------------------------

GOOD_HEADER = HISTORY_ROWS[0]


@pytest.mark.parametrize("rows, expected", [
    ([GOOD_HEADER, ["2024-13", "HC01", "ORS", "1", "0", "0", "0", "1", ""]],
     "h.csv:2:Période: error: period must be a month (YYYY-MM), got '2024-13'"),
    ([GOOD_HEADER, ["2024-01", "HC01", "ORS", "dix", "0", "0", "0", "1", ""]],
     "h.csv:2:Stock initial: error: opening_balance must be a whole number, got 'dix'"),
    ([GOOD_HEADER, ["2024-01", "HC01", "ORS", "12.5", "0", "0", "0", "12", ""]],
     "h.csv:2:Stock initial: error: opening_balance must be a whole number, got '12.5'"),
    ([GOOD_HEADER, ["2024-01", "HC01", "ORS", "-3", "0", "0", "0", "0", ""]],
     "h.csv:2:Stock initial: error: opening_balance must not be negative, got -3"),
    ([GOOD_HEADER, ["2024-01", "HC01", "ORS", "10", "5", "3", "0", "11", ""]],
     "h.csv:2:Stock final: error: opening 10 + received 5 + losses/adjustments 0 - consumed 3 "
     "= 12, but closing balance is 11"),
    ([GOOD_HEADER, ["2024-01", "HC99", "ORS", "1", "0", "0", "0", "1", ""]],
     "h.csv:2:Code site: error: unknown facility code 'HC99'"),
    ([GOOD_HEADER, ["2024-01", "HC01", "XYZ", "1", "0", "0", "0", "1", ""]],
     "h.csv:2:Code produit: error: unknown product code 'XYZ'"),
    ([GOOD_HEADER, ["2025-01", "HC01", "ORS", "1", "0", "0", "0", "1", ""]],
     "h.csv:2:Période: error: date 2025-01 is in the future (today is 2024-12-31)"),
    ([GOOD_HEADER, ["2024-01", "HC01", "ORS", "1", "0", "0", "0", "1", "-1"]],
     "h.csv:2:Jours de rupture: error: stockout_days must not be negative, got -1"),
    ([GOOD_HEADER, ["2024-01", "HC01", "ORS", "1", "", "0", "0", "1", ""]],
     "h.csv:2:Quantité reçue: error: received is required"),
    ([GOOD_HEADER[:5], ["2024-01", "HC01", "ORS", "1", "0"]],
     "h.csv:1: error: missing column(s): consumed, closing_balance"),
    ([[*GOOD_HEADER, "stock_end"], ["2024-01", "HC01", "ORS", "1", "0", "0", "0", "1", "", "1"]],
     "h.csv:1:stock_end: error: columns 'Stock final' and 'stock_end' both give "
     "closing_balance; keep one"),
    ([GOOD_HEADER], "h.csv: error: the file has no data rows"),
    ([GOOD_HEADER, ["2024-01", "HC01", "ORS", "1", "0", "0", "0", "1", ""],
      ["2024-01", "HC01", "ORS", "2", "0", "0", "0", "2", ""]],
     "h.csv:3:Période: error: same facility, product and month, with other values as row 2"),
])
def test_bad_history_is_refused_where_it_is_wrong(facility_db, admin, tmp_path, rows, expected):
    before = counts(facility_db)
    result = service(facility_db, admin).import_file("history",
                                                     write_csv(tmp_path / "h.csv", rows))
    assert result.status == "refused"
    assert expected in texts(result)
    assert counts(facility_db) == before


@pytest.mark.parametrize("name, content, expected", [
    ("empty.csv", b"", "empty.csv: error: the file has no data rows"),
    ("h.xlsx", b"PK\x03\x04\x14\x00broken", "h.xlsx: error: the file cannot be read: the "
                                           "workbook is damaged or incomplete"),
    ("notes.pdf", b"%PDF-1.4\n...", "notes.pdf: error: this is a PDF document; save it as CSV"),
])
def test_unreadable_files_change_nothing(facility_db, admin, tmp_path, name, content, expected):
    before = counts(facility_db)
    path = tmp_path / name
    path.write_bytes(content)
    result = service(facility_db, admin).import_file("history", path)
    assert (result.status, result.rows) == ("refused", 0)
    assert texts(result)[0].startswith(expected)
    assert counts(facility_db) == before


def test_a_truncated_workbook_changes_nothing(facility_db, admin, tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", HISTORY_ROWS).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[:-200])
    before = counts(facility_db)
    result = service(facility_db, admin).import_file("history", path)
    assert result.status == "refused" and "damaged" in texts(result)[0]
    assert counts(facility_db) == before


def test_one_bad_row_refuses_the_whole_file(facility_db, admin, tmp_path):
    rows = [GOOD_HEADER, *[["2024-01", "HC01", code, "1", "0", "0", "0", "1", ""]
                           for code in ("ORS", "AMOX250")],
            ["2024-01", "HC01", "ALU", "1", "0", "0", "0", "2", ""]]
    before = counts(facility_db)
    result = service(facility_db, admin).import_file("history", write_csv(tmp_path / "h.csv",
                                                                          rows))
    assert result.status == "refused" and len(result.errors) == 1
    assert counts(facility_db) == before


def test_problems_are_capped_with_a_count_of_the_rest(facility_db, admin, tmp_path):
    rows = [GOOD_HEADER, *[["2024-01", f"X{i}", "ORS", "1", "0", "0", "0", "1", ""]
                           for i in range(450)]]
    result = service(facility_db, admin).import_file("history", write_csv(tmp_path / "h.csv",
                                                                          rows))
    assert len(result.problems) == 201
    assert texts(result)[-1] == "h.csv: error: and 250 more problem(s) not shown (250 of them " \
                                "errors)"


# -- history stored before ---------------------------------------------------------------------


def test_history_rows_already_stored_must_agree(facility_db, admin, tmp_path):
    imports = service(facility_db, admin)
    first = imports.import_file("history", write_csv(tmp_path / "jan.csv", HISTORY_ROWS[:2]))
    assert first.status == "imported"
    # a later export repeating January unchanged, with February added: fine, nothing doubled
    both = imports.import_file("history", write_csv(tmp_path / "janfeb.csv", HISTORY_ROWS))
    assert (both.status, both.rows) == ("imported", 2)
    assert counts(facility_db)["monthly_reports"] == 2
    # a third export where January was changed is an error, and changes nothing
    changed = [HISTORY_ROWS[0], ["2024-01", "HC10", "ORS", "100", "50", "60", "-5", "85", "0"]]
    before = counts(facility_db)
    result = imports.import_file("history", write_csv(tmp_path / "fixed.csv", changed))
    assert result.status == "refused"
    assert texts(result) == [
        "fixed.csv:2:Période: error: HC10 ORS 2024-01 is already recorded with different "
        "values (stored C 70 here 60, E 75 here 85)"]
    assert counts(facility_db) == before


@pytest.fixture
def facility_db(facility_db, admin):
    """The shared three-facility database plus HC10, which the history files name."""
    from stockdesk.services.masterdata import FacilityData, MasterDataService

    MasterDataService(facility_db, admin).save_facilities([
        FacilityData("HC10", "Health Centre Ten", "health_centre")])
    return facility_db


# -- catalogue, facilities and levels ----------------------------------------------------------


def test_catalogue_creates_programs_and_keeps_what_a_file_leaves_blank(facility_db, admin,
                                                                       tmp_path):
    imports = service(facility_db, admin)
    rows = [["Code produit", "Désignation", "Dosage", "Forme", "Unité", "Conditionnement",
             "Prix", "Programme", "ATC", "GTIN", "Saisonnier"],
            ["PARA500", "Paracétamol", "500 mg", "comprimé", "comprimé", "1 000", "2,50",
             "essential", "N02BE01", "00012345600012", "non"],
            ["ALU", "", "", "", "", "", "", "malaria", "", "", "oui"],
            ["TDF3TC", "Tenofovir + lamivudine", "300/300 mg", "tablet", "tablet", "30", "",
             "hiv", "", "", ""]]
    result = imports.import_file("catalogue", write_csv(tmp_path / "cat.csv", rows))
    assert (result.status, result.rows, result.problems) == ("imported", 3, ())
    with facility_db.reading() as s:
        para = s.scalar(select(Product).where(Product.code == "PARA500"))
        assert (para.pack_size, str(para.price_per_pack), para.gtin, para.atc) == (
            1000, "2.5000", "00012345600012", "N02BE01")
        alu = s.scalar(select(Product).where(Product.code == "ALU"))
        assert (alu.name, alu.pack_size, alu.seasonal) == ("Artemether + lumefantrine", 30, True)
        assert set(s.scalars(select(Program.code))) == {"essential", "malaria", "hiv"}


@pytest.mark.parametrize("row, expected", [
    (["P1", "Thing", "0", "", ""], "c.csv:2:pack_size: error: pack_size must be between 1 and"),
    (["P1", "Thing", "ten", "", ""], "c.csv:2:pack_size: error: pack_size must be a whole "
                                     "number, got 'ten'"),
    (["P1", "Thing", "10", "1234", ""], "c.csv:2:gtin: error: gtin must be a GTIN-8"),
    (["P1", "", "10", "", ""], "c.csv:2:name: error: name is required"),
    (["P1", "Thing", "10", "", "free"], "c.csv:2:price: error: price_per_pack must be a number"),
])
def test_bad_catalogue_rows(facility_db, admin, tmp_path, row, expected):
    rows = [["code", "name", "pack_size", "gtin", "price"], row]
    before = counts(facility_db)
    result = service(facility_db, admin).import_file("catalogue",
                                                     write_csv(tmp_path / "c.csv", rows))
    assert result.status == "refused"
    assert any(t.startswith(expected) for t in texts(result)), texts(result)
    assert counts(facility_db) == before


def test_facilities_with_unknown_types_or_suppliers_are_refused(facility_db, admin, tmp_path):
    rows = [["site_code", "site_type", "supplier"],
            ["HC20", "Mars base", ""], ["HC21", "Health Center", "DS99"], ["HC22", "", ""],
            ["HC21", "Hospital", ""]]
    before = counts(facility_db)
    result = service(facility_db, admin).import_file("facilities",
                                                     write_csv(tmp_path / "f.csv", rows))
    assert texts(result) == [
        "f.csv:2:site_type: error: type must be one of health_centre, hospital, "
        "district_store, got 'Mars base'",
        "f.csv:4:site_type: error: type is required",
        "f.csv:5:site_code: error: same facility HC21 as row 3",
        "f.csv:3:supplier: error: unknown facility code 'DS99'",
    ]
    assert counts(facility_db) == before


def test_levels_warn_when_inconsistent_and_never_change_them(facility_db, admin, tmp_path):
    rows = [["Programme", "Type", "Max", "Min", "EOP", "Délai"],
            ["essential", "Health Center", "3", "1", "0,5", "1"],
            ["malaria", "hospital", "2", "4", "", ""],
            ["hiv", "district store", "", "", "", ""]]
    result = service(facility_db, admin).import_file("levels", write_csv(tmp_path / "l.csv",
                                                                         rows))
    assert result.status == "imported" and result.rows == 3
    assert texts(result) == [
        "l.csv:3:Min: warning: levels for malaria at hospital look inconsistent: min 4 is above "
        "max 2; imported as given"]
    with facility_db.reading() as s:
        got = {(p, lv.facility_type): (lv.max_mos, lv.min_mos, lv.eop_mos, lv.lead_time_months)
               for lv, p in s.execute(select(StockLevel, Program.code)
                                      .join(Program, Program.id == StockLevel.program_id))}
    assert got == {("essential", "health_centre"): (3, 1, 0.5, 1),
                   ("malaria", "hospital"): (2, 4, 0.5, 1),
                   ("hiv", "district_store"): (3, 1, 0.5, 1)}


def test_impossible_levels_are_errors(facility_db, admin, tmp_path):
    rows = [["program", "facility_type", "max_mos", "min_mos"],
            ["essential", "hospital", "0", "1"], ["essential", "clinic", "x", "-1"]]
    result = service(facility_db, admin).import_file("levels", write_csv(tmp_path / "l.csv",
                                                                         rows))
    assert result.status == "refused"
    assert texts(result) == [
        "l.csv:2:max_mos: error: max_mos must be above zero, got 0.0",
        "l.csv:3:max_mos: error: max_mos must be a number, got 'x'",
        "l.csv:3:min_mos: error: min_mos must be between 0 and 120.0, got -1.0",
    ]


# -- who may import, progress, cancel ----------------------------------------------------------


def test_a_pharmacist_may_import_history_but_not_facilities(facility_db, tmp_path):
    pharmacist = Actor("awa", "pharmacist")
    path = write_csv(tmp_path / "f.csv", FACILITY_ROWS)
    with pytest.raises(ProblemsFound) as exc:
        service(facility_db, pharmacist).import_file("facilities", path)
    assert exc.value.problems[0].code == "auth.forbidden"


def test_progress_is_reported_and_cancel_writes_nothing(facility_db, admin, tmp_path):
    months = [f"{1900 + i // 12}-{i % 12 + 1:02d}" for i in range(1000)]
    big = [GOOD_HEADER] + [[m, f, p, "1", "0", "0", "0", "1", ""] for m in months
                           for f in ("HC01", "HC02", "DS01", "HC10")
                           for p in ("ORS", "ALU", "AMOX250")]
    path = write_csv(tmp_path / "big.csv", big)
    seen: list[tuple[int, int]] = []
    imports = service(facility_db, admin)
    before = counts(facility_db)
    cancelled = imports.import_file("history", path, progress=lambda d, t: seen.append((d, t)),
                                    cancelled=lambda: len(seen) >= 1)
    assert cancelled.status == "refused"
    assert texts(cancelled) == ["big.csv: error: the import was cancelled; nothing changed"]
    assert seen == [(10_000, 12_000)]
    assert counts(facility_db) == before
    seen.clear()
    assert imports.import_file("history", path, progress=lambda d, t: seen.append((d, t))
                               ).status == "imported"
    assert seen == [(10_000, 12_000)]
    with facility_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 1
        assert s.scalar(select(func.count()).select_from(MonthlyReport)) == 12_000
