"""Security headers the platform sends, and the client address used to throttle logins."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tixi.core.errors import message_dict

# Scripts only from the platform's own files: no inline <script>, no inline event handler, no eval.
# Styles may be inline (templates' style attributes, htmx's and ECharts' own); images may be data:
# and blob: (charts saved as images); ReDoc renders in a blob: worker.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
HEADER_VALUE = "; ".join(f"{directive} {sources}" for directive, sources in POLICY.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", HEADER_VALUE)
        return response


class RefuseNulMiddleware:
    """A NUL character in the path, a query or a form field is refused here, in one place: PostgreSQL
    text cannot hold it, so it would otherwise end as a server error wherever the value meets a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in _fields(request)):
            message = _("The request holds a NUL character, which no field may contain.")
            if request.path.startswith("/api/"):  # the API answers its clients in JSON, as DRF would
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)


class RefusedSaveMiddleware:
    """A write that no form or serializer checked, refused by the check before the save (a control
    character in a posted note, `tixi.core.validators`), answers 400 with the message naming the field,
    in JSON under /api/, rather than a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ValidationError):
            return None
        messages = message_dict(exception)
        if request.path.startswith("/api/"):
            return JsonResponse(messages, status=400)
        text = " ".join(m for field_messages in messages.values() for m in field_messages)
        return render(request, "400.html", {"message": text}, status=400)


def _fields(request):
    for key, values in request.GET.lists():
        for value in values:
            yield key, value
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        for key, values in request.POST.lists():
            for value in values:
                yield key, value


def client_address(request) -> str | None:
    """The address a login comes from. Behind the reverse proxy (TIXI_BEHIND_PROXY=1) every request
    comes from the proxy, which appends the real client to X-Forwarded-For: the last entry is the one
    the proxy vouches for (earlier ones are whatever the client sent)."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
