"""Importing stock-card transactions: the same ledger as posting them one by one, checked against
what the database already holds, refused whole when any row is wrong."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select

from stockdesk.db.models import Facility, ImportBatch, Movement, MovementLine
from stockdesk.services import balances, summaries
from stockdesk.services.imports import ImportService, LedgerRow
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.stock import StockService

from ..conftest import TODAY
from ..exchange.files import FORMATS, write_as, write_csv
from .test_imports import counts, texts

HEADER = ["date", "facility_code", "product_code", "kind", "quantity", "lot", "expiry",
          "reason", "reference", "counterparty", "note"]


def services(db, admin):
    return (ImportService(db, admin, today=lambda: TODAY),
            LedgerService(db, admin, today=lambda: TODAY),
            StockService(db, admin, today=lambda: TODAY))


def ledger_file(tmp_path, rows, name="ledger.csv"):
    return write_csv(tmp_path / name, [HEADER, *rows])


def card(stock, facility, product="AMOX250"):
    return [(c.occurred_on, c.kind, c.reason, c.lot, c.quantity_in, c.quantity_out, c.counted,
             c.balance) for c in stock.stock_card(facility, product)]


AC01 = [  # FIELD.md AC-01 as a pharmacist's stock card
    ["2024-01-31", "{f}", "AMOX250", "RECEIPT", "500", "L1", "2026-01-01", "", "GRN-1", "DS01",
     ""],
    ["2024-02-03", "{f}", "AMOX250", "receipt", "1200", "L1", "2026-01-01", "", "GRN-2", "DS01",
     ""],
    ["2024-02-10", "{f}", "AMOX250", "Issue", "900", "", "", "", "V-7", "", ""],
    ["2024-02-12", "{f}", "AMOX250", "LOSS", "30", "L1", "", "expired", "", "", "shelf 3"],
    ["2024-02-14", "{f}", "AMOX250", "transfer in", "20", "L1", "", "", "", "HC02", ""],
    ["2024-02-29", "{f}", "AMOX250", "COUNT", "780", "L1", "", "", "INV-02", "", ""],
]


def test_an_imported_stock_card_equals_the_same_card_posted_by_hand(facility_db, admin,
                                                                     tmp_path):
    imports, ledger, stock = services(facility_db, admin)
    result = imports.import_file("ledger", ledger_file(tmp_path, [
        [c.format(f="HC01") for c in row] for row in AC01]))
    assert (result.status, result.rows, result.problems) == ("imported", 6, ())
    # the same, posted through the ledger service at HC02
    ledger.receive("HC02", date(2024, 1, 31), [LineInput("AMOX250", 500, "L1", date(2026, 1, 1))],
                   reference="GRN-1", supplier="DS01")
    ledger.receive("HC02", date(2024, 2, 3), [LineInput("AMOX250", 1200, "L1", date(2026, 1, 1))],
                   reference="GRN-2", supplier="DS01")
    ledger.issue("HC02", date(2024, 2, 10), [LineInput("AMOX250", 900)], reference="V-7")
    ledger.loss("HC02", date(2024, 2, 12), [LineInput("AMOX250", 30, "L1")], reason="expired",
                note="shelf 3")
    ledger.transfer_in("HC02", date(2024, 2, 14), [LineInput("AMOX250", 20, "L1")],
                       source="HC02")
    ledger.count("HC02", date(2024, 2, 29), [CountInput("AMOX250", "L1", 780)],
                 reference="INV-02")
    assert card(stock, "HC01") == card(stock, "HC02")
    feb = stock.monthly("HC01", "2024-02", "2024-02", ["AMOX250"])[0].summary
    assert (feb.opening, feb.received, feb.consumed, feb.adjustments, feb.closing) == (
        500, 1200, 900, -20, 780)
    with facility_db.reading() as s:
        adj = s.scalar(select(Movement).where(Movement.count_id.is_not(None),
                                              Movement.facility_id == _id(s, "HC01")))
        assert (adj.kind, adj.reason, adj.reference, adj.import_batch_id is not None) == (
            "ADJUSTMENT", "count_loss", "INV-02", True)
        receipt = s.scalar(select(Movement).where(Movement.reference == "GRN-1",
                                                  Movement.facility_id == _id(s, "HC01")))
        assert (receipt.counterparty_facility_id, receipt.counterparty_name,
                receipt.user_id, receipt.summary_column) == (_id(s, "DS01"), None, None, "B")
        line = receipt.lines[0]
        assert (line.period, line.occurred_on, line.facility_id, line.summary_column) == (
            "2024-01", date(2024, 1, 31), receipt.facility_id, "B")
    assert_caches_agree(facility_db)


def assert_caches_agree(db):
    """The balance and summary caches say what a replay of the ledger says."""
    with db.transaction() as s:
        summaries.refresh(s, TODAY)
        assert balances.verify(s) == []
        assert summaries.verify(s, TODAY) == []


def _id(s, code):
    return s.scalar(select(Facility.id).where(Facility.code == code))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_file_format_gives_the_same_ledger(facility_db, admin, tmp_path, fmt):
    imports, _, stock = services(facility_db, admin)
    rows = [HEADER, *[[c.format(f="HC01") for c in row] for row in AC01]]
    result = imports.import_file("ledger", write_as(fmt, tmp_path, "ledger", rows))
    assert (result.status, result.rows, result.problems) == ("imported", 6, ())
    assert card(stock, "HC01")[-1] == (date(2024, 2, 29), "ADJUSTMENT", "count_loss", "L1", 0,
                                       10, None, 780)


def test_issues_without_a_lot_are_taken_fefo_skipping_expired_lots(facility_db, admin, tmp_path):
    imports, _, stock = services(facility_db, admin)
    result = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-01-01", "HC01", "AMOX250", "RECEIPT", "50", "OLD", "2024-02-01", "", "", "DS01",
         ""],
        ["2024-01-01", "HC01", "AMOX250", "RECEIPT", "60", "SOON", "2024-06-30", "", "", "DS01",
         ""],
        ["2024-01-01", "HC01", "AMOX250", "RECEIPT", "70", "LATE", "2025-06-30", "", "", "DS01",
         ""],
        ["2024-03-01", "HC01", "AMOX250", "ISSUE", "100", "", "", "", "V1", "", ""],
        ["2024-03-03", "HC01", "AMOX250", "LOSS", "50", "", "", "expired", "", "", ""],
    ]))
    assert result.status == "imported", texts(result)
    issue = [(c.lot, c.quantity_out) for c in stock.stock_card("HC01", "AMOX250")
             if c.kind == "ISSUE"]
    assert issue == [("SOON", 60), ("LATE", 40)]
    loss = [(c.lot, c.quantity_out) for c in stock.stock_card("HC01", "AMOX250")
            if c.kind == "LOSS"]
    assert loss == [("OLD", 50)]  # a loss may take the expired lot, first
    with facility_db.reading() as s:  # the split issue is one movement with two lines
        assert len(s.scalar(select(Movement).where(Movement.reference == "V1")).lines) == 2


def test_fefo_uses_stock_already_in_the_ledger(facility_db, admin, tmp_path):
    imports, ledger, stock = services(facility_db, admin)
    ledger.receive("HC01", date(2024, 1, 5), [LineInput("AMOX250", 30, "A", date(2025, 1, 1))])
    result = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-02-01", "HC01", "AMOX250", "RECEIPT", "40", "B", "2024-12-01", "", "", "DS01",
         ""],
        ["2024-02-02", "HC01", "AMOX250", "ISSUE", "50", "", "", "", "", "", ""],
    ]))
    assert result.status == "imported"
    assert [(lb.lot, lb.balance) for lb in stock.lot_balances("HC01", "AMOX250",
                                                              date(2024, 2, 2))] == [("A", 20)]


@pytest.mark.parametrize("rows, expected", [
    ([["2024-03-01", "HC01", "AMOX250", "RECEIPT", "10", "L1", "", "", "", "DS01", ""],
      ["2024-03-02", "HC01", "AMOX250", "ISSUE", "11", "", "", "", "", "", ""]],
     "ledger.csv:3:quantity: error: cannot take 11 of AMOX250 on 2024-03-02: the usable "
     "balance is 10"),
    ([["2024-03-01", "HC01", "AMOX250", "RECEIPT", "10", "L1", "", "", "", "DS01", ""],
      ["2024-03-02", "HC01", "AMOX250", "ISSUE", "11", "L1", "", "", "", "", ""]],
     "ledger.csv:3:quantity: error: this would make lot L1 of AMOX250 negative (-1) on "
     "2024-03-02"),
    # issued before it arrived: the file is read in ledger order, not row order
    ([["2024-03-05", "HC01", "AMOX250", "RECEIPT", "10", "L1", "", "", "", "DS01", ""],
      ["2024-03-02", "HC01", "AMOX250", "ISSUE", "5", "L1", "", "", "", "", ""]],
     "ledger.csv:3:lot: error: lot L1 of AMOX250 has no stock at HC01"),
    ([["2024-03-01", "HC01", "AMOX250", "RECEIPT", "3", "L1", "", "", "", "DS01", ""],
      ["2024-03-05", "HC01", "AMOX250", "RECEIPT", "10", "L1", "", "", "", "DS01", ""],
      ["2024-03-02", "HC01", "AMOX250", "ISSUE", "5", "L1", "", "", "", "", ""]],
     "ledger.csv:4:quantity: error: this would make lot L1 of AMOX250 negative (-2) on "
     "2024-03-02"),
    ([["2024-03-01", "HC01", "AMOX250", "RECEIPT", "10", "L1", "2024-03-02", "", "", "DS01",
       ""],
      ["2024-03-02", "HC01", "AMOX250", "ISSUE", "5", "L1", "", "", "", "", ""]],
     "ledger.csv:3:lot: error: lot L1 of AMOX250 expired on 2024-03-02: it cannot be issued "
     "on 2024-03-02"),
    ([["2024-03-01", "HC01", "AMOX250", "ISSUE", "5", "NOPE", "", "", "", "", ""]],
     "ledger.csv:2:lot: error: lot NOPE of AMOX250 has no stock at HC01"),
    ([["2024-03-01", "HC02", "AMOX250", "RECEIPT", "5", "L7", "", "", "", "DS01", ""],
      ["2024-03-02", "HC01", "AMOX250", "ISSUE", "5", "L7", "", "", "", "", ""]],
     "ledger.csv:3:lot: error: lot L7 of AMOX250 has no stock at HC01"),
    ([["2024-03-01", "HC01", "AMOX250", "RECEIPT", "10", "L1", "2025-01-01", "", "", "", ""],
      ["2024-03-02", "HC01", "AMOX250", "RECEIPT", "10", "L1", "2026-01-01", "", "", "", ""]],
     "ledger.csv:3:expiry: error: lot L1 of AMOX250 is recorded with expiry 2025-01-01, not "
     "2026-01-01"),
    ([["2025-01-01", "HC01", "AMOX250", "RECEIPT", "10", "", "", "", "", "", ""]],
     "ledger.csv:2:date: error: date 2025-01-01 is in the future (today is 2024-12-31)"),
    ([["01/13/2024", "HC01", "AMOX250", "RECEIPT", "10", "", "", "", "", "", ""]],
     "ledger.csv:2:date: error: date must be a date (YYYY-MM-DD), got '01/13/2024'"),
    ([["2024-01-01", "HC01", "AMOX250", "RECEIPT", "12.5", "", "", "", "", "", ""]],
     "ledger.csv:2:quantity: error: quantity must be a whole number, got '12.5'"),
    ([["2024-01-01", "HC01", "AMOX250", "RECEIPT", "ten", "", "", "", "", "", ""]],
     "ledger.csv:2:quantity: error: quantity must be a whole number, got 'ten'"),
    ([["2024-01-01", "HC01", "AMOX250", "RECEIPT", "0", "", "", "", "", "", ""]],
     "ledger.csv:2:quantity: error: quantity must be a whole number above zero, got 0"),
    ([["2024-01-01", "HC01", "AMOX250", "RECEIPT", "-5", "", "", "", "", "", ""]],
     "ledger.csv:2:quantity: error: quantity must be a whole number above zero, got -5"),
    ([["2024-01-01", "HC99", "AMOX250", "RECEIPT", "5", "", "", "", "", "", ""]],
     "ledger.csv:2:facility_code: error: unknown facility code 'HC99'"),
    ([["2024-01-01", "HC01", "PANADOL", "RECEIPT", "5", "", "", "", "", "", ""]],
     "ledger.csv:2:product_code: error: unknown product code 'PANADOL'"),
    ([["2024-01-01", "HC01", "AMOX250", "DONATION", "5", "", "", "", "", "", ""]],
     "ledger.csv:2:kind: error: kind must be one of RECEIPT, ISSUE, LOSS, ADJUSTMENT, "
     "TRANSFER_IN, TRANSFER_OUT, COUNT, got 'DONATION'"),
    ([["2024-01-01", "HC01", "AMOX250", "LOSS", "5", "", "", "", "", "", ""]],
     "ledger.csv:2:reason: error: a reason is required for LOSS"),
    ([["2024-01-01", "HC01", "AMOX250", "ADJUSTMENT", "5", "", "", "eaten", "", "", ""]],
     "ledger.csv:2:reason: error: unknown reason 'eaten' for ADJUSTMENT; use one of: found, "
     "returned_by_patient, correction_plus, correction_minus, returned_to_supplier, count_gain, "
     "count_loss"),
    ([["2024-01-01", "HC01", "AMOX250", "TRANSFER_OUT", "5", "", "", "", "", "", ""]],
     "ledger.csv:2:counterparty: error: a transfer needs the other facility or community "
     "health worker"),
    ([["2024-01-01", "HC01", "AMOX250", "COUNT", "5", "L1", "", "", "", "", ""],
      ["2024-01-01", "HC01", "AMOX250", "COUNT", "6", "L1", "", "", "", "", ""]],
     "ledger.csv:3:lot: error: lot L1 of AMOX250 is counted twice"),
])
def test_bad_ledger_rows_are_refused_and_change_nothing(facility_db, admin, tmp_path, rows,
                                                        expected):
    imports, _, _ = services(facility_db, admin)
    before = counts(facility_db)
    result = imports.import_file("ledger", ledger_file(tmp_path, rows))
    assert result.status == "refused"
    assert expected in texts(result), texts(result)
    assert counts(facility_db) == before


def test_a_backdated_file_cannot_make_the_stored_ledger_negative(facility_db, admin, tmp_path):
    imports, ledger, stock = services(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1")])
    ledger.issue("HC01", date(2024, 3, 10), [LineInput("AMOX250", 80, "L1")])
    march = stock.monthly("HC01", "2024-03", "2024-03", ["AMOX250"])[0].summary
    assert (march.closing, march.adjustments) == (20, 0)  # now cached
    before = counts(facility_db)
    result = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-03-05", "HC01", "AMOX250", "ISSUE", "50", "L1", "", "", "", "", ""]]))
    assert texts(result) == ["ledger.csv:2:quantity: error: this would make lot L1 of AMOX250 "
                             "negative (-30) on 2024-03-10"]
    assert counts(facility_db) == before
    # a count in the file sees the stored balance at its date
    counted = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-03-31", "HC01", "AMOX250", "COUNT", "15", "L1", "", "", "", "", ""]], "c.csv"))
    assert counted.status == "imported"
    assert card(stock, "HC01")[-2:] == [
        (date(2024, 3, 31), "COUNT", None, "L1", 0, 0, 15, 20),
        (date(2024, 3, 31), "ADJUSTMENT", "count_loss", "L1", 0, 5, None, 15)]
    march = stock.monthly("HC01", "2024-03", "2024-03", ["AMOX250"])[0].summary
    assert (march.closing, march.adjustments) == (15, -5)  # the import marked it stale
    assert_caches_agree(facility_db)


def test_a_lot_may_dip_below_zero_within_a_day_but_not_at_its_end(facility_db, admin,
                                                                  tmp_path):
    """Only closing balances count (``first_negative``); the same-day order is a convention."""
    imports, ledger, stock = services(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 10, "L1")])
    # 15 handed out when the card said 10, then the shelf counted at 5 the same evening
    fine = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-03-05", "HC01", "AMOX250", "COUNT", "5", "L1", "", "", "INV", "", ""],
        ["2024-03-05", "HC01", "AMOX250", "ISSUE", "15", "L1", "", "", "V9", "", ""],
    ]))
    assert fine.status == "imported", texts(fine)
    assert card(stock, "HC01")[1:] == [
        (date(2024, 3, 5), "ISSUE", None, "L1", 0, 15, None, -5),
        (date(2024, 3, 5), "COUNT", None, "L1", 0, 0, 5, -5),
        (date(2024, 3, 5), "ADJUSTMENT", "count_gain", "L1", 10, 0, None, 5)]
    short = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-03-06", "HC01", "AMOX250", "ADJUSTMENT", "6", "L1", "", "correction_minus", "",
         "", ""]], "short.csv"))
    assert texts(short) == ["short.csv:2:quantity: error: this would make lot L1 of AMOX250 "
                            "negative (-1) on 2024-03-06"]
    assert_caches_agree(facility_db)


def test_counterparty_is_a_facility_when_the_code_exists(facility_db, admin, tmp_path):
    imports, _, _ = services(facility_db, admin)
    result = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-03-01", "HC01", "ORS", "RECEIPT", "100", "", "", "", "", "DS01", ""],
        ["2024-03-02", "HC01", "ORS", "TRANSFER_OUT", "10", "", "", "", "", "HC02", ""],
        ["2024-03-02", "HC01", "ORS", "TRANSFER_OUT", "5", "", "", "", "", "CHW Awa Koné", ""],
        ["2024-03-03", "HC01", "ORS", "ISSUE", "5", "", "", "", "", "Ward B", ""],
    ]))
    assert result.status == "imported"
    with facility_db.reading() as s:
        got = [(m.kind, m.counterparty_facility_id is not None, m.counterparty_name)
               for m in s.scalars(select(Movement).order_by(Movement.id))]
    assert got == [("RECEIPT", True, None), ("TRANSFER_OUT", True, None),
                   ("TRANSFER_OUT", False, "CHW Awa Koné"), ("ISSUE", False, "Ward B")]


def test_rows_of_one_voucher_become_one_movement(facility_db, admin, tmp_path):
    imports, _, _ = services(facility_db, admin)
    result = imports.import_file("ledger", ledger_file(tmp_path, [
        ["2024-03-01", "HC01", p, "RECEIPT", "100", "", "", "", "GRN-9", "DS01", ""]
        for p in ("ORS", "ALU", "AMOX250")
    ] + [["2024-03-01", "HC01", "ORS", "RECEIPT", "1", "", "", "", "GRN-10", "DS01", ""]]))
    assert result.status == "imported"
    with facility_db.reading() as s:
        movements = s.scalars(select(Movement).order_by(Movement.id)).all()
        assert [(m.reference, len(m.lines)) for m in movements] == [("GRN-9", 3), ("GRN-10", 1)]


def test_the_same_file_twice_doubles_nothing(facility_db, admin, tmp_path):
    imports, _, stock = services(facility_db, admin)
    path = ledger_file(tmp_path, [[c.format(f="HC01") for c in row] for row in AC01])
    assert imports.import_file("ledger", path).status == "imported"
    before = counts(facility_db)
    again = imports.import_file("ledger", path)
    assert (again.status, again.rows) == ("skipped", 6)
    assert texts(again)[0].startswith("ledger.csv: info: this file was already imported on ")
    assert counts(facility_db) == before
    assert card(stock, "HC01")[-1][-1] == 780


def test_rows_built_in_memory_import_like_a_file(facility_db, admin):
    imports, _, stock = services(facility_db, admin)
    rows = [
        LedgerRow(date(2024, 1, 2), "HC01", "ALU", "RECEIPT", 300, "B7", date(2026, 1, 1),
                  reference="GRN-1", counterparty="DS01"),
        LedgerRow(date(2024, 1, 9), "HC01", "ALU", "ISSUE", 120),
        LedgerRow(date(2024, 1, 31), "HC01", "ALU", "COUNT", 181, "B7"),
    ]
    result = imports.import_ledger_rows(rows, "demo")
    assert (result.status, result.rows, result.problems) == ("imported", 3, ())
    assert card(stock, "HC01", "ALU")[-1] == (date(2024, 1, 31), "ADJUSTMENT", "count_gain",
                                              "B7", 1, 0, None, 181)
    assert imports.import_ledger_rows(rows, "demo").status == "skipped"
    bad = imports.import_ledger_rows([LedgerRow(date(2024, 2, 2), "HC01", "ALU", "ISSUE",
                                                 1000)], "demo")
    assert texts(bad) == ["demo:1:quantity: error: cannot take 1000 of ALU on 2024-02-02: the "
                          "usable balance is 181"]
    early = imports.import_ledger_rows([LedgerRow(date(2024, 1, 20), "HC01", "ALU", "ISSUE",
                                                   1)], "demo")
    assert texts(early) == ["demo:1:date: error: ALU was counted on 2024-01-31: nothing can be "
                            "dated 2024-01-20, on or before that count; post the correction "
                            "after it"]
    bad = imports.import_ledger_rows([LedgerRow("2024-01-02", "HC01", "ALU", "RECEIPT", 1.5)],
                                     "demo")  # type: ignore[arg-type]
    assert texts(bad) == ["demo:1:date: error: date must be a date (YYYY-MM-DD), got "
                          "'2024-01-02'",
                          "demo:1:quantity: error: quantity must be a whole number, got 1.5"]


def test_no_query_per_row(facility_db, admin, tmp_path):
    """The checks use dict look-ups and one sorted pass: statements do not grow with rows."""
    imports, _, _ = services(facility_db, admin)
    statements: list[str] = []
    engine = facility_db.engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        sizes = []
        for n in (5, 20, 400):  # the first one also creates the no-lot lot
            rows = [[f"2024-{1 + i % 12:02d}-01", "HC01", "ORS", "RECEIPT", "5", "", "", "",
                     f"R{n}-{i}", "DS01", ""] for i in range(n)]
            rows += [[f"2024-{1 + i % 12:02d}-02", "HC01", "ORS", "ISSUE", "1", "", "", "", "",
                      "", ""] for i in range(n)]
            statements.clear()
            result = imports.import_file("ledger", ledger_file(tmp_path, rows, f"l{n}.csv"))
            assert result.status == "imported", texts(result)
            sizes.append(len(statements))
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert sizes[1] == sizes[2]


def test_progress_and_cancel_for_a_ledger(facility_db, admin, tmp_path):
    imports, _, _ = services(facility_db, admin)
    rows = [[f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "HC01", "ORS", "RECEIPT", "5", "", "",
             "", "", "DS01", ""] for i in range(25_000)]
    path = ledger_file(tmp_path, rows)
    seen: list[tuple[int, int]] = []
    before = counts(facility_db)
    result = imports.import_file("ledger", path, progress=lambda d, t: seen.append((d, t)),
                                 cancelled=lambda: len(seen) >= 4)  # while writing
    assert result.status == "refused" and texts(result)[-1].endswith("cancelled; nothing changed")
    assert counts(facility_db) == before
    seen.clear()
    assert imports.import_file("ledger", path, progress=lambda d, t: seen.append((d, t))
                               ).status == "imported"
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[0] == (10_000, 50_000) and done[-1] <= 50_000
    with facility_db.reading() as s:
        assert len(s.scalars(select(MovementLine.id)).all()) == 25_000
        assert len(s.scalars(select(ImportBatch.id)).all()) == 1


def test_the_same_transactions_saved_again_are_recognised(facility_db, admin, tmp_path):
    """A ledger re-saved by another program (CRLF endings, XLSX) is not posted twice."""
    from openpyxl import Workbook

    imports, _, stock = services(facility_db, admin)
    header = "date,facility_code,product_code,kind,quantity,lot,expiry\n"
    body = "2024-01-02,HC01,ALU,RECEIPT,300,B7,2026-01-01\n2024-01-09,HC01,ALU,ISSUE,120,,\n"
    first = tmp_path / "ledger.csv"
    first.write_text(header + body, encoding="utf-8")
    assert imports.import_file("ledger", first).status == "imported"
    crlf = tmp_path / "ledger-crlf.csv"
    crlf.write_bytes((header + body).replace("\n", "\r\n").encode("utf-8"))
    wb = Workbook()
    for line in (header + body).splitlines():
        wb.active.append([int(c) if c.isdigit() else (c or None) for c in line.split(",")])
    xlsx = tmp_path / "ledger.xlsx"
    wb.save(xlsx)
    for again in (crlf, xlsx):
        assert imports.import_file("ledger", again).status == "skipped"
    assert {p.code: p.on_hand for p in stock.stock_on_hand("HC01")}["ALU"] == 180


def test_a_pharmacist_imports_only_her_facilitys_transactions(facility_db, tmp_path):
    from stockdesk.services.auth import Actor
    from stockdesk.services.imports import ImportService

    path = tmp_path / "other.csv"
    path.write_text("date,facility_code,product_code,kind,quantity,lot\n"
                    "2024-01-02,HC01,ALU,RECEIPT,300,B7\n", encoding="utf-8")
    fatou = Actor("fatou", "pharmacist", None, facility="HC02")
    result = ImportService(facility_db, fatou, today=lambda: TODAY).import_file("ledger", path)
    assert result.status == "refused"
    assert texts(result) == ["other.csv:2:facility_code: error: fatou works at HC02 and may "
                             "not record stock at HC01; ask someone there or the district "
                             "logistician"]


def test_a_shelf_total_is_not_a_count_of_a_product_kept_in_lots(facility_db, admin, tmp_path):
    imports, _, stock = services(facility_db, admin)
    path = tmp_path / "count.csv"
    path.write_text("date,facility_code,product_code,kind,quantity,lot\n"
                    "2024-01-02,HC01,ALU,RECEIPT,100,L1\n"
                    "2024-01-10,HC01,ALU,COUNT,90,\n", encoding="utf-8")
    result = imports.import_file("ledger", path)
    assert result.status == "refused"
    assert [p.code for p in result.problems] == ["count.lot_required"]
    assert stock.stock_on_hand("HC01") == []
