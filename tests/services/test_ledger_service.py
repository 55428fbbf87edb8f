"""Posting to the ledger as a pharmacist would, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from stockdesk.db.engine import AppendOnlyViolation
from stockdesk.db.models import Movement
from stockdesk.problems import ProblemsFound
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.stock import StockService

from ..conftest import TODAY


def services(db, admin):
    return (LedgerService(db, admin, today=lambda: TODAY),
            StockService(db, admin, today=lambda: TODAY))


def soh(stock, fac="HC01", product="AMOX250", as_of=None):
    rows = {p.code: p for p in stock.stock_on_hand(fac, as_of)}
    return rows[product].on_hand if product in rows else 0


def test_ac01_balance_identity_and_count_correction(facility_db, admin):
    """FIELD.md AC-01: A 500, B 1200, C 900, expired −30, transfer in +20, count 780."""
    ledger, stock = services(facility_db, admin)
    ledger.receive("HC01", date(2024, 1, 31), [LineInput("AMOX250", 500, "L1", date(2026, 1, 1))])
    ledger.receive("HC01", date(2024, 2, 3), [LineInput("AMOX250", 1200, "L1", date(2026, 1, 1))])
    ledger.issue("HC01", date(2024, 2, 10), [LineInput("AMOX250", 900)])
    ledger.loss("HC01", date(2024, 2, 12), [LineInput("AMOX250", 30, "L1")], reason="expired")
    ledger.transfer_in("HC01", date(2024, 2, 14), [LineInput("AMOX250", 20, "L1")], source="HC02")
    posted = ledger.count("HC01", date(2024, 2, 29), [CountInput("AMOX250", "L1", 780)])
    assert posted.lines[0].quantity == 780
    assert len(posted.related) == 1  # the count correction −10
    feb = stock.monthly("HC01", "2024-02", "2024-02", ["AMOX250"])[0].summary
    assert (feb.opening, feb.received, feb.consumed, feb.adjustments, feb.closing) == (
        500, 1200, 900, -20, 780)
    assert feb.opening + feb.received + feb.adjustments - feb.closing == 900  # derived C
    card = stock.stock_card("HC01", "AMOX250")
    count_row = next(c for c in card if c.kind == "COUNT")
    assert count_row.counted == 780
    assert card[-1].balance == 780 and card[-1].reason == "count_loss"


def test_issue_larger_than_balance_is_refused_and_changes_nothing(facility_db, admin):
    ledger, stock = services(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1", date(2026, 1, 1))])
    with pytest.raises(ProblemsFound) as exc:
        ledger.issue("HC01", date(2024, 3, 2), [LineInput("ORS", 1), LineInput("AMOX250", 101)])
    codes = [p.code for p in exc.value.problems]
    assert "issue.exceeds_balance" in codes
    problem = next(p for p in exc.value.problems if p.params.get("product") == "AMOX250")
    assert problem.params["balance"] == 100
    assert "AMOX250" in str(problem) and "100" in str(problem)
    assert soh(stock) == 100


def test_fefo_splits_across_lots_and_skips_expired(facility_db, admin):
    ledger, stock = services(facility_db, admin)
    ledger.receive("HC01", date(2024, 1, 1), [
        LineInput("AMOX250", 50, "OLD", date(2024, 2, 1)),
        LineInput("AMOX250", 60, "SOON", date(2024, 6, 30)),
        LineInput("AMOX250", 70, "LATE", date(2025, 6, 30)),
    ])
    posted = ledger.issue("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100)])
    assert [(ln.lot, ln.quantity) for ln in posted.lines] == [("SOON", 60), ("LATE", 40)]
    with pytest.raises(ProblemsFound) as exc:
        ledger.issue("HC01", date(2024, 3, 2), [LineInput("AMOX250", 5, "OLD")])
    assert exc.value.problems[0].code == "issue.expired_lot"
    lots = stock.lot_balances("HC01", "AMOX250", date(2024, 3, 2))
    assert [(lb.lot, lb.balance, lb.expired) for lb in lots] == [
        ("OLD", 50, True), ("LATE", 30, False)]
    # expired stock is written off as a loss
    ledger.loss("HC01", date(2024, 3, 3), [LineInput("AMOX250", 50, "OLD")], reason="expired")
    row = next(p for p in stock.stock_on_hand("HC01", date(2024, 3, 3)) if p.code == "AMOX250")
    assert (row.on_hand, row.usable, row.expired) == (30, 30, 0)


def test_backdated_issue_that_would_make_history_negative_is_refused(facility_db, admin):
    ledger, stock = services(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1")])
    ledger.issue("HC01", date(2024, 3, 10), [LineInput("AMOX250", 80, "L1")])
    # on 5 March 100 were there, but the issue of 10 March would then lack stock
    with pytest.raises(ProblemsFound) as exc:
        ledger.issue("HC01", date(2024, 3, 5), [LineInput("AMOX250", 50, "L1")])
    assert exc.value.problems[0].code == "ledger.negative_balance"
    assert soh(stock) == 20


def test_ac24_correction_by_reversal(facility_db, admin):
    """FIELD.md AC-24: a receipt of 1,200 that was really 1,000, corrected in February."""
    ledger, stock = services(facility_db, admin)
    rec = ledger.receive("HC01", date(2024, 1, 15), [LineInput("AMOX250", 1200, "X")])
    reversal, replacement = ledger.correct(rec.id, [LineInput("AMOX250", 1000, "X")],
                                           "data-entry correction", on=date(2024, 2, 5))
    assert reversal.lines[0].delta == -1200 and replacement.lines[0].delta == 1000
    assert soh(stock) == 1000
    jan, feb = [m.summary for m in stock.monthly("HC01", "2024-01", "2024-02", ["AMOX250"])]
    assert (jan.received, jan.closing) == (1200, 1200)  # January unchanged
    assert (feb.received, feb.adjustments, feb.closing) == (0, -200, 1000)
    card = stock.stock_card("HC01", "AMOX250")
    assert [(c.kind, c.balance) for c in card] == [
        ("RECEIPT", 1200), ("REVERSAL", 0), ("RECEIPT", 1000)]
    assert card[1].note == "data-entry correction" and card[1].recorded_at is not None
    with facility_db.reading() as s:
        original = s.get(Movement, rec.id)
        assert original.lines[0].quantity == 1200  # never modified


def test_correcting_a_receipt_after_part_was_issued(facility_db, admin):
    ledger, stock = services(facility_db, admin)
    rec = ledger.receive("HC01", date(2024, 1, 15), [LineInput("AMOX250", 1200, "X")])
    ledger.issue("HC01", date(2024, 1, 20), [LineInput("AMOX250", 1100)])
    ledger.correct(rec.id, [LineInput("AMOX250", 1150, "X")], "typo", on=date(2024, 1, 25))
    assert soh(stock) == 50
    with pytest.raises(ProblemsFound):  # 1,000 received but 1,100 issued: impossible
        ledger.correct(rec.id, [LineInput("AMOX250", 1000, "X")], "typo", on=date(2024, 1, 25))


def test_reversal_rules(facility_db, admin):
    ledger, _ = services(facility_db, admin)
    rec = ledger.receive("HC01", date(2024, 1, 15), [LineInput("AMOX250", 10, "X")])
    with pytest.raises(ProblemsFound) as exc:
        ledger.reverse(rec.id, "  ")
    assert exc.value.problems[0].code == "reversal.reason_required"
    rev = ledger.reverse(rec.id, "typo", on=date(2024, 1, 15))
    with pytest.raises(ProblemsFound) as exc:
        ledger.reverse(rec.id, "again")
    assert exc.value.problems[0].code == "reversal.already_reversed"
    with pytest.raises(ProblemsFound) as exc:
        ledger.reverse(rev.id, "undo")
    assert exc.value.problems[0].code == "reversal.of_reversal"


def test_posted_rows_cannot_be_changed_by_orm_or_sql(facility_db, admin):
    ledger, _ = services(facility_db, admin)
    rec = ledger.receive("HC01", date(2024, 1, 15), [LineInput("AMOX250", 10, "X")])
    with pytest.raises(AppendOnlyViolation), facility_db.transaction() as s:
        s.get(Movement, rec.id).note = "changed"
    for sql in ("UPDATE movement_lines SET delta = 99", "DELETE FROM movements",
                "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), facility_db.transaction() as s:
            s.execute(text(sql))


def test_future_dates_unknown_codes_and_reasons_are_problems(facility_db, admin):
    ledger, _ = services(facility_db, admin)
    with pytest.raises(ProblemsFound) as exc:
        ledger.loss("HC99", date(2030, 1, 1), [LineInput("NOPE", 0)], reason="eaten")
    codes = {p.code for p in exc.value.problems}
    assert {"facility.unknown", "date.in_future", "reason.unknown",
            "quantity.not_positive"} <= codes
