"""First run: the facility or district office, the first admin and the catalogue, at once."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.directory import DirectoryService
from stockdesk.services.setup import SetupRequest, SetupService, admin_problems
from stockdesk.services.users import UserService

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def request(**changes: object) -> SetupRequest:
    fields: dict[str, object] = dict(code="HC-001", name="Riverside Health Centre",
                                     type="health_centre", district="North", admin="awa",
                                     password="long-enough-1", full_name="Awa Kone")
    fields.update(changes)
    return SetupRequest(**fields)  # type: ignore[arg-type]


def test_sets_up_facility_admin_and_starter_catalogue(db) -> None:  # type: ignore[no-untyped-def]
    service = SetupService(db, hasher=FAST)
    assert service.needed()
    steps: list[tuple[int, int]] = []
    result = service.set_up(request(), progress=lambda d, t: steps.append((d, t)))
    assert not service.needed()
    assert steps[-1] == (4, 4)
    actor = UserService(db).authenticate("awa", "long-enough-1")
    assert actor.role == "admin" and not actor.must_change_password
    directory = DirectoryService(db, actor)
    [facility] = directory.facilities()
    assert (facility.code, facility.name, facility.type, facility.district) == (
        "HC-001", "Riverside Health Centre", "health_centre", "North")
    assert result.products == len(directory.products()) > 300


def test_district_office_without_catalogue(db) -> None:  # type: ignore[no-untyped-def]
    SetupService(db, hasher=FAST).set_up(request(code="DS-N", name="North District Store",
                                                 type="district_store",
                                                 starter_catalogue=False))
    actor = UserService(db).authenticate("awa", "long-enough-1")
    assert [f.type for f in DirectoryService(db, actor).facilities()] == ["district_store"]
    assert DirectoryService(db, actor).products() == []


def test_problems_are_all_reported_and_nothing_is_written(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ProblemsFound) as exc:
        SetupService(db, hasher=FAST).set_up(request(code=" ", name="", password="short"))
    found = {(p.code, p.params.get("field")) for p in exc.value.problems}
    assert found == {("import.required", "code"), ("import.required", "name"),
                     ("user.password_too_short", None)}
    assert SetupService(db).needed()


def test_refused_once_someone_can_sign_in(db) -> None:  # type: ignore[no-untyped-def]
    UserService(db, SETUP_ACTOR, hasher=FAST).create_user("first", "admin", "first-pass-1")
    with pytest.raises(ProblemsFound) as exc:
        SetupService(db, hasher=FAST).set_up(request())
    assert [p.code for p in exc.value.problems] == ["user.exists"]
    assert UserService(db).authenticate("first", "first-pass-1").username == "first"


def test_admin_rules_are_the_user_rules() -> None:
    assert [p.code for p in admin_problems("awa", "awa")] == ["user.password_too_short"]
    assert [p.code for p in admin_problems("awa kone", "long-enough-1")] == ["user.bad_name"]
    assert [p.code for p in admin_problems("longname1", "LongName1")] == \
        ["user.password_is_name"]
    assert admin_problems("awa", "long-enough-1") == []
