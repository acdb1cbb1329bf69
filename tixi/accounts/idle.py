"""Idle sessions end: a browser left logged in on a shared office computer is logged out after
TIXI_IDLE_MINUTES without a request (30 by default), on top of the absolute limit of the session
cookie (TIXI_SESSION_HOURS). The logout is audited, so the trail says why the session ended."""

import time

from django.conf import settings
from django.contrib.auth import logout

LAST_SEEN = "tixi_last_seen"
# The session is written at most once a minute for this, not on every request.
REFRESH_SECONDS = 60


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN)
            if isinstance(last_seen, (int, float)) and now - last_seen > settings.IDLE_MINUTES * 60:
                _record_expiry(request, user, now - last_seen)
                logout(request)  # the request goes on as anonymous: pages send to the login, the API 401
            elif not isinstance(last_seen, (int, float)) or now - last_seen >= REFRESH_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def _record_expiry(request, user, idle_seconds: float) -> None:
    from tixi.accounts.models import AuditEntry

    AuditEntry.objects.create(
        user=user,
        username=user.get_username()[:150],
        action=AuditEntry.Action.SESSION_EXPIRED,
        model=user._meta.label,
        object_pk=str(user.pk),
        object_repr=user.get_username()[:200],
        note=f"idle {int(idle_seconds // 60)} min (limit {settings.IDLE_MINUTES})"[:200],
    )
