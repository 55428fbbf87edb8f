"""The crash checks can fail: a damaged file and a cache that disagrees with the ledger are
both reported (otherwise a trial that "survived" would prove nothing)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.reliability._harness import check_database, prepare_concurrency, sqlite_url


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite3"
    prepare_concurrency(sqlite_url(path))
    return path


def test_a_sound_database_passes(tmp_path: Path) -> None:
    assert check_database(_database(tmp_path)) == []


def test_a_stock_balance_that_disagrees_with_the_ledger_is_reported(tmp_path: Path) -> None:
    path = _database(tmp_path)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE stock_balances SET balance = balance + 1")
    con.close()
    found = check_database(path)
    assert len(found) == 1 and found[0].startswith("stock_balances:")


def test_a_damaged_file_is_reported(tmp_path: Path) -> None:
    path = _database(tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page:4 * page] = b"\xff" * (2 * page)  # two pages of garbage after the header
    path.write_bytes(bytes(data))
    found = check_database(path)
    assert found and ("integrity_check" in found[0] or "cannot be read" in found[0])
