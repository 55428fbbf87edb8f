"""A long fuzz campaign over every importer, for ``python -m benchmarks reliability``.

The test suite tries a few dozen broken files per importer; this keeps going for as long as
it is given: broken CSV and workbooks of every kind (``tests/fuzz/corrupt.py``) into a
facility database, each checked as the tests check it (a clear answer naming the file, and
nothing changed when refused), plus broken R&R workbooks at the district.  Every failure is
reported with the seed that reproduces it.
"""

from __future__ import annotations

import random
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path

TODAY = date(2024, 12, 31)


def _database(folder: Path):  # the Database type comes with the app, loaded late
    from stockdesk.services.database import Database
    from tests.small_district import save_small_district

    return save_small_district(Database.open(f"sqlite:///{folder / 'fuzz.sqlite3'}"))


def run_fuzz(seconds: float) -> dict[str, object]:
    """Fuzz the importers for about ``seconds``; returns ``{"inputs_tried": n, "failures":
    [description with seed, ...]}`` (at most 50 failures are described)."""
    from stockdesk.services.auth import SETUP_ACTOR
    from tests.fuzz import corrupt
    from tests.fuzz.check import check_rnr, import_and_check

    failures: list[str] = []
    tried = 0
    kinds = list(corrupt.VALID)
    deadline = time.monotonic() + seconds
    seed = random.SystemRandom().randrange(2**32)
    with tempfile.TemporaryDirectory(prefix="stockdesk-fuzz-") as tmp:
        folder = Path(tmp)
        db = _database(folder)
        rnr = _rnr_workbook(folder)
        try:
            while time.monotonic() < deadline:
                seed += 1
                rng = random.Random(seed)
                what = rng.choice([*kinds, "rnr"])
                fmt = "xlsx" if what == "rnr" else rng.choice(["csv", "xlsx"])
                try:
                    path = folder / f"input-{tried}.{fmt}"
                    if what == "rnr":
                        mutate = rng.choice(list(corrupt.ZIP_MUTATIONS.values()))
                        path.write_bytes(mutate(rnr, rng))
                        check_rnr(db, SETUP_ACTOR, path, lambda: TODAY)
                    else:
                        data = (corrupt.broken_csv(what, rng) if fmt == "csv"
                                else corrupt.broken_xlsx(what, rng))
                        path.write_bytes(data)
                        import_and_check(db, SETUP_ACTOR, what, path, lambda: TODAY)
                    path.unlink()
                except Exception as exc:  # a finding, not a crash of the campaign
                    if len(failures) < 50:
                        failures.append(f"{what} {fmt} seed={seed}: {type(exc).__name__}: "
                                        f"{str(exc)[:300]} "
                                        f"{traceback.format_exc(limit=-3)[-600:]}")
                tried += 1
        finally:
            db.close()
    return {"inputs_tried": tried, "failures": failures}


def _rnr_workbook(folder: Path) -> bytes:
    """A valid submitted R&R workbook of HC01, the seed the R&R mutations start from."""
    from datetime import datetime

    from stockdesk.exchange.rnr_xlsx import write_rnr_xlsx
    from stockdesk.requisition.document import Document, Header, Line, Status

    header = Header(
        facility_code="HC01", facility_name="Health Centre One", facility_type="health_centre",
        district="North", region="Region A", program="essential",
        program_name="essential", period="2024-11", period_start=date(2024, 11, 1),
        period_end=date(2024, 11, 30), months=1, emergency=False, profile="openlmis",
        profile_description="", max_mos=3.0, min_mos=1.0, eop_mos=0.5, lead_time_months=1.0,
        status=Status.SUBMITTED, generated_at=datetime(2024, 12, 2, 9, 0), app_version="0")
    lines = (Line("AMOX250", "Amoxicillin", "tablet", 100, A=100, B=50, C=30, D=0, E=120,
                  X=0, N=30, P=30, H=90, I=0, J=0),)
    path = folder / "rnr.xlsx"
    write_rnr_xlsx(Document(header, lines), path)
    return path.read_bytes()


if __name__ == "__main__":  # python -m benchmarks._fuzz [SECONDS]
    import json
    import sys

    print(json.dumps(run_fuzz(float(sys.argv[1]) if len(sys.argv) > 1 else 60.0), indent=2))
