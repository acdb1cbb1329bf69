"""Failed logins and lock-outs (django-axes) go to the audit trail, with the name tried and the address."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed

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


def connect_signals():
    user_login_failed.connect(_login_failed, dispatch_uid="tixi_audit_login_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="tixi_audit_locked_out")
