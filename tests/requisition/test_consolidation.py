"""The district order from plain rows: totals, packs per facility line, cost, who is missing,
and the OpenLMIS-style order rows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from stockdesk.requisition.consolidation import (
    ORDER_COLUMNS,
    ApprovedLine,
    DistrictFacility,
    RequisitionState,
    consolidate,
    district_key,
    order_number,
)

FACILITIES = [DistrictFacility("HC02", "Health Centre Two"),
              DistrictFacility("HC01", "Health Centre One"),
              DistrictFacility("HC03", "Health Centre Three"),
              DistrictFacility("HC04", "Health Centre Four")]
NAMES = {f.code: f.name for f in FACILITIES}
AMOX = ("AMOX250", "Amoxicillin 250 mg tablet", "tablet", 100, 50, False, Decimal("2.50"))
ORS = ("ORS", "Oral rehydration salts 20.5 g sachet", "sachet", 50, 25, True, None)


def line(facility: str, product: tuple, k: int | None, *, sequence: int = 0,
         program: str = "essential") -> ApprovedLine:
    code, name, unit, pack, threshold, rtz, price = product
    return ApprovedLine(facility, NAMES.get(facility, facility), program, sequence,
                        sequence > 0, code, name, unit, pack, threshold, rtz, price, k)


def state(facility: str, status: str, *, sequence: int = 0,
          program: str = "essential") -> RequisitionState:
    return RequisitionState(facility, program, sequence, sequence > 0, status)


def run(requisitions, lines, *, program: str | None = "essential",
        programs=("essential",), facilities=FACILITIES):
    return consolidate(
        district="North", period="2024-03", period_start=date(2024, 3, 1),
        period_end=date(2024, 3, 31), program=program,
        program_name="Essential medicines" if program else None, programs=list(programs),
        facilities=facilities, requisitions=requisitions, lines=lines,
        order_date=date(2024, 4, 5), generated_at=datetime(2024, 4, 5, 10, 0),
        app_version="1.2.3", warehouse="DS01 District Store")


STATES = [state("HC01", "approved"), state("HC01", "approved", sequence=1),
          state("HC02", "issued"), state("HC04", "authorized")]
LINES = [line("HC01", AMOX, 780), line("HC01", ORS, 20), line("HC01", AMOX, 30, sequence=1),
         line("HC02", AMOX, 255), line("HC02", ORS, 130)]


def test_totals_per_product_with_packs_counted_per_facility_line() -> None:
    c = run(STATES, LINES)
    amox, ors = c.products
    assert (amox.product_code, amox.facilities, amox.lines, amox.approved) == (
        "AMOX250", 2, 3, 780 + 30 + 255)
    # 780 → 8 packs (remainder 80 > 50), 30 → 1 (a positive quantity ships a pack),
    # 255 → 3: 12 packs, where 1,065 units in one lot would be 11
    assert amox.packs == 8 + 1 + 3
    assert amox.cost == Decimal("30.00")  # 12 × 2.50
    # ORS rounds to zero: 20 of a pack of 50 ships nothing; 130 → 2 r30 > 25 → 3
    assert (ors.approved, ors.packs, ors.cost) == (150, 3, None)
    assert c.total_packs == 15 and c.total_cost == Decimal("30.00")
    assert c.unpriced == ("ORS",)


def test_who_has_not_reported_and_who_waits_for_approval() -> None:
    c = run([*STATES, state("HC03", "draft")], LINES)
    # HC04 has reported (authorized): it waits for approval, it is not missing
    assert [(m.facility_code, m.program, m.situation) for m in c.not_reported] == [
        ("HC03", "essential", "draft, not submitted")]
    assert [(p.facility_code, p.status) for p in c.not_approved] == [("HC04", "authorized")]
    c = run(STATES, LINES)
    assert [(m.facility_code, m.situation) for m in c.not_reported] == [
        ("HC03", "no requisition")]
    assert c.ordering_facilities == ("HC01", "HC02")
    assert [f.code for f in c.facilities] == ["HC01", "HC02", "HC03", "HC04"]


def test_an_emergency_requisition_alone_is_not_the_report() -> None:
    c = run([state("HC03", "approved", sequence=1)], [line("HC03", AMOX, 100, sequence=1)],
            facilities=[DistrictFacility("HC03", "Health Centre Three")])
    assert [m.facility_code for m in c.not_reported] == ["HC03"]
    assert [o.order_number for o in c.orders] == ["ORD-NORTH-2024-03-HC03-essential-E1"]


def test_order_rows_one_per_facility_line_with_deterministic_numbers() -> None:
    c = run(STATES, LINES)
    assert ORDER_COLUMNS == ("order_number", "facility_code", "product_code", "product_name",
                             "approved_quantity", "period", "order_date")
    assert [r.values() for r in c.orders] == [
        ("ORD-NORTH-2024-03-HC01-essential", "HC01", "AMOX250", "Amoxicillin 250 mg tablet",
         780, "2024-03", "2024-04-05"),
        ("ORD-NORTH-2024-03-HC01-essential", "HC01", "ORS",
         "Oral rehydration salts 20.5 g sachet", 20, "2024-03", "2024-04-05"),
        ("ORD-NORTH-2024-03-HC01-essential-E1", "HC01", "AMOX250", "Amoxicillin 250 mg tablet",
         30, "2024-03", "2024-04-05"),
        ("ORD-NORTH-2024-03-HC02-essential", "HC02", "AMOX250", "Amoxicillin 250 mg tablet",
         255, "2024-03", "2024-04-05"),
        ("ORD-NORTH-2024-03-HC02-essential", "HC02", "ORS",
         "Oral rehydration salts 20.5 g sachet", 130, "2024-03", "2024-04-05"),
    ]
    assert run(list(reversed(STATES)), list(reversed(LINES))).orders == c.orders
    assert c.order_numbers == ("ORD-NORTH-2024-03-HC01-essential",
                               "ORD-NORTH-2024-03-HC01-essential-E1",
                               "ORD-NORTH-2024-03-HC02-essential")


def test_district_key_and_order_number() -> None:
    assert district_key("North") == "NORTH"
    assert district_key("Bouaké  Nord-Est") == "BOUAKE-NORD-EST"
    assert district_key("***") == "DISTRICT"
    assert order_number("Abobo", "2024-06", "HC9", "EML", 2) == "ORD-ABOBO-2024-06-HC9-EML-E2"


def test_lines_not_approved_or_out_of_scope_are_ignored() -> None:
    states = [state("HC01", "authorized"), state("HC02", "approved"),
              state("HC02", "approved", program="malaria"), state("XX9", "approved")]
    lines = [line("HC01", AMOX, 999),  # not approved yet
             line("HC02", AMOX, 0), line("HC02", ORS, None),  # nothing to ship
             line("HC02", AMOX, 60, program="malaria"),  # other program
             line("XX9", AMOX, 500)]  # not a facility of the district
    c = run(states, lines)
    assert c.products == () and c.orders == () and c.zero_lines == 2
    assert c.total_cost == Decimal("0.00") and c.total_packs == 0
    with pytest.raises(ValueError, match="negative"):
        run([state("HC01", "approved")], [line("HC01", AMOX, -5)])


def test_all_programs_checks_each_program_in_play() -> None:
    states = [state("HC01", "approved"), state("HC01", "approved", program="malaria"),
              state("HC02", "approved")]
    lines = [line("HC01", AMOX, 100), line("HC01", AMOX, 60, program="malaria"),
             line("HC02", AMOX, 100)]
    facs = FACILITIES[:2]
    c = run(states, lines, program=None, programs=("essential", "malaria"), facilities=facs)
    assert [(m.facility_code, m.program) for m in c.not_reported] == [("HC02", "malaria")]
    assert [(p.program, p.product_code, p.approved) for p in c.products] == [
        ("essential", "AMOX250", 200), ("malaria", "AMOX250", 60)]
    nobody = run([], [], program=None, programs=(), facilities=facs)
    assert [(m.facility_code, m.program) for m in nobody.not_reported] == [
        ("HC01", None), ("HC02", None)]
