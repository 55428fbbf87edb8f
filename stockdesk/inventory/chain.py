"""The ledger's hash chain: a canonical encoding of each posted row, and the link between rows.

Why: posted movements and lines are append-only in the program and in the database, but anyone
with a SQL tool can drop the triggers.  Each ledger row therefore carries its place in its
facility's chain (``chain_seq``: 1, 2, 3, …) and ``chain_hash = SHA-256(previous hash ‖
encoding of the row)``, the first row of a facility starting from :data:`GENESIS`.  A row
changed, deleted or slipped in afterwards no longer fits between its neighbours, and
``stockdesk verify`` names it.

The unit is the *row*: a movement header is one link and each of its lines is one more.  A
line is what a tamperer changes (a quantity), so the chain must name the line, not only its
movement; the header carries what the lines do not (user, reference, reason, counter-party,
reversal link), so it is a link of its own.  Rows are linked in the order they are written,
which is not always header-then-its-lines: a bulk import writes its movements, then their
lines.  Only ``chain_seq`` gives the order.

Encoding, version 1 (fixed forever; a change gets a new tag and keeps verifying old rows with
this one): the UTF-8 bytes of a compact JSON array (no spaces, ASCII only: ``\\uXXXX`` escapes)
of the tag ``"M1"`` (movement) or ``"L1"`` (line) followed by every column of the row in the
order of :data:`MOVEMENT_FIELDS` / :data:`LINE_FIELDS`; NULL is ``null``, integers are
integers, dates are ``"YYYY-MM-DD"`` and ``recorded_at`` is UTC ``"YYYY-MM-DDTHH:MM:SS.ffffffZ"``.
JSON is typed (12, 12.5, "12" and true all differ) and any language can recompute it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

GENESIS = bytes(32)  # the "previous hash" of a facility's first row
MOVEMENT_TAG = "M1"
LINE_TAG = "L1"

MOVEMENT_FIELDS = (
    "id", "facility_id", "kind", "occurred_on", "recorded_at", "user_id", "reference", "reason",
    "counterparty_facility_id", "counterparty_name", "note", "summary_column", "reverses_id",
    "corrects_id", "count_id", "import_batch_id",
)
LINE_FIELDS = (
    "id", "movement_id", "product_id", "lot_id", "quantity", "delta", "counted",
    "book_balance", "facility_id", "occurred_on", "period", "summary_column",
)
_M_DAY, _M_TIME = MOVEMENT_FIELDS.index("occurred_on"), MOVEMENT_FIELDS.index("recorded_at")
_L_DAY = LINE_FIELDS.index("occurred_on")


def _refuse(value: object) -> Any:
    raise TypeError(f"not part of a ledger row: {value!r}")


def _json_encoder() -> Any:
    """A compact, ASCII-only JSON array encoder; the C one when present (a third of the cost)."""
    from json import encoder

    c_make_encoder = getattr(encoder, "c_make_encoder", None)
    if c_make_encoder is not None:
        make = c_make_encoder(None, _refuse, encoder.encode_basestring_ascii, None,
                              ":", ",", False, False, False)
        return lambda values: "".join(make(values, 0))
    return json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False,
                            default=_refuse).encode


_encode = _json_encoder()


def canonical_day(value: object) -> object:
    """A date as ``YYYY-MM-DD``; text as stored (SQLite hands dates back as text)."""
    if type(value) is str:
        return value
    if type(value) is date:
        return value.isoformat()
    return value if value is None else str(value)  # a changed type still differs


def canonical_time(value: object) -> object:
    """A timestamp in UTC with microseconds; naive values (SQLite's) are UTC already."""
    stamp = value
    if isinstance(value, str):
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(stamp, datetime):
        return value if value is None else str(value)
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC).replace(tzinfo=None)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def movement_payload(values: Sequence[object]) -> bytes:
    """The encoded movement header; ``values`` in :data:`MOVEMENT_FIELDS` order."""
    row = list(values)
    row[_M_DAY] = canonical_day(row[_M_DAY])
    row[_M_TIME] = canonical_time(row[_M_TIME])
    return _encode([MOVEMENT_TAG, *row]).encode()


def line_payload(values: Sequence[object]) -> bytes:
    """The encoded line; ``values`` in :data:`LINE_FIELDS` order."""
    if type(values[_L_DAY]) is not str:  # text already: the bulk import's millions of lines
        row = list(values)
        row[_L_DAY] = canonical_day(row[_L_DAY])
        values = row
    return _encode((LINE_TAG, *values)).encode()


def link(previous: bytes, payload: bytes) -> bytes:
    """The hash of a row: SHA-256 over the previous row's hash and this row's encoding."""
    return hashlib.sha256(previous + payload).digest()


class Chain:
    """One facility's chain being extended: the last sequence number and hash."""

    __slots__ = ("last", "length")

    def __init__(self, length: int = 0, last: bytes = GENESIS):
        self.length = length
        self.last = last

    def add_movement(self, values: Sequence[object]) -> tuple[int, bytes]:
        """(chain_seq, chain_hash) of the next row, a movement header."""
        return self._add(movement_payload(values))

    def add_line(self, values: Sequence[object]) -> tuple[int, bytes]:
        """(chain_seq, chain_hash) of the next row, a movement line."""
        return self._add(line_payload(values))

    def _add(self, payload: bytes) -> tuple[int, bytes]:
        self.length += 1
        self.last = hashlib.sha256(self.last + payload).digest()
        return self.length, self.last
