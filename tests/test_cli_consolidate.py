"""``stockdesk requisition consolidate`` as the district logistician meets it."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.requisitions import RequisitionService

from .conftest import TODAY
from .test_cli import environment, run  # noqa: F401 - fixtures

ANA = Actor("ana", "pharmacist")
INES = Actor("ines", "facility_incharge")
LOUIS = Actor("louis", "district_logistician")


def _requisition_actions(parser: argparse.ArgumentParser) -> Any:
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    requisition = commands.choices["requisition"]
    return next(a for a in requisition._actions if isinstance(a, argparse._SubParsersAction))


@pytest.fixture
def approved(facility_db: Database, db_url: str) -> str:
    """HC01's November R&R approved (AMOX250 J = 450 → K = 450: 4 r50 → 4 packs); HC02 has
    none."""
    ledger = LedgerService(facility_db, Actor("setup", "admin"), today=lambda: TODAY)
    ledger.receive("HC01", date(2024, 11, 1), [LineInput("AMOX250", 500, "L1",
                                                         date(2026, 1, 1))])
    ledger.issue("HC01", date(2024, 11, 15), [LineInput("AMOX250", 120)])

    def svc(actor: Actor) -> RequisitionService:
        return RequisitionService(facility_db, actor, today=lambda: TODAY)

    svc(ANA).create("HC01", "2024-11", "essential")
    svc(ANA).request("HC01", "2024-11", "AMOX250", 450, "outreach", program="essential")
    svc(ANA).step("HC01", "2024-11", "submit", "essential")
    svc(INES).step("HC01", "2024-11", "authorize", "essential")
    svc(LOUIS).step("HC01", "2024-11", "approve", "essential")
    return db_url


def test_summary_and_files(run, approved, tmp_path: Path) -> None:  # noqa: F811
    xlsx, pdf, orders = tmp_path / "o.xlsx", tmp_path / "o.pdf", tmp_path / "o.csv"
    result = run("--db", approved, "requisition", "consolidate", "North", "2024-11",
                 "--program", "essential", "--xlsx", str(xlsx), "--pdf", str(pdf),
                 "--orders-csv", str(orders))
    assert result.code == 0, result.err
    lines = result.lines
    assert lines[0] == ("District order North 2024-11 (essential): 1 of 2 facilities ordering, "
                        "1 product, no prices to cost it")
    assert lines[2].split() == ["Product", "Name", "Facilities", "Approved", "Packs", "Cost"]
    amox = next(line.split() for line in lines if line.startswith("AMOX250"))
    assert amox[-5:] == ["1", "450", "4", "no", "price"]  # the catalogue has no price
    assert "No price (not in the total cost): AMOX250" in lines
    assert "Not reported:" in lines
    assert "  HC02 Health Centre Two [essential]: no requisition" in lines
    for path in (xlsx, pdf, orders):
        assert path.stat().st_size > 0
        assert f"stockdesk: wrote {path}" in result.err
    rows = list(csv.reader(io.StringIO(orders.read_text(encoding="utf-8"))))
    assert rows == [["order_number", "facility_code", "product_code", "product_name",
                     "approved_quantity", "period", "order_date"],
                    ["ORD-NORTH-2024-11-HC01-essential", "HC01", "AMOX250",
                     "Amoxicillin 250 mg tablet", "450", "2024-11", rows[1][6]]]
    date.fromisoformat(rows[1][6])


def test_refusals_are_one_line(run, approved) -> None:  # noqa: F811
    unknown = run("--db", approved, "requisition", "consolidate", "Nowhere", "2024-11")
    assert unknown.code == 1
    assert unknown.err.strip() == "error: no facility is in a district named 'Nowhere'"
    bad = run("--db", approved, "requisition", "consolidate", "North", "11/2024")
    assert bad.code == 1 and "period '11/2024' is neither a month" in bad.err


def test_help_names_the_action(run) -> None:  # noqa: F811
    result = run("requisition", "consolidate", "--help")
    assert result.code == 0
    assert "--orders-csv PATH" in result.out and "DISTRICT PERIOD" in result.out
