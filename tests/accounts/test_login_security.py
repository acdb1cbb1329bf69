"""Login throttling (django-axes) with lock-outs in the audit trail, the password policy, session expiry."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests import factories
from tixi.accounts.models import AuditEntry, Role
from tixi.accounts.services import create_user
from tixi.core.security import client_address
from tixi.demo.load import DEMO_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
ROLES = ("planner", "county", "institution", "cdc", "auditor")


@pytest.fixture
def county(db):
    """A county of the factories' own (codes 99...), not the demo's."""
    province = factories.division("990000000000")
    return factories.division("990102000000", parent=factories.division("990100000000", parent=province))


@pytest.fixture
def users(county):
    """A user of each role, named t-<role> (the demo's own names may exist in the same database),
    with the demo's password."""
    hospital = factories.institution(county)
    made = {}
    for role in ROLES:
        scope = {"institutions": [hospital]} if role == "institution" else {"divisions": [county]}
        made[role] = factories.user(role, username=f"t-{role}", **scope)
        made[role].set_password(DEMO_PASSWORD)
        made[role].save()
    return made


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """Throttling, lock-outs and sessions do not depend on the hasher; PBKDF2's second per login
    attempt (under load) was most of this module's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def attempt(client, username, password, address="10.1.1.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_user_out_even_with_the_right_password(client, users):
    for _ in range(4):
        assert attempt(client, "t-planner", "wrong-password").status_code == 200
    assert attempt(client, "t-planner", "wrong-password").status_code == 429  # the fifth failure locks
    locked = attempt(client, "t-planner", DEMO_PASSWORD)
    assert locked.status_code == 429
    assert 'id="locked-out"' in locked.content.decode()
    assert "15 分钟后再试" in locked.content.decode()  # in Chinese by default
    assert "_auth_user_id" not in client.session
    failed = AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED, username="t-planner")
    assert failed.count() >= 5
    assert failed.first().object_pk == str(users["planner"].pk)
    assert "10.1.1.1" in failed.first().note
    # the lock-out itself, then the attempt refused while locked
    lockouts = AuditEntry.objects.filter(action=AuditEntry.Action.LOCKED_OUT, username="t-planner")
    assert [e.note for e in lockouts] == ["address 10.1.1.1"] * 2


def test_a_user_is_locked_out_whatever_the_address(client, users):
    for n in range(5):
        attempt(client, "t-county", "wrong-password", address=f"10.2.0.{n}")
    assert attempt(client, "t-county", DEMO_PASSWORD, address="10.2.0.99").status_code == 429
    # another user from a fresh address is not affected
    response = attempt(client, "t-cdc", DEMO_PASSWORD, address="10.3.0.1")
    assert response.status_code == 302


def test_an_address_is_locked_out_whatever_the_user_names(client, users):
    for n in range(5):
        attempt(client, f"guess{n}", "wrong-password", address="10.4.0.1")
    assert attempt(client, "t-auditor", DEMO_PASSWORD, address="10.4.0.1").status_code == 429
    assert attempt(client, "t-auditor", DEMO_PASSWORD, address="10.4.0.2").status_code == 302


def test_fewer_failures_then_success_do_not_lock(client, users):
    for _ in range(4):
        attempt(client, "t-institution", "wrong-password")
    assert attempt(client, "t-institution", DEMO_PASSWORD).status_code == 302
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.LOCKED_OUT).exists()


def test_the_admin_login_is_throttled_too(client, users):
    for _ in range(5):
        client.post(
            "/admin/login/", {"username": "t-planner", "password": "nope-nope"}, REMOTE_ADDR="10.5.0.1"
        )
    response = client.post(
        "/admin/login/", {"username": "t-planner", "password": DEMO_PASSWORD}, REMOTE_ADDR="10.5.0.1"
    )
    assert response.status_code == 429


def test_behind_the_proxy_the_address_is_the_one_the_proxy_appended(rf):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.168.3.7")
    assert (
        client_address(request) == "10.0.0.1"
    )  # not behind a proxy: forwarded headers are the client's word
    with override_settings(BEHIND_PROXY=True):
        assert client_address(request) == "192.168.3.7"


@pytest.mark.parametrize(
    "password, problem",
    [("Short-1a", "at least 10"), ("1234567890123", "entirely numeric"), ("password123", "too common")],
)
def test_password_policy(county, password, problem):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        create_user("policy1", password, Role.COUNTY, [county.code])
    assert problem in str(error.value)


def test_password_may_not_resemble_the_user_name(county):
    with translation.override("en"), pytest.raises(ValidationError, match="too similar"):
        create_user("zhangweiming", "zhangweiming1", Role.COUNTY, [county.code])
    assert create_user("zhangweiming", "a-Long-pass-2026", Role.COUNTY, [county.code]).pk


def test_sessions_expire_after_a_working_day_and_with_the_browser(client, users):
    assert attempt(client, "t-cdc", DEMO_PASSWORD).status_code == 302
    assert client.session.get_expiry_age() == 8 * 3600
    assert client.session.get_expire_at_browser_close()
    cookie = client.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]
    assert cookie["httponly"]


def _idle_for(client, minutes):
    import time

    from tixi.accounts.idle import LAST_SEEN

    session = client.session
    session[LAST_SEEN] = time.time() - minutes * 60
    session.save()


@override_settings(IDLE_MINUTES=30)
def test_an_idle_session_ends_and_the_trail_says_so(client, users):
    client.force_login(users["county"])
    assert client.get("/institutions/").status_code == 200
    _idle_for(client, 29)
    assert client.get("/institutions/").status_code == 200  # still within the limit
    _idle_for(client, 31)
    response = client.get("/institutions/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "_auth_user_id" not in client.session
    assert client.get("/institutions/").status_code == 302  # it stays ended
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SESSION_EXPIRED)
    assert entry.user == users["county"] and entry.note == "idle 31 min (limit 30)"


@override_settings(IDLE_MINUTES=5)
def test_the_idle_limit_is_a_setting_and_holds_for_the_api(client, users):
    client.force_login(users["planner"])
    assert client.get("/api/institutions/").status_code == 200
    _idle_for(client, 6)
    response = client.get("/api/institutions/")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"


def test_activity_keeps_a_session_alive(client, users):
    import time

    from tixi.accounts.idle import LAST_SEEN

    client.force_login(users["cdc"])
    _idle_for(client, 20)
    assert client.get("/institutions/").status_code == 200
    assert time.time() - client.session[LAST_SEEN] < 5  # the request moved the clock on


def test_behind_one_office_address_a_mistyping_colleague_locks_only_themself(client, users):
    """TIXI_LOGIN_LOCK_BY=user: the user name stays locked from every address, the shared address
    does not lock the others (by default it does: test_an_address_is_locked_out_whatever_the_user_names)."""
    from tixi.settings import login_lock_parameters

    assert login_lock_parameters("user,address") == ["username", "ip_address"]
    with pytest.raises(ValueError):
        login_lock_parameters("address")
    with override_settings(AXES_LOCKOUT_PARAMETERS=login_lock_parameters("user")):
        for _ in range(5):
            attempt(client, "t-planner", "wrong-password", address="10.6.0.1")
        assert attempt(client, "t-planner", DEMO_PASSWORD, address="10.6.0.1").status_code == 429
        assert attempt(client, "t-planner", DEMO_PASSWORD, address="10.6.0.2").status_code == 429
        assert attempt(client, "t-auditor", DEMO_PASSWORD, address="10.6.0.1").status_code == 302
