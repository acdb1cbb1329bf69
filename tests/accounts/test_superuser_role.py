"""`createsuperuser` gave the superuser the default role, auditor (the page header and the admin's
user list read `admin|auditor`): a superuser is now an administrator, and the superusers made before
are mended by the migration."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from tixi.accounts.models import Role, User

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_createsuperuser_makes_an_administrator(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-Long-pass-2026")
    call_command("createsuperuser", "--noinput", "--username", "root", "--email", "root@example.cn")
    root = User.objects.get(username="root")
    assert root.is_superuser and root.role == Role.ADMIN
    page = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    page.force_login(root)
    header = page.get("/institutions/").content.decode()
    assert "root · 系统管理员（超级用户）" in header and "审计人员" not in header


def test_createuser_does_not_give_the_administrator_role():
    with pytest.raises(CommandError):
        call_command("createuser", "someone", "--role", "admin", "--division", "990000000000")


def test_the_migration_mends_earlier_superusers():
    earlier = User.objects.create(username="old-root", is_superuser=True, is_staff=True, role=Role.AUDITOR)
    auditor = User.objects.create(username="real-auditor", role=Role.AUDITOR)
    migration = importlib.import_module("tixi.accounts.migrations.0006_superuser_role")
    migration.superusers_are_administrators(apps, None)
    earlier.refresh_from_db()
    auditor.refresh_from_db()
    assert (earlier.role, auditor.role) == (Role.ADMIN, Role.AUDITOR)
