"""``stockdesk verify`` as an auditor meets it: exit 0 and "All is well", or exit 1 and the row."""

from __future__ import annotations

import json
import sqlite3

import pytest

from .test_cli import environment, run, stocked  # noqa: F401 - fixtures


def test_a_clean_database_verifies(run, stocked):  # noqa: F811
    result = run("--db", stocked, "verify")
    assert result.code == 0, result.out + result.err
    assert "Ledger chains (" in result.out and "Stock balances (" in result.out
    assert result.lines[-1].startswith("All is well")
    assert "HC01: 8 rows, end " in result.out  # 4 movements of one line each
    data = json.loads(run("--db", stocked, "verify", "--format", "json").out)
    assert data["ok"] is True
    assert [c["name"] for c in data["checks"]] == [
        "database", "chain", "stock_balances", "summary_blocks"]
    assert data["chains"][0]["facility"] == "HC01" and len(data["chains"][0]["head_hash"]) == 64


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_line_changed_with_sqlite3_is_named_and_exits_1(run, stocked, tmp_path):  # noqa: F811
    path = stocked.split("///", 1)[1]
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER movement_lines_no_update")
    line_id = conn.execute("SELECT id FROM movement_lines WHERE quantity = 120").fetchone()[0]
    conn.execute(f"UPDATE movement_lines SET quantity = 12 WHERE id = {line_id}")
    conn.commit()
    conn.close()
    result = run("--db", stocked, "verify")
    assert result.code == 1
    assert "Ledger chains (8 ledger rows): 1 problem" in result.out
    assert (f"  line {line_id} of movement" in result.out
            and "facility HC01, dated 2024-11-15, product AMOX250" in result.out
            and "changed after it was posted" in result.out)
    assert "Stock balances (2 lots): ok" in result.out  # the quantity, not the delta
    assert result.lines[-1].startswith("The ledger was changed outside StockDesk")
    data = json.loads(run("--db", stocked, "verify", "--format", "json").out)
    assert data["ok"] is False
    chain = data["checks"][1]
    assert chain["problems"] == 1 and chain["first"][0]["code"] == "chain.changed"
    assert chain["first"][0]["row"]["line_id"] == line_id


def test_one_facility_and_an_unknown_one(run, stocked):  # noqa: F811
    result = run("--db", stocked, "verify", "--facility", "HC01")
    assert result.code == 0 and "HC01: 8 rows" in result.out
    unknown = run("--db", stocked, "verify", "--facility", "NOPE")
    assert unknown.code == 1 and "NOPE" in unknown.err
