"""The Dashboard's figures: counts by status, what runs out before an order could arrive, the
lots expiring within the horizon by their batch numbers, and the R&R that is due."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from stockdesk.forecast.expiry import fefo_lots
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.dashboard import DUE_DAY, STATUSES, Dashboard, DashboardService
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.requisitions import RequisitionService
from stockdesk.services.stock_status import StockStatusService

from ..conftest import TODAY  # 2024-12-31
from .test_stock_status import stocked  # noqa: F401 - the fixture

ANA = Actor("ana", "pharmacist", facility="HC01")


def summary(db: Database, horizon: int = 6, today: date = TODAY, **kw: Any) -> Dashboard:
    return DashboardService(db, SETUP_ACTOR, lambda: today).summary("HC01", horizon, **kw)


def test_counts_are_the_stock_statuses_of_every_product(stocked) -> None:  # noqa: F811
    rows = StockStatusService(stocked, SETUP_ACTOR, lambda: TODAY).status("HC01")
    expected = Counter(str(r.status.value.value) for r in rows)
    data = summary(stocked)
    assert tuple(data.counts) == STATUSES  # all five and unknown, in order of urgency
    assert dict(data.counts) == {s: expected.get(s, 0) for s in STATUSES}
    assert data.counts["adequate"] == 1 and data.counts["overstocked"] == 1  # AMOX, ORS
    assert sum(data.counts.values()) == len(rows) == 2  # ALU never held: not listed
    assert (data.facility, data.facility_name, data.today) == ("HC01", "Health Centre One",
                                                               TODAY)


def test_run_out_lists_the_products_out_before_an_order_placed_today_arrives(
        stocked) -> None:  # noqa: F811
    assert summary(stocked).run_out == ()  # AMOX lasts to 13 March, ORS seven months
    LedgerService(stocked, SETUP_ACTOR, today=lambda: TODAY).issue(
        "HC01", date(2024, 12, 30), [LineInput("AMOX250", 700)])  # 90 left
    data = summary(stocked)
    (amox,) = data.run_out
    assert (amox.code, amox.usable, amox.description) == ("AMOX250", 90,
                                                          "Amoxicillin 250 mg tablet")
    assert amox.stockout < TODAY + timedelta(days=30)  # one month of lead time
    assert amox.order_by == TODAY  # too late already: order now
    assert amox.late_days == (TODAY + timedelta(days=30) - amox.stockout).days
    # the rule: usable stock, projected stockout on or before today + lead time (days)
    rows = StockStatusService(stocked, SETUP_ACTOR, lambda: TODAY).status("HC01")
    expected = {r.code for r in rows if r.stock.usable > 0 and r.stockout.value is not None
                and r.stockout.value <= TODAY + timedelta(
                    days=int(r.order_by.inputs["lead_time_days"]))}
    assert {r.code for r in data.run_out} == expected == {"AMOX250"}


def test_expiring_lots_within_the_horizon_carry_their_batch_numbers(stocked) -> None:  # noqa: F811
    (old,) = summary(stocked, 6).expiring  # ends 30 June 2025
    assert (old.code, old.lot, old.expiry) == ("ORS", "OLD", date(2025, 1, 31))
    assert (old.quantity, old.at_risk) == (100, 40)  # 2 a day for 30 days
    longer = summary(stocked, 18).expiring  # ends 30 June 2026
    assert [(e.code, e.lot, e.expiry) for e in longer] == [
        ("ORS", "OLD", date(2025, 1, 31)), ("ORS", "NEW", date(2026, 1, 1)),
        ("AMOX250", "A1", date(2026, 6, 30))]
    assert summary(stocked, 18).horizon_months == 18


def test_two_lots_of_a_product_are_told_apart_by_batch(stocked) -> None:  # noqa: F811
    LedgerService(stocked, SETUP_ACTOR, today=lambda: TODAY).receive(
        "HC01", date(2024, 12, 21), [LineInput("AMOX250", 50, "Z9", date(2025, 2, 28)),
                                     LineInput("AMOX250", 60, "B2", date(2025, 3, 31))])
    lots = {(e.code, e.lot): e for e in summary(stocked).expiring}
    assert set(lots) == {("ORS", "OLD"), ("AMOX250", "Z9"), ("AMOX250", "B2")}
    assert (lots["AMOX250", "Z9"].quantity, lots["AMOX250", "B2"].quantity) == (50, 60)


def test_fefo_runs_name_the_place_of_their_lot() -> None:
    runs = fefo_lots([(10, None), (20, date(2025, 2, 1)), (30, date(2025, 1, 1))], 30,
                     date(2024, 12, 31))
    assert [(r.label, r.index, r.quantity) for r in runs] == [
        ("lot 3", 2, 30), ("lot 2", 1, 20), ("lot 1", 0, 10)]


def test_the_requisition_due_is_last_months_by_the_tenth(stocked) -> None:  # noqa: F811
    due = summary(stocked).requisition
    assert (due.period, due.due) == ("2024-11", date(2024, 12, DUE_DAY))
    assert due.state is None and due.overdue  # 31 December: not started, late
    early = summary(stocked, today=date(2024, 12, 5)).requisition
    assert (early.period, early.due, early.state, early.overdue) == (
        "2024-11", date(2024, 12, 10), None, False)
    rnr = RequisitionService(stocked, ANA, today=lambda: TODAY)
    rnr.create("HC01", "2024-11", "essential")
    due = summary(stocked).requisition
    assert due.state == "preparing" and due.overdue
    assert [(r.program, r.status) for r in due.requisitions] == [("essential", "draft")]
    rnr.step("HC01", "2024-11", "submit", "essential")
    due = summary(stocked).requisition
    assert due.state == "sent" and due.sent and not due.overdue
    assert [(r.program, r.status) for r in due.requisitions] == [("essential", "submitted")]


def test_progress_is_reported_and_can_stop_the_work(stocked) -> None:  # noqa: F811
    seen: list[tuple[int, int]] = []
    summary(stocked, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        summary(stocked, progress=stop)
