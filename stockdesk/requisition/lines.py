"""The lettered figures of one R&R line (FIELD.md §1.8, AC-01, AC-07, AC-10).

A–E and X come from the period's monthly summary (ledger or imported history), N and P from
the program's calculation profile, H and I from the levels, V and Q from the pack and price.
The same functions recompute a line the district receives, so "the numbers add up" is checked
by the very code that produced them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from stockdesk.forecast.explain import Explained
from stockdesk.forecast.levels import max_quantity, order_quantity
from stockdesk.forecast.profiles import MonthInput, Profile, adjusted, average_consumption


def packs_to_ship(units: int, pack_size: int, threshold: int, round_to_zero: bool,
                  ) -> Explained:
    """Packs V for ``units`` dispensing units, the OpenLMIS rule (AC-10).

    ``floor(units / pack)``, one more when the remainder is above the pack rounding threshold;
    a positive quantity that rounds to 0 packs ships 1 pack unless the product rounds to zero.
    AC-10 (pack 100, threshold 50): 255 → 3, 245 → 2, 30 → 1 (0 with round-to-zero), 0 → 0.
    """
    if units < 0 or pack_size < 1 or threshold < 0:
        raise ValueError("units, pack size and threshold must be positive")
    packs, rest = divmod(units, pack_size)
    notes: list[str] = []
    if rest > threshold:
        packs += 1
        notes.append(f"remainder {rest} > threshold {threshold}: one more pack")
    elif rest:
        notes.append(f"remainder {rest} ≤ threshold {threshold}: not shipped")
    if packs == 0 and units > 0:
        if round_to_zero:
            notes.append("rounds to zero")
        else:
            packs = 1
            notes.append("at least one pack for a positive quantity")
    return Explained(packs, f"V = {units} / {pack_size} → {packs} pack{'s' * (packs != 1)}",
                     {"units": units, "pack_size": pack_size, "threshold": threshold,
                      "round_to_zero": round_to_zero}, tuple(notes))


def total_cost(packs: int | None, price: Decimal | None) -> Decimal | None:
    """Q = V × T (AC-10: 3 × 2.50 = 7.50); unknown when either is."""
    if packs is None or price is None:
        return None
    return (Decimal(packs) * price).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Figures:
    """The calculated part of a line, each figure with its explanation."""

    A: int
    B: int
    C: int
    D: int
    E: int
    X: int
    N: Explained
    P: Explained
    H: Explained | None
    I: Explained | None  # noqa: E741 - the form's letter


def figures(month: MonthInput, opening: int, received: int, adjustments: int, closing: int,
            window: Sequence[MonthInput], profile: Profile, max_mos: float) -> Figures:
    """A–E, X, N, P, H and I of one product for a monthly period.

    ``window`` holds the months P averages (the period and the ones before it that were
    reported); ``month`` is the period itself.
    """
    n = adjusted(profile, month)
    p = average_consumption(profile, window)
    h = i = None
    if p.value is not None:
        h = max_quantity(p.value, max_mos)
        i = order_quantity(int(h.value), max(closing, 0))
    return Figures(opening, received, month.consumed, adjustments, closing,
                   month.stockout_days or 0, n, p, h, i)


# Problems of a line, as (column letter, message) pairs: the import and the form both use them.
def line_problems(A: int, B: int, C: int, D: int, E: int, X: int, days: int,
                  I: int | None, J: int | None, W: str | None  # noqa: E741
                  ) -> list[tuple[str, str]]:
    """The identities every R&R line must satisfy (FIELD.md §1.8, DESIGN.md §5)."""
    out: list[tuple[str, str]] = []
    if E != A + B + D - C:
        out.append(("E", f"E = {E} but A + B + D − C = {A} + {B} + {D} − {C} = {A + B + D - C}"))
    if not 0 <= X <= days:
        out.append(("X", f"X = {X} stockout days, outside 0..{days} days of the period"))
    if min(A, B, C, E) < 0:
        out.append(("A", "A, B, C and E cannot be negative"))
    if J is not None and J < 0:
        out.append(("J", f"J = {J}: a requested quantity cannot be negative"))
    if J is not None and I is not None and J != I and not (W or "").strip():
        out.append(("W", f"J = {J} differs from I = {I}: W must explain why"))
    return out


__all__ = ["Figures", "figures", "line_problems", "packs_to_ship", "total_cost"]
