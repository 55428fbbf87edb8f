"""The Report & Requisition of a facility: created from the month's figures, stepped through
its states by the people allowed to, and read back as a document to print or send.

Figures come from the ledger for the months it covers and from imported history before
(``StockService.monthly``); N and P follow the program's calculation profile, H and I its
levels at this facility type.  One transaction per step, each recorded in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk import __version__
from stockdesk.db.models import (
    Facility,
    Product,
    Program,
    Requisition,
    RequisitionLine,
    StockLevel,
    User,
)
from stockdesk.forecast.levels import DEFAULT_LEVELS, Levels
from stockdesk.forecast.profiles import MonthInput, get_profile, months_ending, window_periods
from stockdesk.inventory.ledger import MonthSummary, days_in_period
from stockdesk.problems import ProblemsFound, error
from stockdesk.requisition.document import Document, Header, Line, Signature, Status
from stockdesk.requisition.lines import figures, line_problems, packs_to_ship, total_cost
from stockdesk.requisition.periods import Period, parse_period
from stockdesk.requisition.states import EDITABLE, STEPS, refusal
from stockdesk.services import audit
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.stock import StockService
from stockdesk.services.stock_status import resolve_profile


class RequisitionService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today
        self.stock = StockService(db, actor, today)

    # -- create ----------------------------------------------------------------------------

    def create(self, facility: str, period: str, program: str | None = None, *,
               emergency: bool = False, profile: str | None = None) -> Document:
        """A draft R&R for a completed month: every product of the program the facility has
        a record of, with J = I until someone requests otherwise."""
        self.actor.require_at("requisition.create", facility)
        per = _parse(period)
        last = per.end
        if last >= self.today():
            raise ProblemsFound([error("requisition.period_open", period=period,
                                       last=last.isoformat())])
        forced = resolve_profile(profile)
        with self.db.reading() as s:
            fac = _facility(s, facility)
            prog = self._program(s, fac, program)
            prof = forced or get_profile(prog.profile)
            lv = s.scalar(select(StockLevel).where(StockLevel.program_id == prog.id,
                                                   StockLevel.facility_type == fac.type))
            levels = (Levels(lv.max_mos, lv.min_mos, lv.eop_mos, lv.lead_time_months,
                             lv.review_months) if lv else DEFAULT_LEVELS)
            products = {p.code: p for p in s.scalars(
                select(Product).where(Product.program_id == prog.id))}
        end = per.months[-1]
        first = min(months_ending(end, prof.window)[0], per.months[0])
        months: dict[str, list[MonthInput]] = {}
        summary: dict[str, list[MonthSummary]] = {}
        for m in self.stock.monthly(facility, first, end, None):
            if m.product not in products:
                continue
            known = m.summary.stockout_days if m.stockout_days_known else None
            months.setdefault(m.product, []).append(
                MonthInput(m.summary.period, m.summary.consumed, known,
                           days_in_period(m.summary.period)))
            if m.summary.period in per.months:
                summary.setdefault(m.product, []).append(m.summary)
        if not summary:
            raise ProblemsFound([error("requisition.nothing", facility=facility,
                                       program=prog.code, period=period)])
        wanted = set(window_periods(prof, end))
        with self.db.transaction() as s:
            fac = _facility(s, facility)
            prog_id, prog_code = prog.id, prog.code
            # the regular R&R is sequence 0; emergency ones 1, 2, … beside it
            existing = s.scalar(select(func.max(Requisition.sequence)).where(
                Requisition.facility_id == fac.id, Requisition.program_id == prog_id,
                Requisition.period == period, Requisition.emergency.is_(emergency)))
            if existing is not None and not emergency:
                raise ProblemsFound([error("requisition.exists", facility=facility,
                                           program=prog_code, period=period)])
            sequence = 0 if not emergency else (existing or 0) + 1
            req = Requisition(
                facility_id=fac.id, program_id=prog_id, period=period, sequence=sequence,
                emergency=emergency, status=Status.DRAFT.value, profile=prof.name,
                max_mos=levels.max_mos, min_mos=levels.min_mos, eop_mos=levels.eop_mos,
                lead_time_months=levels.lead_time_months, created_at=datetime.now(UTC),
                created_by_id=self.actor.user_id)
            s.add(req)
            s.flush()
            for code in sorted(summary):
                parts = summary[code]  # the period's months, oldest first
                inputs = {x.period: x for x in months[code]}
                xs = [inputs[m.period].stockout_days for m in parts]
                this = MonthInput(period, sum(m.consumed for m in parts),
                                  None if None in xs else sum(x or 0 for x in xs), per.days,
                                  len(per.months))
                window = [x for x in months[code] if x.period in wanted]
                f = figures(this, parts[0].opening, sum(m.received for m in parts),
                            sum(m.adjustments for m in parts), parts[-1].closing, window,
                            prof, levels.max_mos)
                calc = None if f.I is None else int(f.I.value)
                s.add(RequisitionLine(
                    requisition_id=req.id, product_id=products[code].id, opening=f.A,
                    received=f.B, consumed=f.C, adjustments=f.D, closing=f.E, stockout_days=f.X,
                    adjusted=Decimal(str(f.N.value)),
                    average=None if f.P.value is None else Decimal(str(f.P.value)),
                    maximum=None if f.H is None else int(f.H.value), calculated=calc,
                    requested=calc))
            audit.record(s, self.actor, "requisition", _key(facility, prog_code, period,
                                                            sequence), "create", None,
                         {"status": "draft", "profile": prof.name, "lines": len(summary),
                          "emergency": emergency})
            s.flush()
            return _document(s, req)

    # -- read ------------------------------------------------------------------------------

    def document(self, facility: str, period: str, program: str | None = None, *,
                 emergency: bool = False) -> Document:
        """The R&R as it stands, to print, export or send."""
        self.actor.require("stock.read")
        with self.db.reading() as s:
            return _document(s, self._find(s, facility, period, program, emergency))

    # -- edit and step ---------------------------------------------------------------------

    def request(self, facility: str, period: str, product: str, quantity: int,
                explanation: str | None = None, remarks: str | None = None,
                program: str | None = None, *, emergency: bool = False) -> Document:
        """Set J (and W, L) on a draft line; W is required when J differs from I."""
        self.actor.require_at("requisition.create", facility)
        with self.db.transaction() as s:
            req = self._find(s, facility, period, program, emergency)
            if Status(req.status) not in EDITABLE:
                raise ProblemsFound([error("requisition.frozen", status=req.status)])
            pid = s.scalar(select(Product.id).where(Product.code == product))
            line = s.get(RequisitionLine, (req.id, pid)) if pid is not None else None
            if line is None:
                raise ProblemsFound([error("requisition.no_line", product=product)])
            problems = line_problems(line.opening, line.received, line.consumed,
                                     line.adjustments, line.closing, line.stockout_days,
                                     _parse(period).days, line.calculated, quantity,
                                     explanation)
            if problems:
                raise ProblemsFound([error("requisition.line", product=product, column=c,
                                           message=m) for c, m in problems])
            old = {"J": line.requested, "W": line.explanation, "L": line.remarks}
            line.requested, line.explanation = quantity, explanation
            if remarks is not None:
                line.remarks = remarks
            before, after = audit.changes(old, {"J": quantity, "W": explanation,
                                                "L": line.remarks})
            prog = s.get(Program, req.program_id)
            assert prog is not None
            key = _key(facility, prog.code, period, req.sequence)
            audit.record(s, self.actor, "requisition_line", f"{key}/{product}", "update",
                         before, after)
            s.flush()
            return _document(s, req)

    def approve_quantity(self, facility: str, period: str, product: str, quantity: int,
                         program: str | None = None, *, emergency: bool = False) -> Document:
        """Set K on an authorized R&R before approving it (the approver may send less or more
        than requested: stock at the warehouse, a campaign elsewhere)."""
        self.actor.require_at("requisition.approve", facility)
        if quantity < 0:
            raise ProblemsFound([error("requisition.line", product=product, column="K",
                                       message=f"K = {quantity} cannot be negative")])
        with self.db.transaction() as s:
            req = self._find(s, facility, period, program, emergency)
            if req.status != Status.AUTHORIZED.value:
                raise ProblemsFound([error("requisition.refused", why=(
                    f"approved quantities are set on an authorized R&R; this one is "
                    f"{req.status}"))])
            pid = s.scalar(select(Product.id).where(Product.code == product))
            line = s.get(RequisitionLine, (req.id, pid)) if pid is not None else None
            if line is None:
                raise ProblemsFound([error("requisition.no_line", product=product)])
            old = line.approved
            line.approved = quantity
            prog = s.get(Program, req.program_id)
            assert prog is not None
            audit.record(s, self.actor, "requisition_line",
                         f"{_key(facility, prog.code, period, req.sequence)}/{product}",
                         "approve_quantity", {"K": old}, {"K": quantity})
            s.flush()
            return _document(s, req)

    def step(self, facility: str, period: str, action: str, program: str | None = None, *,
             reason: str | None = None, emergency: bool = False) -> Document:
        """Submit, authorize, approve, issue or reject, by whoever the step allows."""
        if action not in STEPS:
            raise ProblemsFound([error("requisition.step", action=action,
                                       steps=", ".join(STEPS))])
        self.actor.require_at(f"requisition.{action}", facility)
        with self.db.transaction() as s:
            req = self._find(s, facility, period, program, emergency)
            why = refusal(action, Status(req.status), self.actor.role, self.actor.username,
                          req.submitted_by, reason)
            if why:
                raise ProblemsFound([error("requisition.refused", why=why)])
            lines = s.scalars(select(RequisitionLine).where(
                RequisitionLine.requisition_id == req.id)).all()
            if action == "submit":
                codes = dict(s.execute(select(Product.id, Product.code).where(
                    Product.id.in_([ln.product_id for ln in lines]))).all())
                problems = [error("requisition.line", product=codes[ln.product_id], column=c,
                                  message=m)
                            for ln in lines for c, m in line_problems(
                                ln.opening, ln.received, ln.consumed, ln.adjustments,
                                ln.closing, ln.stockout_days, _parse(period).days,
                                ln.calculated, ln.requested, ln.explanation)]
                if problems:
                    raise ProblemsFound(problems)
            if action == "approve":
                for ln in lines:  # approved as requested unless the approver changed it
                    if ln.approved is None:
                        ln.approved = ln.requested
            now = datetime.now(UTC)
            old = req.status
            req.status = STEPS[action].to.value
            if action == "reject":
                req.rejection = reason
                for ln in lines:  # the next approval decides afresh
                    ln.approved = None
                req.submitted_by = req.submitted_at = None
                req.authorized_by = req.authorized_at = None
            else:
                setattr(req, f"{_past(action)}_by", self.actor.username)
                setattr(req, f"{_past(action)}_at", now)
                if action == "submit":
                    req.rejection = None
            prog = s.get(Program, req.program_id)
            assert prog is not None
            audit.record(s, self.actor, "requisition",
                         _key(facility, prog.code, period, req.sequence), action,
                         {"status": old}, {"status": req.status}, reason)
            s.flush()
            return _document(s, req)

    # -- lookups ---------------------------------------------------------------------------

    def _program(self, s: Session, fac: Facility, program: str | None) -> Program:
        if program is not None:
            prog = s.scalar(select(Program).where(Program.code == program))
            if prog is None:
                raise ProblemsFound([error("program.unknown", code=program)])
            return prog
        progs = s.scalars(select(Program).order_by(Program.code)).all()
        if len(progs) == 1:
            return progs[0]
        raise ProblemsFound([error("requisition.which_program",
                                   programs=", ".join(p.code for p in progs) or "none")])

    def _find(self, s: Session, facility: str, period: str, program: str | None,
              emergency: bool) -> Requisition:
        fac = _facility(s, facility)
        prog = self._program(s, fac, program)
        q = select(Requisition).where(Requisition.facility_id == fac.id,
                                      Requisition.program_id == prog.id,
                                      Requisition.period == period,
                                      Requisition.emergency.is_(emergency))
        req = s.scalars(q.order_by(Requisition.sequence.desc())).first()
        if req is None:
            raise ProblemsFound([error("requisition.unknown", facility=facility,
                                       program=prog.code, period=period)])
        return req


def _document(s: Session, req: Requisition) -> Document:
    fac = s.get(Facility, req.facility_id)
    prog = s.get(Program, req.program_id)
    assert fac is not None and prog is not None
    supplier = s.get(Facility, fac.supplier_id) if fac.supplier_id else None
    per = _parse(req.period)
    profile = get_profile(req.profile)
    users = {u for u in (req.submitted_by, req.authorized_by, req.approved_by, req.issued_by)
             if u}
    names: dict[str, str | None] = {}
    if users:
        names = dict(s.execute(select(User.username, User.full_name)
                               .where(User.username.in_(users))).all())
    signatures = tuple(
        Signature(step, who, names.get(who), at) for step, who, at in (
            ("submitted", req.submitted_by, req.submitted_at),
            ("authorized", req.authorized_by, req.authorized_at),
            ("approved", req.approved_by, req.approved_at),
            ("issued", req.issued_by, req.issued_at)) if who and at)
    header = Header(
        facility_code=fac.code, facility_name=fac.name, facility_type=fac.type,
        district=fac.district, region=fac.region, program=prog.code, program_name=prog.name,
        period=req.period, period_start=per.start, period_end=per.end,
        months=len(per.months),
        emergency=req.emergency, profile=profile.name, profile_description=profile.describe(),
        max_mos=req.max_mos, min_mos=req.min_mos, eop_mos=req.eop_mos,
        lead_time_months=req.lead_time_months, status=Status(req.status),
        generated_at=datetime.now(UTC), app_version=__version__,
        supplier=supplier.code if supplier else None, signatures=signatures,
        rejection=req.rejection)
    rows = s.execute(select(RequisitionLine, Product)
                     .join(Product, Product.id == RequisitionLine.product_id)
                     .where(RequisitionLine.requisition_id == req.id)
                     .order_by(Product.code)).all()
    lines = []
    for ln, p in rows:
        shipped = ln.approved if ln.approved is not None else None
        packs = None if shipped is None else int(packs_to_ship(
            shipped, p.pack_size, p.pack_rounding_threshold, p.round_to_zero).value)
        price = None if p.price_per_pack is None else Decimal(p.price_per_pack)
        lines.append(Line(
            product_code=p.code, product_name=" ".join(
                x for x in (p.name, p.strength, p.dosage_form) if x),
            unit=p.dispensing_unit, pack_size=p.pack_size, A=ln.opening, B=ln.received,
            C=ln.consumed, D=ln.adjustments, E=ln.closing, X=ln.stockout_days,
            N=_number(ln.adjusted), P=None if ln.average is None else _number(ln.average),
            H=ln.maximum, I=ln.calculated, J=ln.requested, W=ln.explanation, K=ln.approved,
            V=packs, T=price, Q=total_cost(packs, price), L=ln.remarks))
    return Document(header, tuple(lines))


def _number(x: Decimal) -> int | float:
    return int(x) if x == x.to_integral_value() else float(x)


def _parse(period: str) -> Period:
    per = parse_period(period)
    if per is None:
        raise ProblemsFound([error("requisition.period", period=period)])
    return per


def _facility(s: Session, code: str) -> Facility:
    fac = s.scalar(select(Facility).where(Facility.code == code))
    if fac is None:
        raise ProblemsFound([error("facility.unknown", code=code)])
    return fac


def _key(facility: str, program: str, period: str, sequence: int) -> str:
    return f"{facility}/{program}/{period}" + (f"/E{sequence}" if sequence else "")


def _past(action: str) -> str:
    return {"submit": "submitted", "authorize": "authorized", "approve": "approved",
            "issue": "issued"}[action]


__all__ = ["RequisitionService"]
