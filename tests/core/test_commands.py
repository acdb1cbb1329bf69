import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from tixi.accounts.models import AuditEntry, User
from tixi.geo.models import Boundary, Division

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
SQUARE = {"type": "Polygon", "coordinates": [[[101, 26], [102, 26], [102, 27], [101, 27], [101, 26]]]}


@pytest.fixture
def county():
    """A county of the factories' own (codes 99...) with a boundary."""
    province = factories.division("990000000000")
    made = factories.division("990102000000", parent=factories.division("990100000000", parent=province))
    Boundary.objects.create(
        division=made, geometry={**SQUARE, "coordinates": [[[0, 0], [1, 0], [0, 1], [0, 0]]]}
    )
    return made


def test_createuser_with_a_scope(monkeypatch, county):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-Long-pass-2026\n"))
    call_command(
        "createuser",
        "miyi2",
        role="county",
        division=[county.code],
        password_stdin=True,
        stdout=io.StringIO(),
    )
    user = User.objects.get(username="miyi2")
    assert user.check_password("a-Long-pass-2026") and user.scope_divisions.get().code == county.code
    assert AuditEntry.objects.filter(
        model="accounts.User", action="create", username="tixi createuser"
    ).exists()


def test_createuser_without_a_terminal_says_how(monkeypatch, county):
    """Run from a script (no terminal, nothing on standard input) it names --password-stdin instead of
    dying with EOFError from getpass."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="--password-stdin"):
        call_command("createuser", "scripted", role="county", division=[county.code], stdout=io.StringIO())
    assert not User.objects.filter(username="scripted").exists()


@pytest.mark.parametrize(
    "options, field",
    [
        ({"division": ["123"]}, "division"),
        ({"division": []}, "division"),
        ({"division": ["999999000000"]}, "division"),
    ],
)
def test_createuser_refuses_bad_input(monkeypatch, options, field):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-Long-pass-2026\n"))
    with pytest.raises(CommandError, match=field):
        call_command("createuser", "nobody", role="county", password_stdin=True, **options)
    assert not User.objects.filter(username="nobody").exists()


def test_boundaries_import_is_all_or_nothing(tmp_path, county):
    square = SQUARE
    good = {"type": "Feature", "properties": {"code": county.code}, "geometry": square}
    bad = {"type": "Feature", "properties": {"code": "12"}, "geometry": square}
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good, bad]}), encoding="utf-8")
    before = Boundary.objects.get(division=Division.objects.at(county.code, 2026)).geometry
    with pytest.raises(CommandError, match="第 2 个要素"):
        call_command("boundaries", str(path))
    assert Boundary.objects.get(division=Division.objects.at(county.code, 2026)).geometry == before
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good]}), encoding="utf-8")
    call_command("boundaries", str(path), stdout=io.StringIO())
    boundary = Boundary.objects.get(division=Division.objects.at(county.code, 2026))
    assert boundary.geometry == square and not boundary.is_synthetic


def test_createuser_asks_and_answers_in_the_platform_s_language(monkeypatch, county):
    """`tixi createuser` at a terminal asks for the password in Chinese (Django's `createsuperuser`
    cannot: its password prompts are English literals, not marked for translation)."""
    asked = []

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "a-Long-pass-2026")
    out = io.StringIO()
    call_command("createuser", "miyi3", role="county", division=[county.code], stdout=out)
    assert asked == ["密码：", "再次输入密码："]
    assert out.getvalue().startswith("已创建 miyi3（县级管理员）")
