"""The chain encoding: canonical, typed, the same from every way a row is read back."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from stockdesk.inventory.chain import (
    GENESIS,
    LINE_FIELDS,
    MOVEMENT_FIELDS,
    Chain,
    line_payload,
    link,
    movement_payload,
)

RECORDED = datetime(2024, 11, 1, 8, 30, 15, 123456, tzinfo=UTC)
MOVEMENT = (7, 2, "RECEIPT", date(2024, 11, 1), RECORDED, 3, "DN-1", None, 1, None,
            "café «delivery»", "B", None, None, None, None)
LINE = (11, 7, 4, 9, 500, 500, None, None, 2, date(2024, 11, 1), "2024-11", "B")


def test_the_fields_are_every_column_of_the_row():
    assert len(MOVEMENT) == len(MOVEMENT_FIELDS) and len(LINE) == len(LINE_FIELDS)
    assert MOVEMENT_FIELDS[:2] == ("id", "facility_id")
    assert {"quantity", "delta", "counted", "book_balance"} <= set(LINE_FIELDS)


def test_version_1_is_plain_json_that_any_language_can_recompute():
    payload = line_payload(LINE)
    assert payload == b'["L1",11,7,4,9,500,500,null,null,2,"2024-11-01","2024-11","B"]'
    header = json.loads(movement_payload(MOVEMENT))
    assert header[0] == "M1" and header[4] == "2024-11-01"
    assert header[5] == "2024-11-01T08:30:15.123456Z"
    assert header[11] == "café «delivery»"
    assert movement_payload(MOVEMENT).isascii()  # free text is escaped, never re-encoded


def test_version_1_hashes_never_change():
    """Rows hashed today must verify in every later release: these values are frozen."""
    first = link(GENESIS, movement_payload(MOVEMENT))
    assert first == hashlib.sha256(bytes(32) + movement_payload(MOVEMENT)).digest()
    assert first.hex() == "46b25f324fc65acb454847056f3d3f9a65a81e8f28d5f0457b671306c7ebc4ec"
    assert link(first, line_payload(LINE)).hex() == (
        "45096f113db2aaae1417355a48831719ac258d600d20a90976d330eb4268b266")


def test_values_read_back_from_either_database_encode_the_same():
    """SQLite hands back text, PostgreSQL dates and aware timestamps in its own zone."""
    as_sqlite = list(MOVEMENT)
    as_sqlite[3], as_sqlite[4] = "2024-11-01", "2024-11-01 08:30:15.123456"
    as_postgres = list(MOVEMENT)
    as_postgres[4] = RECORDED.astimezone(timezone(timedelta(hours=-5)))
    naive = list(MOVEMENT)
    naive[4] = RECORDED.replace(tzinfo=None)
    for other in (as_sqlite, as_postgres, naive):
        assert movement_payload(other) == movement_payload(MOVEMENT)
    line = list(LINE)
    line[9] = "2024-11-01"
    assert line_payload(line) == line_payload(LINE)


def test_a_value_of_another_type_is_another_row():
    """A SQL tool can put 12.5 or '500' into an integer column of SQLite: never the same row."""
    original = line_payload(LINE)
    for changed in (500.0, 500.5, "500", True, None, 501):
        row = list(LINE)
        row[4] = changed
        assert line_payload(row) != original, changed


@given(st.lists(st.one_of(st.none(), st.integers(), st.text()), min_size=16, max_size=16))
def test_the_encoding_is_the_standard_json_of_the_row(values):
    values[3] = "2024-01-01"
    values[4] = "not a timestamp"  # kept as it is: it cannot match a real one
    assert json.loads(movement_payload(values)) == ["M1", *values]
    assert movement_payload(values) == json.dumps(
        ["M1", *values], separators=(",", ":"), ensure_ascii=True).encode()


def test_each_hash_depends_on_every_row_before_it():
    rows = [list(LINE) for _ in range(4)]
    for i, row in enumerate(rows):
        row[0] = 100 + i
    chain = Chain()
    links = [chain.add_line(r) for r in rows]
    assert [seq for seq, _ in links] == [1, 2, 3, 4]
    assert chain.length == 4 and chain.last == links[-1][1]
    rows[1][4] = 499  # one quantity, early on
    redone = Chain()
    again = [redone.add_line(r) for r in rows]
    assert again[0] == links[0]
    assert all(a[1] != b[1] for a, b in zip(again[1:], links[1:], strict=True))
