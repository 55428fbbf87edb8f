"""Portable mode: a ``portable`` file beside the program keeps every file StockDesk writes in
``data/`` beside it, so a USB stick carries a whole facility from PC to PC; without it the
files go to the per-user data folder and nothing is written beside the program (which sits
in Program Files, where a clinic user may not write).

The frozen program is imitated with ``sys.frozen`` and ``sys.executable`` as PyInstaller sets
them; installer/check_bundle.py checks the same on the real bundle in CI."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stockdesk.app import PORTABLE_MARKER, Settings, log_to_file, resolve_paths
from stockdesk.cli import main


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A frozen StockDesk in ``stick/StockDesk`` and a user whose data folder is elsewhere."""
    folder = tmp_path / "stick" / "StockDesk"
    folder.mkdir(parents=True)
    exe = folder / "stockdesk"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "home" / "AppData"))
    monkeypatch.delenv("STOCKDESK_DB", raising=False)
    monkeypatch.delenv("STOCKDESK_USER", raising=False)
    yield folder
    logger = logging.getLogger("stockdesk")  # tests share one process: drop this test's log
    for handler in list(logger.handlers):
        if str(tmp_path) in str(getattr(handler, "baseFilename", "")):
            logger.removeHandler(handler)
            handler.close()


def _run_twice(capsys: pytest.CaptureFixture[str]) -> None:
    """Open the default database twice: created, then backed up on the second opening."""
    for _ in range(2):
        assert main(["program", "list"]) == 0, capsys.readouterr().err


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_with_the_marker_everything_is_written_in_data_beside_the_program(
        program: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (program / PORTABLE_MARKER).write_text("")
    paths = resolve_paths()
    assert paths.portable and paths.data_dir == program / "data"
    _run_twice(capsys)
    data = program / "data"
    assert (data / "stockdesk.sqlite3").stat().st_size > 0
    backups = list((data / "backups").glob("stockdesk-*.sqlite3"))
    assert backups, "the daily backup belongs on the stick too"
    log = log_to_file(paths)
    assert log == data / "logs" / "stockdesk.log"
    logging.getLogger("stockdesk.ui").error("a bug report a supervisor will ask for")
    assert "a bug report" in log.read_text(encoding="utf-8")
    assert Settings.resolve().paths.settings_file == data / "settings.ini"
    assert Settings.resolve().db_url == f"sqlite:///{data / 'stockdesk.sqlite3'}"
    assert not (tmp_path / "home").exists(), "nothing may be left on the PC"


def test_without_the_marker_the_data_goes_to_the_user_folder_not_beside_the_program(
        program: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = resolve_paths()
    assert not paths.portable
    assert tmp_path / "home" in paths.data_dir.parents
    assert paths.data_dir.name == "StockDesk"
    _run_twice(capsys)
    assert (paths.data_dir / "stockdesk.sqlite3").is_file()
    assert list((paths.data_dir / "backups").glob("stockdesk-*.sqlite3"))
    log = log_to_file(paths)
    assert log is not None and log.parent == paths.data_dir / "logs"
    assert _files(program) == {"stockdesk"}, "Program Files stays as installed"


def test_a_marker_that_is_a_folder_or_beside_a_plain_python_is_not_portable_mode(
        program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (program / PORTABLE_MARKER).mkdir()
    assert not resolve_paths().portable
    (program / PORTABLE_MARKER).rmdir()
    (program / PORTABLE_MARKER).write_text("")
    monkeypatch.setattr(sys, "frozen", False)  # python -m stockdesk from a checkout
    assert not resolve_paths().portable


def test_the_database_given_on_the_command_line_wins_over_portable_mode(
        program: Path, tmp_path: Path) -> None:
    (program / PORTABLE_MARKER).write_text("")
    chosen = tmp_path / "elsewhere.sqlite3"
    settings = Settings.resolve(db=str(chosen))
    assert settings.db_url == f"sqlite:///{chosen}"
    assert settings.paths.portable  # settings and logs still travel with the program

