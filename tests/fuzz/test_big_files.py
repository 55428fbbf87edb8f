"""Big and explosive files: refused early, with the limit in the message, in bounded memory
and time; a big valid ledger imported whole in bounded memory.  Each import runs in a process
of its own so its peak memory can be read (``VmHWM``); the files are built once per session.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks._data import RECEIPT, Ledger, fresh_database, generate, write_csv
from stockdesk.exchange.tabular import MAX_PART_BYTES, MAX_UNZIPPED_BYTES
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData

from . import corrupt

MB = 1024 * 1024
PEAK_LIMIT_MB = 500
ROOT = Path(__file__).resolve().parents[2]


def _fill(path: Path, head: bytes, line: bytes, size: int) -> Path:
    with path.open("wb") as f:
        f.write(head)
        block = line * max(1, (4 * MB) // len(line))
        written = len(head)
        while written < size:
            f.write(block)
            written += len(block)
    return path


@pytest.fixture(scope="session")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The big files (about 100 MB each, or small files that unpack to gigabytes)."""
    folder = tmp_path_factory.mktemp("big")
    base = corrupt.xlsx_bytes(corrupt.VALID["ledger"])  # type: ignore[arg-type]
    files = {
        # 100 MB of well-formed ledger rows for a facility nobody knows
        "ledger_unknown": _fill(folder / "ledger.csv",
                                b"date,facility_code,product_code,kind,quantity,lot,expiry\n",
                                b"2024-01-05,HC99,AMOX250,RECEIPT,10,L1,2026-01-01\n", 100 * MB),
        # 100 MB of one field: no newline anywhere
        "one_field": _fill(folder / "one_field.csv",
                           b"date,facility_code,product_code,kind,quantity\n", b"x", 100 * MB),
        # 100 MB of random bytes
        "random": folder / "random.csv",
        # a 100 MB "catalogue"
        "catalogue": _fill(folder / "catalogue.csv", b"code,name\n", b"P1,Paracetamol\n",
                           100 * MB),
        # a workbook whose sheet unpacks to more than the limit (about 1 MB on disk)
        "sheet_bomb": folder / "sheet_bomb.xlsx",
        # a workbook with a non-sheet part over the limit (shared strings are read whole)
        "part_bomb": folder / "part_bomb.xlsx",
        # a 100 MB workbook: a picture nobody can compress, stored in it
        "xlsx_100mb": folder / "big.xlsx",
    }
    with files["random"].open("wb") as f:
        for _ in range(100):
            f.write(os.urandom(MB))
    files["sheet_bomb"].write_bytes(
        corrupt.zip_bomb(corrupt.SHEET, MAX_UNZIPPED_BYTES + MB, base))
    files["part_bomb"].write_bytes(
        corrupt.zip_bomb("xl/sharedStrings.xml", MAX_PART_BYTES + MB, base))
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(base)) as src, \
            zipfile.ZipFile(files["xlsx_100mb"], "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        with dst.open(zipfile.ZipInfo("xl/media/image1.png"), "w", force_zip64=True) as part:
            for _ in range(100):
                part.write(os.urandom(MB))
    return files


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bigdb") / "template.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        md = MasterDataService(db, SETUP_ACTOR)
        md.save_facilities([FacilityData("HC01", "Health Centre One")])
        md.save_products([ProductData("AMOX250", "Amoxicillin", program="essential")])
    finally:
        db.close()
    return path


@pytest.fixture(scope="session")
def valid_ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Ledger]:
    """A valid ledger CSV of about 100 MB (1.5 million lines: 20 facilities × 250 products ×
    15 months of a receipt and 19 issues, with lots, references and suppliers), and a
    database that knows its facilities and products."""
    folder = tmp_path_factory.mktemp("valid")
    ledger = generate(20, 250, 15, 20)
    path = folder / "ledger.csv"
    write_csv(path, ledger)
    template = folder / "template.sqlite3"
    fresh_database(template, ledger).close()
    return path, template, ledger


def measure(kind: str, path: Path, template: Path | None, tmp_path: Path) -> dict[str, object]:
    """Import ``path`` into a copy of ``template`` (None: into the database already there)."""
    db = tmp_path / "db.sqlite3"
    if template is not None:
        db.write_bytes(template.read_bytes())
    done = subprocess.run(
        [sys.executable, "-m", "tests.fuzz.measure", kind, str(path), f"sqlite:///{db}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.slow
@pytest.mark.parametrize("case, kind, expected", [
    ("ledger_unknown", "ledger", "unknown facility code 'HC99'"),
    ("one_field", "ledger", "broken CSV"),
    ("random", "history", "not a text file"),
    ("catalogue", "catalogue", "larger than 16 MB"),
    ("sheet_bomb", "ledger", f"larger than {MAX_UNZIPPED_BYTES // MB} MB once unpacked"),
    ("part_bomb", "ledger", f"larger than {MAX_PART_BYTES // MB} MB in its part "
                            "xl/sharedStrings.xml once unpacked"),
    ("xlsx_100mb", "ledger", "xl/media/image1.png once unpacked"),
    ("sheet_bomb", "rnr", "once unpacked"),
    ("part_bomb", "rnr", "once unpacked"),
])
def test_big_files_are_refused_in_bounded_memory(big, empty_db, tmp_path, case, kind,
                                                 expected):
    out = measure(kind, big[case], empty_db, tmp_path)
    print(case, kind, out["seconds"], "s", out["peak_mb"], "MB")
    assert out["status"] == "refused"
    problems = out["problems"]
    assert isinstance(problems, list) and problems
    assert str(problems[0]).startswith(big[case].name)
    assert any(expected in str(p) for p in problems), problems
    assert isinstance(out["peak_mb"], float) and out["peak_mb"] < PEAK_LIMIT_MB, out


def stock_in_database(db: Path) -> tuple[int, int]:
    """(movement lines, total stock on hand) of a database."""
    with sqlite3.connect(db) as conn:
        lines, = conn.execute("SELECT count(*) FROM movement_lines").fetchone()
        on_hand, = conn.execute("SELECT coalesce(sum(balance), 0) FROM stock_balances").fetchone()
    return lines, on_hand


def stock_in_file(ledger: Ledger) -> int:
    return int(ledger.qty[ledger.kind == RECEIPT].sum() - ledger.qty[ledger.kind != RECEIPT].sum())


@pytest.mark.slow
def test_a_valid_100mb_ledger_imports_whole_in_bounded_memory(valid_ledger, tmp_path):
    """A district's years of stock cards fit on a clinic PC with 2 GB: every line arrives and
    the stock on hand is what the file says; so does the next month's file on top of them
    (checked against the 1.5 million lines already stored)."""
    path, template, ledger = valid_ledger
    assert path.stat().st_size >= 100 * MB
    out = measure("ledger", path, template, tmp_path)
    print("valid ledger", len(ledger), "lines", out["seconds"], "s", out["peak_mb"], "MB")
    assert out["status"] == "imported", out["problems"]
    assert out["rows"] == len(ledger)
    assert stock_in_database(tmp_path / "db.sqlite3") == (len(ledger), stock_in_file(ledger))
    assert isinstance(out["peak_mb"], float) and out["peak_mb"] < PEAK_LIMIT_MB, out

    month = generate(20, 250, 1, 20, seed=7)  # December again, other days and quantities
    write_csv(tmp_path / "month.csv", month)
    out = measure("ledger", tmp_path / "month.csv", None, tmp_path)
    print("one month on top", len(month), "lines", out["seconds"], "s", out["peak_mb"], "MB")
    assert out["status"] == "imported", out["problems"]
    assert stock_in_database(tmp_path / "db.sqlite3") == (
        len(ledger) + len(month), stock_in_file(ledger) + stock_in_file(month))
    assert isinstance(out["peak_mb"], float) and out["peak_mb"] < PEAK_LIMIT_MB, out


@pytest.mark.slow
def test_a_100mb_utf16_ledger_imports_in_bounded_memory(valid_ledger, tmp_path):
    """Excel's "Unicode text" (UTF-16, tab-separated) is decoded as it is read, not whole."""
    csv_path, template, _ = valid_ledger
    path = tmp_path / "ledger.txt"
    with csv_path.open(encoding="utf-8", newline="") as src, \
            path.open("w", encoding="utf-16", newline="") as dst:
        rows = -1  # the header is not a row
        while dst.tell() < 100 * MB:
            dst.write(next(src).replace(",", "\t"))
            rows += 1
    out = measure("ledger", path, template, tmp_path)
    print("utf-16 ledger", rows, "rows", out["seconds"], "s", out["peak_mb"], "MB")
    assert out["status"] == "imported", out["problems"]
    assert out["rows"] == rows
    assert isinstance(out["peak_mb"], float) and out["peak_mb"] < PEAK_LIMIT_MB, out


@pytest.mark.slow
def test_one_facility_s_100mb_ledger_imports_in_bounded_memory(tmp_path):
    """The usual big file: one health centre's whole history (1.5 million lines).  After the
    import its months are summarised, a slice of lines at a time, within the same bound."""
    ledger = generate(1, 5000, 15, 20, seed=11)
    path = tmp_path / "one-facility.csv"
    write_csv(path, ledger)
    template = tmp_path / "template.sqlite3"
    fresh_database(template, ledger).close()
    out = measure("ledger", path, template, tmp_path)
    print("one facility", len(ledger), "lines", out["seconds"], "s", out["peak_mb"], "MB")
    assert out["status"] == "imported", out["problems"]
    assert stock_in_database(tmp_path / "db.sqlite3") == (len(ledger), stock_in_file(ledger))
    assert isinstance(out["peak_mb"], float) and out["peak_mb"] < PEAK_LIMIT_MB, out
