"""Every write operation of every service, tried as every role: the services refuse exactly
what ``PERMISSIONS`` refuses (and facility staff outside their facility), and a refusal
writes nothing.

The window hides buttons a role may not use, but the CLI, a script or a modified client call
the services directly: the services are the gate.  A completeness guard lists every public
method of every service class, so a new write operation fails here until it is classified
and tried.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

import stockdesk.services
from stockdesk.db.models import Movement
from stockdesk.problems import ProblemsFound
from stockdesk.services.admin_view import AdminViewService
from stockdesk.services.auth import (
    ADMIN,
    INCHARGE,
    LOGISTICIAN,
    PERMISSIONS,
    PHARMACIST,
    SETUP_ACTOR,
    SUPERVISOR,
    Actor,
)
from stockdesk.services.backup import BackupService
from stockdesk.services.consolidation import ConsolidationService
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService, LedgerRow
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.masterdata import (
    FacilityData,
    LevelData,
    MasterDataService,
    ProductData,
)
from stockdesk.services.requisition_import import RequisitionImportService
from stockdesk.services.requisitions import RequisitionService
from stockdesk.services.users import UserService

from ..conftest import TODAY
from ..fuzz.fingerprint import changed_tables, fingerprint

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
EXPIRY = date(2026, 6, 30)
today = lambda: TODAY  # noqa: E731
GATE_PASSED = "gate passed"  # a write with no row to show for it (a backup file, the demo)


@dataclass(frozen=True)
class Who:
    """A person trying an operation: a role, and the facility they work at (if any)."""

    name: str
    role: str
    facility: str | None = None
    must_change_password: bool = False


PEOPLE = {
    "admin": Who("root", ADMIN),
    "pharmacist": Who("pharma", PHARMACIST, "HC01"),
    "incharge": Who("chief", INCHARGE, "HC01"),
    "logistician": Who("logi", LOGISTICIAN),
    "supervisor": Who("super", SUPERVISOR),
    "pharmacist of HC02": Who("other", PHARMACIST, "HC02"),
    "incharge of HC02": Who("otherchief", INCHARGE, "HC02"),
    "admin who must change password": Who("newadmin", ADMIN, None, True),
}


# -- the database every case starts from (built once, copied per case) -----------------------


def _build(path: Path) -> None:
    db = Database.open(f"sqlite:///{path}")
    try:
        md = MasterDataService(db, SETUP_ACTOR)
        md.save_facilities([
            FacilityData("DS01", "District Store", "district_store", "North", "Region A"),
            FacilityData("HC01", "Health Centre One", "health_centre", "North", "Region A",
                         "DS01"),
            FacilityData("HC02", "Health Centre Two", "health_centre", "North", "Region A",
                         "DS01"),
        ])
        md.save_products([
            ProductData("AMOX250", "Amoxicillin", "250 mg", "tablet", "tablet", 100, 50,
                        program="essential"),
            ProductData("ALU", "Artemether + lumefantrine", "20/120 mg", "tablet", "tablet",
                        30, 10, program="malaria"),
        ])
        users = UserService(db, SETUP_ACTOR, hasher=FAST)
        users.create_user("root", ADMIN, "root-pass-1", must_change_password=False)
        for who in PEOPLE.values():
            if who.name != "root":
                users.create_user(who.name, who.role, f"{who.name}-pass-1",
                                  facility=who.facility,
                                  must_change_password=who.must_change_password)
        ledger = LedgerService(db, SETUP_ACTOR, today)
        for fac in ("HC01", "HC02"):
            for month in (8, 9, 10, 11):
                day = date(2024, month, 5)
                ledger.receive(fac, day, [LineInput("AMOX250", 500, "L1", EXPIRY),
                                          LineInput("ALU", 300, "A1", EXPIRY)],
                               reference=f"R{month}")
                ledger.issue(fac, date(2024, month, 20), [LineInput("AMOX250", 100)])
        with db.transaction() as s:  # someone else's account, with failed sign-ins
            users.create_user("victim", SUPERVISOR, "victim-pass-1")
            from stockdesk.db.models import User

            s.scalars(select(User).where(User.username == "victim")).one().failed_logins = 3
    finally:
        db.close()
    _export_hc02_rnr(path, path.parent)
    db = Database.open(f"sqlite:///{path}")
    try:
        # R&Rs of HC01 (essential) in each state: 08 submitted, 09 authorized,
        # 10 approved, 11 draft; malaria 2024-11 is left to create
        chief = _actor(db, PEOPLE["incharge"])
        pharma = _actor(db, PEOPLE["pharmacist"])
        logi = _actor(db, PEOPLE["logistician"])
        for month, steps in (("2024-08", ["submit"]), ("2024-09", ["submit", "authorize"]),
                             ("2024-10", ["submit", "authorize", "approve"]),
                             ("2024-11", [])):
            RequisitionService(db, pharma, today).create("HC01", month, "essential")
            for step in steps:
                actor = {"submit": pharma, "authorize": chief, "approve": logi}[step]
                RequisitionService(db, actor, today).step("HC01", month, step, "essential")
    finally:
        db.close()


def _actor(db: Database, who: Who) -> Actor:
    """The Actor signing in gives (read from the database, so ids and facility are real)."""
    users = UserService(db, SETUP_ACTOR, hasher=FAST)
    info = users.get(who.name)
    with db.reading() as s:
        from stockdesk.db.models import User

        user_id = s.scalar(select(User.id).where(User.username == who.name))
    return Actor(who.name, info.role, user_id, must_change_password=info.must_change_password,
                 facility=info.facility)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roles") / "template.sqlite3"
    _build(path)
    return path


# -- the write operations: (permission, facility it writes to or None, how to do it) ----------


@dataclass(frozen=True)
class Ctx:
    db: Database
    actor: Actor
    files: Path

    def movement(self, facility: str = "HC01") -> int:
        with self.db.reading() as s:
            from stockdesk.db.models import Facility

            return int(s.scalar(select(Movement.id).join(
                Facility, Facility.id == Movement.facility_id).where(
                Facility.code == facility, Movement.kind == "RECEIPT")
                .order_by(Movement.id.desc()).limit(1)))


def _ledger(c: Ctx) -> LedgerService:
    return LedgerService(c.db, c.actor, today)


def _rnr(c: Ctx) -> RequisitionService:
    return RequisitionService(c.db, c.actor, today)


def _import(kind: str, text: str) -> Callable[[Ctx], Any]:
    def run(c: Ctx) -> Any:
        path = c.files / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        result = ImportService(c.db, c.actor, today).import_file(kind, path)
        if result.status == "refused":  # a file is refused whole, with the reasons
            raise ProblemsFound(result.errors)
        assert result.status == "imported"
        return result
    return run


def _ledger_rows(c: Ctx) -> Any:
    result = ImportService(c.db, c.actor, today).import_ledger_rows([LedgerRow(
        date(2024, 12, 3), "HC01", "AMOX250", "RECEIPT", 3, "L1", EXPIRY)], "memory")
    if result.status == "refused":
        raise ProblemsFound(result.errors)
    return result


def _import_rnr(c: Ctx) -> Any:
    """The R&R workbook HC02 submitted on its own PC, imported at the district."""
    path = c.files / "hc02.xlsx"
    out = RequisitionImportService(c.db, c.actor, today).import_files([path])
    assert out[0].status == "imported", [str(p) for p in out[0].problems]
    return out


def _export_hc02_rnr(district: Path, folder: Path) -> None:
    """HC02's PC: a copy of the district's data, where HC02 prepares and submits its R&R."""
    from stockdesk.exchange.rnr_xlsx import write_rnr_xlsx

    shutil.copyfile(district, folder / "hc02.sqlite3")
    db = Database.open(f"sqlite:///{folder / 'hc02.sqlite3'}")
    try:
        actor = Actor("other", PHARMACIST, None, facility="HC02")
        RequisitionService(db, actor, today).create("HC02", "2024-11", "essential")
        doc = RequisitionService(db, actor, today).step("HC02", "2024-11", "submit",
                                                        "essential")
        write_rnr_xlsx(doc, folder / "hc02.xlsx")
    finally:
        db.close()


def _backup(c: Ctx) -> Any:
    """A backup writes a file, not a row."""
    result = BackupService(c.db, c.actor).backup(c.files / "copy.sqlite3")
    assert result.path.stat().st_size > 0
    return GATE_PASSED


LINE = [LineInput("AMOX250", 5, "L1", EXPIRY)]
HISTORY = ("facility_code,product_code,period,opening_balance,received,consumed,"
           "losses_adjustments,closing_balance,stockout_days\n"
           "{fac},AMOX250,2023-05,10,5,3,0,12,0\n")
LEDGER = ("date,facility_code,product_code,kind,quantity,lot,expiry\n"
          "2024-12-02,{fac},AMOX250,RECEIPT,7,L1,2026-06-30\n")

# operation -> (permission, facility written to (None: not facility scoped), do it)
WRITES: dict[str, tuple[str, str | None, Callable[[Ctx], Any]]] = {
    "LedgerService.receive": ("stock.post", "HC01", lambda c: _ledger(c).receive(
        "HC01", TODAY, LINE)),
    "LedgerService.issue": ("stock.post", "HC01", lambda c: _ledger(c).issue(
        "HC01", TODAY, LINE)),
    "LedgerService.loss": ("stock.post", "HC01", lambda c: _ledger(c).loss(
        "HC01", TODAY, LINE, reason="damaged")),
    "LedgerService.adjust": ("stock.post", "HC01", lambda c: _ledger(c).adjust(
        "HC01", TODAY, LINE, reason="found")),
    "LedgerService.transfer_out": ("stock.post", "HC01", lambda c: _ledger(c).transfer_out(
        "HC01", TODAY, LINE, to="HC02")),
    "LedgerService.transfer_in": ("stock.post", "HC01", lambda c: _ledger(c).transfer_in(
        "HC01", TODAY, LINE, source="HC02")),
    "LedgerService.count": ("stock.post", "HC01", lambda c: _ledger(c).count(
        "HC01", TODAY, [CountInput("AMOX250", "L1", 1500, EXPIRY)])),
    "LedgerService.reverse": ("stock.reverse", "HC01", lambda c: _ledger(c).reverse(
        c.movement(), "typed twice")),
    "LedgerService.correct": ("stock.reverse", "HC01", lambda c: _ledger(c).correct(
        c.movement(), [LineInput("AMOX250", 450, "L1", EXPIRY)], "wrong quantity")),
    "MasterDataService.save_facilities": ("masterdata.edit", None, lambda c: MasterDataService(
        c.db, c.actor).save_facilities([FacilityData("HC03", "Three", "health_centre")])),
    "MasterDataService.save_products": ("masterdata.edit", None, lambda c: MasterDataService(
        c.db, c.actor).save_products([ProductData("ORS", "Oral rehydration salts")])),
    "MasterDataService.save_levels": ("masterdata.edit", None, lambda c: MasterDataService(
        c.db, c.actor).save_levels([LevelData("essential", "health_centre", 4.0)])),
    "MasterDataService.set_program_profile": ("masterdata.edit", None,
                                              lambda c: MasterDataService(
                                                  c.db, c.actor).set_program_profile(
                                                  "essential", "msupply")),
    "AdminViewService.save_product": ("masterdata.edit", None, lambda c: AdminViewService(
        c.db, c.actor, today).save_product(ProductData("ORS", "Oral rehydration salts"),
                                           new=True)),
    "AdminViewService.save_facility": ("masterdata.edit", None, lambda c: AdminViewService(
        c.db, c.actor, today).save_facility(FacilityData("HC03", "Three", "health_centre"),
                                            new=True)),
    "AdminViewService.save_level": ("masterdata.edit", None, lambda c: AdminViewService(
        c.db, c.actor, today).save_level(LevelData("malaria", "hospital", 4.0))),
    "UserService.create_user": ("users.manage", None, lambda c: UserService(
        c.db, c.actor, hasher=FAST).create_user("newbie", PHARMACIST, "newbie-pass-1")),
    "UserService.change_password (someone else's)": ("users.manage", None,
                                                     lambda c: UserService(
                                                         c.db, c.actor, hasher=FAST)
                                                     .change_password("victim",
                                                                      "another-pass-9")),
    "UserService.change_role": ("users.manage", None, lambda c: UserService(
        c.db, c.actor, hasher=FAST).change_role("victim", LOGISTICIAN)),
    "UserService.set_active": ("users.manage", None, lambda c: UserService(
        c.db, c.actor, hasher=FAST).set_active("victim", False)),
    "UserService.unlock": ("users.manage", None, lambda c: UserService(
        c.db, c.actor, hasher=FAST).unlock("victim")),
    "ImportService.import_file facilities": ("import.facilities", None, _import(
        "facilities", "code,name,type\nHC03,Three,health_centre\n")),
    "ImportService.import_file catalogue": ("import.catalogue", None, _import(
        "catalogue", "code,name\nORS,Oral rehydration salts\n")),
    "ImportService.import_file levels": ("import.levels", None, _import(
        "levels", "program,facility_type,max_mos,min_mos,eop_mos\n"
                  "essential,hospital,4,2,1\n")),
    "ImportService.import_file ledger": ("import.ledger", "HC01", _import(
        "ledger", LEDGER.format(fac="HC01"))),
    "ImportService.import_file history": ("import.history", "HC01", _import(
        "history", HISTORY.format(fac="HC01"))),
    "ImportService.import_ledger_rows": ("import.ledger", "HC01", lambda c: _ledger_rows(c)),
    "RequisitionImportService.import_files": ("requisition.import", None, _import_rnr),
    "RequisitionService.create": ("requisition.create", "HC01", lambda c: _rnr(c).create(
        "HC01", "2024-11", "malaria")),
    "RequisitionService.request": ("requisition.create", "HC01", lambda c: _rnr(c).request(
        "HC01", "2024-11", "AMOX250", 2000, "season starting", program="essential")),
    "RequisitionService.approve_quantity": ("requisition.approve", "HC01",
                                            lambda c: _rnr(c).approve_quantity(
                                                "HC01", "2024-09", "AMOX250", 300,
                                                "essential")),
    "RequisitionService.step submit": ("requisition.submit", "HC01", lambda c: _rnr(c).step(
        "HC01", "2024-11", "submit", "essential")),
    "RequisitionService.step authorize": ("requisition.authorize", "HC01",
                                          lambda c: _rnr(c).step(
                                              "HC01", "2024-08", "authorize", "essential")),
    "RequisitionService.step approve": ("requisition.approve", "HC01", lambda c: _rnr(c).step(
        "HC01", "2024-09", "approve", "essential")),
    "RequisitionService.step issue": ("requisition.issue", "HC01", lambda c: _rnr(c).step(
        "HC01", "2024-10", "issue", "essential")),
    "RequisitionService.step reject": ("requisition.reject", "HC01", lambda c: _rnr(c).step(
        "HC01", "2024-08", "reject", "essential", reason="figures do not add up")),
    "ConsolidationService.consolidate": ("requisition.approve", None,
                                         lambda c: ConsolidationService(
                                             c.db, c.actor, today).consolidate(
                                             "North", "2024-10", "essential")),
    "BackupService.backup": ("backup.create", None, _backup),
    "BackupService.restore": ("backup.restore", None, lambda c: _restore(c)),
    "build_demo": ("demo.build", None, lambda c: _demo(c)),
}

# What everyone may do whatever their role: their own password, and signing in.
SELF_SERVICE = {"UserService.change_password (own)", "UserService.authenticate"}

# Methods that only read (each checks "stock.read" or "audit.read", or reads nothing secret).
READS = {
    "AdminViewService.product", "AdminViewService.levels", "AdminViewService.report",
    "BackupService.check", "CountSheetService.sheet", "DashboardService.summary",
    "DashboardService.requisition_due", "DirectoryService.facilities",
    "DirectoryService.districts", "DirectoryService.products", "DirectoryService.programs",
    "DirectoryService.requisitions", "DirectoryService.movements", "DirectoryService.audit",
    "DistrictViewService.reporting", "ForecastService.district_batch",
    "ForecastService.district", "ForecastService.forecast", "MasterDataService.programs",
    "ProductViewService.stock_list", "ProductViewService.card", "ProductViewService.chart",
    "ReportService.stock_status", "ReportService.stockouts", "ReportService.expiry",
    "ReportService.audit_log", "RequisitionService.document", "StockService.stock_on_hand",
    "StockService.lot_balances", "StockService.stock_card", "StockService.monthly",
    "StockService.facility_monthly", "StockService.district_monthly",
    "StockStatusService.inputs", "StockStatusService.status", "UserService.get",
    "UserService.list_users", "SetupService.needed", "VerifyService.verify",
}
# Acts only while the database has no users at all (first run); refused afterwards.
SETUP_ONLY = {"SetupService.set_up"}


def _restore(c: Ctx) -> Any:
    backup = c.files / "restore-me.sqlite3"
    BackupService(c.db, SETUP_ACTOR).backup(backup)
    return BackupService(c.db, c.actor, safety_dir=c.files / "safety").restore(backup)


def _demo(c: Ctx) -> Any:
    """The demo is never built over real records; past the role check it says so."""
    from stockdesk.services.demo import build_demo

    try:
        build_demo(c.db, c.actor, facilities=1, months=1, products=3, today=TODAY)
    except ProblemsFound as exc:
        if [p.code for p in exc.problems] != ["demo.not_empty"]:
            raise
    return GATE_PASSED


def allowed(operation: str, who: Who) -> bool:
    permission, facility, _ = WRITES[operation]
    if who.role not in PERMISSIONS[permission] or who.must_change_password:
        return False
    return not (facility is not None and who.facility is not None
                and who.role in (PHARMACIST, INCHARGE) and who.facility != facility)


def _service_methods() -> set[str]:
    """Every public method of every ``*Service`` class in ``stockdesk.services``."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(stockdesk.services.__path__, "stockdesk.services."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not name.endswith("Service") or not cls.__module__.startswith(
                    "stockdesk.services") or name.startswith("_"):
                continue
            for attr, value in vars(cls).items():
                if not attr.startswith("_") and callable(value):
                    found.add(f"{name}.{attr}")
    return found


def _base(op: str) -> str:
    return op.split(" ")[0]


def test_every_service_method_is_classified_as_read_or_write() -> None:
    """A new public service method fails here until it is listed as a read, or as a write
    with its permission and a case above that tries it as every role."""
    classified = {_base(op) for op in WRITES} | {_base(op) for op in SELF_SERVICE} \
        | READS | SETUP_ONLY
    unclassified = _service_methods() - classified
    assert not unclassified, f"classify these service methods in test_roles.py: {unclassified}"
    stale = {m for m in classified if "." in m} - _service_methods()
    assert not stale, f"no longer service methods: {stale}"


def test_every_permission_is_tried() -> None:
    tried = {permission for permission, _, _ in WRITES.values()}
    untried = set(PERMISSIONS) - tried - {"stock.read", "audit.read"}
    assert not untried


@pytest.mark.parametrize("who", list(PEOPLE), ids=str)
@pytest.mark.parametrize("operation", list(WRITES), ids=str)
def test_a_write_is_refused_exactly_where_the_role_may_not(template: Path, tmp_path: Path,
                                                           operation: str, who: str) -> None:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(template, path)
    shutil.copyfile(template.parent / "hc02.xlsx", tmp_path / "hc02.xlsx")
    db = Database.open(f"sqlite:///{path}")
    try:
        person = PEOPLE[who]
        ctx = Ctx(db, _actor(db, person), tmp_path)
        before = fingerprint(db)
        run = WRITES[operation][2]
        if allowed(operation, person):
            if run(ctx) != GATE_PASSED:
                assert changed_tables(before, fingerprint(db)), "nothing was written"
        else:
            with pytest.raises(ProblemsFound) as refused:
                run(ctx)
            codes = {p.code for p in refused.value.problems}
            assert codes <= {"auth.forbidden", "auth.other_facility",
                             "auth.must_change_password"}, codes
            assert changed_tables(before, fingerprint(db)) == []
    finally:
        db.close()


@pytest.mark.parametrize("who", list(PEOPLE), ids=str)
def test_everyone_may_change_their_own_password(template: Path, tmp_path: Path,
                                                who: str) -> None:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(template, path)
    db = Database.open(f"sqlite:///{path}")
    try:
        person = PEOPLE[who]
        info = UserService(db, _actor(db, person), hasher=FAST).change_password(
            person.name, "a-brand-new-pass")
        assert not info.must_change_password
    finally:
        db.close()


def test_setup_refuses_once_someone_can_sign_in(template: Path, tmp_path: Path) -> None:
    from stockdesk.services.setup import SetupRequest, SetupService

    path = tmp_path / "db.sqlite3"
    shutil.copyfile(template, path)
    db = Database.open(f"sqlite:///{path}")
    try:
        before = fingerprint(db)
        with pytest.raises(ProblemsFound) as refused:
            SetupService(db, hasher=FAST).set_up(SetupRequest(
                "HC09", "Intruder", "health_centre", None, "intruder", "intruder-pass-1",
                starter_catalogue=False))
        assert [p.code for p in refused.value.problems] == ["user.exists"]
        assert changed_tables(before, fingerprint(db)) == []
    finally:
        db.close()
