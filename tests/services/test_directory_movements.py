"""The movements a reversal is chosen from say which ones the ledger would refuse, and why."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event

from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.directory import DirectoryService, MovementInfo
from stockdesk.services.ledger import CountInput, LedgerService, LineInput

from ..conftest import TODAY
from ..small_district import save_small_district

COUNTED = date(2024, 12, 20)
STOCK_PROBLEMS = {"ledger.negative_balance"}  # checked when posting, not in the list


def _scenario(db: Database, *, count_today: bool) -> None:
    """Receipts, issues, a count of AMOX250 with its variance, a reversal, and later ORS."""
    ledger = LedgerService(db, SETUP_ACTOR, today=lambda: TODAY)
    ledger.receive("HC01", date(2024, 11, 1), [LineInput("AMOX250", 100, "A1", date(2026, 6, 30))])
    ledger.receive("HC01", date(2024, 11, 2), [LineInput("ORS", 50, "O1", date(2026, 6, 30))])
    ledger.issue("HC01", date(2024, 11, 5), [LineInput("AMOX250", 10, "A1")])
    ledger.receive("HC01", date(2024, 11, 10), [LineInput("AMOX250", 20, "A2", date(2027, 1, 31)),
                                                LineInput("ORS", 10, "O2", date(2027, 1, 31))])
    ledger.count("HC01", COUNTED, [CountInput("AMOX250", "A1", 85),
                                   CountInput("AMOX250", "A2", 20)])  # variance −5 on A1
    ledger.issue("HC01", date(2024, 12, 21), [LineInput("ORS", 5, "O1")])
    wrong = ledger.receive("HC01", date(2024, 12, 22),
                           [LineInput("ALU", 30, "L9", date(2027, 3, 31))])
    ledger.reverse(wrong.id, "typed twice", on=date(2024, 12, 23))
    ledger.issue("HC01", date(2024, 12, 24), [LineInput("AMOX250", 3, "A2")])
    ledger.receive("HC02", date(2024, 12, 1), [LineInput("AMOX250", 9, "Z1", date(2027, 1, 31))])
    if count_today:
        ledger.count("HC01", TODAY, [CountInput("ORS", "O1", 44), CountInput("ORS", "O2", 10)])


@pytest.fixture(params=[False, True], ids=["counted_before", "counted_today"])
def built(request, tmp_path) -> tuple[Path, bool]:
    path = tmp_path / "scenario.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    save_small_district(db)
    _scenario(db, count_today=request.param)
    db.close()
    return path, request.param


def _copy(built: Path, name: str) -> Database:
    target = built.with_name(f"{name}.sqlite3")
    shutil.copyfile(built, target)
    return Database.open(f"sqlite:///{target}")


def _try_reverse(db: Database, movement: int, on: date) -> set[str]:
    """The problems a reversal dated ``on`` meets; empty when it was posted."""
    try:
        LedgerService(db, SETUP_ACTOR, today=lambda: TODAY).reverse(movement, "checking", on=on)
    except ProblemsFound as exc:
        return {p.code for p in exc.problems}
    return set()


@pytest.mark.parametrize("on", [TODAY, COUNTED, date(2024, 12, 15)])
def test_blocked_exactly_when_the_ledger_refuses_the_reversal(built, on) -> None:
    built, count_today = built
    listing = _copy(built, "listing")
    listed = DirectoryService(listing, SETUP_ACTOR, today=lambda: TODAY).movements("HC01", on=on)
    listing.close()
    assert len(listed) == (12 if count_today else 10)  # HC02's receipt is not listed
    outcomes = {"reversed": 0, "short of stock": 0, "blocked": 0}
    for m in listed:
        db = _copy(built, f"case{m.id}")
        refused = _try_reverse(db, m.id, on)
        db.close()
        if m.blocked is None:
            assert refused <= STOCK_PROBLEMS, (m, refused)
            outcomes["short of stock" if refused else "reversed"] += 1
        else:
            assert m.blocked in refused, (m, refused)
            outcomes["blocked"] += 1
    assert outcomes["blocked"] >= 3  # the count, the reversal and what it reversed
    assert outcomes["reversed"] or on != TODAY
    held_by_count = any(m.blocked == "count.later_exists" for m in listed)
    assert held_by_count == (count_today or on != TODAY)


def _by_id(rows: list[MovementInfo]) -> dict[int, MovementInfo]:
    return {m.id: m for m in rows}


def test_the_reasons_and_the_count_in_the_way(tmp_path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'reasons.sqlite3'}")
    save_small_district(db)
    _scenario(db, count_today=True)
    directory = DirectoryService(db, SETUP_ACTOR, today=lambda: TODAY)
    rows = directory.movements("HC01")
    kinds = [(m.kind, m.occurred_on) for m in rows]
    assert kinds[0] == ("ADJUSTMENT", TODAY)  # the variance of today's ORS count, newest
    today_adjustment, today_count = rows[0], rows[1]
    assert today_count.kind == "COUNT" and today_count.blocked == "reversal.of_count"
    # ORS was counted today: nothing of ORS can be reversed today, not even the variance
    assert today_adjustment.blocked == "count.later_exists"
    assert (today_adjustment.counted_on, today_adjustment.counted_product) == (TODAY, "ORS")
    by_kind = {(m.kind, m.occurred_on): m for m in rows}
    alu_receipt = by_kind[("RECEIPT", date(2024, 12, 22))]
    assert alu_receipt.blocked == "reversal.already_reversed" and alu_receipt.reversed_by
    assert by_kind[("REVERSAL", date(2024, 12, 23))].blocked == "reversal.of_reversal"
    # AMOX250 was last counted on the 20th: its movements can be reversed today
    assert by_kind[("ISSUE", date(2024, 11, 5))].reversible
    assert by_kind[("ISSUE", date(2024, 12, 24))].reversible
    # the receipt of both products is held by ORS's count today
    both = by_kind[("RECEIPT", date(2024, 11, 10))]
    assert (both.blocked, both.counted_on, both.counted_product) == (
        "count.later_exists", TODAY, "ORS")
    # dated on AMOX250's count day, its movements are held by that count
    on_count_day = _by_id(directory.movements("HC01", on=COUNTED))
    issue = on_count_day[by_kind[("ISSUE", date(2024, 11, 5))].id]
    assert (issue.blocked, issue.counted_on, issue.counted_product) == (
        "count.later_exists", COUNTED, "AMOX250")
    assert on_count_day[by_kind[("ISSUE", date(2024, 12, 24))].id].blocked == \
        "reversal.before_original"
    db.close()


def test_the_whole_list_in_a_fixed_number_of_queries(tmp_path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'queries.sqlite3'}")
    save_small_district(db)
    _scenario(db, count_today=True)
    directory = DirectoryService(db, SETUP_ACTOR, today=lambda: TODAY)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        few = directory.movements("HC01", limit=2)
        small = len(statements)
        statements.clear()
        everything = directory.movements("HC01")
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert len(few) == 2 and len(everything) == 12
    assert len(statements) == small <= 4
    with pytest.raises(ProblemsFound):
        directory.movements("NOWHERE")
    db.close()
