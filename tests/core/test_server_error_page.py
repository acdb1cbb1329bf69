"""The 500 page: Chinese and English (no request language is known when it is drawn), the promise
that nothing was changed, and no inline script (the content security policy would refuse it)."""

import pytest
from django.test import Client, override_settings
from django.urls import path


def broken(request):
    raise RuntimeError("broken on purpose")


urlpatterns = [path("broken/", broken)]


@pytest.mark.django_db
@pytest.mark.without_demo
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_the_server_error_page_is_bilingual_without_inline_script():
    response = Client(raise_request_exception=False).get("/broken/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "服务器出错了" in html and "数据没有改动" in html
    assert "Server error" in html and "nothing was changed" in html
    assert "<script" not in html and "onclick" not in html.lower()
