"""Import one file in a fresh process and report its peak memory: ``python -m tests.fuzz.measure
KIND FILE DB_URL`` prints one JSON line (status, problems, rows, peak RSS in MB, seconds).

Peak memory must be measured in a process of its own: ``ru_maxrss`` only ever grows, and a
test process has already held other things.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database


def measure(kind: str, path: Path, url: str) -> dict[str, object]:
    db = Database.open(url)
    start = time.perf_counter()
    rows = 0
    try:
        if kind == "rnr":
            from stockdesk.services.requisition_import import RequisitionImportService

            out = RequisitionImportService(db, SETUP_ACTOR).import_files([path])[0]
            status, problems = out.status, [str(p) for p in out.problems]
        else:
            from stockdesk.services.imports import ImportService

            result = ImportService(db, SETUP_ACTOR).import_file(kind, path)
            status, problems = result.status, [str(p) for p in result.problems]
            rows = result.rows
    finally:
        db.close()
    return {"status": status, "problems": problems[:5], "rows": rows,
            "seconds": round(time.perf_counter() - start, 2),
            "peak_mb": round(peak_kb() / 1024, 1)}


def peak_kb() -> int:
    """Peak resident memory of this process in KB.  ``VmHWM`` first: ``ru_maxrss`` keeps the
    parent's peak across fork and exec on Linux, so a big test process would be counted."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], Path(sys.argv[2]), sys.argv[3])))
