"""Whatever bytes arrive, an import answers with a result: imported, skipped or refused."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stockdesk.db.models import MovementLine
from stockdesk.services.imports import ImportService

from ..conftest import TODAY

HEADERS = {
    "ledger": "date,facility_code,product_code,kind,quantity,lot,expiry,reason,reference,"
              "counterparty,note",
    "history": "period;facility_code;product_code;A;B;C;D;E;X",
    "facilities": "code,name,type,supplier_code",
    "catalogue": "code,name,pack_size,price_per_pack,gtin,program",
    "levels": "program,facility_type,max_mos,min_mos,eop_mos",
}
# cells a spreadsheet could hold: codes that exist, numbers, dates, junk, quotes, separators
CELLS = st.sampled_from([
    "HC01", "HC02", "DS01", "AMOX250", "ORS", "ALU", "RECEIPT", "issue", "LOSS", "COUNT",
    "TRANSFER_OUT", "expired", "found", "2024-01-05", "2024-02-30", "31/01/2024", "2030-01-01",
    "2024-03", "1", "10", "0", "-3", "12.5", "1e9", "99999999999999999999", "", " ", "L1",
    "hospital", "Health Center", "é", "\u00a0", '"', "\n", ",", ";", "=1+1", "NaN", "x" * 300,
])
ROW = st.lists(CELLS, min_size=0, max_size=12).map(",".join)
# mostly well-formed ledger rows, so that valid files get through and are checked too
LEDGER_ROW = st.tuples(
    st.sampled_from(["2024-01-05", "2024-01-06", "2024-02-01", "2025-06-01", "bad"]),
    st.sampled_from(["HC01", "HC02", "HC99"]), st.sampled_from(["AMOX250", "ORS"]),
    st.sampled_from(["RECEIPT", "ISSUE", "LOSS", "ADJUSTMENT", "TRANSFER_IN", "TRANSFER_OUT",
                     "COUNT"]),
    st.integers(-1, 40).map(str), st.sampled_from(["", "", "L1", "L2"]),
    st.sampled_from(["", "2024-01-20", "2026-01-01"]),
    st.sampled_from(["", "expired", "found", "correction_minus", "nonsense"]),
    st.sampled_from(["", "V1", "V2"]), st.sampled_from(["", "DS01", "CHW Awa"]),
    st.sampled_from(["", "note"]),
).map(",".join)
TEXT = st.one_of(
    st.text(max_size=300),
    st.tuples(st.sampled_from(list(HEADERS.values())), st.lists(ROW, max_size=12))
    .map(lambda t: "\n".join([t[0], *t[1]])),
    st.lists(LEDGER_ROW, min_size=1, max_size=15).map(
        lambda rows: "\n".join([HEADERS["ledger"], *rows])),
)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])
counter = itertools.count()


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from([*HEADERS, "ledger", "ledger"]), text=TEXT, encoding=ENCODING,
       raw=st.one_of(st.none(), st.binary(max_size=200)))
def test_garbage_never_raises(facility_db, admin, tmp_path, kind, text, encoding, raw):
    imports = ImportService(facility_db, admin, today=lambda: TODAY)
    data = raw if raw is not None else text.encode(encoding, errors="replace")
    path = tmp_path / f"garbage-{next(counter)}.csv"
    path.write_bytes(data)
    result = imports.import_file(kind, path)
    assert result.status in ("imported", "skipped", "refused")
    assert (result.status == "refused") == any(p.is_error for p in result.problems)
    for problem in result.problems:
        assert str(problem).startswith(path.name)
    if result.status == "imported" and kind == "ledger":
        with facility_db.reading() as s:  # whatever went in keeps every lot non-negative
            negative = s.scalar(
                select(func.count()).select_from(
                    select(MovementLine.facility_id, MovementLine.lot_id)
                    .group_by(MovementLine.facility_id, MovementLine.lot_id)
                    .having(func.sum(MovementLine.delta) < 0).subquery()))
            assert negative == 0
