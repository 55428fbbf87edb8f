"""Figures that can explain themselves (DESIGN.md §3).

A pharmacist or a district reviewer must be able to redo every number by hand: each calculated
figure carries the formula it came from, the inputs it used (with the months they cover) and
the rounding applied, so the window, the printed R&R and the CLI can show it as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


@dataclass(frozen=True)
class Explained:
    """A value with its formula (as filled in), its named inputs and notes worth reading."""

    value: Any
    formula: str
    inputs: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = self.formula
        if self.notes:
            text += " (" + "; ".join(self.notes) + ")"
        return text

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {"value": self.value, "formula": self.formula,
                "inputs": dict(self.inputs), "notes": list(self.notes)}


def round_half_up(x: float) -> int:
    """Round .5 away from zero as forms and spreadsheets do (Python's round() is banker's)."""
    return int(Decimal(repr(float(x))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fmt(x: float, digits: int = 2) -> str:
    """A number as people write it: no trailing zeros, no scientific notation."""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.{digits}f}".rstrip("0").rstrip(".")


__all__ = ["Explained", "fmt", "round_half_up"]
