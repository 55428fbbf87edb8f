"""Ledger files: stock-card transactions read, checked in memory, and written in bulk.

A district imports years of stock cards at once, so the import must take about as long as the
inserts themselves: cells are parsed with fast paths and caches, every check is a dict look-up,
the ledger rules run as one ordered pass per facility and product (``inventory.bulk``), and the
rows are inserted in bulk (``ledger_writer``).  No query is made per row.  A clinic PC has 2–4
GB, so the checked rows are kept as columns (``_records``: about 60 bytes a row), the file is
read from disk as it is checked, and the stored ledger is read a few pairs at a time: a 100 MB
file stays under 200 MB.

Rows next to each other with the same date, facility, kind, reference, reason, counter-party
and note form one movement (the lines of one voucher).  An outgoing row without a lot is taken
FEFO.  A COUNT row gives the counted quantity of the lot (0 allowed); a difference from the
book balance at that point of the ledger is posted as a ``count_gain``/``count_loss``
adjustment linked to the count, as ``LedgerService.count`` does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk.db.models import Facility, Lot, Movement, MovementLine, Product
from stockdesk.exchange.columns import ColumnMap, movement_kind, normalise
from stockdesk.exchange.values import parse_date, parse_int
from stockdesk.inventory.bulk import LotKey, Walk, new_lots
from stockdesk.inventory.chain import Chain
from stockdesk.inventory.kinds import (
    NEEDS_COUNTERPARTY,
    NEEDS_REASON,
    REASONS,
    Column,
    Kind,
    reasons_for,
    sign_of,
)
from stockdesk.services import ledger_chain
from stockdesk.services.auth import FACILITY_ROLES, Actor
from stockdesk.services.imports._batches import AlreadyImported, find_batch, new_batch
from stockdesk.services.imports._job import MAX_QUANTITY, PROGRESS_EVERY, Job, Rows
from stockdesk.services.imports._records import Records
from stockdesk.services.imports.ledger_writer import LedgerWriter

IMPORTABLE_KINDS = frozenset(Kind) - {Kind.REVERSAL}
_KINDS_TEXT = ", ".join(k.value for k in Kind if k in IMPORTABLE_KINDS)


@dataclass(frozen=True)
class LedgerRow:
    """One ledger transaction with the canonical columns of a ledger file, already typed."""

    date: dt.date
    facility_code: str
    product_code: str
    kind: str
    quantity: int
    lot: str | None = None
    expiry: dt.date | None = None
    reason: str | None = None
    reference: str | None = None
    counterparty: str | None = None
    note: str | None = None


LEDGER_FIELDS = tuple(f.name for f in fields(LedgerRow))


def rows_digest(items: Iterable[LedgerRow]) -> str:
    """A SHA-256 of rows built in memory, so the same rows imported twice are recognised."""
    digest = hashlib.sha256()
    for r in items:
        digest.update(repr(tuple(getattr(r, f) for f in LEDGER_FIELDS)).encode())
    return digest.hexdigest()


class LedgerImport:
    """Check ledger rows against the database in memory, then write them in bulk."""

    def __init__(self, s: Session, job: Job, actor: Actor, today: date):
        self.s = s
        self.job = job
        self.actor = actor
        self.user_id = actor.user_id
        self.today = today
        # facility staff import only their own facility's transactions
        self.own_facility = actor.facility if actor.role in FACILITY_ROLES else None
        self.facilities: dict[str, int] = dict(
            s.execute(select(Facility.code, Facility.id)).all())
        self.products: dict[str, int] = dict(
            s.execute(select(Product.code, Product.id)).all())
        self.recs = Records()
        self._last_key: tuple[Any, ...] | None = None  # the movement of the last record
        self._sign = 0  # and its sign
        # the checked rows without their row numbers, the content of the file: the same
        # transactions saved again (CRLF, another program) are recognised by it
        self._digest = hashlib.sha256()
        self._reasons: dict[str, str] = {}
        self.chains: dict[int, Chain] = {}  # the facilities' chain heads, locked when writing

    # -- reading -------------------------------------------------------------------------------

    def run_file(self, columns: ColumnMap, rows: Rows, width: int) -> int:
        """Parse the cells of every row (fast paths first), then check and write."""
        job = self.job
        ix = columns.index
        i_date, i_fac, i_prod = ix["date"], ix["facility_code"], ix["product_code"]
        i_kind, i_qty = ix["kind"], ix["quantity"]
        optional = [ix.get(f) for f in ("lot", "expiry", "reason", "reference", "counterparty",
                                        "note")]
        i_lot, i_exp, i_reason, i_ref, i_cp, i_note = optional
        dates: dict[str, Any] = {}  # cell text -> date, or None when it is not one
        kinds: dict[str, Any] = {}
        check = self.check
        n = 0
        for n, (row, cells) in enumerate(rows, 1):
            if n % PROGRESS_EVERY == 0:
                job.tick(n)
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            text = cells[i_date]
            day = dates.get(text, False)
            if day is False:
                day = dates[text] = _date_or_none(text)
            if day is None:
                self._bad_date(row, "date", text)
            text = cells[i_kind]
            kind = kinds.get(text, False)
            if kind is False:
                kind = kinds[text] = _kind_or_none(text)
            if kind is None:
                self._bad_kind(row, text)
            text = cells[i_qty]
            try:
                qty: int | None = int(text)
            except ValueError:
                qty = self._slow_int(row, "quantity", text)
            expiry = None
            if i_exp is not None and cells[i_exp].strip():
                expiry = dates.get(cells[i_exp], False)
                if expiry is False:
                    expiry = dates[cells[i_exp]] = _date_or_none(cells[i_exp])
                if expiry is None:
                    self._bad_date(row, "expiry", cells[i_exp])
            check(row, day, cells[i_fac].strip(), cells[i_prod].strip(), kind, qty,
                  cells[i_lot].strip() or None if i_lot is not None else None, expiry,
                  cells[i_reason].strip() or None if i_reason is not None else None,
                  cells[i_ref].strip() or None if i_ref is not None else None,
                  cells[i_cp].strip() or None if i_cp is not None else None,
                  cells[i_note].strip() or None if i_note is not None else None)
        return self._finish(n)

    def run_memory(self, items: Sequence[LedgerRow]) -> int:
        check = self.check
        for row, r in enumerate(items, 1):
            day = r.date if isinstance(r.date, date) and not isinstance(r.date, datetime) \
                else None
            if day is None:
                self._bad_date(row, "date", r.date)
            kind = _kind_or_none(r.kind) if isinstance(r.kind, str) else None
            if kind is None:
                self._bad_kind(row, r.kind)
            qty = r.quantity if isinstance(r.quantity, int) and not isinstance(r.quantity, bool) \
                else None
            if qty is None:
                self.job.err("import.not_integer", row, "quantity", field="quantity",
                             value=r.quantity)
            expiry = r.expiry if isinstance(r.expiry, date) else None
            if r.expiry is not None and expiry is None:
                self._bad_date(row, "expiry", r.expiry)
            check(row, day, _clean(r.facility_code) or "", _clean(r.product_code) or "", kind,
                  qty, _clean(r.lot), expiry, _clean(r.reason), _clean(r.reference),
                  _clean(r.counterparty), _clean(r.note))
        return self._finish(len(items))

    def _bad_date(self, row: int, field: str, value: object) -> None:
        text = str(value).strip()
        if text:
            self.job.err("import.bad_date", row, field, field=field, value=text)
        elif field == "date":
            self.job.err("import.required", row, field, field=field)

    def _bad_kind(self, row: int, value: object) -> None:
        text = str(value).strip() if value is not None else ""
        if text:
            self.job.err("import.bad_choice", row, "kind", field="kind", value=text,
                         allowed=_KINDS_TEXT)
        else:
            self.job.err("import.required", row, "kind", field="kind")

    def _slow_int(self, row: int, field: str, text: str) -> int | None:
        try:
            return parse_int(text)
        except ValueError:
            if text.strip():
                self.job.err("import.not_integer", row, field, field=field, value=text.strip())
            else:
                self.job.err("import.required", row, field, field=field)
            return None

    # -- checking one row ----------------------------------------------------------------------

    def check(self, row: int, day: date | None, fac_code: str, prod_code: str,
              kind: Kind | None, qty: int | None, lot: str | None, expiry: date | None,
              reason: str | None, reference: str | None, counterparty: str | None,
              note: str | None) -> None:
        """Check what one row says on its own, and group it into a movement."""
        job = self.job
        errors = job.errors
        fac = self.facilities.get(fac_code)
        if fac is None:
            job.missing_or_unknown(fac_code, row, "facility_code", "facility.unknown")
        elif self.own_facility is not None and fac_code != self.own_facility:
            job.err("auth.other_facility", row, "facility_code", user=self.actor.username,
                    facility=fac_code, own=self.own_facility)
        prod = self.products.get(prod_code)
        if prod is None:
            job.missing_or_unknown(prod_code, row, "product_code", "product.unknown")
        if day is not None and day > self.today:
            job.err("date.in_future", row, "date", date=day, today=self.today)
        if qty is not None and not (0 if kind is Kind.COUNT else 1) <= qty <= MAX_QUANTITY:
            job.err("quantity.not_positive" if qty <= 0 else "import.out_of_range", row,
                    "quantity", field="quantity", value=qty, low=1, high=MAX_QUANTITY)
        if kind is not None:
            if kind in NEEDS_REASON:
                reason = self._reason(row, kind, reason)
            if kind in NEEDS_COUNTERPARTY and not counterparty:
                job.err("counterparty.required", row, "counterparty")
        if lot is not None and len(lot) > 64:
            job.err("import.too_long", row, "lot", field="lot", limit=64)
        if reference is not None and len(reference) > 100:
            job.err("import.too_long", row, "reference", field="reference", limit=100)
        if reason is not None and len(reason) > 64:
            job.err("import.too_long", row, "reason", field="reason", limit=64)
        if counterparty is not None and len(counterparty) > 200:
            job.err("import.too_long", row, "counterparty", field="counterparty", limit=200)
        if job.errors > errors or day is None or kind is None or qty is None:
            return
        assert fac is not None and prod is not None  # else an error was counted above
        key = (day, fac, kind, reference, reason, counterparty, note)
        if key != self._last_key:  # a new movement; its kind and reason give the sign
            self._last_key = key
            self._sign = sign_of(kind, reason)
            self.recs.start_movement(reason, reference, counterparty, note, self._sign)
        self.recs.add(row, day, fac, prod, kind, qty, lot, expiry)
        if not job.errors:  # a file with errors is not written: its digest is not needed
            self._digest.update(repr((day, fac, prod, kind, qty, lot, expiry, reason, reference,
                                      counterparty, note, self._sign)).encode())

    def _reason(self, row: int, kind: Kind, text: str | None) -> str | None:
        if not text:
            self.job.err("reason.required", row, "reason", kind=kind.value)
            return None
        code = self._reasons.get(text)
        if code is None:
            code = self._reasons[text] = normalise(text)
        found = REASONS.get(code)
        if found is None or kind not in found.kinds:
            self.job.err("reason.unknown", row, "reason", reason=text, kind=kind.value,
                         allowed=", ".join(r.code for r in reasons_for(kind)))
            return None
        return code

    # -- checks against the database, then writing ---------------------------------------------

    def _finish(self, rows: int) -> int:
        """Check the rows against the ledger and write them, unless a row has an ERROR."""
        job = self.job
        if job.errors:  # later checks would only repeat what these errors cause
            return rows
        # the chains' heads before the tables: a posting holds its head while it waits
        self.chains = ledger_chain.lock_heads(self.s, set(self.recs.fac))
        self._lock_ledger()
        # the same transactions saved again (CRLF, another spreadsheet program) are the same
        # file: recognised by their content, not their bytes
        job.sha256 = self._digest.hexdigest()
        done = find_batch(self.s, "ledger", job.sha256)
        if done is not None:
            raise AlreadyImported(done.imported_at, done.rows)
        codes = {v: k for k, v in self.products.items()}
        facility_codes = {v: k for k, v in self.facilities.items()}
        lots = self._resolve_lots(codes, facility_codes)
        self._check_counts(lots, codes)
        if job.errors:
            return rows
        walk = Walk(job, self.recs, self.recs.mv, lots.expiry, codes, facility_codes,
                    checkpoint=lambda: job.tick(job.total // 2))
        walk.run_in_parts(self._stored_lines)
        if job.errors:
            return rows
        batch_id = new_batch(self.s, job, self.user_id, rows)
        LedgerWriter(self, lots, walk).write(batch_id)
        return rows

    def _check_counts(self, lots: Lots, codes: dict[int, str]) -> None:
        """The rules ``LedgerService.count`` keeps, for counts and the rows around them.

        A product kept in lots is counted lot by lot (a product total would be booked as
        found stock beside the lots); nothing is dated on or before a count already posted.
        """
        recs = self.recs
        in_lots = {pid for (pid, name) in lots.ids if name} | {
            pid for pid, lot in zip(recs.prod, recs.lot, strict=True) if lot}
        pairs = recs.pairs()
        counted: dict[tuple[int, int], date] = {}
        if pairs:
            for fac, pid, day in self.s.execute(
                select(MovementLine.facility_id, MovementLine.product_id,
                       func.max(MovementLine.occurred_on))
                .where(MovementLine.facility_id.in_({f for f, _ in pairs}),
                       MovementLine.product_id.in_({p for _, p in pairs}),
                       MovementLine.summary_column == Column.NONE.value)
                .group_by(MovementLine.facility_id, MovementLine.product_id)):
                counted[(fac, pid)] = day
        for row, day, fac, pid, kind, lot in zip(recs.row, recs.day, recs.fac, recs.prod,
                                                 recs.kind, recs.lot, strict=True):
            if kind is Kind.COUNT and not lot and pid in in_lots:
                self.job.err("count.lot_required", row, "lot", product=codes[pid])
            last = counted.get((fac, pid))
            if last is not None and (day < last or (day == last and kind is not Kind.COUNT)):
                self.job.err("count.later_exists", row, "date", product=codes[pid],
                             counted=last, date=day)

    def _resolve_lots(self, codes: dict[int, str], facility_codes: dict[int, str]) -> Lots:
        """Lots named by the file: known ones, new ones (with their expiry), conflicts."""
        product_ids = set(self.recs.prod)
        lots = Lots()
        for lot_id, pid, name, known_expiry in self.s.execute(
                select(Lot.id, Lot.product_id, Lot.batch, Lot.expiry)
                .where(Lot.product_id.in_(product_ids))):
            lots.ids[(pid, name)] = lot_id
            lots.expiry[(pid, name)] = known_expiry
        lots.new = new_lots(self.recs, lots.expiry, lots.ids, self.job, codes, facility_codes)
        return lots

    def _lock_ledger(self) -> None:
        """Nobody else may post while the file is checked against the ledger and written.

        SQLite already holds the write lock (BEGIN IMMEDIATE).  On PostgreSQL other sessions
        keep reading; their postings wait for this transaction, so the balances checked are
        the balances written against, and the ids reserved are not taken meanwhile.
        """
        if self.s.get_bind().dialect.name == "postgresql":
            self.s.connection().exec_driver_sql(
                "LOCK TABLE movements, movement_lines, lots IN SHARE ROW EXCLUSIVE MODE")

    def _stored_lines(self, wanted: Iterable[tuple[int, int]]) -> Iterator[tuple[Any, ...]]:
        """Lines already in the ledger for these (facility, product) pairs (``bulk.StoredLine``).

        The walk asks for a facility's pairs a few at a time, so a big stored ledger is read a
        part at a time.
        """
        pairs = set(wanted)
        if not pairs:
            return
        ml, mv = MovementLine, Movement
        query = (
            select(ml.facility_id, ml.product_id, ml.occurred_on, ml.movement_id, ml.id,
                   mv.kind, mv.count_id, mv.reverses_id, Lot.batch, ml.delta)
            .join(mv, mv.id == ml.movement_id)
            .join(Lot, Lot.id == ml.lot_id)
            .where(ml.facility_id.in_({f for f, _ in pairs}),
                   ml.product_id.in_({p for _, p in pairs}))
        )
        for row in self.s.execute(query):
            if (row[0], row[1]) in pairs:
                yield row


class Lots:
    """Lots by (product id, batch): stored ids, every expiry, and those the file creates."""

    def __init__(self) -> None:
        self.ids: dict[LotKey, int] = {}
        self.expiry: dict[LotKey, date | None] = {}
        self.new: list[LotKey] = []


def _date_or_none(text: str) -> date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


def _kind_or_none(text: str) -> Kind | None:
    value = movement_kind(text)
    return Kind(value) if value is not None and value in IMPORTABLE_KINDS else None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
