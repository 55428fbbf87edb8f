"""The checked rows of a ledger file, kept as columns, so a big file fits on a clinic PC.

A row kept as a tuple with its own row number, quantity and cell strings costs about 330 bytes:
a 100 MB file (1.5 million rows) held 500 MB before the first check against the database.
Here a row costs about 60 bytes: integers sit in ``array`` columns, dates, kinds and lot names
in lists of references to one shared object per distinct value, and what every row of a
movement shares (reason, reference, counter-party, note, sign) is kept once per movement.

:class:`Records` reads as a sequence of ``inventory.bulk.Record`` tuples, built on demand, so
the pure ledger rules take it as they take a list; the importer and the writer read the
columns directly.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, overload

from stockdesk.inventory.bulk import Record
from stockdesk.inventory.kinds import Kind

INT = "i"  # 32 bits on every platform Python runs on: ids, row numbers, quantities ≤ 10⁹
assert array(INT).itemsize >= 4


class Records(Sequence[Record]):
    """The rows of a file grouped into movements (consecutive rows of one voucher).

    Row ``i`` is in movement ``mv[i]``; movement ``m`` starts at row ``first[m]``.
    """

    def __init__(self) -> None:
        # one entry per row
        self.row = array(INT)  # the file's row number, for problems
        self.day: list[date] = []
        self.fac = array(INT)
        self.prod = array(INT)
        self.kind: list[Kind] = []
        self.qty = array(INT)
        self.lot: list[str | None] = []
        self.expiry: list[date | None] = []
        self.mv = array(INT)
        # one entry per movement
        self.first = array(INT)
        self.reason: list[str | None] = []
        self.reference: list[str | None] = []
        self.counterparty: list[str | None] = []
        self.note: list[str | None] = []
        self.sign: list[int] = []
        self._shared: dict[str, str] = {}  # one object per lot name and counter-party

    def start_movement(self, reason: str | None, reference: str | None,
                       counterparty: str | None, note: str | None, sign: int) -> None:
        """The rows added next belong to a new movement with these header fields."""
        self.first.append(len(self.row))
        self.reason.append(reason)
        self.reference.append(reference)
        self.counterparty.append(self._share(counterparty))
        self.note.append(note)
        self.sign.append(sign)

    def add(self, row: int, day: date, fac: int, prod: int, kind: Kind, qty: int,
            lot: str | None, expiry: date | None) -> None:
        """One row of the current movement; ``day`` and ``expiry`` should be shared objects."""
        self.row.append(row)
        self.day.append(day)
        self.fac.append(fac)
        self.prod.append(prod)
        self.kind.append(kind)
        self.qty.append(qty)
        self.lot.append(self._share(lot))
        self.expiry.append(expiry)
        self.mv.append(len(self.first) - 1)

    def _share(self, text: str | None) -> str | None:
        if text is None:
            return None
        return self._shared.setdefault(text, text)

    @property
    def movements(self) -> int:
        return len(self.first)

    def __len__(self) -> int:
        return len(self.row)

    @overload
    def __getitem__(self, i: int) -> Record: ...

    @overload
    def __getitem__(self, i: slice) -> list[Record]: ...

    def __getitem__(self, i: int | slice) -> Record | list[Record]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        m = self.mv[i]
        return (self.row[i], self.day[i], self.fac[i], self.prod[i], self.kind[i], self.qty[i],
                self.lot[i], self.expiry[i], self.reason[m], self.reference[m],
                self.counterparty[m], self.note[m], self.sign[m])

    def __iter__(self) -> Iterator[Record]:
        """Every row as a ``Record`` (zipped in C: about as fast as iterating a list)."""
        mv = self.mv

        def per_movement(column: list[Any]) -> Iterator[Any]:
            return map(column.__getitem__, mv)

        return zip(self.row, self.day, self.fac, self.prod, self.kind, self.qty, self.lot,
                   self.expiry, per_movement(self.reason), per_movement(self.reference),
                   per_movement(self.counterparty), per_movement(self.note),
                   per_movement(self.sign), strict=True)

    def pairs(self) -> set[tuple[int, int]]:
        """Every (facility, product) the rows touch."""
        return set(zip(self.fac, self.prod, strict=True))

