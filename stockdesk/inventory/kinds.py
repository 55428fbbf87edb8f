"""Movement kinds, reason codes and the signs they imply.

Quantities entered by people are always positive; the effect on stock (the *delta*) comes from
the kind and, for adjustments, from the reason.  Keeping the sign out of the caller's hands is
what makes a stock card readable and a reversal a mechanical negation.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.StrEnum):
    RECEIPT = "RECEIPT"
    ISSUE = "ISSUE"
    LOSS = "LOSS"
    ADJUSTMENT = "ADJUSTMENT"
    TRANSFER_IN = "TRANSFER_IN"
    TRANSFER_OUT = "TRANSFER_OUT"
    COUNT = "COUNT"
    REVERSAL = "REVERSAL"


class Column(enum.StrEnum):
    """The R&R column a movement lands in: B received, C consumed, D losses and adjustments."""

    RECEIVED = "B"
    CONSUMED = "C"
    ADJUSTED = "D"
    NONE = "-"  # counts: an observation, the variance is its own adjustment movement


@dataclass(frozen=True)
class Reason:
    code: str
    kinds: frozenset[Kind]
    sign: int  # +1 credit, -1 debit
    label: str


def _r(code: str, kinds: set[Kind], sign: int, label: str) -> Reason:
    return Reason(code, frozenset(kinds), sign, label)


REASONS: dict[str, Reason] = {
    r.code: r
    for r in [
        _r("expired", {Kind.LOSS}, -1, "Expired"),
        _r("damaged", {Kind.LOSS}, -1, "Damaged or broken"),
        _r("stolen", {Kind.LOSS}, -1, "Stolen"),
        _r("lost", {Kind.LOSS}, -1, "Lost or missing"),
        _r("recalled", {Kind.LOSS}, -1, "Quality recall"),
        _r("found", {Kind.ADJUSTMENT}, +1, "Found stock"),
        _r("returned_by_patient", {Kind.ADJUSTMENT}, +1, "Returned by patient or ward"),
        _r("correction_plus", {Kind.ADJUSTMENT}, +1, "Data-entry correction (+)"),
        _r("correction_minus", {Kind.ADJUSTMENT}, -1, "Data-entry correction (−)"),
        _r("returned_to_supplier", {Kind.ADJUSTMENT}, -1, "Returned to supplier"),
        _r("count_gain", {Kind.ADJUSTMENT}, +1, "Physical count higher than book"),
        _r("count_loss", {Kind.ADJUSTMENT}, -1, "Physical count lower than book"),
    ]
}

# Kinds whose sign is fixed by the kind itself.
KIND_SIGN: dict[Kind, int] = {
    Kind.RECEIPT: +1,
    Kind.TRANSFER_IN: +1,
    Kind.ISSUE: -1,
    Kind.LOSS: -1,
    Kind.TRANSFER_OUT: -1,
    Kind.COUNT: 0,
}

KIND_COLUMN: dict[Kind, Column] = {
    Kind.RECEIPT: Column.RECEIVED,
    Kind.ISSUE: Column.CONSUMED,
    Kind.LOSS: Column.ADJUSTED,
    Kind.ADJUSTMENT: Column.ADJUSTED,
    Kind.TRANSFER_IN: Column.ADJUSTED,
    Kind.TRANSFER_OUT: Column.ADJUSTED,
    Kind.COUNT: Column.NONE,
}

# Kinds that need a reason code, and kinds that need a counter-party.
NEEDS_REASON = {Kind.LOSS, Kind.ADJUSTMENT}
NEEDS_COUNTERPARTY = {Kind.TRANSFER_IN, Kind.TRANSFER_OUT}


def reasons_for(kind: Kind) -> list[Reason]:
    return [r for r in REASONS.values() if kind in r.kinds]


def sign_of(kind: Kind, reason: str | None) -> int:
    """The sign of a movement's effect on stock; ADJUSTMENT takes it from its reason."""
    if kind in KIND_SIGN:
        return KIND_SIGN[kind]
    if kind is Kind.ADJUSTMENT and reason in REASONS:
        return REASONS[reason].sign
    raise ValueError(f"no sign for {kind} with reason {reason!r}")


# The one ordering rule for movements on the same day: stock comes in first, then it is
# adjusted, then it goes out, and the physical count closes the day.  A reversal posted on the
# same day as its original sorts right after the original.
DAY_RANK: dict[Kind, int] = {
    Kind.RECEIPT: 0,
    Kind.TRANSFER_IN: 0,
    Kind.ADJUSTMENT: 1,
    Kind.ISSUE: 2,
    Kind.LOSS: 2,
    Kind.TRANSFER_OUT: 2,
    Kind.COUNT: 3,
}
COUNT_RANK = DAY_RANK[Kind.COUNT]
