"""Monthly summaries: the cache of completed months always agrees with a replay."""

from __future__ import annotations

from datetime import date

from stockdesk.services import summaries
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.stock import StockService

from ..conftest import TODAY


def _services(db, admin, today):
    return (LedgerService(db, admin, today=lambda: today),
            StockService(db, admin, today=lambda: today))


def test_backdated_posting_updates_later_months(facility_db, admin):
    today = date(2024, 5, 20)
    ledger, stock = _services(facility_db, admin, today)
    ledger.receive("HC01", date(2024, 1, 5), [LineInput("ORS", 100, "A", date(2026, 1, 1))])
    ledger.issue("HC01", date(2024, 3, 10), [LineInput("ORS", 100)])
    before = {m.summary.period: m.summary for m in stock.monthly("HC01", "2024-01", "2024-05")}
    assert before["2024-04"].closing == 0 and before["2024-04"].stockout_days == 30
    # a receipt found on paper for February arrives late: March on changes
    ledger.receive("HC01", date(2024, 2, 1), [LineInput("ORS", 40, "A", date(2026, 1, 1))])
    after = {m.summary.period: m.summary for m in stock.monthly("HC01", "2024-01", "2024-05")}
    assert after["2024-02"].received == 40
    assert after["2024-04"].closing == 40 and after["2024-04"].stockout_days == 0
    # the current month is live: stockout days only up to today
    assert after["2024-05"].stockout_days == 0
    assert before["2024-05"].stockout_days == 20
    with facility_db.transaction() as s:
        assert summaries.verify(s, today) == []


def test_cache_catches_up_when_time_passes(facility_db, admin):
    ledger, stock = _services(facility_db, admin, date(2024, 2, 10))
    ledger.receive("HC01", date(2024, 1, 5), [LineInput("ORS", 10, "A", date(2024, 3, 15))])
    stock.monthly("HC01", "2024-01", "2024-02")
    _, later = _services(facility_db, admin, date(2024, 5, 2))
    months = {m.summary.period: m.summary for m in later.monthly("HC01", "2024-01", "2024-05")}
    assert months["2024-03"].stockout_days == 17  # the lot expired on the 15th
    assert months["2024-04"].stockout_days == 30
    assert months["2024-05"].stockout_days == 2
    with facility_db.transaction() as s:
        assert summaries.verify(s, date(2024, 5, 2)) == []
        summaries.rebuild(s, date(2024, 5, 2))
        assert summaries.verify(s, date(2024, 5, 2)) == []


def test_district_summary_covers_every_facility(facility_db, admin):
    today = date(2024, 3, 15)
    ledger, stock = _services(facility_db, admin, today)
    for fac in ("HC01", "HC02"):
        ledger.receive(fac, date(2024, 1, 5), [LineInput("ALU", 300, "M1", date(2025, 1, 1))])
        ledger.issue(fac, date(2024, 2, 5), [LineInput("ALU", 120)])
    table = stock.district_monthly("North", "2024-01", "2024-03")
    rows = list(zip(*(table.columns[c] for c in ("facility", "product", "period", "consumed",
                                                  "closing")), strict=True))
    assert ("HC01", "ALU", "2024-02", 120, 180) in rows
    assert ("HC02", "ALU", "2024-03", 0, 180) in rows
    assert len(table) == 2 * 3


def test_a_facility_known_only_from_history_shows_its_reported_stock(facility_db, admin):
    from stockdesk.db.models import MonthlyReport

    with facility_db.transaction() as s:
        s.add(MonthlyReport(facility_id=2, product_id=1, period="2019-06", source="history",
                            opening_balance=60, received=10, consumed=14, losses_adjustments=0,
                            closing_balance=56, stockout_days=0))
    _, stock = _services(facility_db, admin, date(2024, 1, 10))
    june = {p.code: p for p in stock.stock_on_hand("HC01", date(2019, 6, 30))}
    assert (june["AMOX250"].on_hand, june["AMOX250"].stockout_days) == (56, 0)
    now = {p.code: p for p in stock.stock_on_hand("HC01")}
    # nothing recorded since: no stock known, and no stockout days invented either
    assert (now["AMOX250"].on_hand, now["AMOX250"].stockout_days) == (0, 0)


def test_a_product_first_received_this_month_was_not_stocked_out_before(facility_db, admin):
    """Days before a product's first line are not stockout days, in the month in progress
    as in completed months."""
    ledger = LedgerService(facility_db, admin, today=lambda: TODAY)
    ledger.receive("HC01", date(2024, 12, 20), [LineInput("ORS", 40, "B1", date(2026, 1, 1))])
    ledger.receive("HC01", date(2024, 11, 5), [LineInput("AMOX250", 10, "A1", date(2026, 1, 1))])
    ledger.issue("HC01", date(2024, 11, 25), [LineInput("AMOX250", 10)])
    ledger.receive("HC01", date(2024, 12, 11), [LineInput("AMOX250", 5, "A2", date(2026, 1, 1))])
    stock = StockService(facility_db, admin, today=lambda: TODAY)
    december = {m.product: m.summary.stockout_days
                for m in stock.monthly("HC01", "2024-12", "2024-12")}
    assert december["ORS"] == 0
    assert december["AMOX250"] == 10  # out from 1 to 10 December, until the second receipt


def test_an_imported_ledger_leaves_its_months_ready(facility_db, admin):
    """After a bulk import the completed months are summarised already: the first look at
    the facility reads them instead of replaying the whole history then."""
    from stockdesk.services.imports import ImportService, LedgerRow

    today = date(2024, 4, 10)
    rows = [LedgerRow(date(2024, 1, 2), fac, "ALU", "RECEIPT", 300, "B7", date(2026, 1, 1))
            for fac in ("HC01", "HC02")]
    rows += [LedgerRow(date(2024, 2, 9), fac, "ALU", "ISSUE", 120) for fac in ("HC01", "HC02")]
    result = ImportService(facility_db, admin, today=lambda: today).import_ledger_rows(
        rows, "history")
    assert result.status == "imported"
    with facility_db.transaction() as s:
        nothing_left = summaries.refresh(s, today, None)
        assert (nothing_left.pairs, nothing_left.months) == (0, 0)
        assert summaries.verify(s, today) == []
    months = {m.summary.period: m.summary for m in
              StockService(facility_db, admin, today=lambda: today).monthly(
                  "HC02", "2024-01", "2024-03")}
    assert (months["2024-02"].consumed, months["2024-03"].closing) == (120, 180)


def test_months_summarised_on_a_later_day_are_not_a_difference(facility_db, admin):
    """The PC's clock ran ahead, the cache was brought up to that day, then the clock was put
    right: checking the cache as of the true day finds nothing wrong."""
    ledger, stock = _services(facility_db, admin, date(2024, 6, 10))
    ledger.receive("HC01", date(2024, 1, 5), [LineInput("ORS", 100, "A", date(2026, 1, 1))])
    stock.monthly("HC01", "2024-01", "2024-06")  # summarised through May
    with facility_db.transaction() as s:
        assert summaries.verify(s, date(2024, 3, 2)) == []
        assert summaries.verify(s, date(2024, 6, 10)) == []
