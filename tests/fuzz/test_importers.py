"""Every importer fed broken and hostile files: a clear answer naming the file, and nothing
changed when the file is refused.  (The big files, with their memory, are in test_big_files.)
"""

from __future__ import annotations

import itertools
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stockdesk.problems import ProblemsFound
from stockdesk.services.backup import BackupService
from stockdesk.services.imports import ImportService

from ..conftest import TODAY
from . import corrupt
from .check import import_and_check
from .fingerprint import changed_tables, fingerprint

KINDS = list(corrupt.VALID)
FUZZ = settings(max_examples=40, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
counter = itertools.count()
today = lambda: TODAY  # noqa: E731


def _write(folder: Path, data: bytes, suffix: str) -> Path:
    path = folder / f"upload-{next(counter)}{suffix}"
    path.write_bytes(data)
    return path


@FUZZ
@given(kind=st.sampled_from(KINDS), seed=st.integers(0, 2**32 - 1))
def test_broken_csv_is_answered_clearly_and_changes_nothing_when_refused(
        facility_db, admin, tmp_path, kind, seed):
    data = corrupt.broken_csv(kind, random.Random(seed))
    import_and_check(facility_db, admin, kind, _write(tmp_path, data, ".csv"), today)


@FUZZ
@given(kind=st.sampled_from(KINDS), seed=st.integers(0, 2**32 - 1))
def test_broken_workbooks_are_answered_clearly_and_change_nothing_when_refused(
        facility_db, admin, tmp_path, kind, seed):
    data = corrupt.broken_xlsx(kind, random.Random(seed))
    import_and_check(facility_db, admin, kind, _write(tmp_path, data, ".xlsx"), today)


@pytest.mark.parametrize("kind", KINDS)
def test_the_valid_files_the_fuzzer_starts_from_are_imported(facility_db, admin, tmp_path,
                                                             kind):
    """Otherwise every mutation would be refused for the wrong reason."""
    for suffix, data in ((".csv", corrupt.csv_bytes(corrupt.VALID[kind])),
                         (".xlsx", corrupt.xlsx_bytes(corrupt.VALID[kind]))):  # type: ignore[arg-type]
        status = import_and_check(facility_db, admin, kind, _write(tmp_path, data, suffix),
                                  today)
        assert status in ("imported", "skipped")


@pytest.mark.parametrize("part, payload, expected", [
    (corrupt.SHEET, corrupt.BILLION_LAUGHS, "EntitiesForbidden"),
    (corrupt.SHEET, corrupt.EXTERNAL_ENTITY, "EntitiesForbidden"),
    (corrupt.SHEET, corrupt.QUADRATIC, "EntitiesForbidden"),
    ("xl/styles.xml", corrupt.BILLION_LAUGHS, "EntitiesForbidden"),
    ("docProps/core.xml", corrupt.EXTERNAL_ENTITY, "EntitiesForbidden"),
    ("xl/workbook.xml", corrupt.BILLION_LAUGHS, "EntitiesForbidden"),
    ("[Content_Types].xml", None, "the workbook is damaged"),
    ("xl/workbook.xml", None, "is a ZIP archive"),
])
def test_xml_attacks_and_missing_parts_are_refused_by_name(facility_db, admin, tmp_path, part,
                                                           payload, expected):
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True  # openpyxl parses every part through defusedxml
    data = corrupt.replace_member(corrupt.xlsx_bytes(corrupt.VALID["ledger"]),  # type: ignore[arg-type]
                                  part, payload)
    path = _write(tmp_path, data, ".xlsx")
    before = fingerprint(facility_db)
    result = ImportService(facility_db, admin, today).import_file("ledger", path)
    assert result.status == "refused"
    text = "\n".join(str(p) for p in result.problems)
    assert text.startswith(path.name)
    assert expected in text or "cannot be read" in text, text
    assert "root:" not in text  # nothing of /etc/passwd was read into a cell
    assert changed_tables(before, fingerprint(facility_db)) == []


@pytest.mark.parametrize("code, why", [
    ("HC\u200b07", "ZERO WIDTH SPACE"), ("\ufeffHC07", "ZERO WIDTH NO-BREAK SPACE"),
    ("НС07", "Cyrillic"), ("HC\u00a007", "NO-BREAK SPACE"), ("HC07\u2060", "WORD JOINER"),
])
def test_look_alike_codes_are_refused_with_their_row(facility_db, admin, tmp_path, code, why):
    rows = [["code", "name", "type"], ["HC07", "Seven", "health_centre"],
            [code, "Seven again", "health_centre"]]
    path = _write(tmp_path, corrupt.csv_bytes(rows), ".csv")
    result = ImportService(facility_db, admin, today).import_file("facilities", path)
    assert result.status == "refused"
    [problem] = result.errors
    assert (problem.code, problem.where.row, problem.where.column) == (  # type: ignore[union-attr]
        "import.bad_code", 3, "code")
    assert why in str(problem)


def test_formulas_in_a_workbook_are_never_evaluated(facility_db, admin, tmp_path):
    """A formula cell brings no value (a workbook written by a program has no cached result),
    so a quantity '=1000*1000' is a missing quantity, not a million."""
    rows = [list(r) for r in corrupt.VALID["ledger"]]
    rows[1][4] = "=1000*1000"
    path = _write(tmp_path, corrupt.xlsx_bytes(rows), ".xlsx")  # type: ignore[arg-type]
    result = ImportService(facility_db, admin, today).import_file("ledger", path)
    assert result.status == "refused"
    assert [(p.code, p.where.row) for p in result.errors] == [  # type: ignore[union-attr]
        ("import.required", 2)]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1),
       mutation=st.sampled_from(["truncate", "flip", "nul", "duplicate", "random", "empty"]))
def test_a_restore_refuses_anything_but_a_stockdesk_database(tmp_path, seed, mutation):
    """The file check of a restore, fed broken copies: a clear problem, the database intact."""
    from stockdesk.services.auth import SETUP_ACTOR
    from stockdesk.services.database import Database

    live = tmp_path / f"live-{next(counter)}.sqlite3"
    db = Database.open(f"sqlite:///{live}")
    try:
        good = tmp_path / f"good-{next(counter)}.sqlite3"
        BackupService(db, SETUP_ACTOR).backup(good)
        data = good.read_bytes()
        rng = random.Random(seed)
        if mutation == "random":
            data = rng.randbytes(rng.randint(1, 9000))
        elif mutation == "empty":
            data = b""
        else:
            data = corrupt.BYTE_MUTATIONS[mutation](data, rng)
        bad = _write(tmp_path, data, ".sqlite3")
        before = fingerprint(db)
        service = BackupService(db, SETUP_ACTOR, safety_dir=tmp_path / "safety")
        try:
            service.restore(bad)
        except ProblemsFound as exc:
            assert exc.problems and all(p.is_error for p in exc.problems)
            assert changed_tables(before, fingerprint(db)) == []
        else:  # a mutation SQLite does not notice: the restore must then be a whole database
            with sqlite3.connect(live) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_the_long_campaign_runs_and_reports_what_it_tried():
    from benchmarks._fuzz import run_fuzz

    out = run_fuzz(2.0)
    assert out["inputs_tried"] > 0  # type: ignore[operator]
    assert out["failures"] == []
