"""The district's consolidated order: its facilities' approved R&Rs summed per product
(FIELD.md §4.3; issue 4 "The district then consolidates ...").

Pure: the service hands in plain rows read from the database and gets back a
:class:`Consolidation`, which the exchange writers print and the CLI summarises.

Rules, in the order a logistician would ask about them:

* **What is ordered.** Every line of an *approved* or *issued* requisition (regular and
  emergency) of the period with an approved quantity K above zero.  A line with K = 0 or no K
  orders nothing and is left out everywhere (it is counted in ``Consolidation.zero_lines``).
* **Packs.** The warehouse ships whole packs *to each facility*, so a product's packs are the
  sum of each facility line's V (``packs_to_ship`` of that line's K: pack size, rounding
  threshold, round-to-zero), not the packs of the summed units.  Cost Q of a line is V × T;
  a product's cost is the sum of its lines' Q, unknown (None) when the product has no price.
* **Who has not reported.** For each facility the district expects (its active health centres
  and hospitals) and each program in scope: no *regular* requisition for the period, or one
  still in draft (never sent), means not reported.  An emergency requisition does not replace
  the regular report.
* **Not yet approved.** Requisitions (regular or emergency) submitted or authorized but not
  approved: their quantities are not in the order until the district approves them.
* **Order numbers** (one OpenLMIS-style order per requisition, as OpenLMIS converts one
  approved requisition into one order): ``ORD-{DISTRICT}-{PERIOD}-{FACILITY}-{PROGRAM}``,
  with ``-E{n}`` appended for the n-th emergency requisition, where DISTRICT is the district
  name in capitals, accents dropped, every run of other characters than letters and digits
  made one ``-`` (``"North"`` → ``NORTH``, ``"Bouaké Nord"`` → ``BOUAKE-NORD``).  The same
  requisitions give the same numbers on every run, so an order file written twice is
  recognisably the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from stockdesk.requisition.lines import packs_to_ship, total_cost

ORDERED_STATUSES = frozenset({"approved", "issued"})
PENDING_STATUSES = frozenset({"submitted", "authorized"})
ORDER_COLUMNS = ("order_number", "facility_code", "product_code", "product_name",
                 "approved_quantity", "period", "order_date")

_NOT_WORD = re.compile(r"[^0-9A-Z]+")


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class DistrictFacility:
    """A facility the district expects a requisition from."""

    code: str
    name: str


@dataclass(frozen=True)
class RequisitionState:
    """Where one requisition of the period stands (any status, draft included)."""

    facility_code: str
    program: str
    sequence: int  # 0 regular, 1.. emergency
    emergency: bool
    status: str


@dataclass(frozen=True)
class ApprovedLine:
    """One line of an approved (or issued) requisition, with what its product ships in."""

    facility_code: str
    facility_name: str
    program: str
    sequence: int
    emergency: bool
    product_code: str
    product_name: str
    unit: str
    pack_size: int
    pack_rounding_threshold: int
    round_to_zero: bool
    price_per_pack: Decimal | None
    approved: int | None  # K


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class ProductTotal:
    """One product of the district order."""

    program: str
    product_code: str
    product_name: str
    unit: str
    pack_size: int
    price_per_pack: Decimal | None
    facilities: int  # facilities with a positive K (a facility's emergency line adds none)
    lines: int  # facility lines summed (regular and emergency)
    approved: int  # Σ K, dispensing units
    packs: int  # Σ V over the facility lines
    cost: Decimal | None  # Σ Q, None when the product has no price


@dataclass(frozen=True)
class OrderLine:
    """One facility's line of the order: what the warehouse picks for it."""

    order_number: str
    facility_code: str
    facility_name: str
    program: str
    emergency: bool
    product_code: str
    product_name: str
    unit: str
    pack_size: int
    approved: int  # K
    packs: int  # V
    price_per_pack: Decimal | None  # T
    cost: Decimal | None  # Q


@dataclass(frozen=True)
class OrderRow:
    """One row of the OpenLMIS-style order file (columns :data:`ORDER_COLUMNS`)."""

    order_number: str
    facility_code: str
    product_code: str
    product_name: str
    approved_quantity: int
    period: str
    order_date: date

    def values(self) -> tuple[str, str, str, str, int, str, str]:
        return (self.order_number, self.facility_code, self.product_code, self.product_name,
                self.approved_quantity, self.period, self.order_date.isoformat())


@dataclass(frozen=True)
class Missing:
    """A facility whose regular requisition of a program has not reached the district."""

    facility_code: str
    facility_name: str
    program: str | None  # None: no program had any requisition in the district
    draft: bool  # True: prepared but never submitted

    @property
    def situation(self) -> str:
        return "draft, not submitted" if self.draft else "no requisition"


@dataclass(frozen=True)
class Pending:
    """A requisition submitted or authorized and not yet approved."""

    facility_code: str
    facility_name: str
    program: str
    emergency: bool
    status: str


@dataclass(frozen=True)
class Consolidation:
    district: str
    period: str
    period_start: date
    period_end: date
    program: str | None  # None: all programs
    program_name: str | None
    order_date: date
    generated_at: datetime
    app_version: str
    warehouse: str | None  # "DS01 District Store" (the facilities' supplier), None if unknown
    facilities: tuple[DistrictFacility, ...]  # expected to report
    products: tuple[ProductTotal, ...]
    lines: tuple[OrderLine, ...]
    not_reported: tuple[Missing, ...]
    not_approved: tuple[Pending, ...]
    orders: tuple[OrderRow, ...]
    zero_lines: int  # approved lines with K = 0 or none: nothing to ship

    @property
    def total_cost(self) -> Decimal:
        """Σ Q of the products with a price (see :attr:`unpriced`)."""
        return sum((p.cost for p in self.products if p.cost is not None), Decimal("0.00"))

    @property
    def total_packs(self) -> int:
        return sum(p.packs for p in self.products)

    @property
    def unpriced(self) -> tuple[str, ...]:
        """Products without a price: the total cost leaves them out."""
        return tuple(p.product_code for p in self.products if p.cost is None)

    @property
    def ordering_facilities(self) -> tuple[str, ...]:
        """Facilities with at least one line in the order, in code order."""
        return tuple(sorted({ln.facility_code for ln in self.lines}))

    @property
    def order_numbers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ln.order_number for ln in self.lines))


# ---------------------------------------------------------------- the rules


def district_key(district: str) -> str:
    """The district as it appears in an order number: capitals, one ``-`` between words."""
    plain = unicodedata.normalize("NFKD", district).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub("-", plain.upper()).strip("-") or "DISTRICT"


def order_number(district: str, period: str, facility: str, program: str,
                 sequence: int = 0) -> str:
    """``ORD-{DISTRICT}-{PERIOD}-{FACILITY}-{PROGRAM}``, ``-E{n}`` for emergency n."""
    number = f"ORD-{district_key(district)}-{period}-{facility}-{program}"
    return number + (f"-E{sequence}" if sequence else "")


def consolidate(*, district: str, period: str, period_start: date, period_end: date,
                program: str | None, program_name: str | None, programs: Sequence[str],
                facilities: Sequence[DistrictFacility], requisitions: Iterable[RequisitionState],
                lines: Iterable[ApprovedLine], order_date: date, generated_at: datetime,
                app_version: str, warehouse: str | None = None) -> Consolidation:
    """The district order from its facilities' requisitions of ``period``.

    ``programs`` are the programs each facility is expected to report on (the one asked for,
    or every program with a requisition in the district this period); ``requisitions`` are
    every requisition of the period of those facilities, whatever their status; ``lines`` the
    lines of the approved and issued ones.  Lines of other facilities, statuses (not
    approved) or programs out of scope are ignored, so a caller cannot slip them in.
    """
    facs = sorted(facilities, key=lambda f: f.code)
    names = {f.code: f.name for f in facs}
    reqs = [r for r in requisitions if r.facility_code in names
            and (program is None or r.program == program)]
    ordered_keys = {(r.facility_code, r.program, r.sequence) for r in reqs
                    if r.status in ORDERED_STATUSES}

    order_lines: list[OrderLine] = []
    zero = 0
    for ln in lines:
        if (ln.facility_code, ln.program, ln.sequence) not in ordered_keys:
            continue
        if not ln.approved:  # None or 0: nothing to ship
            zero += 1
            continue
        if ln.approved < 0:
            raise ValueError(f"{ln.facility_code} {ln.product_code}: approved quantity "
                             f"{ln.approved} is negative")
        packs = int(packs_to_ship(ln.approved, ln.pack_size, ln.pack_rounding_threshold,
                                  ln.round_to_zero).value)
        order_lines.append(OrderLine(
            order_number=order_number(district, period, ln.facility_code, ln.program,
                                      ln.sequence),
            facility_code=ln.facility_code, facility_name=ln.facility_name,
            program=ln.program, emergency=ln.emergency, product_code=ln.product_code,
            product_name=ln.product_name, unit=ln.unit, pack_size=ln.pack_size,
            approved=ln.approved, packs=packs, price_per_pack=ln.price_per_pack,
            cost=total_cost(packs, ln.price_per_pack)))
    order_lines.sort(key=lambda o: (o.facility_code, o.program, o.order_number, o.product_code))

    products = _product_totals(order_lines)
    orders = tuple(OrderRow(o.order_number, o.facility_code, o.product_code, o.product_name,
                            o.approved, period, order_date) for o in order_lines)

    regular = {(r.facility_code, r.program): r.status for r in reqs if r.sequence == 0}
    expected: Sequence[str | None] = list(programs) if programs else [None]
    missing: list[Missing] = []
    for f in facs:
        for prog in expected:
            if prog is None:
                statuses = [s for (code, _), s in regular.items() if code == f.code]
                status = next((s for s in statuses if s != "draft"),
                              "draft" if statuses else None)
            else:
                status = regular.get((f.code, prog))
            if status is None or status == "draft":
                missing.append(Missing(f.code, f.name, prog, draft=status == "draft"))
    pending = tuple(sorted(
        (Pending(r.facility_code, names[r.facility_code], r.program, r.emergency, r.status)
         for r in reqs if r.status in PENDING_STATUSES),
        key=lambda p: (p.facility_code, p.program, p.emergency)))

    return Consolidation(
        district=district, period=period, period_start=period_start, period_end=period_end,
        program=program, program_name=program_name, order_date=order_date,
        generated_at=generated_at, app_version=app_version, warehouse=warehouse,
        facilities=tuple(facs), products=products, lines=tuple(order_lines),
        not_reported=tuple(missing), not_approved=pending, orders=orders, zero_lines=zero)


def _product_totals(lines: Sequence[OrderLine]) -> tuple[ProductTotal, ...]:
    groups: dict[tuple[str, str], list[OrderLine]] = {}
    for ln in lines:
        groups.setdefault((ln.program, ln.product_code), []).append(ln)
    out = []
    for (prog, code), group in sorted(groups.items()):
        first = group[0]
        costs = [ln.cost for ln in group]
        out.append(ProductTotal(
            program=prog, product_code=code, product_name=first.product_name,
            unit=first.unit, pack_size=first.pack_size, price_per_pack=first.price_per_pack,
            facilities=len({ln.facility_code for ln in group}), lines=len(group),
            approved=sum(ln.approved for ln in group), packs=sum(ln.packs for ln in group),
            cost=None if any(c is None for c in costs)
            else sum((c for c in costs if c is not None), Decimal("0.00"))))
    return tuple(out)


__all__ = [
    "ORDER_COLUMNS", "ApprovedLine", "Consolidation", "DistrictFacility", "Missing",
    "OrderLine", "OrderRow", "Pending", "ProductTotal", "RequisitionState", "consolidate",
    "district_key", "order_number",
]
