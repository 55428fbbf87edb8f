"""Max-min levels and the quantities they give (FIELD.md §1.2–1.4, AC-07, AC-08).

Levels are in **months of stock** (MOS); quantities are integers in dispensing units. Levels
are configuration (per program × facility type, as OpenLMIS stores them): an inconsistent set
is kept exactly as configured and reported by :meth:`Levels.warnings`, never corrected.

Arithmetic on levels is exact on the decimals as written (``0.1 + 0.2`` is ``0.3``, and
``15 × 4.1`` is ``61.5``, not ``61.499…``), so boundaries such as "0.5 is not below EOP 0.5"
and half-up rounding hold on every input, not just on the friendly ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from stockdesk.forecast.explain import Explained, fmt, round_half_up
from stockdesk.forecast.profiles import DAYS_PER_MONTH

Number = int | float | Decimal | Fraction
"""A quantity or a level as a caller may hold it; converted exactly by :func:`exact`."""

Lot = tuple[int, date | None]
"""An on-hand lot: (quantity in dispensing units, expiry date or None = never expires)."""


def exact(x: Number) -> Fraction:
    """``x`` as an exact fraction of the decimal it was written as (float 0.1 → 1/10).

    Floats go through their shortest repr, which is what the user typed for any configured
    level; NaN and infinities are refused.  A district's statuses convert the same few levels
    and quantities tens of thousands of times, so conversions are remembered (fractions are
    immutable: sharing one is safe).
    """
    if isinstance(x, Fraction):
        return x
    return _exact(x)


@lru_cache(maxsize=8192, typed=True)
def _exact(x: int | float | Decimal) -> Fraction:
    if isinstance(x, int | Decimal):
        return Fraction(x)
    return Fraction(repr(float(x)))


def num(x: Number, digits: int = 2) -> str:
    """A level or quantity as people write it (3, 0.5, 2.39): :func:`fmt` on an exact value."""
    return fmt(float(exact(x)), digits)


def months_to_days(months: Number) -> int:
    """Days in ``months`` 30-day months, rounded half up: ``round_half_up(months × 30)``.

    The same 30-day month as the daily rate AMC/30 and stockout adjustment (FIELD.md §1.6),
    so a lead time of 0.5 month is 15 days and 1 month is 30 days.
    """
    return round_half_up(float(exact(months) * DAYS_PER_MONTH))


@dataclass(frozen=True)
class Levels:
    """Max-min levels in months of stock; StockDesk defaults 3 / 1 / 0.5, LT 1, RP 1.

    ``max_mos`` Max, ``min_mos`` Min, ``eop_mos`` emergency order point (0 = none, as in
    continuous review), ``lead_time_months`` LT, ``review_months`` RP (FIELD.md §1.2).
    Negative or non-finite levels are refused; inconsistent ones are only warned about.
    """

    max_mos: float = 3
    min_mos: float = 1
    eop_mos: float = 0.5
    lead_time_months: float = 1
    review_months: float = 1

    def __post_init__(self) -> None:
        for name in ("max_mos", "min_mos", "eop_mos", "lead_time_months", "review_months"):
            value = getattr(self, name)
            try:
                ok = exact(value) >= 0
            except (ValueError, OverflowError):
                ok = False
            if not ok:
                raise ValueError(f"{name} must be a finite number ≥ 0, not {value!r}")

    @property
    def safety_stock_mos(self) -> float:
        """Safety stock implied by the configuration: ``SS = Min − LT`` (may be negative)."""
        return float(exact(self.min_mos) - exact(self.lead_time_months))

    def warnings(self) -> tuple[str, ...]:
        """What is inconsistent in these levels, in words; empty when nothing is (AC-08).

        Checks ``Max = Min + RP``, ``EOP < Min`` (when an EOP is set), ``Min ≤ Max`` and
        ``Min ≥ LT`` (a min below the lead time runs out before the order arrives).  The
        levels themselves are never changed.
        """
        mx, mn, eop = exact(self.max_mos), exact(self.min_mos), exact(self.eop_mos)
        lt, rp = exact(self.lead_time_months), exact(self.review_months)
        out: list[str] = []
        if mx != mn + rp:
            out.append(f"max {num(mx)} ≠ min {num(mn)} + review {num(rp)} (= {num(mn + rp)}): "
                       "inconsistent with Max = Min + RP; kept as configured")
        if eop > 0 and eop >= mn:
            out.append(f"EOP {num(eop)} is not below min {num(mn)}; kept as configured")
        if mn > mx:
            out.append(f"min {num(mn)} is above max {num(mx)}; kept as configured")
        if mn < lt:
            out.append(f"min {num(mn)} is below the lead time {num(lt)}: stock runs out before "
                       "an order placed at min arrives; kept as configured")
        return tuple(out)


DEFAULT_LEVELS = Levels()


def derive_levels(lead_time: Number, safety_stock: Number, review: Number, *,
                  eop: Number = 0.5) -> Explained:
    """Levels from lead time, safety stock and review period: ``Min = LT + SS``,
    ``Max = Min + RP`` (FIELD.md §1.2, AC-08: LT 0.5, SS 0.5, RP 1 → Min 1, Max 2).

    All in months of stock, computed exactly on the decimals given.  The EOP is not derivable
    from these (the Handbook sizes it from the emergency lead time), so it is taken as given,
    default 0.5; any inconsistency (e.g. EOP not below a small Min) is in the notes.
    Value: :class:`Levels`.
    """
    lt, ss, rp = exact(lead_time), exact(safety_stock), exact(review)
    if min(lt, ss, rp) < 0:
        raise ValueError("lead time, safety stock and review period must not be negative")
    mn = lt + ss
    mx = mn + rp
    levels = Levels(max_mos=float(mx), min_mos=float(mn), eop_mos=float(exact(eop)),
                    lead_time_months=float(lt), review_months=float(rp))
    formula = (f"Min = LT + SS = {num(lt)} + {num(ss)} = {num(mn)}; "
               f"Max = Min + RP = {num(mn)} + {num(rp)} = {num(mx)}")
    return Explained(levels, formula,
                     {"LT": float(lt), "SS": float(ss), "RP": float(rp), "EOP": float(exact(eop))},
                     levels.warnings())


def _level_quantity(amc: Number, mos: Number, symbol: str, name: str) -> Explained:
    p, m = exact(amc), exact(mos)
    if p < 0 or m < 0:
        raise ValueError("AMC and levels must not be negative")
    product = p * m
    value = round_half_up(float(product))
    if product.denominator == 1:
        formula = f"{symbol} = P × {name} = {num(p)} × {num(m)} = {value}"
        notes: tuple[str, ...] = ()
    else:
        formula = (f"{symbol} = round_half_up(P × {name}) = round_half_up({num(p)} × {num(m)}) "
                   f"= round_half_up({num(product, 4)}) = {value}")
        notes = ("rounded half up, as OpenLMIS calculateMaximumStockQuantity",)
    return Explained(value, formula, {"P": float(p), name: float(m)}, notes)


def max_quantity(amc: Number, max_mos: Number) -> Explained:
    """Maximum stock quantity ``H = round_half_up(P × MaxMOS)`` in dispensing units.

    OpenLMIS ``calculateMaximumStockQuantity`` (FIELD.md §1.2, AC-07: P 330, MaxMOS 3 → 990;
    P 333, MaxMOS 2.5 → 832.5 → 833).  The product is exact, so 15 × 4.1 = 61.5 → 62.
    """
    return _level_quantity(amc, max_mos, "H", "MaxMOS")


def min_quantity(amc: Number, min_mos: Number) -> Explained:
    """Minimum stock quantity ``round_half_up(P × MinMOS)`` (AC-08: AMC 100, Min 1 → 100)."""
    return _level_quantity(amc, min_mos, "Min qty", "MinMOS")


def order_quantity(h: int, soh: int, *, pipeline: int = 0) -> Explained:
    """Order quantity ``I = max(0, H − E − pipeline)``: up to max, never negative.

    OpenLMIS ``calculateCalculatedOrderQuantity`` ``I = max(0, H − E)`` (AC-07: H 990, E 790
    → 200; E 1000 → 0).  ``pipeline`` is stock already ordered or in transit (inventory-
    position variant, FIELD.md §1.2); 0 by default as on the R&R.
    """
    if min(h, soh, pipeline) < 0:
        raise ValueError("H, stock on hand and pipeline must not be negative")
    raw = h - soh - pipeline
    value = max(0, raw)
    if pipeline:
        formula = (f"I = max(0, H − E − on order) = max(0, {h} − {soh} − {pipeline}) = {value}")
    else:
        formula = f"I = max(0, H − E) = max(0, {h} − {soh}) = {value}"
    notes = (f"never negative: stock is {-raw} above max",) if raw < 0 else ()
    return Explained(value, formula, {"H": h, "E": soh, "pipeline": pipeline}, notes)


def expiry_aware_order_quantity(amc: Number, lots: Sequence[Lot], as_of: date,
                                levels: Levels = DEFAULT_LEVELS, *,
                                pipeline: int = 0) -> Explained:
    """Order quantity that does not count stock which will expire unused before it is needed.

    Rule (StockDesk's reading of "subtract stock expiring before next delivery", FIELD.md
    Decisions table)::

        start        = as_of + 1 day               (SOH is counted at the close of as_of)
        next_delivery = as_of + LT                  (LT in 30-day months, rounded half up)
        cover_until  = next_delivery + RP           (when the order after this one arrives)
        W = Σ at_risk_i  over lots with expiry_i ≤ cover_until
            (at_risk_i from the FEFO projection at AMC/30 per day, FIELD.md §3, rounded up
             to whole units per lot — see expiry.fefo_lots)
        H = round_half_up(AMC × MaxMOS)
        E = Σ q_i
        I = max(0, H − (E − W) − pipeline)

    Why not drop whole lots that expire before the next delivery: FEFO issues them first,
    and what patients take from them before the expiry date is real consumption that the
    max-min rule already expects during the lead time; only the part left at expiry is lost.
    Why ``cover_until``: this order has to last until the following delivery; stock that
    expires unused later is seen (and replaced) by the next review.  Lots already expired at
    as_of count in full in W; ``None`` expiry never expires; pipeline stock is taken as usable.

    Worked example (tests/forecast/test_levels.py): AMC 90 (3/day), Max 3 → H 270; as_of
    2023-12-31; lots 150 exp 2024-01-21, 60 exp 2024-04-15, 100 no expiry; next delivery
    2024-01-30, cover until 2024-02-29.  FEFO: lot 1 has 20 usable days → 60 used, 90 at risk;
    W = 90; E = 310; I = max(0, 270 − (310 − 90)) = 50, where the plain rule gives 0.
    """
    from stockdesk.forecast.expiry import fefo_lots  # expiry.py imports this module

    if pipeline < 0:
        raise ValueError("pipeline must not be negative")
    h = max_quantity(amc, levels.max_mos)
    e = sum(q for q, _ in lots)
    next_delivery = as_of + timedelta(days=months_to_days(levels.lead_time_months))
    cover_until = next_delivery + timedelta(days=months_to_days(levels.review_months))
    runs = fefo_lots(lots, amc, as_of)
    lost = [r for r in runs if r.at_risk and r.expiry is not None and r.expiry <= cover_until]
    w = sum(r.at_risk for r in lost)
    plain = order_quantity(h.value, e, pipeline=pipeline)
    raw = h.value - (e - w) - pipeline
    value = max(0, raw)
    on_order = f" − {pipeline}" if pipeline else ""
    formula = (f"I = max(0, H − (E − W){' − on order' if pipeline else ''}) = "
               f"max(0, {h.value} − ({e} − {w}){on_order}) = {value}")
    notes = [f"W = stock FEFO at {num(exact(amc) / DAYS_PER_MONTH)}/day leaves unused at expiry "
             f"by {cover_until.isoformat()} (next delivery {next_delivery.isoformat()} + review "
             f"{num(levels.review_months)} month)"]
    notes += [f"{r.label} ({r.quantity}, exp {r.expiry}): {r.at_risk} expire unused"
              for r in lost]
    if value != plain.value:
        notes.append(f"without expiry: I = {plain.value}")
    return Explained(value, formula,
                     {"H": h.value, "E": e, "W": w, "pipeline": pipeline, "AMC": float(exact(amc)),
                      "next_delivery": next_delivery, "cover_until": cover_until,
                      "plain_I": plain.value},
                     tuple(notes))


__all__ = ["DEFAULT_LEVELS", "Levels", "Lot", "Number", "derive_levels", "exact",
           "expiry_aware_order_quantity", "max_quantity", "min_quantity",
           "months_to_days", "num", "order_quantity"]
