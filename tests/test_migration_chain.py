"""Migration 0005 links a ledger posted before the chain existed, and keeps it append-only."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from stockdesk.db import migrate
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.verify import VerifyService

from .conftest import TODAY
from .test_migrations import alembic


def test_rows_posted_before_the_chain_are_linked_and_stay_append_only(facility_db, admin):
    ledger = LedgerService(facility_db, admin, today=lambda: TODAY)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1"),
                                              LineInput("ORS", 40, "S1")], note="old «ledger»")
    issue = ledger.issue("HC01", date(2024, 3, 2), [LineInput("AMOX250", 30)])
    ledger.reverse(issue.id, "typo", on=date(2024, 3, 3))
    ledger.receive("HC02", date(2024, 3, 4), [LineInput("ORS", 5, "S2")])
    engine = facility_db.engine
    alembic(engine, "downgrade", "0004")  # as a database of the previous release
    assert "chain_hash" not in {c["name"] for c in inspect(engine).get_columns("movements")}
    assert "chain_heads" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM movement_lines")).scalar_one()
    facility_db.close()

    db = Database.open(facility_db.url)  # upgrades to head
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        report = VerifyService(db, admin, today=lambda: TODAY).verify()
        assert report.ok, [c.first for c in report.checks]
        assert {c.facility: c.rows for c in report.chains} == {"HC01": 7, "HC02": 2}
        assert sum(c.rows for c in report.chains) == before + 4  # the lines and 4 movements
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text("UPDATE movement_lines SET chain_hash = NULL"))
        # new postings continue the linked chain
        LedgerService(db, admin, today=lambda: TODAY).issue(
            "HC01", date(2024, 3, 5), [LineInput("ORS", 1)])
        report = VerifyService(db, admin, today=lambda: TODAY).verify()
        assert report.ok and {c.facility: c.rows for c in report.chains}["HC01"] == 9
    finally:
        db.close()
