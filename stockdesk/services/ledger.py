"""Posting to the ledger: receipts, issues, losses, adjustments, transfers, counts, reversals.

Every public method is one transaction.  Input is checked completely first; any ERROR problem
raises :class:`ProblemsFound` and nothing is written.  Quantities are entered positive; the
sign comes from the kind and the reason (see ``inventory.kinds``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk.db.models import Facility, Lot, Movement, MovementLine, Product, StockBalance
from stockdesk.inventory.kinds import (
    KIND_COLUMN,
    NEEDS_COUNTERPARTY,
    NEEDS_REASON,
    REASONS,
    Column,
    Kind,
    reasons_for,
    sign_of,
)
from stockdesk.inventory.ledger import (
    Entry,
    LotBalance,
    fefo_order,
    first_negative,
    is_expired,
    period_of,
    rank_for,
)
from stockdesk.problems import Problem, ProblemsFound, error
from stockdesk.services import audit, balances, ledger_chain, summaries
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database, lock_facility
from stockdesk.services.upsert import upsert

NO_LOT = ""
MAX_QUANTITY = 1_000_000_000  # quantities and balances are 32-bit integers in the database
TEXT_LIMITS = {"lot": 64, "reference": 100, "counterparty": 200}


def clean(text: str | None) -> str | None:
    """Entered text without surrounding spaces ("L1 " and "L1" are the same lot)."""
    return text.strip() if text is not None else None


@dataclass(frozen=True)
class LineInput:
    """One line as a person enters it.  Without a lot, outgoing stock is taken FEFO."""

    product: str
    quantity: int
    lot: str | None = None
    expiry: date | None = None
    gtin: str | None = None


@dataclass(frozen=True)
class CountInput:
    product: str
    lot: str | None
    counted: int
    expiry: date | None = None


@dataclass(frozen=True)
class PostedLine:
    product: str
    lot: str
    expiry: date | None
    quantity: int
    delta: int


@dataclass(frozen=True)
class PostedMovement:
    id: int
    kind: str
    facility: str
    occurred_on: date
    reason: str | None
    reference: str | None
    lines: tuple[PostedLine, ...]
    related: tuple[int, ...] = field(default=())  # e.g. a count's variance adjustment


def _check_quantity(value: object, problems: list[Problem], *, zero_ok: bool = False) -> None:
    low = 0 if zero_ok else 1
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= MAX_QUANTITY:
        problems.append(error("quantity.not_positive", value=value))


def _check_length(field: str, value: str | None, problems: list[Problem]) -> None:
    if value is not None and len(value) > TEXT_LIMITS[field]:
        problems.append(error("import.too_long", field=field, limit=TEXT_LIMITS[field]))


class LedgerService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    # -- public operations -------------------------------------------------------------------

    def receive(self, facility: str, on: date, lines: Sequence[LineInput], *,
                reference: str | None = None, supplier: str | None = None,
                note: str | None = None) -> PostedMovement:
        return self._post(Kind.RECEIPT, facility, on, lines, reference=reference,
                          counterparty=supplier, note=note)

    def issue(self, facility: str, on: date, lines: Sequence[LineInput], *,
              reference: str | None = None, issued_to: str | None = None,
              note: str | None = None) -> PostedMovement:
        return self._post(Kind.ISSUE, facility, on, lines, reference=reference,
                          counterparty=issued_to, note=note)

    def loss(self, facility: str, on: date, lines: Sequence[LineInput], *, reason: str,
             reference: str | None = None, note: str | None = None) -> PostedMovement:
        return self._post(Kind.LOSS, facility, on, lines, reason=reason, reference=reference,
                          note=note)

    def adjust(self, facility: str, on: date, lines: Sequence[LineInput], *, reason: str,
               reference: str | None = None, note: str | None = None) -> PostedMovement:
        return self._post(Kind.ADJUSTMENT, facility, on, lines, reason=reason,
                          reference=reference, note=note)

    def transfer_out(self, facility: str, on: date, lines: Sequence[LineInput], *,
                     to: str, reference: str | None = None,
                     note: str | None = None) -> PostedMovement:
        """To another facility (by code) or a community health worker (by name)."""
        return self._post(Kind.TRANSFER_OUT, facility, on, lines, counterparty=to,
                          reference=reference, note=note)

    def transfer_in(self, facility: str, on: date, lines: Sequence[LineInput], *,
                    source: str, reference: str | None = None,
                    note: str | None = None) -> PostedMovement:
        return self._post(Kind.TRANSFER_IN, facility, on, lines, counterparty=source,
                          reference=reference, note=note)

    def count(self, facility: str, on: date, counts: Sequence[CountInput], *,
              reference: str | None = None, note: str | None = None) -> PostedMovement:
        """Record a physical count; a variance becomes a count_gain/count_loss adjustment.

        The count line keeps both the counted quantity and the book balance it was compared
        with, so the stock card shows what was seen and what the books said.
        """
        self.actor.require("stock.post")
        with self.db.transaction() as s:
            problems: list[Problem] = []
            fac = self._facility(s, facility, problems)
            self._check_date(on, problems)
            _check_length("reference", reference, problems)
            seen: set[tuple[str, str]] = set()
            resolved: list[tuple[Product, Lot | None, CountInput]] = []
            counts = [CountInput(clean(c.product) or "", clean(c.lot), c.counted, c.expiry)
                      for c in counts]
            for c in counts:
                prod = self._product(s, c.product, problems)
                _check_quantity(c.counted, problems, zero_ok=True)
                _check_length("lot", c.lot, problems)
                key = (c.product, c.lot or NO_LOT)
                if key in seen:
                    problems.append(error("count.duplicate_lot", lot=c.lot or NO_LOT,
                                          product=c.product))
                seen.add(key)
                if prod is not None:
                    lot = self._find_lot(s, prod, c.lot or NO_LOT)
                    resolved.append((prod, lot, c))
            if not counts:
                problems.append(error("movement.no_lines"))
            if problems or fac is None:
                raise ProblemsFound(problems)
            self.actor.require_at("stock.post", fac.code)
            lock_facility(s, fac.id)
            self._check_after_counts(s, fac, on, [p for p, _, _ in resolved], problems,
                                     counting=True)
            for prod, _, c in resolved:
                if not c.lot and any(lot.batch != NO_LOT and bal
                                     for lot, bal in self._lot_balances(s, fac.id, prod.id)):
                    # a product total would be booked as found stock beside the real lots
                    problems.append(error("count.lot_required", product=prod.code))
            if problems:
                raise ProblemsFound(problems)
            balances = {
                (p.id, lot.id): self._lot_balance(s, fac.id, p.id, lot.id, on)
                for p, lot, _ in resolved if lot is not None
            }
            counted_lots: list[tuple[Product, Lot, int, int]] = []  # product, lot, counted, book
            for prod, found, c in resolved:
                lot = found or self._get_or_create_lot(  # a lot never seen before: found stock
                    s, prod, c.lot or NO_LOT, c.expiry, None, problems)
                if lot is not None:
                    counted_lots.append((prod, lot, c.counted, balances.get((prod.id, lot.id), 0)))
            variance_lines = [(p, lot, n - book) for p, lot, n, book in counted_lots if n != book]
            self._check_no_negative(s, fac, on, Kind.ADJUSTMENT, variance_lines, problems,
                                    closes_count=True)
            if problems:
                raise ProblemsFound(problems)
            count_mv = self._new_movement(s, fac, Kind.COUNT, on, reference=reference,
                                          note=note, column=Column.NONE)
            posted = []
            for prod, lot, counted, book in counted_lots:
                self._add_line(s, count_mv, prod, lot, quantity=counted, delta=0,
                               counted=counted, book_balance=book)
                posted.append(PostedLine(prod.code, lot.batch, lot.expiry, counted, 0))
            related: tuple[int, ...] = ()
            if variance_lines:
                gains = [v for v in variance_lines if v[2] > 0]
                losses = [v for v in variance_lines if v[2] < 0]
                for group, reason in ((gains, "count_gain"), (losses, "count_loss")):
                    if not group:
                        continue
                    adj = self._new_movement(s, fac, Kind.ADJUSTMENT, on, reason=reason,
                                             reference=reference, column=Column.ADJUSTED,
                                             note=f"variance of count {count_mv.id}",
                                             count=count_mv.id)
                    for prod, lot, variance in group:
                        self._add_line(s, adj, prod, lot, quantity=abs(variance),
                                       delta=variance)
                    related += (adj.id,)
            s.flush()
            return PostedMovement(count_mv.id, Kind.COUNT, fac.code, on, None, reference,
                                  tuple(posted), related)

    def reverse(self, movement_id: int, reason: str, *, on: date | None = None) -> PostedMovement:
        """Post the exact negation of a movement (FIELD.md AC-24); the original stays as it is."""
        self.actor.require("stock.reverse")
        with self.db.transaction() as s:
            reversal = self._reverse(s, movement_id, reason, on or self.today())
            return self._posted(s, reversal)

    def correct(self, movement_id: int, lines: Sequence[LineInput], reason: str, *,
                on: date | None = None) -> tuple[PostedMovement, PostedMovement]:
        """Reverse a movement and post its corrected version, in one transaction.

        When the original lies in an earlier month, both land in this month's column D, so a
        frozen R&R is never contradicted: the difference shows as an adjustment (AC-24).
        """
        self.actor.require("stock.reverse")
        when = on or self.today()
        with self.db.transaction() as s:
            original = s.get(Movement, movement_id)
            # checked together below: receipts come before issues on the same day, so a
            # corrected receipt whose stock was partly issued is fine as long as the net is
            reversal = self._reverse(s, movement_id, reason, when, check=False)
            assert original is not None
            kind = Kind(original.kind)
            fac = s.get(Facility, original.facility_id)
            assert fac is not None
            cp = original.counterparty_name
            if original.counterparty_facility_id:
                other = s.get(Facility, original.counterparty_facility_id)
                cp = other.code if other else cp
            column = (KIND_COLUMN[kind] if period_of(original.occurred_on) == period_of(when)
                      else Column.ADJUSTED)
            replacement = self._post_in(
                s, kind, fac.code, when, lines, reason=original.reason,
                reference=original.reference, counterparty=cp,
                note=f"correction of movement {movement_id}: {reason}", column=column,
                corrects=original.id,
            )
            problems: list[Problem] = []
            touched = [(s.get(Product, ln.product_id), s.get(Lot, ln.lot_id), 0)
                       for ln in (*original.lines, *replacement.lines)]
            self._check_no_negative(s, fac, when, Kind.REVERSAL, touched, problems)  # type: ignore[arg-type]
            if problems:
                raise ProblemsFound(problems)
            return self._posted(s, reversal), self._posted(s, replacement)

    # -- the posting core --------------------------------------------------------------------

    def _post(self, kind: Kind, facility: str, on: date, lines: Sequence[LineInput], *,
              reason: str | None = None, reference: str | None = None,
              counterparty: str | None = None, note: str | None = None) -> PostedMovement:
        self.actor.require("stock.post")
        with self.db.transaction() as s:
            mv = self._post_in(s, kind, facility, on, lines, reason=reason, reference=reference,
                               counterparty=counterparty, note=note)
            return self._posted(s, mv)

    def _post_in(self, s: Session, kind: Kind, facility: str, on: date,
                 lines: Sequence[LineInput], *, reason: str | None, reference: str | None,
                 counterparty: str | None, note: str | None, column: Column | None = None,
                 corrects: int | None = None) -> Movement:
        problems: list[Problem] = []
        fac = self._facility(s, facility, problems)
        self._check_date(on, problems)
        if kind in NEEDS_REASON:
            if not reason:
                problems.append(error("reason.required", kind=kind.value))
            elif reason not in REASONS or kind not in REASONS[reason].kinds:
                problems.append(error("reason.unknown", reason=reason, kind=kind.value,
                                      allowed=", ".join(r.code for r in reasons_for(kind))))
        counterparty = clean(counterparty)
        if kind in NEEDS_COUNTERPARTY and not counterparty:
            problems.append(error("counterparty.required"))
        if not lines:
            problems.append(error("movement.no_lines"))
        lines = [LineInput(clean(ln.product) or "", ln.quantity, clean(ln.lot), ln.expiry,
                           clean(ln.gtin)) for ln in lines]
        for ln in lines:
            _check_quantity(ln.quantity, problems)
            _check_length("lot", ln.lot, problems)
        _check_length("reference", reference, problems)
        _check_length("counterparty", counterparty, problems)
        products = {ln.product: self._product(s, ln.product, problems) for ln in lines}
        if problems or fac is None:
            raise ProblemsFound(problems)
        self.actor.require_at("stock.post", fac.code)
        lock_facility(s, fac.id)
        self._check_after_counts(s, fac, on, [p for p in products.values() if p], problems)
        sign = sign_of(kind, reason)
        planned: list[tuple[Product, Lot, int]] = []  # product, lot, quantity
        if sign > 0:
            for ln in lines:
                prod = products[ln.product]
                assert prod is not None
                lot = self._get_or_create_lot(s, prod, ln.lot or NO_LOT, ln.expiry, ln.gtin,
                                              problems)
                if lot is not None:
                    planned.append((prod, lot, ln.quantity))
        else:
            planned = self._allocate(s, fac, on, lines, products, kind, reason, problems)
        if problems:
            raise ProblemsFound(problems)
        # nothing may go negative at any point in time, backdated entries included
        self._check_no_negative(s, fac, on, kind, [(p, lot, sign * q) for p, lot, q in planned],
                                problems)
        if problems:
            raise ProblemsFound(problems)
        cp_facility = None
        cp_name = counterparty
        if counterparty and kind is not Kind.ISSUE:
            cp_facility = s.scalar(select(Facility).where(Facility.code == counterparty.strip()))
            if cp_facility is not None:
                cp_name = None
        mv = self._new_movement(s, fac, kind, on, reason=reason, reference=reference,
                                note=note, column=column or KIND_COLUMN[kind],
                                counterparty_facility=cp_facility, counterparty_name=cp_name,
                                corrects=corrects)
        for prod, lot, qty in planned:
            self._add_line(s, mv, prod, lot, quantity=qty, delta=sign * qty)
        s.flush()
        return mv

    def _allocate(self, s: Session, fac: Facility, on: date, lines: Sequence[LineInput],
                  products: dict[str, Product | None], kind: Kind, reason: str | None,
                  problems: list[Problem]) -> list[tuple[Product, Lot, int]]:
        """Pick lots for outgoing lines: the named lot, or FEFO across lots with stock.

        Issues and transfers take only usable stock.  Other outgoing stock (losses, negative
        adjustments) takes usable lots first too, except a loss for expiry, which takes the
        expired lots first: that is what is being written off.
        """
        usable_only = kind in (Kind.ISSUE, Kind.TRANSFER_OUT)
        expired_first = reason == "expired"
        planned: list[tuple[Product, Lot, int]] = []
        wanted: dict[tuple[int, int], int] = defaultdict(int)  # taken so far in this movement
        for ln in lines:
            prod = products[ln.product]
            assert prod is not None
            lots = self._lot_balances(s, fac.id, prod.id, on)
            by_batch = {lot.batch: (lot, bal) for lot, bal in lots}
            if (ln.lot is not None and ln.lot.strip() != "") or (ln.lot == "" and "" in by_batch):
                batch = (ln.lot or "").strip()
                if batch not in by_batch:
                    problems.append(error("lot.unknown", lot=batch, product=prod.code,
                                          facility=fac.code))
                    continue
                lot, bal = by_batch[batch]
                if usable_only and is_expired(lot.expiry, on):
                    problems.append(error("issue.expired_lot", lot=batch, product=prod.code,
                                          expiry=lot.expiry, date=on))
                    continue
                available = bal - wanted[(prod.id, lot.id)]
                if ln.quantity > available:
                    problems.append(error("issue.exceeds_balance", quantity=ln.quantity,
                                          product=prod.code, lot_text=f" lot {batch}",
                                          lot=batch, date=on, balance=max(available, 0)))
                    continue
                wanted[(prod.id, lot.id)] += ln.quantity
                planned.append((prod, lot, ln.quantity))
                continue
            remaining = ln.quantity
            candidates = sorted(
                fefo_order(LotBalance(lot.batch, lot.expiry, bal - wanted[(prod.id, lot.id)])
                           for lot, bal in lots),
                key=lambda lb: is_expired(lb.expiry, on) != expired_first)
            lot_by_batch = {lot.batch: lot for lot, _ in lots}
            picks: list[tuple[Lot, int]] = []
            for lb in candidates:
                if remaining == 0:
                    break
                if lb.balance <= 0 or (usable_only and is_expired(lb.expiry, on)):
                    continue
                take = min(lb.balance, remaining)
                picks.append((lot_by_batch[lb.lot], take))
                remaining -= take
            if remaining > 0:
                available = ln.quantity - remaining
                problems.append(error("issue.exceeds_balance", quantity=ln.quantity,
                                      product=prod.code, lot_text="", lot=None, date=on,
                                      balance=available))
                continue
            for lot, take in picks:
                wanted[(prod.id, lot.id)] += take
                planned.append((prod, lot, take))
        return planned

    def _check_no_negative(self, s: Session, fac: Facility, on: date, kind: Kind,
                           changes: list[tuple[Product, Lot, int]],
                           problems: list[Problem], *, closes_count: bool = False) -> None:
        if not any(delta < 0 for _, _, delta in changes) and kind is not Kind.REVERSAL:
            return
        lots = {(p.id, lot.id): (p, lot) for p, lot, _ in changes}
        for (pid, lid), (prod, lot) in lots.items():
            rows = s.execute(
                select(MovementLine.movement_id, MovementLine.occurred_on, Movement.kind,
                       MovementLine.delta, Movement.count_id)
                .join(Movement, Movement.id == MovementLine.movement_id)
                .where(MovementLine.facility_id == fac.id, MovementLine.product_id == pid,
                       MovementLine.lot_id == lid)
            ).all()
            entries = [self._entry(r.movement_id, r.occurred_on, Kind(r.kind), lot, r.delta,
                                   closes_count=r.count_id is not None)
                       for r in rows]
            new_seq = 1 + max((r.movement_id for r in rows), default=0)
            for p2, l2, delta in changes:
                if p2.id == pid and l2.id == lid:
                    entries.append(self._entry(new_seq, on, kind, lot, delta,
                                               closes_count=closes_count))
            neg = first_negative(entries)
            if neg is not None:
                problems.append(error("ledger.negative_balance", lot=lot.batch or "(no lot)",
                                      product=prod.code, balance=neg.balance, date=neg.on))

    @staticmethod
    def _check_after_counts(s: Session, fac: Facility, on: date, products: Sequence[Product],
                            problems: list[Problem], *, counting: bool = False) -> None:
        """Nothing may be dated on or before a product's latest physical count.

        A count records what was on the shelf at the end of its day; a movement slipped in
        before it would silently contradict what was seen.  Later corrections are posted
        after the count (an adjustment, a reversal, or a new count).
        """
        if not products:
            return
        latest = s.execute(
            select(MovementLine.product_id, func.max(MovementLine.occurred_on))
            .where(MovementLine.facility_id == fac.id,
                   MovementLine.product_id.in_([p.id for p in products]),
                   MovementLine.summary_column == Column.NONE.value)
            .group_by(MovementLine.product_id)).all()
        codes = {p.id: p.code for p in products}
        for pid, counted_on in latest:
            if on < counted_on or (on == counted_on and not counting):
                problems.append(error("count.later_exists", product=codes[pid],
                                      counted=counted_on, date=on))

    @staticmethod
    def _entry(seq: int, on: date, kind: Kind, lot: Lot, delta: int, *,
               closes_count: bool = False) -> Entry:
        return Entry(seq=seq, occurred_on=on, kind=kind, lot=lot.batch, expiry=lot.expiry,
                     delta=delta, column=Column.NONE,
                     rank=rank_for(kind, delta, closes_count=closes_count))

    def _reverse(self, s: Session, movement_id: int, reason: str, on: date, *,
                 check: bool = True) -> Movement:
        problems: list[Problem] = []
        if not (reason or "").strip():
            problems.append(error("reversal.reason_required"))
        original = s.get(Movement, movement_id)
        if original is None:
            raise ProblemsFound([error("movement.unknown", id=movement_id), *problems])
        self._check_date(on, problems)
        if original.kind == Kind.REVERSAL:
            problems.append(error("reversal.of_reversal", id=movement_id))
        if original.kind == Kind.COUNT:
            problems.append(error("reversal.of_count", id=movement_id))
        done = s.scalar(select(Movement.id).where(Movement.reverses_id == movement_id))
        if done is not None:
            problems.append(error("reversal.already_reversed", id=movement_id, by=done))
        if on < original.occurred_on:
            problems.append(error("reversal.before_original", id=movement_id, date=on,
                                  original=original.occurred_on))
        if problems:
            raise ProblemsFound(problems)
        fac = s.get(Facility, original.facility_id)
        assert fac is not None
        self.actor.require_at("stock.reverse", fac.code)
        lock_facility(s, fac.id)
        self._check_after_counts(s, fac, on, [p for p in (s.get(Product, ln.product_id)
                                                          for ln in original.lines) if p],
                                 problems)
        if problems:
            raise ProblemsFound(problems)
        changes = []
        for ln in original.lines:
            prod = s.get(Product, ln.product_id)
            lot = s.get(Lot, ln.lot_id)
            assert prod is not None and lot is not None
            changes.append((prod, lot, -ln.delta))
        if check:
            self._check_no_negative(s, fac, on, Kind.REVERSAL, changes, problems)
        if problems:
            raise ProblemsFound(problems)
        same_period = period_of(original.occurred_on) == period_of(on)
        column = Column(original.summary_column) if same_period else Column.ADJUSTED
        if original.summary_column == Column.NONE.value:
            column = Column.NONE
        mv = self._new_movement(s, fac, Kind.REVERSAL, on, reason="reversal",
                                reference=original.reference, note=reason.strip(),
                                column=column, reverses=original.id)
        for prod, lot, delta in changes:
            orig_qty = abs(delta)
            self._add_line(s, mv, prod, lot, quantity=orig_qty, delta=delta)
        s.flush()
        return mv

    # -- helpers -----------------------------------------------------------------------------

    def _new_movement(self, s: Session, fac: Facility, kind: Kind, on: date, *,
                      reason: str | None = None, reference: str | None = None,
                      note: str | None = None, column: Column,
                      counterparty_facility: Facility | None = None,
                      counterparty_name: str | None = None,
                      reverses: int | None = None, corrects: int | None = None,
                      count: int | None = None) -> Movement:
        """A new movement header, complete before its first flush (posted rows never change)."""
        mv = Movement(
            facility_id=fac.id, kind=kind.value, occurred_on=on,
            recorded_at=datetime.now(UTC), user_id=self.actor.user_id,
            reference=(reference or None), reason=reason, note=note,
            counterparty_facility_id=counterparty_facility.id if counterparty_facility else None,
            counterparty_name=counterparty_name, summary_column=column.value,
            reverses_id=reverses, corrects_id=corrects, count_id=count,
        )
        ledger_chain.seal_movement(s, mv)
        s.add(mv)
        s.flush()
        return mv

    @staticmethod
    def _add_line(s: Session, mv: Movement, prod: Product, lot: Lot, *, quantity: int,
                  delta: int, counted: int | None = None,
                  book_balance: int | None = None) -> None:
        summaries.mark_dirty(s, [(mv.facility_id, prod.id, period_of(mv.occurred_on))])
        balances.add_later(s, [(mv.facility_id, prod.id, lot.id, delta)])
        line = MovementLine(
            movement_id=mv.id, product_id=prod.id, lot_id=lot.id, quantity=quantity,
            delta=delta, counted=counted, book_balance=book_balance,
            facility_id=mv.facility_id, occurred_on=mv.occurred_on,
            period=period_of(mv.occurred_on), summary_column=mv.summary_column,
        )
        ledger_chain.seal_line(s, line)
        s.add(line)

    def _posted(self, s: Session, mv: Movement) -> PostedMovement:
        s.flush()
        s.refresh(mv)
        fac = s.get(Facility, mv.facility_id)
        assert fac is not None
        lines = []
        for ln in mv.lines:
            prod = s.get(Product, ln.product_id)
            lot = s.get(Lot, ln.lot_id)
            assert prod is not None and lot is not None
            lines.append(PostedLine(prod.code, lot.batch, lot.expiry, ln.quantity, ln.delta))
        return PostedMovement(mv.id, mv.kind, fac.code, mv.occurred_on, mv.reason,
                              mv.reference, tuple(lines))

    def _check_date(self, on: date, problems: list[Problem]) -> None:
        if not isinstance(on, date):
            problems.append(error("import.bad_date", field="date", value=on))
        elif on > self.today():
            problems.append(error("date.in_future", date=on, today=self.today()))

    @staticmethod
    def _facility(s: Session, code: str, problems: list[Problem]) -> Facility | None:
        fac = s.scalar(select(Facility).where(Facility.code == code))
        if fac is None:
            problems.append(error("facility.unknown", code=code))
        return fac

    @staticmethod
    def _product(s: Session, code: str, problems: list[Problem]) -> Product | None:
        prod = s.scalar(select(Product).where(Product.code == code))
        if prod is None:
            problems.append(error("product.unknown", code=code))
        return prod

    @staticmethod
    def _find_lot(s: Session, prod: Product, batch: str) -> Lot | None:
        return s.scalar(select(Lot).where(Lot.product_id == prod.id, Lot.batch == batch))

    def _get_or_create_lot(self, s: Session, prod: Product, batch: str, expiry: date | None,
                           gtin: str | None, problems: list[Problem]) -> Lot | None:
        lot = self._find_lot(s, prod, batch)
        if lot is None:
            # another workstation may be receiving the same new lot at this moment: the
            # database decides which insert makes it, and the other uses that lot
            made = s.scalar(upsert(s, Lot).values(
                product_id=prod.id, batch=batch, expiry=expiry, gtin=gtin or prod.gtin,
            ).on_conflict_do_nothing(index_elements=["product_id", "batch"]).returning(Lot.id))
            lot = self._find_lot(s, prod, batch)
            assert lot is not None
            if made is not None:
                return lot
        if expiry is not None and lot.expiry is not None and lot.expiry != expiry:
            problems.append(error("lot.expiry_conflict", lot=batch, product=prod.code,
                                  known=lot.expiry, given=expiry))
            return None
        if expiry is not None and lot.expiry is None and batch != NO_LOT:
            # first recorded without an expiry (a paper record); never keep issuing it as if
            # it could not expire: record the date, and recompute the months it changes
            audit.record(s, self.actor, "lot", f"{prod.code}/{batch}", "update",
                         {"expiry": None}, {"expiry": expiry}, "expiry given on a later receipt")
            lot.expiry = expiry
            holders = s.scalars(select(StockBalance.facility_id)
                                .where(StockBalance.lot_id == lot.id))
            summaries.mark_dirty(s, [(f, prod.id, period_of(expiry)) for f in holders])
        return lot

    @staticmethod
    def _lot_balances(s: Session, facility_id: int, product_id: int,
                      as_of: date | None = None) -> list[tuple[Lot, int]]:
        """Balance per lot at the end of ``as_of`` (same-day entries included)."""
        from sqlalchemy import func

        q = (select(Lot, func.sum(MovementLine.delta))
             .join(MovementLine, MovementLine.lot_id == Lot.id)
             .where(MovementLine.facility_id == facility_id,
                    MovementLine.product_id == product_id)
             .group_by(Lot.id))
        if as_of is not None:
            q = q.where(MovementLine.occurred_on <= as_of)
        return [(lot, int(bal or 0)) for lot, bal in s.execute(q).all()]

    def _lot_balance(self, s: Session, facility_id: int, product_id: int, lot_id: int,
                     as_of: date) -> int:
        for lot, bal in self._lot_balances(s, facility_id, product_id, as_of):
            if lot.id == lot_id:
                return bal
        return 0
