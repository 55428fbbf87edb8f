"""Tamper evidence: a clean ledger verifies; a row changed, deleted or added outside StockDesk
is named exactly, as are cached figures that no longer match the ledger."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date

import pytest
from sqlalchemy import text

from stockdesk.db.models import ChainHead, Movement
from stockdesk.services import summaries
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService, LedgerRow
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.verify import VerifyReport, VerifyService

from ..conftest import TODAY

EXPIRY = date(2026, 1, 1)


def post_a_season(db: Database, admin) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Every way rows enter the ledger: forms, a count with its variance, a reversal, a
    correction, and a bulk import.  Returns a few movement ids by name."""
    ledger = LedgerService(db, admin, today=lambda: TODAY)
    first = ledger.receive("HC01", date(2024, 9, 2), [
        LineInput("AMOX250", 500, "L1", EXPIRY), LineInput("ORS", 200, "S1", EXPIRY)],
        reference="DN-1", supplier="DS01", note="déjà vu «ok»")
    issue = ledger.issue("HC01", date(2024, 9, 10), [LineInput("AMOX250", 120)])
    ledger.loss("HC01", date(2024, 9, 12), [LineInput("ORS", 5, "S1")], reason="damaged")
    ledger.transfer_out("HC01", date(2024, 9, 15), [LineInput("ORS", 20)], to="HC02")
    ledger.receive("HC02", date(2024, 9, 16), [LineInput("ORS", 20, "S1", EXPIRY)])
    ledger.count("HC01", date(2024, 9, 30), [CountInput("AMOX250", "L1", 370)])
    reversal = ledger.reverse(issue.id, "wrong patient", on=date(2024, 10, 1))
    ledger.correct(first.id, [LineInput("AMOX250", 450, "L1", EXPIRY),
                              LineInput("ORS", 200, "S1", EXPIRY)], "delivery note misread",
                   on=date(2024, 10, 2))
    result = ImportService(db, admin, today=lambda: TODAY).import_ledger_rows([
        LedgerRow(date(2024, 11, 4), "HC01", "AMOX250", "ISSUE", 30, "L1"),
        LedgerRow(date(2024, 11, 4), "HC01", "ORS", "ISSUE", 10, "S1"),
        LedgerRow(date(2024, 11, 5), "HC02", "ORS", "ISSUE", 4, "S1"),
        LedgerRow(date(2024, 11, 30), "HC01", "ORS", "COUNT", 150, "S1"),
    ], "november.csv")
    assert result.status == "imported", result.problems
    return {"first": first.id, "issue": issue.id, "reversal": reversal.id}


def verify(db: Database, admin, facility: str | None = None) -> VerifyReport:  # type: ignore[no-untyped-def]
    return VerifyService(db, admin, today=lambda: TODAY).verify(facility)


def check(report: VerifyReport, name: str):  # type: ignore[no-untyped-def]
    return next(c for c in report.checks if c.name == name)


SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def sqlite_tamper(db: Database, *statements: str | tuple[str, tuple[object, ...]]) -> None:
    """What someone with the sqlite3 tool and the file could do: drop the triggers, edit."""
    path = db.sqlite_path
    assert path is not None
    db.close()
    conn = sqlite3.connect(path)
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")\
                .fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        for sql in statements:
            conn.execute(*((sql,) if isinstance(sql, str) else sql))
        conn.commit()
    finally:
        conn.close()


def reopen(db: Database) -> Database:
    return Database.open(db.url)


def line_in_the_middle(db: Database) -> tuple[int, int]:
    """(id, chain_seq) of a line of HC01 with rows after it in the chain."""
    with db.reading() as s:
        ids = s.execute(text("SELECT id, chain_seq FROM movement_lines WHERE facility_id = "
                             "(SELECT id FROM facilities WHERE code = 'HC01') "
                             "ORDER BY chain_seq")).all()
    row = ids[len(ids) // 2]
    return int(row[0]), int(row[1])


# -- a clean ledger --------------------------------------------------------------------------


def test_every_way_of_posting_keeps_the_chain_whole(facility_db, admin):
    ids = post_a_season(facility_db, admin)
    report = verify(facility_db, admin)
    assert report.ok, [c.first for c in report.checks]
    with facility_db.reading() as s:
        rows = {fac: n for fac, n in s.execute(text(
            "SELECT f.code, (SELECT count(*) FROM movements m WHERE m.facility_id = f.id) + "
            "(SELECT count(*) FROM movement_lines l WHERE l.facility_id = f.id) "
            "FROM facilities f"))}
        reversal = s.get(Movement, ids["reversal"])
        assert reversal is not None and reversal.chain_seq is not None
        heads = {h.facility_id: h.length for h in s.query(ChainHead)}
    chains = {c.facility: c for c in report.chains}
    assert {code: c.rows for code, c in chains.items()} == {
        code: n for code, n in rows.items() if n}
    assert sorted(heads.values()) == sorted(c.head_length for c in chains.values())
    assert check(report, "stock_balances").checked > 0


def test_one_facility_can_be_verified_alone(facility_db, admin):
    post_a_season(facility_db, admin)
    report = verify(facility_db, admin, "HC02")
    assert report.ok and [c.facility for c in report.chains] == ["HC02"]


def test_two_writers_at_once_keep_the_chain_whole(facility_db, admin):
    """Two sessions (two engines, as two workstations) post to the same facility and to
    another at the same time: every row lands in one unbroken chain per facility."""
    LedgerService(facility_db, admin, today=lambda: TODAY).receive(
        "HC01", date(2024, 1, 2), [LineInput("AMOX250", 10_000, "L1", EXPIRY)])
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def post(fac_for_odd: str) -> None:
        db = Database.open(facility_db.url)
        try:
            ledger = LedgerService(db, admin, today=lambda: TODAY)
            start.wait()
            for i in range(12):
                fac = "HC01" if i % 2 == 0 else fac_for_odd
                if fac == "HC01":
                    ledger.issue(fac, date(2024, 2, 1 + i), [LineInput("AMOX250", 3)])
                else:
                    # a lot of its own: two facilities creating one new lot at the same
                    # moment is another matter (lots are shared by all facilities)
                    ledger.receive(fac, date(2024, 2, 1 + i),
                                   [LineInput("ORS", 5, f"S-{fac}", EXPIRY)])
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            db.close()

    writers = [threading.Thread(target=post, args=(f,)) for f in ("HC02", "DS01")]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    assert not errors, errors
    report = verify(facility_db, admin)
    assert report.ok, [c.first for c in report.checks]
    chains = {c.facility: c.rows for c in report.chains}
    assert chains == {"HC01": 2 + 12 * 2, "HC02": 6 * 2, "DS01": 6 * 2}


def test_a_posting_refused_leaves_no_trace_in_the_chain(facility_db, admin):
    from stockdesk.problems import ProblemsFound

    ledger = LedgerService(facility_db, admin, today=lambda: TODAY)
    ledger.receive("HC01", date(2024, 1, 2), [LineInput("AMOX250", 10, "L1", EXPIRY)])
    with pytest.raises(ProblemsFound):
        ledger.issue("HC01", date(2024, 1, 3), [LineInput("AMOX250", 11)])
    ledger.issue("HC01", date(2024, 1, 4), [LineInput("AMOX250", 4)])
    report = verify(facility_db, admin)
    assert report.ok and report.chains[0].rows == 4


# -- changed outside StockDesk ---------------------------------------------------------------


def test_a_quantity_changed_in_the_middle_is_named(facility_db, admin):
    post_a_season(facility_db, admin)
    line_id, seq = line_in_the_middle(facility_db)
    if facility_db.is_sqlite:
        sqlite_tamper(facility_db, f"UPDATE movement_lines SET quantity = quantity + 1, "
                                   f"delta = delta + 1 WHERE id = {line_id}")
        db = reopen(facility_db)
    else:  # the owner of a PostgreSQL database can switch its triggers off
        db = facility_db
        with db.engine.begin() as conn:
            conn.execute(text("ALTER TABLE movement_lines DISABLE TRIGGER USER"))
            conn.execute(text(f"UPDATE movement_lines SET quantity = quantity + 1, "
                              f"delta = delta + 1 WHERE id = {line_id}"))
            conn.execute(text("ALTER TABLE movement_lines ENABLE TRIGGER USER"))
    try:
        report = verify(db, admin)
    finally:
        db.close()
    chain = check(report, "chain")
    assert not report.ok and chain.problems == 1  # the rows after it still link to it
    finding = chain.first[0]
    assert finding.code == "chain.changed"
    assert finding.row is not None and finding.row.line_id == line_id
    assert finding.row.seq == seq and finding.facility == "HC01"
    assert f"line {line_id} of movement" in finding.message
    assert check(report, "stock_balances").problems == 1  # the balance cache now disagrees


@SQLITE_ONLY
def test_a_changed_movement_header_is_named(facility_db, admin):
    db = facility_db
    ids = post_a_season(db, admin)
    sqlite_tamper(db, f"UPDATE movements SET reference = 'DN-9' WHERE id = {ids['first']}")
    db = reopen(db)
    report = verify(db, admin)
    db.close()
    finding = check(report, "chain").first[0]
    assert finding.code == "chain.changed" and finding.row is not None
    assert (finding.row.table, finding.row.movement_id) == ("movement", ids["first"])


@SQLITE_ONLY
def test_a_deleted_line_leaves_a_gap_named_by_its_neighbours(facility_db, admin):
    db = facility_db
    post_a_season(db, admin)
    line_id, seq = line_in_the_middle(db)
    sqlite_tamper(db, f"DELETE FROM movement_lines WHERE id = {line_id}")
    db = reopen(db)
    report = verify(db, admin)
    db.close()
    chain = check(report, "chain")
    finding = chain.first[0]
    assert chain.problems == 1 and finding.code == "chain.missing"
    assert finding.params == {"first_seq": seq, "last_seq": seq}
    assert finding.row is not None and finding.row.seq == seq + 1  # the row after the gap
    assert f"chain position {seq - 1}" in finding.message  # and the row before it


@SQLITE_ONLY
def test_a_deleted_last_row_shows_at_the_head(facility_db, admin):
    db = facility_db
    post_a_season(db, admin)
    sqlite_tamper(db, "DELETE FROM movement_lines WHERE id = (SELECT max(id) FROM "
                      "movement_lines WHERE facility_id = (SELECT id FROM facilities "
                      "WHERE code = 'HC02'))")
    db = reopen(db)
    report = verify(db, admin)
    db.close()
    finding = check(report, "chain").first[0]
    assert finding.code == "chain.missing" and finding.facility == "HC02"


@SQLITE_ONLY
def test_a_forged_line_is_named(facility_db, admin):
    db = facility_db
    post_a_season(db, admin)
    line_id, _ = line_in_the_middle(db)
    copy = ("movement_id, product_id, lot_id, quantity, delta, counted, book_balance, "
            "facility_id, occurred_on, period, summary_column")
    sqlite_tamper(
        db,
        # slipped in as a plain row, and as a copy of a real line with its place and hash
        f"INSERT INTO movement_lines ({copy}) SELECT {copy} FROM movement_lines "
        f"WHERE id = {line_id}",
        f"INSERT INTO movement_lines ({copy}, chain_seq, chain_hash) SELECT {copy}, "
        f"chain_seq, chain_hash FROM movement_lines WHERE id = {line_id}")
    db = reopen(db)
    report = verify(db, admin)
    db.close()
    chain = check(report, "chain")
    assert chain.problems == 2
    codes = {f.code: f.row.line_id for f in chain.first if f.row is not None}
    assert set(codes) == {"chain.unlinked", "chain.duplicate"}
    assert line_id not in codes.values()  # the real line is not blamed
    assert all(v > line_id for v in codes.values())


@SQLITE_ONLY
def test_a_changed_cached_balance_is_named(facility_db, admin):
    db = facility_db
    post_a_season(db, admin)
    sqlite_tamper(db, "UPDATE stock_balances SET balance = balance + 7 WHERE lot_id = "
                      "(SELECT id FROM lots WHERE batch = 'S1') AND facility_id = "
                      "(SELECT id FROM facilities WHERE code = 'HC02')")
    db = reopen(db)
    report = verify(db, admin)
    db.close()
    assert check(report, "chain").problems == 0  # the ledger itself is intact
    balances = check(report, "stock_balances")
    assert balances.problems == 1
    finding = balances.first[0]
    assert (finding.facility, finding.params["product"], finding.params["lot"]) == (
        "HC02", "ORS", "S1")
    assert finding.params["cached"] == finding.params["ledger"] + 7


@SQLITE_ONLY
def test_a_changed_monthly_summary_is_named(facility_db, admin):
    db = facility_db
    post_a_season(db, admin)
    with db.transaction() as s:
        summaries.refresh(s, TODAY)
    assert check(verify(db, admin), "summary_blocks").problems == 0
    with db.reading() as s:
        data = s.execute(text(
            "SELECT data FROM summary_blocks WHERE facility_id = (SELECT id FROM facilities "
            "WHERE code = 'HC01') AND product_id = (SELECT id FROM products "
            "WHERE code = 'AMOX250')")).scalar_one()
    # the first month's consumption (C: the third of six little-endian int64) becomes 12,345
    changed = data[:16] + (12_345).to_bytes(8, "little") + data[24:]
    sqlite_tamper(db, ("UPDATE summary_blocks SET data = ? WHERE data = ?", (changed, data)))
    db = reopen(db)
    report = verify(db, admin)
    db.close()
    blocks = check(report, "summary_blocks")
    assert blocks.problems == 1
    finding = blocks.first[0]
    assert finding.facility == "HC01" and finding.params["product"] == "AMOX250"
    assert finding.params["period"] == "2024-09" and finding.params["field"] == "consumed"


@SQLITE_ONLY
def test_a_line_pointing_at_nothing_is_a_damaged_file(facility_db, admin):
    db = facility_db
    post_a_season(db, admin)
    sqlite_tamper(db, "PRAGMA foreign_keys = OFF",
                  "UPDATE movement_lines SET product_id = 999 WHERE id = 1")
    db = reopen(db)
    report = verify(db, admin)
    db.close()
    database = check(report, "database")
    assert database.first[0].code == "database.foreign_key"
    assert "movement_lines row 1" in database.first[0].message
    assert check(report, "chain").first[0].row.line_id == 1  # type: ignore[union-attr]


def test_months_summarised_on_a_later_day_are_not_a_finding(facility_db, admin):
    """The PC's clock ran ahead, the monthly summaries were brought up to that day, then the
    clock was put right: verifying as of the true day finds nothing wrong."""
    ahead = date(2025, 3, 10)
    LedgerService(facility_db, admin, today=lambda: ahead).receive(
        "HC01", date(2024, 11, 5), [LineInput("ORS", 100, "A", EXPIRY)])
    with facility_db.transaction() as s:
        summaries.refresh(s, ahead)  # summarised through February 2025
    report = VerifyService(facility_db, admin, today=lambda: TODAY).verify()
    assert check(report, "summary_blocks").problems == 0
