"""The district office receives its facilities' R&R workbooks: each file whole or not at all.

For each workbook: the format and checksum (``exchange.rnr_xlsx``), known facility, program
and products, the identities of every line (``requisition.lines.line_problems``), P recomputed
under the stated profile from the sent month and the months the district already holds of
that facility (missing months: a warning, the check is skipped), H from the district's levels
and I = max(0, H − E); then duplicates: the same lines again are skipped, a different version
replaces the older only when asked.  The month's figures are kept as the facility's history
(``MonthlyReport`` with source ``requisition``), so next month's P can be checked in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from stockdesk.db.models import (
    Facility,
    MonthlyReport,
    Product,
    Program,
    Requisition,
    RequisitionLine,
    StockLevel,
)
from stockdesk.exchange.rnr_xlsx import DATA_SHEET, META_SHEET, RnrFile, read_rnr_xlsx
from stockdesk.forecast.levels import DEFAULT_LEVELS, Levels, max_quantity
from stockdesk.forecast.profiles import (
    MonthInput,
    UnknownProfile,
    average_consumption,
    get_profile,
    window_periods,
)
from stockdesk.inventory.ledger import days_in_period
from stockdesk.problems import Location, Problem, error, has_errors, warning
from stockdesk.requisition.document import Status
from stockdesk.requisition.lines import line_problems
from stockdesk.requisition.periods import parse_period
from stockdesk.services import audit
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database

ACCEPTED = (Status.SUBMITTED, Status.AUTHORIZED, Status.APPROVED, Status.ISSUED)


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one workbook: imported, replaced, skipped or refused, and why."""

    file: str
    status: str
    facility: str | None
    program: str | None
    period: str | None
    lines: int
    problems: tuple[Problem, ...]


class _Refused(Exception):
    def __init__(self, problems: Sequence[Problem]):
        super().__init__("refused")
        self.problems = list(problems)


class RequisitionImportService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    def import_files(self, paths: Sequence[Path], *, replace: bool = False,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> list[FileOutcome]:
        """Each file in its own transaction; a cancel stops between files, never inside one."""
        self.actor.require("requisition.import")
        out: list[FileOutcome] = []
        for n, path in enumerate(paths, start=1):
            if cancelled is not None and cancelled():
                break
            out.append(self._one(path, replace))
            if progress is not None:
                progress(n, len(paths))
        return out

    def _one(self, path: Path, replace: bool) -> FileOutcome:
        rnr = read_rnr_xlsx(path)
        meta = rnr.meta
        facility, program, period = (meta.get("facility_code"), meta.get("program"),
                                     meta.get("period"))
        if not rnr.ok:
            return FileOutcome(rnr.name, "refused", facility, program, period, len(rnr.rows),
                               rnr.problems)
        try:
            with self.db.transaction() as s:
                status, notes = self._store(s, rnr, replace)
        except _Refused as exc:
            return FileOutcome(rnr.name, "refused", facility, program, period, len(rnr.rows),
                               (*rnr.problems, *exc.problems))
        except OperationalError:  # the disk, the drive or the server failed, not this file:
            raise  # the batch stops and the person is told what happened
        except SQLAlchemyError as exc:  # the file is refused whole; the batch goes on
            return FileOutcome(rnr.name, "refused", facility, program, period, len(rnr.rows),
                               (*rnr.problems, error("requisition.store_failed",
                                                     detail=type(exc).__name__)
                                .at(rnr.where())))
        return FileOutcome(rnr.name, status, facility, program, period, len(rnr.rows),
                           (*rnr.problems, *notes))

    # -- checks and writing (one transaction) ----------------------------------------------

    def _store(self, s: Session, rnr: RnrFile, replace: bool) -> tuple[str, list[Problem]]:
        meta = rnr.meta
        at_meta = rnr.where(META_SHEET)
        problems: list[Problem] = []
        status = _status(meta.get("status"))
        if status is None or status not in ACCEPTED:
            raise _Refused([error("requisition.not_sent", status=meta.get("status"))
                            .at(at_meta)])
        fac = s.scalar(select(Facility).where(Facility.code == meta["facility_code"]))
        prog = s.scalar(select(Program).where(Program.code == meta["program"]))
        if fac is None:
            problems.append(error("facility.unknown", code=meta["facility_code"]).at(at_meta))
        if prog is None:
            problems.append(error("program.unknown", code=meta["program"]).at(at_meta))
        period = meta["period"]
        per = parse_period(period)
        if per is None:
            problems.append(error("requisition.period", period=period).at(at_meta))
        try:
            profile = get_profile(meta.get("profile"))
        except UnknownProfile:
            problems.append(error("profile.unknown", name=meta.get("profile"),
                                  known="openlmis, msupply, civ-elmis, unadjusted").at(at_meta))
        if problems:
            raise _Refused(problems)
        assert fac is not None and prog is not None
        lv = s.scalar(select(StockLevel).where(StockLevel.program_id == prog.id,
                                               StockLevel.facility_type == fac.type))
        levels = (Levels(lv.max_mos, lv.min_mos, lv.eop_mos, lv.lead_time_months,
                         lv.review_months) if lv else DEFAULT_LEVELS)
        codes = [r["product_code"] for r in rnr.rows]
        known = dict(s.execute(select(Product.code, Product.program_id)
                               .where(Product.code.in_(codes))).all())
        products = dict(s.execute(select(Product.code, Product.id)
                                  .where(Product.code.in_(codes),
                                         Product.program_id == prog.id)).all())
        seen: dict[str, int] = {}
        for r in rnr.rows:
            code = r["product_code"]
            if code in seen:
                problems.append(error("requisition.repeated", product=code, first=seen[code])
                                .at(rnr.where(DATA_SHEET, r.row, "product_code")))
            seen.setdefault(code, r.row)
            if code in known and code not in products:
                problems.append(error("requisition.other_program", product=code,
                                      program=prog.code)
                                .at(rnr.where(DATA_SHEET, r.row, "product_code")))
        assert per is not None
        days = per.days
        # P is rechecked for a month; a quarter's P averages months the file does not carry
        wanted = window_periods(profile, period)[:-1] if not per.quarterly else []
        history = self._history(s, fac.id, list(products.values()), wanted)
        for r in rnr.rows:
            where = rnr.where(DATA_SHEET, r.row)
            code = r["product_code"]
            if code not in products:
                if code not in known:
                    problems.append(error("product.unknown", code=code).at(
                        rnr.where(DATA_SHEET, r.row, "product_code")))
                continue
            for column, message in line_problems(r["A"], r["B"], r["C"], r["D"], r["E"],
                                                 r["X"], days, r["I"], r["J"], r["W"]):
                problems.append(error("requisition.line", product=code, column=column,
                                      message=message).at(rnr.where(DATA_SHEET, r.row,
                                                                    column)))
            problems += self._recheck(r.values, where, profile, levels, period,
                                      history.get(products[code], {}), wanted,
                                      check_p=not per.quarterly)
        if has_errors(problems):
            raise _Refused(problems)
        emergency = meta.get("emergency") == "yes"
        existing = s.scalars(select(Requisition).where(
            Requisition.facility_id == fac.id, Requisition.program_id == prog.id,
            Requisition.period == period, Requisition.emergency.is_(emergency))
            .order_by(Requisition.sequence)).all()
        same = [q for q in existing if q.data_sha256 == rnr.sha256]
        if same:
            return "skipped", problems
        outcome = "imported"
        sequence = 0 if not emergency else max([q.sequence for q in existing] + [0]) + 1
        if existing and not emergency:
            old = existing[0]
            if old.source != "imported":
                raise _Refused([error("requisition.local_exists", facility=fac.code,
                                      program=prog.code, period=period).at(at_meta)])
            if not replace:
                raise _Refused([error("requisition.other_version", facility=fac.code,
                                      program=prog.code, period=period,
                                      status=old.status).at(at_meta)])
            if old.status in (Status.APPROVED.value, Status.ISSUED.value):
                raise _Refused([error("requisition.approved_here", facility=fac.code,
                                      program=prog.code, period=period,
                                      status=old.status).at(at_meta)])
            s.execute(delete(RequisitionLine).where(RequisitionLine.requisition_id == old.id))
            s.delete(old)
            s.flush()
            outcome = "replaced"
        now = datetime.now(UTC)
        # approval is the district's own step: a file never brings it in
        if status in (Status.APPROVED, Status.ISSUED):
            problems.append(warning("requisition.approval_not_imported", status=status.value)
                            .at(at_meta))
            status = Status.AUTHORIZED
        req = Requisition(
            facility_id=fac.id, program_id=prog.id, period=period, sequence=sequence,
            emergency=emergency, status=status.value, profile=profile.name,
            max_mos=levels.max_mos, min_mos=levels.min_mos, eop_mos=levels.eop_mos,
            lead_time_months=levels.lead_time_months, created_at=now,
            created_by_id=self.actor.user_id, source="imported", data_sha256=rnr.sha256,
            imported_at=now)
        s.add(req)
        s.flush()
        for r in rnr.rows:
            v = r.values
            s.add(RequisitionLine(
                requisition_id=req.id, product_id=products[v["product_code"]],
                opening=v["A"], received=v["B"], consumed=v["C"], adjustments=v["D"],
                closing=v["E"], stockout_days=v["X"], adjusted=Decimal(str(v["N"] or 0)),
                average=None if v["P"] is None else Decimal(str(v["P"])), maximum=v["H"],
                calculated=v["I"], requested=v["J"], explanation=v["W"], approved=None))
        if not emergency and not per.quarterly:  # the month becomes the facility's history
            s.execute(delete(MonthlyReport).where(
                MonthlyReport.facility_id == fac.id, MonthlyReport.period == period,
                MonthlyReport.source == "requisition",
                MonthlyReport.product_id.in_(list(products.values()))))
            s.add_all([MonthlyReport(
                facility_id=fac.id, product_id=products[r["product_code"]], period=period,
                source="requisition", opening_balance=r["A"], received=r["B"],
                consumed=r["C"], losses_adjustments=r["D"], closing_balance=r["E"],
                stockout_days=r["X"]) for r in rnr.rows])
        audit.record(s, self.actor, "requisition",
                     f"{fac.code}/{prog.code}/{period}" + (f"/E{sequence}" if sequence else ""),
                     "import" if outcome == "imported" else "replace", None,
                     {"file": rnr.name, "status": status.value, "lines": len(rnr.rows),
                      "sha256": rnr.sha256})
        return outcome, problems

    @staticmethod
    def _history(s: Session, facility_id: int, product_ids: list[int], periods: list[str],
                 ) -> dict[int, dict[str, MonthInput]]:
        """The months before the period the district holds (history or earlier R&Rs)."""
        out: dict[int, dict[str, MonthInput]] = {}
        if not product_ids or not periods:
            return out
        for pid, per, consumed, x in s.execute(
            select(MonthlyReport.product_id, MonthlyReport.period, MonthlyReport.consumed,
                   MonthlyReport.stockout_days)
            .where(MonthlyReport.facility_id == facility_id,
                   MonthlyReport.product_id.in_(product_ids),
                   MonthlyReport.period.in_(periods),
                   MonthlyReport.source.in_(("history", "requisition")))):
            out.setdefault(pid, {})[per] = MonthInput(per, int(consumed), x, days_in_period(per))
        return out

    @staticmethod
    def _recheck(v: dict[str, Any], where: Location, profile: Any, levels: Levels,
                 period: str, held: dict[str, MonthInput], wanted: list[str], *,
                 check_p: bool = True) -> list[Problem]:
        """P under the stated profile from the sent month and the held months; H and I."""
        out: list[Problem] = []
        code = v["product_code"]
        missing = [p for p in wanted if p not in held]
        sent_p = v["P"]
        if not check_p:
            pass
        elif missing:
            out.append(warning("requisition.history_missing", product=code,
                               months=", ".join(missing)).at(where))
        else:
            month = MonthInput(period, v["C"], v["X"], days_in_period(period))
            p = average_consumption(profile, [held[m] for m in wanted] + [month]).value
            if not _same(p, sent_p):
                out.append(error("requisition.recomputed", product=code, column="P",
                                 sent=sent_p, computed=p, profile=profile.name)
                           .at(Location(where.file, where.sheet, where.row, "P")))
        if sent_p is not None:
            h = int(max_quantity(sent_p, levels.max_mos).value)
            i = max(0, h - v["E"])
            for column, computed in (("H", h), ("I", i)):
                if v[column] != computed:
                    out.append(error("requisition.recomputed", product=code, column=column,
                                     sent=v[column], computed=computed, profile=profile.name)
                               .at(Location(where.file, where.sheet, where.row, column)))
        return out


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 0.005


def _status(value: str | None) -> Status | None:
    try:
        return Status(value or "")
    except ValueError:
        return None


__all__ = ["FileOutcome", "RequisitionImportService"]
