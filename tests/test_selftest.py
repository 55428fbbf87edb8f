"""``stockdesk selftest``: what the person installing StockDesk (and CI, on the built bundle)
runs to know the installation works.  It must pass on a new database of either backend, say
what it checked, refuse to mix its demo into real records, and fail loudly when a part of the
installation is missing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import stockdesk
from stockdesk.cli import main
from stockdesk.services.database import Database
from stockdesk.services.masterdata import FacilityData, MasterDataService
from tests.conftest import PG_URL


def test_selftest_passes_on_a_new_sqlite_file_and_checks_the_window(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'check.sqlite3'}"  # the folder does not exist yet
    out_dir = tmp_path / "files"
    code = main(["--db", url, "selftest", "--output", str(out_dir)])
    out = capsys.readouterr()
    assert code == 0, out.err
    for check in ("database", "demo", "sign-in", "stock", "requisition", "qt", "translations",
                  "window"):
        assert f"  ok  {check}:" in out.out
    assert "selftest passed" in out.out
    xlsx = next(out_dir.glob("rnr-*.xlsx"))
    pdf = xlsx.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    meta = {row[0]: row[1] for row in wb["meta"].iter_rows(values_only=True)}
    wb.close()
    assert meta["app_version"] == stockdesk.__version__  # the one version, in the workbook
    # every language's window was pictured, at the size of an old clinic screen
    assert sorted(p.name for p in out_dir.glob("window-*.png")) == [
        "window-en.png", "window-es.png", "window-fr.png", "window-pt.png"]


@pytest.mark.postgres
def test_selftest_creates_a_missing_postgresql_database(
        capsys: pytest.CaptureFixture[str]) -> None:
    if not PG_URL:
        pytest.skip("missing tool: PostgreSQL (set STOCKDESK_TEST_PG_URL, or run "
                    "python3 tools/dev.py test)")
    import uuid

    name = f"sd_selftest_{uuid.uuid4().hex[:10]}"
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        code = main(["--db", url, "selftest", "--no-window"])
        out = capsys.readouterr()
        assert code == 0, out.err
        assert f"{name} created, postgresql, migrated" in out.out.replace("***@", "")
        assert "  ok  requisition:" in out.out
        with admin.connect() as conn:
            assert conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                {"n": name}).scalar() == 1
    finally:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :n"), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def test_selftest_refuses_a_database_that_holds_records_and_changes_nothing(
        db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = Database.open(db_url)
    from stockdesk.services.auth import SETUP_ACTOR

    MasterDataService(db, SETUP_ACTOR).save_facilities(
        [FacilityData("HC01", "Health Centre One", "health_centre", "North", "Region A")])
    db.close()
    code = main(["--db", db_url, "selftest", "--no-window"])
    err = capsys.readouterr().err
    assert code == 1
    assert "selftest FAILED" in err and "already holds 1 facilities" in err
    assert "new database" in err
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM facilities")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM movements")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 0
    engine.dispose()


def test_selftest_fails_with_a_clear_message_when_a_translation_is_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from stockdesk.ui import i18n

    real = i18n.catalogue
    monkeypatch.setattr(i18n, "catalogue", lambda code: tmp_path / "missing" / real(code).name
                        if code == "pt" else real(code))
    code = main(["--db", str(tmp_path / "x.sqlite3"), "selftest"])
    out = capsys.readouterr()
    assert code == 1
    assert "selftest FAILED" in out.err
    assert "Português catalogue" in out.err and "stockdesk_pt.qm" in out.err
    assert "selftest passed" not in out.out


def test_selftest_without_db_leaves_the_working_database_alone(tmp_path, monkeypatch,
                                                                capsys) -> None:
    """Run on a new install without ``--db``, the self-test works in a database of its own:
    the one StockDesk will use ($STOCKDESK_DB here) is not filled with the demo district."""
    working = tmp_path / "clinic.sqlite3"
    monkeypatch.setenv("STOCKDESK_DB", str(working))
    assert main(["selftest", "--no-window"]) == 0
    assert "selftest passed" in capsys.readouterr().out
    assert not working.exists()


def test_a_server_database_is_shown_without_its_password() -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    from stockdesk.services.database import Database

    url = "postgresql+psycopg://clerk:s3cret@district-pc/stockdesk"
    engine = create_engine(url)
    where = Database(url, engine, sessionmaker(engine)).where
    assert "s3cret" not in where and "district-pc/stockdesk" in where
