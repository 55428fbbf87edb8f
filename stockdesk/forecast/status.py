"""Months of stock, stock status and the max-min variant decision (FIELD.md §1.3, §1.5).

Reproduces AC-06 (MOS and status, with the standard-variant order column) and AC-09 (the
three variants).  Comparisons are exact: ``MOS < EOP`` is tested as ``SOH < EOP × AMC`` on
exact fractions, so SOH 50 with AMC 100 is *not* below EOP 0.5, whatever floats would say.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

from stockdesk.forecast.explain import Explained, fmt
from stockdesk.forecast.levels import (
    DEFAULT_LEVELS,
    Levels,
    Number,
    exact,
    max_quantity,
    num,
    order_quantity,
)


class Status(StrEnum):
    """Stock status categories of FIELD.md §1.5, in order of urgency."""

    STOCKED_OUT = "stocked_out"
    BELOW_EOP = "below_eop"
    BELOW_MIN = "below_min"
    ADEQUATE = "adequate"
    OVERSTOCKED = "overstocked"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """The name a person reads (English; ui/ translates)."""
        return _STATUS_LABELS[self]

    @property
    def action(self) -> str:
        """What FIELD.md §1.5 says to do."""
        return _STATUS_ACTIONS[self]


_STATUS_LABELS = {
    Status.STOCKED_OUT: "Stocked out", Status.BELOW_EOP: "Below EOP",
    Status.BELOW_MIN: "Below min", Status.ADEQUATE: "Adequate",
    Status.OVERSTOCKED: "Overstocked", Status.UNKNOWN: "Unknown",
}
_STATUS_ACTIONS = {
    Status.STOCKED_OUT: "Emergency order or redistribution; count stockout days",
    Status.BELOW_EOP: "Emergency order now (forced ordering and standard variants)",
    Status.BELOW_MIN: "Order at review",
    Status.ADEQUATE: "None",
    Status.OVERSTOCKED: "Stop ordering; check expiry; offer for redistribution",
    Status.UNKNOWN: "Review data: no consumption recorded",
}


def _round(x: Fraction, digits: int) -> Fraction:
    q = Decimal(x.numerator) / Decimal(x.denominator)
    return Fraction(q.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


@lru_cache(maxsize=4096)  # a status prints the same MOS in several explanations
def mos_text(mos: Fraction, levels: Levels | None = None) -> str:
    """MOS as printed: one decimal (790/330 → "2.4", AC-06), more only when one decimal would
    put it on the other side of, or on, a level it is not on (301/100 → "3.01" against max 3).
    """
    bounds = [] if levels is None else [exact(levels.eop_mos), exact(levels.min_mos),
                                        exact(levels.max_mos)]

    def side(x: Fraction, b: Fraction) -> int:
        return (x > b) - (x < b)

    digits = 1
    while digits < 6 and any(side(_round(mos, digits), b) != side(mos, b) for b in bounds):
        digits += 1
    return fmt(float(_round(mos, digits)), digits)


def _known(amc: Number | None) -> bool:
    if amc is None:
        return False
    if exact(amc) < 0:
        raise ValueError(f"AMC must not be negative, not {amc!r}")
    return exact(amc) > 0


def months_of_stock(soh: int, amc: Number | None) -> Explained:
    """Months of stock ``MOS = SOH / AMC`` (Handbook §3.2; AC-06: 790 / 330 = 2.394, printed
    2.4).  Value: float, or None when AMC is 0 or missing (MOS unknown, status "unknown").
    """
    if soh < 0:
        raise ValueError("stock on hand must not be negative")
    if not _known(amc):
        return Explained(None, f"MOS = SOH / AMC: unknown, AMC is {amc}",
                         {"SOH": soh, "AMC": amc}, ("no consumption to divide by",))
    assert amc is not None
    mos = Fraction(soh) / exact(amc)
    sign = "=" if _round(mos, 1) == mos else "≈"
    return Explained(float(mos), f"MOS = SOH / AMC = {soh} / {num(amc)} {sign} {mos_text(mos)}",
                     {"SOH": soh, "AMC": float(exact(amc))})


def stock_status(soh: int, amc: Number | None, levels: Levels = DEFAULT_LEVELS) -> Explained:
    """Status of FIELD.md §1.5 with the AC-06 boundaries (value: :class:`Status`)::

        SOH = 0                    → stocked out   (whatever the AMC)
        AMC 0 or missing, SOH > 0  → unknown
        MOS < EOP                  → below EOP     (0.5 is not < 0.5)
        EOP ≤ MOS < Min            → below min
        Min ≤ MOS ≤ Max            → adequate      (3.0 is adequate)
        MOS > Max                  → overstocked   (3.01)

    Tested in this order, so inconsistent levels (EOP ≥ Min) still give one answer; they are
    reported by ``Levels.warnings``.
    """
    if soh < 0:
        raise ValueError("stock on hand must not be negative")
    inputs: dict[str, object] = {"SOH": soh, "AMC": amc, "MaxMOS": levels.max_mos,
                                 "MinMOS": levels.min_mos, "EOP": levels.eop_mos}
    if soh == 0:
        return Explained(Status.STOCKED_OUT, "SOH = 0 → stocked out", inputs)
    if not _known(amc):
        return Explained(Status.UNKNOWN, f"SOH {soh} > 0 with AMC {amc} → unknown", inputs,
                         ("MOS cannot be computed without consumption",))
    assert amc is not None
    mos = Fraction(soh) / exact(amc)
    mx, mn, eop = exact(levels.max_mos), exact(levels.min_mos), exact(levels.eop_mos)
    m = f"MOS = {soh} / {num(amc)} = {mos_text(mos, levels)}"
    inputs["MOS"] = float(mos)
    if mos < eop:
        return Explained(Status.BELOW_EOP, f"{m} < EOP {num(eop)} → below EOP", inputs)
    if mos < mn:
        return Explained(Status.BELOW_MIN,
                         f"{m}: EOP {num(eop)} ≤ MOS < min {num(mn)} → below min", inputs)
    if mos <= mx:
        return Explained(Status.ADEQUATE,
                         f"{m}: min {num(mn)} ≤ MOS ≤ max {num(mx)} → adequate", inputs)
    return Explained(Status.OVERSTOCKED, f"{m} > max {num(mx)} → overstocked", inputs)


class Variant(StrEnum):
    """The three max-min variants of FIELD.md §1.3."""

    FORCED_ORDERING = "forced_ordering"
    STANDARD = "standard"
    CONTINUOUS_REVIEW = "continuous_review"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Decision:
    """What a max-min variant says to do now.

    ``order``: place an order now; ``emergency``: through the emergency channel (below EOP);
    ``quantity``: ``max(0, H − SOH)`` when ordering now, else 0; ``due_at_review``: not now,
    but the next review will order (standard at or below min, forced ordering always);
    ``reason``: one sentence; ``explanation``: the quantity with its formula and the rule.
    """

    order: bool
    emergency: bool
    quantity: int
    due_at_review: bool
    reason: str
    explanation: Explained


def decide(variant: Variant, soh: int, amc: Number | None, levels: Levels = DEFAULT_LEVELS, *,
           review_day: bool) -> Decision:
    """The max-min decision of FIELD.md §1.3 (AC-09 table, AC-06 standard-variant column).

    * Forced ordering: on a review day always order ``max(0, H − SOH)`` (the report goes even
      when that is 0); any day, ``MOS < EOP`` is an emergency order.
    * Standard: on a review day order when ``MOS ≤ Min``; any day, ``MOS < EOP`` is an
      emergency order.  Between reviews at or below min: due at review.
    * Continuous review: order whenever ``MOS ≤ Min`` (at the issue that brought it there),
      never an emergency; ``review_day`` is ignored.

    Quantity always ``H − SOH`` with ``H = round_half_up(AMC × MaxMOS)``: the emergency
    order too brings stock up to max (AC-09).  Below EOP counts as an emergency on a review
    day as well (the EOP triggers "regardless of the timing within the review period").
    With AMC 0 or missing no quantity can be set: no order, review the data.
    """
    status = stock_status(soh, amc, levels)
    inputs: dict[str, object] = {"variant": variant.value, "review_day": review_day,
                                 "SOH": soh, "AMC": amc, "status": status.value.value}
    if not _known(amc):
        why = f"AMC {amc}: no max quantity can be set; review the data"
        return Decision(False, False, 0, False, why,
                        Explained(0, "no order: " + why, inputs, (str(status),)))
    assert amc is not None
    h = max_quantity(amc, levels.max_mos)
    q = order_quantity(h.value, soh)
    mos = Fraction(soh) / exact(amc)
    mos_s = mos_text(mos, levels)
    below_eop = mos < exact(levels.eop_mos)
    at_or_below_min = mos <= exact(levels.min_mos)
    inputs.update(H=h.value, MOS=float(mos))
    name = variant.label

    def now(emergency: bool, why: str) -> Decision:
        formula = f"quantity = max(0, H − SOH) = max(0, {h.value} − {soh}) = {q.value}"
        return Decision(True, emergency, q.value, False, f"{name}: {why}",
                        Explained(q.value, formula, inputs, (why, h.formula, *q.notes)))

    def wait(due: bool, why: str) -> Decision:
        return Decision(False, False, 0, due, f"{name}: {why}",
                        Explained(0, f"no order now: {why}", inputs, (str(status),)))

    if variant is Variant.CONTINUOUS_REVIEW:
        if at_or_below_min:
            return now(False, f"MOS {mos_s} ≤ min {num(levels.min_mos)}: order {q.value}, "
                              f"placed at the issue that brought SOH to {soh}")
        return wait(False, f"MOS {mos_s} > min {num(levels.min_mos)}: no order")
    if below_eop:
        return now(True, f"MOS {mos_s} < EOP {num(levels.eop_mos)}: emergency order "
                         f"{q.value} now")
    if variant is Variant.FORCED_ORDERING:
        if review_day:
            return now(False, f"review day: forced ordering always orders, {q.value}")
        return wait(True, "between reviews, MOS not below EOP: the next review orders")
    if at_or_below_min:
        if review_day:
            return now(False, f"review day, MOS {mos_s} ≤ min {num(levels.min_mos)}: "
                              f"order {q.value}")
        return wait(True, f"MOS {mos_s} ≤ min {num(levels.min_mos)}: order {q.value} at the "
                          "next review")
    return wait(False, f"MOS {mos_s} > min {num(levels.min_mos)}: no order")


__all__ = ["Decision", "Status", "Variant", "decide", "months_of_stock", "mos_text",
           "stock_status"]
