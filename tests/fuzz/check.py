"""What must hold after any file is imported, however broken: used by the fuzz tests and by
the long campaign in ``benchmarks/_fuzz.py``."""

from __future__ import annotations

from pathlib import Path

from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService

from .fingerprint import changed_tables, fingerprint

OUTCOMES = ("imported", "skipped", "refused")


def import_and_check(db: Database, actor: Actor, kind: str, path: Path,
                     today: object) -> str:
    """Import ``path``; fail (AssertionError) unless the answer is clear and, when refused,
    nothing changed.  Returns the status."""
    before = fingerprint(db)
    try:
        result = ImportService(db, actor, today=today).import_file(  # type: ignore[arg-type]
            kind, path)
    except ProblemsFound as exc:  # a service may refuse with problems too: never crash
        raise AssertionError(f"{path.name}: raised instead of refusing: {exc}") from exc
    assert result.status in OUTCOMES
    assert (result.status == "refused") == bool(result.errors), result.problems
    for problem in result.problems:
        text = str(problem)
        assert text.startswith(path.name), text  # every message names the file
        assert "Traceback" not in text
    if result.status != "imported":
        assert changed_tables(before, fingerprint(db)) == [], result.problems
    return result.status


def check_rnr(db: Database, actor: Actor, path: Path, today: object) -> str:
    """The district import of one R&R workbook: refused or skipped files change nothing."""
    from stockdesk.services.requisition_import import RequisitionImportService

    before = fingerprint(db)
    out = RequisitionImportService(db, actor, today=today).import_files(  # type: ignore[arg-type]
        [path])[0]
    assert out.status in ("imported", "replaced", "skipped", "refused")
    for problem in out.problems:
        assert str(problem).startswith(path.name), str(problem)
    if out.status in ("skipped", "refused"):
        assert changed_tables(before, fingerprint(db)) == [], out.problems
    if out.status == "refused":
        assert any(p.is_error for p in out.problems)
    return out.status
