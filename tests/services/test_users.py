"""Signing in and managing users, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from stockdesk.db.models import AuditEntry, User
from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.users import (
    LOCK_FOR,
    MAX_FAILED,
    UserService,
    has_users,
    password_hasher,
)

# Cheap parameters keep the suite fast; the production default is tested for rehashing.
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 12, 31, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def setup_users(db, clock):
    """A first admin (made in setup mode) and a pharmacist the admin created."""
    users = UserService(db, SETUP_ACTOR, hasher=FAST, now=clock)
    users.create_user("admin1", "admin", "admin-pass-1", full_name="Awa Kone")
    admin = UserService(db, hasher=FAST, now=clock).authenticate("admin1", "admin-pass-1")
    UserService(db, admin, hasher=FAST, now=clock).create_user(
        "pharma", "pharmacist", "pharma-pass-1")
    return db


def codes(exc: pytest.ExceptionInfo[ProblemsFound]) -> list[str]:
    return [p.code for p in exc.value.problems]


def sign_in(db, name, password, clock=None):
    return UserService(db, hasher=FAST, now=clock or Clock()).authenticate(name, password)


def test_setup_mode_until_the_first_user_who_must_be_an_admin(db, clock):
    assert not has_users(db)
    users = UserService(db, SETUP_ACTOR, hasher=FAST, now=clock)
    with pytest.raises(ProblemsFound) as exc:
        users.create_user("pharma", "pharmacist", "pharma-pass-1")
    assert codes(exc) == ["user.first_must_be_admin"]
    assert not has_users(db)
    first = users.create_user("admin1", "admin", "admin-pass-1")
    assert has_users(db)
    assert first.role == "admin" and not first.must_change_password  # chose it themself


def test_sign_in_gives_an_actor_and_names_are_not_case_sensitive(setup_users):
    actor = sign_in(setup_users, "PHARMA", "pharma-pass-1")
    assert isinstance(actor, Actor)
    assert (actor.username, actor.role) == ("pharma", "pharmacist")
    assert actor.user_id is not None


def test_wrong_password_and_unknown_user_get_the_same_answer(setup_users):
    with pytest.raises(ProblemsFound) as wrong:
        sign_in(setup_users, "pharma", "not-the-password")
    with pytest.raises(ProblemsFound) as unknown:
        sign_in(setup_users, "nobody", "pharma-pass-1")
    assert codes(wrong) == codes(unknown) == ["auth.bad_credentials"]
    assert str(wrong.value.problems[0]) == str(unknown.value.problems[0])


def test_five_failures_lock_the_account_for_a_while(setup_users, clock):
    db = setup_users
    for _ in range(MAX_FAILED - 1):
        with pytest.raises(ProblemsFound) as exc:
            sign_in(db, "pharma", "guess", clock)
        assert codes(exc) == ["auth.bad_credentials"]
    with pytest.raises(ProblemsFound) as exc:
        sign_in(db, "pharma", "guess", clock)
    assert codes(exc) == ["auth.locked"]
    # the right password does not help while locked
    clock.now += LOCK_FOR - timedelta(minutes=1)
    with pytest.raises(ProblemsFound) as exc:
        sign_in(db, "pharma", "pharma-pass-1", clock)
    assert codes(exc) == ["auth.locked"]
    assert "pharma" in str(exc.value.problems[0])
    clock.now += timedelta(minutes=2)
    assert sign_in(db, "pharma", "pharma-pass-1", clock).username == "pharma"
    with db.reading() as s:
        locks = s.scalars(select(AuditEntry).where(AuditEntry.action == "lock")).all()
        assert [a.entity_key for a in locks] == ["pharma"]


def test_a_success_resets_the_failure_count(setup_users, clock):
    db = setup_users
    for _ in range(2):
        for _ in range(MAX_FAILED - 1):
            with pytest.raises(ProblemsFound):
                sign_in(db, "pharma", "guess", clock)
        sign_in(db, "pharma", "pharma-pass-1", clock)


def test_an_expired_lock_starts_a_new_count(setup_users, clock):
    db = setup_users
    for _ in range(MAX_FAILED):
        with pytest.raises(ProblemsFound):
            sign_in(db, "pharma", "guess", clock)
    clock.now += LOCK_FOR + timedelta(seconds=1)
    with pytest.raises(ProblemsFound) as exc:
        sign_in(db, "pharma", "guess", clock)
    assert codes(exc) == ["auth.bad_credentials"]  # one failure, not a renewed lock


def test_only_admins_manage_users_but_anyone_changes_their_own_password(setup_users, clock):
    db = setup_users
    pharma = sign_in(db, "pharma", "pharma-pass-1", clock)
    users = UserService(db, pharma, hasher=FAST, now=clock)
    with pytest.raises(ProblemsFound) as exc:
        users.create_user("intruder", "admin", "intruder-pass-1")
    assert codes(exc) == ["auth.forbidden"]
    with pytest.raises(ProblemsFound) as exc:
        users.change_password("admin1", "taken-over-1")
    assert codes(exc) == ["auth.forbidden"]
    with pytest.raises(ProblemsFound) as exc:
        users.list_users()
    assert codes(exc) == ["auth.forbidden"]
    assert users.get("pharma").must_change_password
    info = users.change_password("pharma", "pharma-pass-2")
    assert not info.must_change_password
    assert sign_in(db, "pharma", "pharma-pass-2").username == "pharma"
    with pytest.raises(ProblemsFound) as exc:
        users.change_password("pharma", "pharma-pass-2")
    assert codes(exc) == ["user.password_unchanged"]


def test_an_admin_reset_unlocks_and_asks_for_a_new_password(setup_users, clock):
    db = setup_users
    for _ in range(MAX_FAILED):
        with pytest.raises(ProblemsFound):
            sign_in(db, "pharma", "guess", clock)
    admin = sign_in(db, "admin1", "admin-pass-1", clock)
    users = UserService(db, admin, hasher=FAST, now=clock)
    assert users.get("pharma").locked
    info = users.change_password("pharma", "fresh-pass-1")
    assert info.must_change_password and not info.locked
    assert sign_in(db, "pharma", "fresh-pass-1", clock).role == "pharmacist"


def test_the_audit_log_records_user_changes_without_secrets(setup_users, clock):
    db = setup_users
    admin = sign_in(db, "admin1", "admin-pass-1", clock)
    users = UserService(db, admin, hasher=FAST, now=clock)
    users.change_role("pharma", "facility_incharge")
    users.change_password("pharma", "secret-value-42")
    for _ in range(MAX_FAILED):
        with pytest.raises(ProblemsFound):
            sign_in(db, "pharma", "wrong-guess-77", clock)
    users.unlock("pharma")
    with db.reading() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "user")
                            .order_by(AuditEntry.id)).all()
        hashes = list(s.scalars(select(User.password_hash)))
    assert [(e.entity_key, e.action) for e in entries] == [
        ("admin1", "create"), ("pharma", "create"), ("pharma", "role"),
        ("pharma", "password"), ("pharma", "lock"), ("pharma", "unlock")]
    assert entries[0].username == "setup" and entries[1].username == "admin1"
    text = " ".join(f"{e.old_value} {e.new_value} {e.reason}" for e in entries)
    for secret in ("admin-pass-1", "pharma-pass-1", "secret-value-42", "wrong-guess-77",
                   "$argon2", *hashes):
        assert secret not in text


def test_passwords_are_argon2_hashes_rehashed_when_the_parameters_change(setup_users):
    db = setup_users
    with db.reading() as s:
        old = s.scalar(select(User.password_hash).where(User.username == "pharma"))
    assert old.startswith("$argon2id$") and "pharma-pass-1" not in old
    UserService(db).authenticate("pharma", "pharma-pass-1")  # production parameters
    with db.reading() as s:
        new = s.scalar(select(User.password_hash).where(User.username == "pharma"))
    assert new != old and not password_hasher().check_needs_rehash(new)
    assert UserService(db).authenticate("pharma", "pharma-pass-1").username == "pharma"


def test_user_queries_return_frozen_values(setup_users, clock):
    admin = sign_in(setup_users, "admin1", "admin-pass-1", clock)
    listed = UserService(setup_users, admin, hasher=FAST, now=clock).list_users()
    assert [(u.username, u.role, u.must_change_password) for u in listed] == [
        ("admin1", "admin", False), ("pharma", "pharmacist", True)]
    assert not isinstance(listed[0], User)
    with pytest.raises(dataclasses.FrozenInstanceError):
        listed[0].role = "pharmacist"  # type: ignore[misc]


def test_bad_input_is_reported_together(setup_users, clock):
    admin = sign_in(setup_users, "admin1", "admin-pass-1", clock)
    users = UserService(setup_users, admin, hasher=FAST, now=clock)
    with pytest.raises(ProblemsFound) as exc:
        users.create_user("x", "chief", "short")
    assert codes(exc) == ["user.bad_name", "user.bad_role", "user.password_too_short"]
    with pytest.raises(ProblemsFound) as exc:
        users.create_user("Pharma", "pharmacist", "another-pass-1")
    assert codes(exc) == ["user.exists"]
    with pytest.raises(ProblemsFound) as exc:
        users.create_user("newbie", "pharmacist", "newbie", facility="NOPE")
    assert set(codes(exc)) == {"user.password_too_short", "facility.unknown"}
    with pytest.raises(ProblemsFound) as exc:
        users.create_user("newbie12", "pharmacist", "NEWBIE12")
    assert codes(exc) == ["user.password_is_name"]


def test_the_last_admin_stays_an_admin_and_disabled_users_cannot_sign_in(setup_users, clock):
    admin = sign_in(setup_users, "admin1", "admin-pass-1", clock)
    users = UserService(setup_users, admin, hasher=FAST, now=clock)
    with pytest.raises(ProblemsFound) as exc:
        users.change_role("admin1", "supervisor")
    assert codes(exc) == ["user.last_admin"]
    with pytest.raises(ProblemsFound) as exc:
        users.set_active("admin1", False)
    assert codes(exc) == ["user.last_admin"]
    users.set_active("pharma", False)
    with pytest.raises(ProblemsFound) as exc:
        sign_in(setup_users, "pharma", "pharma-pass-1", clock)
    assert codes(exc) == ["auth.bad_credentials"]


def test_a_user_with_a_facility(facility_db, clock):
    users = UserService(facility_db, SETUP_ACTOR, hasher=FAST, now=clock)
    users.create_user("admin1", "admin", "admin-pass-1")
    info = users.create_user("nurse", "pharmacist", "nurse-pass-1", facility="HC01",
                             full_name="Fatou Diallo")
    assert (info.facility, info.full_name) == ("HC01", "Fatou Diallo")


def test_writes_are_recorded_under_the_signed_in_user(facility_db, clock):
    users = UserService(facility_db, SETUP_ACTOR, hasher=FAST, now=clock)
    users.create_user("admin1", "admin", "admin-pass-1")
    admin = sign_in(facility_db, "admin1", "admin-pass-1", clock)
    UserService(facility_db, admin, hasher=FAST, now=clock).create_user(
        "boss", "supervisor", "boss-pass-1")
    UserService(facility_db, admin, hasher=FAST, now=clock).create_user(
        "nurse", "pharmacist", "nurse-pass-1", must_change_password=False)
    nurse = sign_in(facility_db, "nurse", "nurse-pass-1", clock)
    ledger = LedgerService(facility_db, nurse, today=lambda: date(2024, 12, 31))
    ledger.receive("HC01", date(2024, 3, 1), [LineInput("ORS", 10, "B1", date(2026, 1, 1))])
    supervisor = sign_in(facility_db, "boss", "boss-pass-1", clock)
    with pytest.raises(ProblemsFound) as exc:
        LedgerService(facility_db, supervisor).receive(
            "HC01", date(2024, 3, 1), [LineInput("ORS", 10, "B1", date(2026, 1, 1))])
    assert codes(exc) == ["auth.forbidden"]
    from stockdesk.services.stock import StockService

    card = StockService(facility_db, supervisor).stock_card("HC01", "ORS")
    assert [c.user for c in card] == ["nurse"]
