"""The ``stockdesk`` command as a user meets it: exit codes, output, sign-in, backups."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import types
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

import stockdesk
from stockdesk import app, cli
from stockdesk.problems import Location, Problem, Severity
from stockdesk.services import users as users_module
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData
from stockdesk.services.stock import StockService

from .conftest import TODAY

SITES = Path("/work/shared/data/civ-lmis/service_delivery_site_data.csv")
ENV_NAMES = ("STOCKDESK_DB", "STOCKDESK_USER", "STOCKDESK_PASSWORD", "STOCKDESK_NEW_PASSWORD")
AS_OF = ["--as-of", TODAY.isoformat()]


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture(autouse=True)
def environment(monkeypatch, tmp_path):
    """No stray settings from the developer's shell; the default data folder under tmp."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: never prompt
    # cheap hashing parameters keep the many sign-ins of this file fast
    monkeypatch.setattr(users_module, "_DEFAULT_HASHER",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def run(capsys):
    def _run(*argv: str) -> Run:
        capsys.readouterr()
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)
    return _run


def post_movements(db: Database) -> None:
    """AMOX250: 500 in, 120 and 80 out.  ORS: 50 received in a lot that expired in June."""
    ledger = LedgerService(db, SETUP_ACTOR, today=lambda: TODAY)
    ledger.receive("HC01", date(2024, 11, 1), [LineInput("AMOX250", 500, "L1", date(2026, 1, 1))],
                   reference="DN-1", supplier="DS01")
    ledger.receive("HC01", date(2024, 1, 10), [LineInput("ORS", 50, "OLD", date(2024, 6, 30))])
    ledger.issue("HC01", date(2024, 11, 15), [LineInput("AMOX250", 120)], reference="REQ-7")
    ledger.issue("HC01", date(2024, 12, 2), [LineInput("AMOX250", 80)])


@pytest.fixture
def stocked(facility_db: Database, db_url: str) -> str:
    post_movements(facility_db)
    return db_url


def add_admin(run, db: str, name: str = "admin1", password: str = "admin-pass-1") -> None:
    """The first admin, created in setup mode as an installer would."""
    os.environ["STOCKDESK_NEW_PASSWORD"] = password
    try:
        result = run("--db", db, "user", "add", name, "--role", "admin")
    finally:
        del os.environ["STOCKDESK_NEW_PASSWORD"]
    assert result.code == 0, result.err


def add_user(run, db: str, name: str, role: str, password: str) -> None:
    os.environ.update(STOCKDESK_NEW_PASSWORD=password, STOCKDESK_PASSWORD="admin-pass-1")
    try:
        result = run("--db", db, "--user", "admin1", "user", "add", name, "--role", role)
    finally:
        del os.environ["STOCKDESK_NEW_PASSWORD"], os.environ["STOCKDESK_PASSWORD"]
    assert result.code == 0, result.err


def as_user(monkeypatch, name: str, password: str) -> None:
    monkeypatch.setenv("STOCKDESK_USER", name)
    monkeypatch.setenv("STOCKDESK_PASSWORD", password)


# -- basics ----------------------------------------------------------------------------------


def test_version_needs_no_database(run, monkeypatch, tmp_path):
    monkeypatch.setenv("STOCKDESK_USER", "someone")
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"StockDesk {stockdesk.__version__}"
    assert not (tmp_path / "xdg").exists()


def test_usage_errors_exit_2(run, sqlite_url):
    assert run().code == 2
    bad_kind = run("--db", sqlite_url, "import", "recipes", "x.csv")
    assert bad_kind.code == 2 and "invalid choice" in bad_kind.err
    bad_date = run("--db", sqlite_url, "stock", "HC01", "--as-of", "31/12/2024")
    assert bad_date.code == 2
    assert "'31/12/2024' is not a date: write it as YYYY-MM-DD" in bad_date.err


def test_help_describes_every_command(run):
    result = run("--help")
    assert result.code == 0
    for command in ("demo", "import", "stock", "stock-card", "backup", "restore", "user"):
        assert f"    {command}" in result.out


# -- stock ------------------------------------------------------------------------------------


def test_stock_as_csv(run, stocked):
    result = run("--db", stocked, "stock", "HC01", *AS_OF, "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["code"], r["on_hand"], r["usable"], r["expired"]) for r in rows] == [
        ("AMOX250", "300", "300", "0"), ("ORS", "50", "0", "50")]
    assert rows[0]["product"] == "Amoxicillin 250 mg tablet" and rows[0]["unit"] == "tablet"
    assert rows[0]["stockout_days"] == "0"
    assert rows[1]["stockout_days"] == "31"  # no usable ORS on any day of December


def test_stock_as_json_matches_the_service(run, stocked, facility_db):
    result = run("--db", stocked, "stock", "HC01", "--format", "json", *AS_OF)
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert payload["facility"] == "HC01" and payload["as_of"] == "2024-12-31"
    expected = StockService(facility_db, SETUP_ACTOR).stock_on_hand("HC01", TODAY)
    assert [(p["code"], p["on_hand"], p["usable"], p["expired"], p["stockout_days"])
            for p in payload["products"]] == [
        (s.code, s.on_hand, s.usable, s.expired, s.stockout_days) for s in expected]
    earlier = json.loads(run("--db", stocked, "stock", "HC01", "--format", "json",
                             "--as-of", "2024-11-20").out)
    assert {p["code"]: p["on_hand"] for p in earlier["products"]}["AMOX250"] == 380


def test_stock_table_fits_an_80_column_terminal(run, stocked, facility_db, monkeypatch):
    MasterDataService(facility_db, SETUP_ACTOR).save_products([ProductData(
        "LONGNAME01", "Sulfamethoxazole + trimethoprim paediatric dispersible tablet for "
        "children under five years", unit="tablet")])
    LedgerService(facility_db, SETUP_ACTOR, today=lambda: TODAY).receive(
        "HC01", date(2024, 12, 1), [LineInput("LONGNAME01", 1234567, "X", date(2027, 1, 1))])
    monkeypatch.setenv("COLUMNS", "80")
    result = run("--db", stocked, "stock", "HC01", *AS_OF)
    assert result.code == 0, result.err
    assert result.lines[0] == "Stock at HC01 at the end of 2024-12-31 - 3 products"
    assert all(len(line) <= 80 for line in result.lines), result.out
    table = result.lines[result.lines.index("") + 1:]
    assert table[0].split() == ["Code", "Product", "Usable", "AMC", "MOS", "Status",
                                "Stockout", "At", "risk"]
    amox = next(line for line in table if line.startswith("AMOX250"))
    # 120 issued in November, 80 in December: AMC 100; 300 left last 3 months, to 31 March
    assert amox.split()[-6:] == ["300", "100", "3", "Adequate", "2025-04-01", "0"]
    long_row = next(line for line in table if line.startswith("LONGNAME01"))
    assert "…" in long_row and long_row.split()[-4:] == ["1234567", "0", "Unknown", "0"]
    monkeypatch.setenv("COLUMNS", "120")
    wide = run("--db", stocked, "stock", "HC01", *AS_OF)
    assert all(len(line) <= 120 for line in wide.lines)


def test_stock_of_an_unknown_facility_is_refused(run, stocked):
    result = run("--db", stocked, "stock", "NOPE")
    assert result.code == 1
    assert result.err.strip() == "error: unknown facility code 'NOPE'"
    assert result.out == ""


def test_stock_card_shows_running_balances(run, stocked):
    result = run("--db", stocked, "stock-card", "HC01", "AMOX250", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["date"], r["kind"], r["quantity_in"], r["quantity_out"], r["balance"])
            for r in rows] == [
        ("2024-11-01", "RECEIPT", "500", "0", "500"),
        ("2024-11-15", "ISSUE", "0", "120", "380"),
        ("2024-12-02", "ISSUE", "0", "80", "300")]
    assert rows[0]["reference"] == "DN-1" and rows[0]["lot"] == "L1"
    table = run("--db", stocked, "stock-card", "HC01", "AMOX250")
    assert table.lines[0] == "Stock card of AMOX250 at HC01 - 3 lines"
    assert table.lines[-1].split()[0] == "2024-12-02" and table.lines[-1].split()[-2] == "300"
    data = json.loads(run("--db", stocked, "stock-card", "HC01", "AMOX250", "--format",
                          "json").out)
    assert [line["balance"] for line in data["lines"]] == [500, 380, 300]


def test_csv_output_cannot_smuggle_a_formula(run, stocked, facility_db):
    MasterDataService(facility_db, SETUP_ACTOR).save_products(
        [ProductData("EVIL", "=HYPERLINK(\"http://x\")", unit="each")])
    LedgerService(facility_db, SETUP_ACTOR, today=lambda: TODAY).receive(
        "HC01", date(2024, 12, 1), [LineInput("EVIL", 1, "E", date(2027, 1, 1))])
    result = run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF)
    row = next(r for r in csv.DictReader(io.StringIO(result.out)) if r["code"] == "EVIL")
    assert row["product"].startswith("'=")


# -- where the database is ----------------------------------------------------------------------


def make_db(path: Path, facility: str) -> str:
    db = Database.open(app.sqlite_url(path))
    MasterDataService(db, SETUP_ACTOR).save_facilities([FacilityData(facility, facility)])
    db.close()
    return str(path)


def test_db_option_beats_the_environment_which_beats_the_default(run, tmp_path, monkeypatch):
    a = make_db(tmp_path / "a.sqlite3", "FROM_ENV")
    b = make_db(tmp_path / "b.sqlite3", "FROM_OPTION")
    monkeypatch.setenv("STOCKDESK_DB", a)
    assert run("stock", "FROM_ENV").code == 0
    assert run("--db", b, "stock", "FROM_OPTION").code == 0
    assert run("stock", "FROM_OPTION", "--db", b).code == 0  # global options also after
    assert run("--db", b, "stock", "FROM_ENV").code == 1
    monkeypatch.delenv("STOCKDESK_DB")
    default = tmp_path / "xdg" / "StockDesk" / "stockdesk.sqlite3"
    assert not default.exists()
    assert run("stock", "FROM_ENV").code == 1
    assert default.exists()  # created and migrated in the user data folder


def test_portable_mode_keeps_data_beside_the_executable(run, tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "portable").write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "StockDesk.exe"))
    assert app.resolve_paths().data_dir == folder / "data"
    run("stock", "HC01")
    assert (folder / "data" / "stockdesk.sqlite3").exists()
    (folder / "portable").unlink()
    assert app.resolve_paths().data_dir == tmp_path / "xdg" / "StockDesk"


def test_database_urls_and_plain_paths(tmp_path):
    assert app.resolve_db_url("x.sqlite3", {}) == f"sqlite:///{Path('x.sqlite3').resolve()}"
    pg = "postgresql+psycopg://clerk@db.district.local/stockdesk"
    assert app.resolve_db_url(None, {"STOCKDESK_DB": pg}) == pg
    assert app.resolve_db_url(" ", {"STOCKDESK_DB": pg}) == pg
    paths = app.Paths(tmp_path, portable=False)
    assert app.resolve_db_url(None, {}, paths) == f"sqlite:///{tmp_path / 'stockdesk.sqlite3'}"


def test_a_database_from_a_newer_stockdesk_is_refused(run, tmp_path):
    path = tmp_path / "newer.sqlite3"
    make_db(path, "HC01")
    db = Database.open(app.sqlite_url(path))
    with db.transaction() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE alembic_version SET version_num = 'ffff99990000'"))
    db.close()
    before = path.read_bytes()
    result = run("--db", str(path), "stock", "HC01")
    assert result.code == 1
    assert result.err.strip() == (
        "stockdesk: error: this database was written by a newer StockDesk (schema "
        f"ffff99990000); this is StockDesk {stockdesk.__version__}. Install the newer version.")
    assert "Traceback" not in result.err
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_opening_keeps_one_daily_backup_a_day_for_14_days(run, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    make_db(path, "HC01")
    folder = tmp_path / "backups"
    folder.mkdir()
    today = date.today()
    for back in range(1, 21):
        (folder / f"clinic-daily-{today - timedelta(days=back)}.sqlite3").write_text("old")
    assert run("--db", str(path), "stock", "HC01").code == 0
    assert run("--db", str(path), "stock", "HC01").code == 0
    daily = sorted(folder.glob("clinic-daily-*.sqlite3"))
    assert len(daily) == 14
    assert daily[-1].name == f"clinic-daily-{today}.sqlite3"
    assert daily[0].name == f"clinic-daily-{today - timedelta(days=13)}.sqlite3"
    assert daily[-1].read_bytes()[:16] == b"SQLite format 3\x00"


# -- users and sign-in ----------------------------------------------------------------------


def test_once_users_exist_every_command_needs_a_sign_in(run, stocked, monkeypatch):
    add_admin(run, stocked)
    result = run("--db", stocked, "stock", "HC01")
    assert result.code == 1
    assert "sign in with --user NAME" in result.err
    no_password = run("--db", stocked, "--user", "admin1", "stock", "HC01")
    assert no_password.code == 1
    assert "no password given: set STOCKDESK_PASSWORD" in no_password.err
    as_user(monkeypatch, "admin1", "admin-pass-1")
    assert run("--db", stocked, "stock", "HC01").code == 0


def test_the_password_is_asked_for_in_a_terminal(run, stocked, monkeypatch):
    add_admin(run, stocked)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    asked: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return "admin-pass-1"

    monkeypatch.setattr(cli.getpass, "getpass", fake_getpass)
    assert run("--db", stocked, "--user", "admin1", "stock", "HC01").code == 0
    assert asked == ["Password for admin1: "]


def test_wrong_password_is_refused(run, stocked, monkeypatch):
    add_admin(run, stocked)
    as_user(monkeypatch, "admin1", "admin-pass-2")
    result = run("--db", stocked, "stock", "HC01")
    assert result.code == 1
    assert result.err.strip() == "error: wrong user name or password"
    assert result.out == ""


def test_five_wrong_passwords_lock_the_account(run, stocked, monkeypatch):
    add_admin(run, stocked)
    add_user(run, stocked, "pharma", "pharmacist", "pharma-pass-1")
    as_user(monkeypatch, "pharma", "guess")
    errors = [run("--db", stocked, "stock", "HC01").err.strip() for _ in range(5)]
    assert errors[:4] == ["error: wrong user name or password"] * 4
    assert errors[4].startswith("error: user pharma is locked after repeated failed sign-ins")
    as_user(monkeypatch, "pharma", "pharma-pass-1")
    locked = run("--db", stocked, "stock", "HC01")
    assert locked.code == 1 and "locked" in locked.err
    as_user(monkeypatch, "admin1", "admin-pass-1")
    assert run("--db", stocked, "user", "unlock", "pharma").code == 0
    as_user(monkeypatch, "pharma", "pharma-pass-1")
    assert run("--db", stocked, "stock", "HC01").code == 0


def test_a_pharmacist_cannot_add_users(run, stocked, monkeypatch):
    add_admin(run, stocked)
    add_user(run, stocked, "pharma", "pharmacist", "pharma-pass-1")
    as_user(monkeypatch, "pharma", "pharma-pass-1")
    monkeypatch.setenv("STOCKDESK_NEW_PASSWORD", "pharma-pass-2")
    assert run("--db", stocked, "user", "passwd").code == 0
    as_user(monkeypatch, "pharma", "pharma-pass-2")
    monkeypatch.setenv("STOCKDESK_NEW_PASSWORD", "intruder-pass-1")
    result = run("--db", stocked, "user", "add", "intruder", "--role", "admin")
    assert result.code == 1
    assert result.err.strip() == (
        "error: pharma (pharmacist) may not manage users: ask an administrator")
    assert run("--db", stocked, "user", "list").code == 1
    as_user(monkeypatch, "admin1", "admin-pass-1")
    listing = run("--db", stocked, "user", "list")
    assert [line.split()[0] for line in listing.lines[2:]] == ["admin1", "pharma"]


def test_a_new_user_must_change_the_password_before_writing(run, stocked, monkeypatch,
                                                            fake_imports):
    add_admin(run, stocked)
    add_user(run, stocked, "pharma", "pharmacist", "pharma-pass-1")
    as_user(monkeypatch, "pharma", "pharma-pass-1")
    assert run("--db", stocked, "stock", "HC01").code == 0  # reading is fine
    refused = run("--db", stocked, "import", "ledger", "moves.csv")
    assert refused.code == 1
    assert "stockdesk user passwd pharma" in refused.err
    assert fake_imports.calls == []
    monkeypatch.setenv("STOCKDESK_NEW_PASSWORD", "pharma-pass-2")
    changed = run("--db", stocked, "user", "passwd", "pharma")
    assert changed.code == 0 and changed.out.strip() == "password of pharma changed"
    as_user(monkeypatch, "pharma", "pharma-pass-2")
    assert run("--db", stocked, "import", "ledger", "moves.csv").code == 0
    assert [(c[0].username, c[1]) for c in fake_imports.calls] == [("pharma", "ledger")]


def test_the_first_user_must_be_an_admin(run, sqlite_url, monkeypatch):
    monkeypatch.setenv("STOCKDESK_NEW_PASSWORD", "pharma-pass-1")
    result = run("--db", sqlite_url, "user", "add", "pharma", "--role", "pharmacist")
    assert result.code == 1 and "the first user must be an admin" in result.err
    assert run("--db", sqlite_url, "user", "add", "Boss", "--role", "admin",
               "--full-name", "Awa Kone").out.strip() == "created user Boss (admin)"


# -- imports (the service is another module: a stand-in keeps these tests about the CLI) -------


@dataclass
class FakeResult:
    file: Path
    kind: str
    status: str
    rows: int
    problems: list[Problem] = field(default_factory=list)


class FakeImports:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def service(self, db, actor):
        fake = self

        class Service:
            def import_file(self, kind: str, path: Path) -> FakeResult:
                fake.calls.append((actor, kind, path))
                if "bad" in path.name:
                    return FakeResult(path, kind, "refused", 0, [Problem(
                        "import.required", {"field": "site_code"}, Severity.ERROR,
                        Location(str(path), None, 3, "site_code"))])
                if "again" in path.name:
                    return FakeResult(path, kind, "skipped", 12, [Problem(
                        "import.already_imported", {"when": "2024-12-30"}, Severity.INFO,
                        Location(str(path)))])
                return FakeResult(path, kind, "imported", 12)

        return Service()


@pytest.fixture
def fake_imports(monkeypatch) -> FakeImports:
    fake = FakeImports()
    module = types.ModuleType("stockdesk.services.imports")
    module.ImportService = fake.service  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "stockdesk.services.imports", module)
    return fake


def test_import_prints_one_line_per_file_and_problems_to_stderr(run, sqlite_url, fake_imports):
    ok = run("--db", sqlite_url, "import", "facilities", "sites.csv", "again.csv")
    assert ok.code == 0
    assert ok.lines == ["imported sites.csv (12 rows)", "skipped again.csv (12 rows)"]
    assert ok.err.strip() == (
        "again.csv: info: this file was already imported on 2024-12-30; nothing changed")
    refused = run("--db", sqlite_url, "import", "facilities", "bad.csv", "sites.csv")
    assert refused.code == 1
    assert refused.lines == ["refused bad.csv (0 rows)", "imported sites.csv (12 rows)"]
    assert refused.err.strip() == "bad.csv:3:site_code: error: site_code is required"


def test_a_supervisor_cannot_import(run, stocked, monkeypatch, fake_imports):
    add_admin(run, stocked)
    add_user(run, stocked, "boss", "supervisor", "boss-pass-1")
    as_user(monkeypatch, "boss", "boss-pass-1")
    monkeypatch.setenv("STOCKDESK_NEW_PASSWORD", "boss-pass-2")
    assert run("--db", stocked, "user", "passwd").code == 0
    as_user(monkeypatch, "boss", "boss-pass-2")
    for kind in cli.IMPORT_KINDS:
        result = run("--db", stocked, "import", kind, "file.csv")
        assert result.code == 1
        assert result.err.strip().startswith("error: boss (supervisor) may not import ")
        assert "ask " in result.err and "an administrator" in result.err
    assert fake_imports.calls == []
    assert run("--db", stocked, "stock", "HC01").code == 0  # but may read


@pytest.mark.skipif(not SITES.exists(), reason="the CIV LMIS sample data is not here")
def test_import_real_facilities_file(run, sqlite_url, tmp_path):
    pytest.importorskip("stockdesk.services.imports")
    first = run("--db", sqlite_url, "import", "facilities", str(SITES))
    assert first.code == 0, first.err
    assert first.lines == [f"imported {SITES} (156 rows)"]
    again = run("--db", sqlite_url, "import", "facilities", str(SITES))
    assert again.code == 0
    assert again.lines == [f"skipped {SITES} (156 rows)"]
    broken = tmp_path / "sites.csv"
    broken.write_text("site_code,site_type\n,Hospital\n")
    refused = run("--db", sqlite_url, "import", "facilities", str(broken))
    assert refused.code == 1 and refused.lines[0].startswith("refused ")
    assert refused.err.startswith("sites.csv:2:site_code: error: ")


# -- demo -------------------------------------------------------------------------------------


@pytest.fixture
def fake_demo(monkeypatch):
    """A stand-in with build_demo's signature and summary, fast enough for many tests."""
    calls: list[dict] = []

    @dataclass(frozen=True)
    class Summary:
        district: str = "Demo District"
        store: str = "DEMO-DS"
        facilities: tuple[str, ...] = ("DEMO-HC01",)
        products: int = 1
        movements: int = 1
        lines: int = 1
        users_created: tuple[str, ...] = ()
        seconds: float = 0.1
        first_day: date | None = None
        last_day: date | None = None
        already_present: bool = False

        @property
        def first_facility(self) -> str:
            return self.facilities[0]

    def build_demo(db, actor, *, seed=1, facilities=8, months=36, progress=None):
        actor.require("demo.build")
        calls.append({"actor": actor, "seed": seed, "facilities": facilities, "months": months})
        with db.reading() as s:
            from sqlalchemy import text

            present = s.execute(text("SELECT count(*) FROM facilities WHERE code = 'DEMO-DS'"))
            if present.scalar():
                return Summary(already_present=True)
        progress("master data", 0, 1)
        md = MasterDataService(db, actor)
        md.save_facilities([FacilityData("DEMO-DS", "Store", "district_store"),
                            FacilityData("DEMO-HC01", "Demo HC", supplier_code="DEMO-DS")])
        md.save_products([ProductData("PARA", "Paracetamol")])
        progress("master data", 1, 1)
        LedgerService(db, actor).receive(
            "DEMO-HC01", date(2024, 1, 5), [LineInput("PARA", 1000, "P1", date(2030, 1, 1))])
        users_module.UserService(db, actor).create_user("admin", "admin", "demo-pass-1",
                                                        must_change_password=False)
        return Summary(users_created=("admin",))

    module = types.ModuleType("stockdesk.services.demo")
    module.build_demo = build_demo  # type: ignore[attr-defined]
    module.DEMO_PASSWORD = "demo-pass-1"  # type: ignore[attr-defined]
    module.DEMO_ADMIN = "admin"  # type: ignore[attr-defined]
    module.demo_present = lambda db: bool(calls)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "stockdesk.services.demo", module)
    monkeypatch.setattr(stockdesk.services, "demo", module, raising=False)
    return calls


def test_demo_builds_then_prints_a_health_centres_stock(run, sqlite_url, fake_demo):
    result = run("--db", sqlite_url, "demo", "--seed", "7", "--facilities", "5")
    assert result.code == 0, result.err
    assert fake_demo[0]["seed"] == 7 and fake_demo[0]["facilities"] == 5
    assert "stockdesk: master data..." in result.err
    assert "password 'demo-pass-1'" in result.err
    assert result.lines[0].startswith("Stock at DEMO-HC01 at the end of")
    assert result.lines[-1].split()[:2] == ["PARA", "Paracetamol"]
    # received, never issued: no consumption yet, so months of stock are unknown
    assert result.lines[-1].split()[-4:] == ["1000", "0", "Unknown", "0"]
    # the demo now has users, yet showing it again needs no --user
    again = run("--db", sqlite_url, "demo")
    assert again.code == 0, again.err
    assert "already holds the demo" in again.err
    assert again.lines == result.lines
    assert fake_demo[1]["actor"].username == "admin"


def test_demo_into_a_database_with_users_needs_a_sign_in(run, stocked, fake_demo):
    add_admin(run, stocked)
    result = run("--db", stocked, "demo")
    assert result.code == 1 and "sign in with --user" in result.err
    assert fake_demo == []


@pytest.mark.slow
def test_the_real_demo_then_shown_again_without_signing_in(run, sqlite_url):
    built = run("--db", sqlite_url, "demo", "--facilities", "2", "--months", "2")
    assert built.code == 0, built.err
    assert built.lines[0].startswith("Stock at DEMO-HC01 at the end of ")
    assert "password 'demo'" in built.err
    table = built.lines[built.lines.index("") + 1:]
    assert table[0].split()[:2] == ["Code", "Product"] and len(table) > 3
    again = run("--db", sqlite_url, "demo")
    assert again.code == 0, again.err
    assert "already holds the demo" in again.err
    assert again.lines == built.lines
    signed_in = run("--db", sqlite_url, "--user", "pharmacist", "stock", "DEMO-HC01")
    assert signed_in.code == 1 and "no password given" in signed_in.err


# -- backup and restore -----------------------------------------------------------------------


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_backup_then_restore_round_trip(run, stocked, facility_db, tmp_path):
    copy = tmp_path / "usb" / "copy.sqlite3"
    made = run("--db", stocked, "backup", str(copy))
    assert made.code == 0, made.err
    assert made.out.startswith(f"backed up to {copy} (")
    before = run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF).out
    LedgerService(facility_db, SETUP_ACTOR, today=lambda: TODAY).issue(
        "HC01", date(2024, 12, 20), [LineInput("AMOX250", 300)])
    emptied = run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF).out
    assert emptied != before
    restored = run("--db", stocked, "restore", str(copy))
    assert restored.code == 0, restored.err
    assert restored.lines[0] == f"restored {copy} (3 facilities, 0 users)"
    assert "the database as it was before is saved as" in restored.lines[1]
    assert run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF).out == before
    safety = Path(restored.lines[1].rsplit(" ", 1)[1])
    assert run("--db", stocked, "restore", str(safety)).code == 0
    assert run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF).out == emptied


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("kind", ["random", "other_sqlite"])
def test_restoring_a_file_that_is_not_a_stockdesk_database_changes_nothing(
        run, stocked, tmp_path, kind):
    candidate = tmp_path / "candidate.db"
    if kind == "random":
        candidate.write_bytes(os.urandom(8192))
    else:
        import sqlite3

        conn = sqlite3.connect(candidate)
        conn.execute("CREATE TABLE patients (name TEXT)")
        conn.commit()
        conn.close()
    before = run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF).out
    result = run("--db", stocked, "restore", str(candidate))
    assert result.code == 1
    expected = ("this is not a StockDesk database (not an SQLite file)" if kind == "random"
                else "this SQLite file is not a StockDesk database")
    assert result.err.strip() == f"{candidate}: error: {expected}"
    assert result.out == ""
    assert run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF).out == before
    assert not list((tmp_path / "backups").glob("*before-restore*"))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_only_an_admin_restores(run, stocked, monkeypatch, tmp_path):
    add_admin(run, stocked)
    as_user(monkeypatch, "admin1", "admin-pass-1")
    copy = tmp_path / "copy.sqlite3"
    assert run("--db", stocked, "backup", str(copy)).code == 0
    add_user(run, stocked, "pharma", "pharmacist", "pharma-pass-1")
    monkeypatch.setenv("STOCKDESK_NEW_PASSWORD", "pharma-pass-2")
    as_user(monkeypatch, "pharma", "pharma-pass-1")
    assert run("--db", stocked, "user", "passwd").code == 0
    as_user(monkeypatch, "pharma", "pharma-pass-2")
    assert run("--db", stocked, "backup", str(tmp_path / "mine.sqlite3")).code == 0
    result = run("--db", stocked, "restore", str(copy))
    assert result.code == 1
    assert result.err.strip() == (
        "error: pharma (pharmacist) may not restore a backup: ask an administrator")


def test_postgres_backup_with_pg_dump(run, stocked, tmp_path):
    if stocked.startswith("sqlite"):
        pytest.skip("pg_dump applies to the postgres backend only")
    result = run("--db", stocked, "backup", str(tmp_path / "district.dump"))
    assert result.code == 0, result.err
    assert (tmp_path / "district.dump").read_bytes()[:5] == b"PGDMP"
    refused = run("--db", stocked, "restore", str(tmp_path / "district.dump"))
    assert refused.code == 1 and "pg_restore" in refused.err


# -- failures -----------------------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_with_a_hint(run, stocked, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(StockService, "stock_on_hand", broken)
    result = run("--db", stocked, "stock", "HC01")
    assert result.code == 1
    assert result.err.splitlines() == [
        "stockdesk: unexpected error: RuntimeError: disk on fire",
        "stockdesk: run the command again with --debug to see the details"]
    debug = run("--db", stocked, "--debug", "stock", "HC01")
    assert debug.code == 1
    assert "Traceback (most recent call last)" in debug.err and "disk on fire" in debug.err


def test_the_installed_console_script(stocked, tmp_path):
    script = Path(sys.executable).parent / "stockdesk"
    if not script.exists():
        pytest.skip("stockdesk is not installed in this environment")
    env = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    env["STOCKDESK_DB"] = stocked
    done = subprocess.run([str(script), "stock", "HC01", "--format", "json", *AS_OF],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    products = json.loads(done.stdout)["products"]
    assert {p["code"]: p["on_hand"] for p in products} == {"AMOX250": 300, "ORS": 50}
    refused = subprocess.run([str(script), "stock", "HC01", "--as-of", "yesterday"],
                             env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "YYYY-MM-DD" in refused.stderr


def test_a_db_option_naming_a_spreadsheet_says_so(run, tmp_path):
    sheet = tmp_path / "stock.csv"
    sheet.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run("--db", str(sheet), "stock", "HC01")
    assert result.code == 1
    assert "is not a StockDesk database" in result.err
