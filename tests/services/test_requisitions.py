"""The R&R through the real path: history and ledger in, lettered lines out (AC-01, AC-04,
AC-07), then its life from draft to issued, each step by the role allowed to take it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from stockdesk.problems import ProblemsFound
from stockdesk.requisition.document import Status
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.requisitions import RequisitionService

from ..conftest import TODAY  # 2024-12-31

ANA = Actor("ana", "pharmacist", facility="HC01")
INES = Actor("ines", "facility_incharge", facility="HC01")
LOUIS = Actor("louis", "district_logistician")


@pytest.fixture
def march(facility_db: Database, tmp_path: Path) -> Database:
    """AMOX250 at HC01: January and February from the paper reports (300 consumed; 240 with
    10 days out of stock), March in the ledger as AC-01 tells it."""
    history = tmp_path / "history.csv"
    history.write_text(
        "facility_code,product_code,period,opening_balance,received,consumed,closing_balance,"
        "stockout_days\n"
        "HC01,AMOX250,2024-01,640,0,300,340,0\n"
        "HC01,AMOX250,2024-02,340,400,240,500,10\n")
    assert ImportService(facility_db, SETUP_ACTOR).import_file("history", history).status \
        == "imported"
    led = LedgerService(facility_db, SETUP_ACTOR, today=lambda: TODAY)
    led.receive("HC01", date(2024, 2, 29), [LineInput("AMOX250", 500, "A", date(2026, 1, 1))])
    led.receive("HC01", date(2024, 3, 5), [LineInput("AMOX250", 1200, "B", date(2026, 6, 1))])
    led.issue("HC01", date(2024, 3, 20), [LineInput("AMOX250", 900)])
    led.loss("HC01", date(2024, 3, 25), [LineInput("AMOX250", 30, "B")], reason="damaged")
    led.transfer_in("HC01", date(2024, 3, 26), [LineInput("AMOX250", 20, "B")], source="HC02")
    led.count("HC01", date(2024, 3, 31), [CountInput("AMOX250", "A", 0),
                                          CountInput("AMOX250", "B", 780)])  # 10 short
    return facility_db


def service(db: Database, actor: Actor = ANA) -> RequisitionService:
    return RequisitionService(db, actor, today=lambda: TODAY)


def test_ac01_ac04_ac07_the_march_requisition(march):
    doc = service(march).create("HC01", "2024-03", "essential")
    (line,) = doc.lines
    assert (line.A, line.B, line.C, line.D, line.E, line.X) == (500, 1200, 900, -20, 780, 0)
    assert line.N == 900
    assert line.P == 520  # ceil((300 + 360 + 900) / 3): February adjusted for 10 days out
    assert (line.H, line.I, line.J) == (1560, 780, 780)
    assert doc.header.status is Status.DRAFT and doc.header.profile == "openlmis"
    assert "ceil" in doc.header.profile_description


def test_a_request_that_differs_needs_an_explanation(march):
    svc = service(march)
    svc.create("HC01", "2024-03", "essential")
    with pytest.raises(ProblemsFound, match="AMOX250, column W: J = 900 differs from I = 780"):
        svc.request("HC01", "2024-03", "AMOX250", 900, program="essential")
    doc = svc.request("HC01", "2024-03", "AMOX250", 900, "measles campaign in April",
                      program="essential")
    assert (doc.lines[0].J, doc.lines[0].W) == (900, "measles campaign in April")


def test_from_draft_to_issued_each_by_their_role(march):
    service(march).create("HC01", "2024-03", "essential")
    with pytest.raises(ProblemsFound, match=r"ana \(pharmacist\) may not authorize "
                                            r"requisitions: ask a facility in-charge"):
        service(march, ANA).step("HC01", "2024-03", "authorize", "essential")
    service(march, ANA).step("HC01", "2024-03", "submit", "essential")
    with pytest.raises(ProblemsFound, match="can no longer change"):
        service(march).request("HC01", "2024-03", "AMOX250", 1, "x", program="essential")
    service(march, INES).step("HC01", "2024-03", "authorize", "essential")
    doc = service(march, LOUIS).step("HC01", "2024-03", "approve", "essential")
    assert doc.header.status is Status.APPROVED
    line = doc.lines[0]
    assert line.K == 780 and line.V == 8  # pack 100, threshold 50: 780 → 7 r80 → 8 packs
    assert [s.step for s in doc.header.signatures] == ["submitted", "authorized", "approved"]
    assert [s.user for s in doc.header.signatures] == ["ana", "ines", "louis"]
    issued = service(march, LOUIS).step("HC01", "2024-03", "issue", "essential")
    assert issued.header.status is Status.ISSUED


def test_nobody_approves_their_own_submission(march):
    admin = Actor("root", "admin")
    service(march, admin).create("HC01", "2024-03", "essential")
    service(march, admin).step("HC01", "2024-03", "submit", "essential")
    service(march, INES).step("HC01", "2024-03", "authorize", "essential")
    with pytest.raises(ProblemsFound, match="root submitted this R&R and may not approve it"):
        service(march, admin).step("HC01", "2024-03", "approve", "essential")


def test_rejected_returns_to_draft_with_the_reason(march):
    service(march).create("HC01", "2024-03", "essential")
    service(march).step("HC01", "2024-03", "submit", "essential")
    with pytest.raises(ProblemsFound, match="needs a reason"):
        service(march, LOUIS).step("HC01", "2024-03", "reject", "essential")
    doc = service(march, LOUIS).step("HC01", "2024-03", "reject", "essential",
                                     reason="D does not match the loss report")
    assert doc.header.status is Status.DRAFT
    assert doc.header.rejection == "D does not match the loss report"
    assert doc.header.signatures == ()


def test_what_cannot_be_made_is_said(march):
    svc = service(march)
    with pytest.raises(ProblemsFound, match="2024-12 is not over yet"):
        svc.create("HC01", "2024-12", "essential")
    with pytest.raises(ProblemsFound, match="say which program"):
        svc.create("HC01", "2024-03")
    with pytest.raises(ProblemsFound, match="no figures for malaria in 2024-03"):
        svc.create("HC01", "2024-03", "malaria")
    svc.create("HC01", "2024-03", "essential")
    with pytest.raises(ProblemsFound, match="already has a essential requisition"):
        svc.create("HC01", "2024-03", "essential")
    emergency = svc.create("HC01", "2024-03", "essential", emergency=True)
    assert emergency.header.emergency
    with pytest.raises(ProblemsFound, match="x works at HC02 and may not record stock at HC01"):
        RequisitionService(march, Actor("x", "pharmacist", facility="HC02"),
                           today=lambda: TODAY).create("HC01", "2024-03", "essential")


def test_the_approver_may_change_the_approved_quantity_before_approving(march):
    service(march).create("HC01", "2024-03", "essential")
    service(march, ANA).step("HC01", "2024-03", "submit", "essential")
    with pytest.raises(ProblemsFound, match="set on an authorized R&R; this one is submitted"):
        service(march, LOUIS).approve_quantity("HC01", "2024-03", "AMOX250", 500, "essential")
    service(march, INES).step("HC01", "2024-03", "authorize", "essential")
    with pytest.raises(ProblemsFound, match="may not approve requisitions"):
        service(march, INES).approve_quantity("HC01", "2024-03", "AMOX250", 500, "essential")
    service(march, LOUIS).approve_quantity("HC01", "2024-03", "AMOX250", 500, "essential")
    doc = service(march, LOUIS).step("HC01", "2024-03", "approve", "essential")
    line = doc.lines[0]
    assert (line.J, line.K, line.V) == (780, 500, 5)  # 500 approved, 5 packs of 100


def test_approved_quantities_not_yet_received_are_the_pipeline(march):
    """What the district approved arrives one lead time later: the projection adds it and
    the order quantity does not ask for it again; once received, it leaves the pipeline."""
    from stockdesk.services.stock_status import StockStatusService

    service(march).create("HC01", "2024-03", "essential")
    service(march, ANA).step("HC01", "2024-03", "submit", "essential")
    service(march, INES).step("HC01", "2024-03", "authorize", "essential")
    approved = service(march, LOUIS).step("HC01", "2024-03", "approve", "essential")
    approved_on = approved.header.signatures[-1].at.date()
    status = StockStatusService(march, SETUP_ACTOR, today=lambda: approved_on)
    before = {r.code: r for r in status.status("HC01")}["AMOX250"]
    ((expected, quantity),) = before.inputs.pipeline
    assert quantity == 780 and expected > approved_on
    assert "on order" in before.order_quantity.formula
    LedgerService(march, SETUP_ACTOR, today=lambda: approved_on).receive(
        "HC01", approved_on, [LineInput("AMOX250", 780, "C", date(2027, 1, 1))])
    after = {r.code: r for r in status.status("HC01")}["AMOX250"]
    assert after.inputs.pipeline == ()


def test_a_quarterly_requisition_sums_the_months_and_scales_over_ninety_days(march):
    """Q1 2024: January and February from the reports, March from the ledger (AC-03's rule
    for N over 30 × 3 days; P is still the average of the months)."""
    doc = service(march).create("HC01", "2024-Q1", "essential")
    (line,) = doc.lines
    assert (doc.header.period_start, doc.header.period_end) == (date(2024, 1, 1),
                                                                 date(2024, 3, 31))
    assert doc.header.months == 3
    assert (line.A, line.B, line.C, line.D, line.E) == (640, 1600, 1440, -20, 780)
    assert line.X == 10
    assert line.N == -(-1440 * 90 // 80)  # ceil(1440 × 90 / (90 − 10)) = 1620
    assert line.P == 520 and line.H == 1560 and line.I == 780
    with pytest.raises(ProblemsFound, match=r"neither a month .* nor a quarter"):
        service(march).create("HC01", "2024-Q5", "essential")


def test_a_quarterly_requisition_travels_as_a_workbook(march, tmp_path):
    from stockdesk.exchange.rnr_xlsx import read_rnr_xlsx, write_rnr_xlsx

    svc = service(march)
    svc.create("HC01", "2024-Q1", "essential")
    doc = svc.step("HC01", "2024-Q1", "submit", "essential")
    write_rnr_xlsx(doc, tmp_path / "q1.xlsx")
    back = read_rnr_xlsx(tmp_path / "q1.xlsx")
    assert back.ok and back.meta["period"] == "2024-Q1"
    assert back.rows[0]["N"] == 1620 and back.sha256 == doc.sha256()


@pytest.mark.parametrize(("approved", "round_to_zero", "packs", "cost"), [
    (255, False, 3, "7.50"), (245, False, 2, "5.00"), (30, False, 1, "2.50"),
    (30, True, 0, "0.00"), (0, False, 0, "0.00")])
def test_ac10_packs_and_cost_on_the_approved_requisition(march, approved, round_to_zero,
                                                         packs, cost):
    """AC-10 through the real path: pack 100, rounding threshold 50, price 2.50 a pack."""
    from decimal import Decimal

    from stockdesk.services.masterdata import MasterDataService, ProductData

    MasterDataService(march, SETUP_ACTOR).save_products([ProductData(
        "AMOX250", "Amoxicillin", "250 mg", "tablet", "tablet", 100, 50,
        round_to_zero=round_to_zero, price_per_pack=Decimal("2.50"), program="essential")])
    service(march).create("HC01", "2024-03", "essential")
    service(march, ANA).step("HC01", "2024-03", "submit", "essential")
    service(march, INES).step("HC01", "2024-03", "authorize", "essential")
    service(march, LOUIS).approve_quantity("HC01", "2024-03", "AMOX250", approved, "essential")
    line = service(march, LOUIS).step("HC01", "2024-03", "approve", "essential").lines[0]
    got = (line.K, line.V, line.T, line.Q)
    assert got == (approved, packs, Decimal("2.50"), Decimal(cost))


@pytest.mark.parametrize(("months", "expected"), [
    # AC-02: 240 consumed with 10 days out of stock → N = ceil(240 × 30 / 20) = 360
    ([("2024-03", 240, 10)], {"N": 360, "P": 360}),
    # AC-02: 100 with 7 days out → 130.43 → 131 (ceiling, not 130)
    ([("2024-03", 100, 7)], {"N": 131, "P": 131}),
    # AC-03: out of stock all month with 240 consumed → N = C, no division by zero
    ([("2024-03", 240, 31)], {"N": 240, "P": 240}),
    # AC-05: two periods, N 301 and 300 → P = ceil(300.5) = 301
    ([("2024-02", 301, 0), ("2024-03", 300, 0)], {"N": 300, "P": 301}),
])
def test_ac02_ac03_ac05_from_monthly_history(facility_db, tmp_path, months, expected):
    rows = "\n".join(f"HC02,ORS,{p},1000,{c},{c},1000,{x}" for p, c, x in months)
    path = tmp_path / "h.csv"
    path.write_text("facility_code,product_code,period,opening_balance,received,consumed,"
                    "closing_balance,stockout_days\n" + rows + "\n")
    assert ImportService(facility_db, SETUP_ACTOR).import_file("history", path).status == \
        "imported"
    doc = RequisitionService(facility_db, Actor("h", "pharmacist", facility="HC02"),
                             today=lambda: TODAY).create("HC02", "2024-03", "essential")
    (line,) = doc.lines
    got = {"N": line.N, "P": line.P}
    assert got == expected


def test_a_rejection_clears_the_approved_quantities(march):
    service(march).create("HC01", "2024-03", "essential")
    service(march, ANA).step("HC01", "2024-03", "submit", "essential")
    service(march, INES).step("HC01", "2024-03", "authorize", "essential")
    service(march, LOUIS).approve_quantity("HC01", "2024-03", "AMOX250", 120, "essential")
    doc = service(march, LOUIS).step("HC01", "2024-03", "reject", "essential",
                                     reason="count again")
    assert doc.lines[0].K is None and doc.lines[0].V is None


def test_an_emergency_requisition_stands_beside_the_regular_one(march):
    svc = service(march)
    emergency = svc.create("HC01", "2024-03", "essential", emergency=True)
    assert emergency.header.emergency
    regular = svc.create("HC01", "2024-03", "essential")  # not blocked by the emergency one
    assert not regular.header.emergency
    changed = svc.request("HC01", "2024-03", "AMOX250", 1000, "cholera outbreak",
                          program="essential", emergency=True)
    assert changed.header.emergency and changed.lines[0].J == 1000
    assert svc.document("HC01", "2024-03", "essential").lines[0].J == 780  # untouched
