"""The shared test kit: the demo region built once per test database, and a client per demo role.

Tests that need only a few objects build them with `tests/factories.py` and carry the mark
`without_demo` (usually as the module's `pytestmark`): when every test that touches the database in a
run carries it, the demo region is not built at all, so such tests run in seconds on their own."""

import os
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from tixi.accounts.audit import acting_as

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


def needs_the_demo(item) -> bool:
    """A test that touches the database and is not marked `without_demo`."""
    if item.get_closest_marker("without_demo"):
        return False
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(item.fixturenames)
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    if not any(needs_the_demo(item) for item in request.session.items):
        return
    from tixi.demo import ledger_story
    from tixi.demo.builder import DemoBuilder
    from tixi.demo.calendar import stamped_on_the_demo_s_today
    from tixi.demo.load import create_demo_accounts, write
    from tixi.demo.management.commands.demo import load_plans_and_values
    from tixi.geo.models import Division

    with django_db_blocker.unblock():
        if not Division.objects.exists():
            with acting_as("tests"), stamped_on_the_demo_s_today():
                write(DemoBuilder().build())
                load_plans_and_values()
                create_demo_accounts()
                ledger_story.write()


@pytest.fixture(scope="session", autouse=True)
def uploads_in_a_temporary_folder(tmp_path_factory):
    """Uploads (imports awaiting confirmation, task attachments) go to a temporary folder, never var/;
    so does whatever a `tixi` command started by a test writes into its data folder."""
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("var")
    # and the `tixi` commands the tests start (their generated secret key, their static files)
    before = os.environ.get("TIXI_VAR_DIR")
    os.environ["TIXI_VAR_DIR"] = str(folder)
    try:
        with override_settings(VAR_DIR=folder, MEDIA_ROOT=folder / "media"):
            yield folder
    finally:
        if before is None:
            os.environ.pop("TIXI_VAR_DIR", None)
        else:
            os.environ["TIXI_VAR_DIR"] = before


@pytest.fixture(autouse=True)
def the_clock_reads_each_test_s_database():
    """The clock caches the demo's remembered today (`tixi.core.clock`); a test's rows are rolled back
    without a signal, so the next test reads its own database afresh."""
    from tixi.core import clock

    clock.forget()
    yield
    clock.forget()


@pytest.fixture(autouse=True)
def the_platform_s_today_is_each_test_s_own():
    """A test pins the platform's today through the `settings` fixture (restored after it); one that
    leaves TIXI_TODAY changed (a command that sets it for good) fails here, not in whichever test of
    the worker comes next (a report "later than today", a weight table stamped before the demo's)."""
    from django.conf import settings

    before = getattr(settings, "TIXI_TODAY", None)
    yield
    after = getattr(settings, "TIXI_TODAY", None)
    if after != before:
        settings.TIXI_TODAY = before
        pytest.fail(f"the test left settings.TIXI_TODAY at {after} (it was {before})")


ROLES = ("planner", "county", "institution", "cdc", "auditor", "dazhou", "dachuan")


@pytest.fixture
def region(request, db):
    """The kit's small region for a test marked `without_demo`: `two_cities()` unless the test carries
    `pytest.mark.region("<shape>")` naming another shape of `tests.factories.REGIONS`."""
    from tests import factories

    marker = request.node.get_closest_marker("region")
    return factories.REGIONS[marker.args[0] if marker else "two_cities"]()


@pytest.fixture
def users(request, db):
    """The seven accounts by name: the demo's; for a test marked `without_demo`, the kit's
    `seven_roles()` on `region` (so `api` and `web` log in as those)."""
    if request.node.get_closest_marker("without_demo"):
        from tests import factories

        return factories.seven_roles(request.getfixturevalue("region"))
    from tixi.accounts.models import User

    return {u.username: u for u in User.objects.filter(username__in=ROLES)}


@pytest.fixture
def api(users):
    """api('planner') is an API client logged in as that demo user."""

    def make(username):
        client = APIClient()
        client.force_authenticate(users[username])
        return client

    return make


@pytest.fixture
def web(client, users):
    """web('county') is a page client logged in as that demo user."""

    def make(username):
        client.force_login(users[username])
        return client

    return make


@pytest.fixture
def page_in(web):
    """page_in(url, "en") is the HTML of a page as a demo user (the planner unless named) reads it in that language."""

    def read(url, language, username="planner"):
        client = web(username)
        client.cookies["django_language"] = language
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.content.decode()

    return read


PANZHIHUA = "510400000000"
MIYI = "510421000000"
YANBIAN = "510422000000"
DACHUAN = "511703000000"


def pytest_configure(config):
    """The plan packs and the ledger are checked against the seeds: say so plainly if they are missing."""
    config.addinivalue_line(
        "markers", "without_demo: builds its few objects with tests/factories.py; needs no demo region"
    )
    config.addinivalue_line(
        "markers", "region(shape): the shape of tests.factories.REGIONS the `region` fixture builds"
    )
    seeds = Path(os.environ.get("TIXI_SEEDS_DIR") or Path(__file__).resolve().parents[2] / "shared" / "seeds")
    if not seeds.is_dir():
        raise pytest.UsageError(
            f"the seed documents are not at {seeds}: clone beside ../shared (as CI does) or set TIXI_SEEDS_DIR"
        )


@pytest.fixture
def catalogue_manager(users):
    """The 攀枝花 planner given the right to change the shared indicator catalogue (in the admin)."""
    from django.contrib.auth.models import Permission

    from tixi.accounts.models import User

    user = users["planner"]
    user.user_permissions.add(Permission.objects.get(codename="change_indicator"))
    return User.objects.get(pk=user.pk)  # a fresh object: permissions are cached per instance


@pytest.fixture(scope="module")
def catalogue_once(django_db_setup, django_db_blocker):
    """The indicator catalogue loaded once for a module (1.4 s of CPU each time) and rolled back after
    it: each test's own transaction nests inside, so what a test writes is still undone after it."""
    from django.db import transaction

    from tests import factories

    with django_db_blocker.unblock(), transaction.atomic():
        factories.catalogue()
        yield
        transaction.set_rollback(True)
