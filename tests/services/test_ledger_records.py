"""The checked rows of a ledger file, kept as columns, read back as the records they are."""

from __future__ import annotations

from datetime import date

from stockdesk.inventory.kinds import Kind
from stockdesk.services.imports._records import Records

D1, D2 = date(2024, 3, 1), date(2024, 3, 2)


def test_rows_read_back_as_records_with_their_movements_fields():
    recs = Records()
    recs.start_movement(None, "GRN-1", "Central Medical Stores", None, 1)
    recs.add(2, D1, 1, 10, Kind.RECEIPT, 100, "L1", D2)
    recs.add(3, D1, 1, 11, Kind.RECEIPT, 50, None, None)
    recs.start_movement("expired", None, None, "shelf 3", -1)
    recs.add(5, D2, 1, 10, Kind.LOSS, 1_000_000_000, "L1", None)
    expected = [
        (2, D1, 1, 10, Kind.RECEIPT, 100, "L1", D2, None, "GRN-1", "Central Medical Stores",
         None, 1),
        (3, D1, 1, 11, Kind.RECEIPT, 50, None, None, None, "GRN-1", "Central Medical Stores",
         None, 1),
        (5, D2, 1, 10, Kind.LOSS, 1_000_000_000, "L1", None, "expired", None, None,
         "shelf 3", -1),
    ]
    assert list(recs) == expected
    assert [recs[i] for i in range(len(recs))] == expected
    assert recs[-1] == expected[-1] and recs[1:] == expected[1:]
    assert (recs.movements, list(recs.first), list(recs.mv)) == (2, [0, 2], [0, 0, 1])
    assert recs.pairs() == {(1, 10), (1, 11)}


def test_a_lot_name_repeated_on_many_rows_is_kept_once():
    recs = Records()
    recs.start_movement(None, None, None, None, 1)
    for row in range(2, 5):
        recs.add(row, D1, 1, 10, Kind.RECEIPT, 1, "".join(["L", "1"]), None)  # a new str each
    assert len({id(lot) for lot in recs.lot}) == 1
