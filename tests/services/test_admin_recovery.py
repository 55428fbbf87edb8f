"""Sign-in locks that survive a restart, and the recovery of a forgotten admin password."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from stockdesk.cli import main
from stockdesk.db.models import AuditEntry
from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.users import MAX_FAILED, UserService, recover_admin

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
NOW = datetime(2024, 12, 31, 8, 0, tzinfo=UTC)


def _users(db_url: str) -> None:
    db = Database.open(db_url)
    try:
        users = UserService(db, SETUP_ACTOR, hasher=FAST, now=lambda: NOW)
        users.create_user("root", "admin", "root-pass-1")
        admin = UserService(db, hasher=FAST, now=lambda: NOW).authenticate("root", "root-pass-1")
        UserService(db, admin, hasher=FAST).create_user("pharma", "pharmacist", "pharma-pass-1")
    finally:
        db.close()


def _sign_in(db_url: str, name: str, password: str):  # type: ignore[no-untyped-def]
    db = Database.open(db_url)  # a new process, as far as the database can tell
    try:
        return UserService(db, hasher=FAST, now=lambda: NOW).authenticate(name, password)
    finally:
        db.close()


def _codes(exc: pytest.ExceptionInfo[ProblemsFound]) -> list[str]:
    return [p.code for p in exc.value.problems]


def test_failures_and_the_lock_survive_a_restart(db_url):
    """Each failed sign-in is its own run of the program; the count and the lock are in the
    database, so restarting (or another workstation) does not reset them."""
    _users(db_url)
    for _ in range(MAX_FAILED - 1):
        with pytest.raises(ProblemsFound) as exc:
            _sign_in(db_url, "root", "a guess")
        assert _codes(exc) == ["auth.bad_credentials"]
    with pytest.raises(ProblemsFound) as exc:
        _sign_in(db_url, "root", "a guess")
    assert _codes(exc) == ["auth.locked"]
    with pytest.raises(ProblemsFound) as exc:  # after a restart, even the right password
        _sign_in(db_url, "root", "root-pass-1")
    assert _codes(exc) == ["auth.locked"]


def test_a_forgotten_admin_password_is_recovered_on_the_machine_and_audited(db_url):
    _users(db_url)
    for _ in range(MAX_FAILED):
        with pytest.raises(ProblemsFound):
            _sign_in(db_url, "root", "what was it")
    db = Database.open(db_url)
    try:
        temporary = recover_admin(db, "ROOT", os_user="awa", host="clinic-pc", hasher=FAST)
        with db.reading() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "recover")).one()
    finally:
        db.close()
    assert len(temporary) >= 12
    assert (entry.entity, entry.entity_key, entry.username) == ("user", "root",
                                                                "awa@clinic-pc")
    new = json.loads(entry.new_value)
    assert (new["os_user"], new["host"], new["must_change_password"]) == ("awa", "clinic-pc",
                                                                          True)
    assert temporary not in (entry.new_value or "") + (entry.old_value or "")
    assert entry.reason == "admin password recovery"
    with pytest.raises(ProblemsFound):
        _sign_in(db_url, "root", "root-pass-1")  # the forgotten one is gone
    actor = _sign_in(db_url, "root", temporary)  # unlocked, with the temporary password
    assert actor.must_change_password  # which changes nothing until replaced
    with pytest.raises(ProblemsFound) as exc:
        actor.require("users.manage")
    assert _codes(exc) == ["auth.must_change_password"]


def test_only_an_admin_account_is_recovered(db_url):
    _users(db_url)
    db = Database.open(db_url)
    try:
        with pytest.raises(ProblemsFound) as exc:
            recover_admin(db, "pharma", os_user="awa", host="pc", hasher=FAST)
        assert _codes(exc) == ["user.recover_not_admin"]
        with pytest.raises(ProblemsFound) as exc:
            recover_admin(db, "nobody", os_user="awa", host="pc", hasher=FAST)
        assert _codes(exc) == ["auth.unknown_user"]
        with db.reading() as s:
            assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "recover")) is None
    finally:
        db.close()
    assert _sign_in(db_url, "pharma", "pharma-pass-1").username == "pharma"


def test_the_recovery_command_needs_no_sign_in(sqlite_url, monkeypatch, capsys):
    _users(sqlite_url)
    monkeypatch.delenv("STOCKDESK_USER", raising=False)
    monkeypatch.delenv("STOCKDESK_PASSWORD", raising=False)
    monkeypatch.setenv("STOCKDESK_NEW_PASSWORD", "temporary-pass-7")
    assert main(["--db", sqlite_url, "user", "recover-admin", "root"]) == 0
    assert "root is unlocked" in capsys.readouterr().out
    actor = _sign_in(sqlite_url, "root", "temporary-pass-7")
    assert actor.must_change_password
