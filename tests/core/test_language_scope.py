"""The language chosen by a request's cookie holds for that request only: a page read in English
must not leave the thread in English for what it runs next (a command printing in Chinese)."""

import pytest
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.without_demo


def test_a_request_in_english_gives_the_thread_its_language_back(client, db):
    with translation.override("zh-hans"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.get("/login/")
        assert response.headers["Content-Language"] == "en"
        assert "Log in" in response.content.decode() or "Sign in" in response.content.decode()
        assert translation.get_language() == "zh-hans"
