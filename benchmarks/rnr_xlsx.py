"""rnr_xlsx: an R&R written to Excel, and the district reading many of them back.

``rnr_xlsx``: a synthetic 500-line R&R (seeded; negative D, some explanations, unknown P)
written with ``write_rnr_xlsx`` (printable sheet, ``data``, ``meta``), median of a few runs.
Baseline, same run: a bare openpyxl write-only workbook of the same 500 × 20 data values.
Target: < 0.5 s.

``rnr_import_read``: ``district_facilities`` workbooks of ``district_products`` lines (50 × 300
at full scale), written in setup, then read with ``read_rnr_xlsx`` (ZIP checks, meta, typed
values, checksum), median of the timed passes over all files.  Baseline, same run: a bare
openpyxl ``read_only`` load of each file iterating the data sheet's values.  Target: < 10 s.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl

from benchmarks import Context, Result
from stockdesk.exchange.rnr_xlsx import DATA_SHEET, read_rnr_xlsx, write_rnr_xlsx
from stockdesk.requisition.document import DATA_COLUMNS, Document, Header, Line, Status

TARGET_WRITE_S = 0.5
TARGET_READ_S = 10.0
WRITE_LINES = 500


def synthetic_document(lines: int, facility: int = 1, seed: int = 11) -> Document:
    rng = random.Random(seed * 1000 + facility)
    header = Header(
        facility_code=f"HC-{facility:03d}", facility_name=f"Health centre {facility}",
        facility_type="health centre", district="North", region="Savanes", program="ESS",
        program_name="Essential medicines", period="2024-05", period_start=date(2024, 5, 1),
        period_end=date(2024, 5, 31), months=1, emergency=False, profile="openlmis",
        profile_description="P = ceil(mean of the last 3 N); H = P x 3; I = max(0, H - E)",
        max_mos=3.0, min_mos=1.0, eop_mos=0.5, lead_time_months=1.0, status=Status.SUBMITTED,
        generated_at=datetime(2024, 6, 2, 9, 30), app_version="bench")
    out = []
    for i in range(lines):
        a, b = rng.randint(0, 20_000), rng.randint(0, 30_000)
        c = rng.randint(0, a + b)
        d = -rng.randint(0, 50) if rng.random() < 0.2 else 0
        e = max(a + b + d - c, 0)
        d = e - (a + b - c)
        x = rng.randint(0, 10) if e == 0 else 0
        n = c if x == 0 else round(c * 31 / max(31 - x, 1), 2)
        p = None if rng.random() < 0.05 else rng.randint(1, 25_000)
        h = None if p is None else p * 3
        order = None if h is None else max(0, h - e)
        j = order if rng.random() < 0.9 or order is None else order + 100
        pack = rng.choice((1, 10, 100, 1000))
        v = None if j is None else -(-j // pack)
        t = Decimal(rng.randint(5, 50_000)) / 100
        out.append(Line(
            f"P{i:05d}", f"Product {i} 500 mg tablet", "tablet", pack, A=a, B=b, C=c, D=d, E=e,
            X=x, N=n, P=p, H=h, I=order, J=j,
            W=None if j == order else "=more patients expected (campaign)", K=j, V=v,
            T=t, Q=None if v is None else t * v))
    return Document(header, tuple(out))


def _median_time(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times


def _bare_write(rows: list[list[object]], path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(DATA_SHEET)
    ws.append(list(DATA_COLUMNS))
    for row in rows:
        ws.append(row)
    wb.save(path)


def _bare_read(paths: list[Path]) -> int:
    cells = 0
    for path in paths:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            for row in wb[DATA_SHEET].iter_rows(values_only=True):
                cells += len(row)
        finally:
            wb.close()
    return cells


def _our_read(paths: list[Path]) -> int:
    rows = 0
    for path in paths:
        result = read_rnr_xlsx(path)
        if result.problems:
            raise AssertionError(f"{path.name}: {[str(p) for p in result.problems][:3]}")
        rows += len(result.rows)
    return rows


def run(ctx: Context) -> Iterator[Result]:
    """rnr_xlsx: a 500-line R&R written as a workbook."""
    sc = ctx.scale
    runs = max(3, min(sc.repeats, 7))
    doc = synthetic_document(WRITE_LINES)
    ours_path, bare_path = ctx.workdir / "rnr_500.xlsx", ctx.workdir / "bare_500.xlsx"
    rows = doc.data_rows()
    write_rnr_xlsx(doc, ours_path)  # warm-up: imports, first allocation
    ours, times = _median_time(lambda: write_rnr_xlsx(doc, ours_path), runs)
    base, base_times = _median_time(lambda: _bare_write(rows, bare_path), runs)
    yield Result("rnr_xlsx", ours, "s", base, better="lower", target=f"< {TARGET_WRITE_S:g} s",
                 met=ours < TARGET_WRITE_S, details={
                     "lines": WRITE_LINES, "runs_s": [round(t, 3) for t in times],
                     "baseline_runs_s": [round(t, 3) for t in base_times],
                     "bytes": ours_path.stat().st_size,
                     "baseline_method": "openpyxl write-only sheet of the same 500 x 20 values"})


def district_workbooks(ctx: Context) -> list[Path]:
    """Each facility's R&R workbook of the district, written once per run."""
    if "rnr_workbooks" not in ctx.cache:
        sc = ctx.scale
        folder = ctx.workdir / "rnr_import"
        folder.mkdir(exist_ok=True)
        paths = []
        for f in range(1, sc.district_facilities + 1):
            path = folder / f"HC-{f:03d}_ESS_2024-05.xlsx"
            write_rnr_xlsx(synthetic_document(sc.district_products, facility=f), path)
            paths.append(path)
        ctx.cache["rnr_workbooks"] = paths
    return list(ctx.cache["rnr_workbooks"])


def run_import_read(ctx: Context) -> Iterator[Result]:
    """rnr_import_read: the district reading 50 facilities' workbooks of 300 lines."""
    sc = ctx.scale
    paths = district_workbooks(ctx)
    passes = 3 if sc.district_facilities * sc.district_products <= 20_000 else 1
    read_rows = _our_read(paths)  # warm-up pass, and the check that every file reads clean
    ours, times = _median_time(lambda: _our_read(paths), passes)
    base, base_times = _median_time(lambda: _bare_read(paths), passes)
    yield Result("rnr_import_read", ours, "s", base, better="lower",
                 target=f"< {TARGET_READ_S:g} s", met=ours < TARGET_READ_S, details={
                     "files": len(paths), "lines_per_file": sc.district_products,
                     "rows": read_rows, "runs_s": [round(t, 3) for t in times],
                     "baseline_runs_s": [round(t, 3) for t in base_times],
                     "baseline_method": "openpyxl read_only load + iterate the data sheet"})


def run_import(ctx: Context) -> Iterator[Result]:
    """rnr_import: the district importing 50 facilities' workbooks of 300 lines, end to end.

    ``RequisitionImportService.import_files`` into a fresh district database holding the
    master data (checksums, codes, identities, H and I rechecked, each file one transaction).
    Timed once (a second import would only skip); baseline, same run: a bare openpyxl
    read-only read of the same files.  Target < 10 s.
    """
    from stockdesk.services.auth import SETUP_ACTOR, Actor
    from stockdesk.services.database import Database
    from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData
    from stockdesk.services.requisition_import import RequisitionImportService

    sc = ctx.scale
    paths = district_workbooks(ctx)
    db = Database.open(f"sqlite:///{ctx.workdir / 'district_office.sqlite3'}")
    try:
        md = MasterDataService(db, SETUP_ACTOR)
        md.save_facilities([FacilityData(f"HC-{f:03d}", f"Health centre {f}", "health_centre",
                                         "North", "Savanes")
                            for f in range(1, sc.district_facilities + 1)])
        md.save_products([ProductData(f"P{i:05d}", f"Product {i}", program="ESS")
                          for i in range(sc.district_products)])
        service = RequisitionImportService(db, Actor("bench", "district_logistician"))
        started = time.perf_counter()
        outcomes = service.import_files(paths)
        ours = time.perf_counter() - started
    finally:
        db.close()
    base, _ = _median_time(lambda: _bare_read(paths), 1)
    statuses = sorted({o.status for o in outcomes})
    yield Result("rnr_import", ours, "s", base, better="lower",
                 target=f"< {TARGET_READ_S:g} s", met=ours < TARGET_READ_S
                 and statuses == ["imported"], details={
                     "files": len(paths), "lines_per_file": sc.district_products,
                     "statuses": statuses,
                     "baseline_method": "openpyxl read_only load + iterate the data sheet"})
