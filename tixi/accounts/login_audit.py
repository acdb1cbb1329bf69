"""Failed logins and lock-outs (django-axes) go to the audit trail, with the name tried and the address.

Logins are stamped on the platform's now (`tixi.core.clock.now`): on the served demo, whose today is
TIXI_TODAY (or the day its database remembers), a login's `last_login` and its audit entries fall on that day, not on the calendar's."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed

from tixi.core import clock
from tixi.core.security import client_address


def _record(action: str, username: str, address: str | None) -> None:
    from tixi.accounts.models import AuditEntry

    User = get_user_model()
    user = User.objects.filter(username=username).first() if username else None
    AuditEntry.objects.create(
        user=None,  # nobody is logged in: the name tried is in username, its account in object_pk
        username=(username or "")[:150],
        action=action,
        model=User._meta.label,
        object_pk=str(user.pk) if user else "",
        object_repr=(username or "")[:200],
        note=f"address {address or 'unknown'}"[:200],
    )


def _login_failed(sender, credentials=None, request=None, **kwargs):
    from tixi.accounts.models import AuditEntry

    username = (credentials or {}).get(get_user_model().USERNAME_FIELD, "")
    _record(AuditEntry.Action.LOGIN_FAILED, username, client_address(request) if request else None)


def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    from tixi.accounts.models import AuditEntry

    _record(AuditEntry.Action.LOCKED_OUT, username or "", ip_address)


def _update_last_login(sender, user, **kwargs):
    """Django's `update_last_login`, on the platform's now instead of the calendar's."""
    user.last_login = clock.now()
    user.save(update_fields=["last_login"])


def connect_signals():
    # django.contrib.auth (installed before this app) connected its own: replaced, not doubled
    user_logged_in.disconnect(dispatch_uid="update_last_login")
    user_logged_in.connect(_update_last_login, dispatch_uid="tixi_update_last_login")
    user_login_failed.connect(_login_failed, dispatch_uid="tixi_audit_login_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="tixi_audit_locked_out")
