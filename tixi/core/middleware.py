"""Chinese unless the user chose otherwise: the language comes from the language cookie (set by the
switch in the header), never from the browser's Accept-Language, so that a commission's screens
read the same on every machine."""

from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.codes else settings.LANGUAGE_CODE
        # override, not activate: the thread's language is given back after the response, so that a
        # request in English never leaks into whatever the same thread runs next (a command, a test)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
