"""What a careless keyboard, a busy district office and a paper record can do to the ledger."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import text

from stockdesk.problems import ProblemsFound
from stockdesk.services import demo
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.stock import StockService

from ..conftest import TODAY

EXP = date(2026, 1, 1)


def _svc(db, admin):
    return (LedgerService(db, admin, today=lambda: TODAY),
            StockService(db, admin, today=lambda: TODAY))


def _on_hand(stock, product="AMOX250"):
    return {p.code: p.on_hand for p in stock.stock_on_hand("HC01")}.get(product, 0)


def _codes(exc):
    return {p.code for p in exc.value.problems}


def test_a_lot_typed_with_spaces_is_the_same_lot(facility_db, admin):
    ledger, stock = _svc(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1", EXP)])
    posted = ledger.count("HC01", date(2024, 3, 2), [CountInput(" AMOX250 ", "L1 ", 100)])
    assert posted.related == ()  # no variance: it is lot L1, counted right
    assert _on_hand(stock) == 100


def test_a_product_total_cannot_be_counted_when_the_stock_is_in_lots(facility_db, admin):
    ledger, stock = _svc(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1", EXP)])
    with pytest.raises(ProblemsFound) as exc:
        ledger.count("HC01", date(2024, 3, 2), [CountInput("AMOX250", None, 100)])
    assert _codes(exc) == {"count.lot_required"}
    assert _on_hand(stock) == 100


@pytest.mark.parametrize("counted", [10.5, "7", -1, True, 10**10])
def test_a_count_must_be_a_whole_number(facility_db, admin, counted):
    ledger, stock = _svc(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1", EXP)])
    with pytest.raises(ProblemsFound) as exc:
        ledger.count("HC01", date(2024, 3, 2), [CountInput("AMOX250", "L1", counted)])
    assert "quantity.not_positive" in _codes(exc)
    assert _on_hand(stock) == 100


def test_oversized_entries_are_problems_not_crashes(facility_db, admin):
    ledger, _ = _svc(facility_db, admin)
    with pytest.raises(ProblemsFound) as exc:
        ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 3 * 10**9, "L" * 65)],
                       reference="R" * 101)
    assert _codes(exc) == {"quantity.not_positive", "import.too_long"}


def test_an_expiry_learnt_later_is_kept_and_stops_issues(facility_db, admin):
    """B1 first came on a paper record without expiry; the next delivery note has it."""
    ledger, stock = _svc(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "B1")])
    ledger.receive("HC01", date(2024, 4, 1), [LineInput("AMOX250", 100, "B1", date(2024, 6, 1))])
    with pytest.raises(ProblemsFound) as exc:
        ledger.issue("HC01", date(2024, 7, 1), [LineInput("AMOX250", 150)])
    assert _codes(exc) == {"issue.exceeds_balance"}
    lots = stock.lot_balances("HC01", "AMOX250", date(2024, 7, 1))
    assert [(lb.lot, lb.expiry, lb.expired) for lb in lots] == [("B1", date(2024, 6, 1), True)]


def test_nothing_can_be_slipped_in_before_a_count(facility_db, admin):
    ledger, stock = _svc(facility_db, admin)
    ledger.receive("HC01", date(2024, 1, 2), [LineInput("AMOX250", 800, "L1", EXP)])
    ledger.count("HC01", date(2024, 1, 31), [CountInput("AMOX250", "L1", 780)])
    for on in (date(2024, 1, 15), date(2024, 1, 31)):
        with pytest.raises(ProblemsFound) as exc:
            ledger.receive("HC01", on, [LineInput("AMOX250", 100, "L1", EXP)])
        assert _codes(exc) == {"count.later_exists"}
        assert "counted on 2024-01-31" in str(exc.value.problems[0])
    ledger.issue("HC01", date(2024, 2, 1), [LineInput("AMOX250", 80)])  # after it: fine
    assert _on_hand(stock) == 700


def test_a_reversal_dated_before_its_movement_says_so(facility_db, admin):
    ledger, _ = _svc(facility_db, admin)
    rec = ledger.receive("HC01", date(2024, 3, 10), [LineInput("AMOX250", 10, "L1", EXP)])
    with pytest.raises(ProblemsFound) as exc:
        ledger.reverse(rec.id, "typo", on=date(2024, 3, 1))
    assert _codes(exc) == {"reversal.before_original"}
    assert "before the movement itself" in str(exc.value.problems[0])


def test_a_loss_takes_the_right_lots(facility_db, admin):
    """Breakage comes off good stock; an expiry write-off comes off the expired lot."""
    ledger, _ = _svc(facility_db, admin)
    ledger.receive("HC01", date(2024, 1, 1), [LineInput("AMOX250", 10, "OLD", date(2024, 2, 1)),
                                              LineInput("AMOX250", 10, "NEW", EXP)])
    damaged = ledger.loss("HC01", date(2024, 3, 1), [LineInput("AMOX250", 4)], reason="damaged")
    expired = ledger.loss("HC01", date(2024, 3, 1), [LineInput("AMOX250", 10)], reason="expired")
    assert [(ln.lot, ln.quantity) for ln in damaged.lines] == [("NEW", 4)]
    assert [(ln.lot, ln.quantity) for ln in expired.lines] == [("OLD", 10)]


def test_two_workstations_cannot_issue_the_same_stock_twice(facility_db, admin):
    """Two issues of 80 from a stock of 100 at the same moment: one goes through."""
    ledger, stock = _svc(facility_db, admin)
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 100, "L1", EXP)])
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def issue() -> None:
        barrier.wait()
        try:
            ledger.issue("HC01", date(2024, 3, 2), [LineInput("AMOX250", 80)])
            outcomes.append("posted")
        except ProblemsFound as exc:
            outcomes.append(exc.problems[0].code)

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["issue.exceeds_balance", "posted"]
    assert _on_hand(stock) == 20


def test_the_demo_never_goes_into_a_database_with_real_records(facility_db, admin):
    with pytest.raises(ProblemsFound) as exc:
        demo.build_demo(facility_db, SETUP_ACTOR, facilities=1, months=1, products=5,
                        today=TODAY)
    assert _codes(exc) == {"demo.not_empty"}
    with facility_db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM users")).scalar() == 0


def test_a_password_given_by_an_admin_allows_reading_only(facility_db):
    from stockdesk.services.auth import Actor

    fresh = Actor("amina", "pharmacist", None, must_change_password=True)
    stock = StockService(facility_db, fresh, today=lambda: TODAY)
    assert stock.stock_on_hand("HC01") == []
    with pytest.raises(ProblemsFound) as exc:
        LedgerService(facility_db, fresh, today=lambda: TODAY).receive(
            "HC01", date(2024, 3, 1), [LineInput("AMOX250", 1, "L1", EXP)])
    assert _codes(exc) == {"auth.must_change_password"}


def test_facility_staff_record_stock_only_at_their_own_facility(facility_db):
    from stockdesk.services.auth import Actor

    fatou = Actor("fatou", "pharmacist", None, facility="HC02")
    ledger = LedgerService(facility_db, fatou, today=lambda: TODAY)
    with pytest.raises(ProblemsFound) as exc:
        ledger.receive("HC01", date(2024, 3, 1), [LineInput("AMOX250", 5, "L1", EXP)])
    assert _codes(exc) == {"auth.other_facility"}
    assert "works at HC02" in str(exc.value.problems[0])
    ledger.receive("HC02", date(2024, 3, 1), [LineInput("AMOX250", 5, "L1", EXP)])
    district = Actor("kofi", "district_logistician", None, facility="HC02")
    assert district.may("stock.read")


def test_the_same_new_lot_received_at_two_workstations_at_once(facility_db, admin):
    """Two PCs of a district office receive the same new batch at the same moment (one at
    each facility): the second waits for the first, then uses the lot it made, instead of
    failing on the lot's uniqueness."""
    if facility_db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite lets one writer at a time in: the race cannot happen there")
    import time

    ledger = LedgerService(facility_db, admin, today=lambda: TODAY)
    expiry = date(2027, 6, 30)
    first = facility_db.engine.connect()  # the first PC, its receipt not yet committed
    tx = first.begin()
    product = first.execute(text("SELECT id FROM products WHERE code = 'ORS'")).scalar_one()
    first.execute(text("INSERT INTO lots (product_id, batch, expiry) VALUES (:p, 'NEW-7', :e)"),
                  {"p": product, "e": expiry})
    outcome: dict[str, object] = {}

    def second_pc() -> None:
        try:
            outcome["posted"] = ledger.receive(
                "HC02", TODAY, [LineInput("ORS", 40, "NEW-7", expiry)])
        except Exception as exc:  # the failure is the test's answer
            outcome["failed"] = exc

    worker = threading.Thread(target=second_pc)
    worker.start()
    with facility_db.engine.connect() as watch:  # until the second PC waits on the first
        deadline = time.monotonic() + 30
        while not watch.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                " AND datname = current_database()")).scalar_one():
            assert worker.is_alive() and time.monotonic() < deadline, outcome
            watch.rollback()  # a transaction sees one snapshot of pg_stat_activity
            time.sleep(0.01)  # polling a condition, not a fixed wait
    tx.commit()
    first.close()
    worker.join(30)
    assert "failed" not in outcome, outcome.get("failed")
    lots = StockService(facility_db, admin, today=lambda: TODAY).lot_balances("HC02", "ORS")
    assert [(lot.lot, lot.expiry, lot.balance) for lot in lots] == [("NEW-7", expiry, 40)]
