"""A request for another host name is refused (400) and leaves one line in the log, no traceback: the
journal of a commission's server is read by people, and a scanner knocks every minute."""

import logging
import logging.config

import pytest
from django.conf import settings
from django.test import Client


@pytest.mark.django_db
def test_a_refused_host_is_one_line_in_the_log():
    logging.config.dictConfig(settings.LOGGING)
    handler = logging.getLogger("django.security.DisallowedHost").handlers[0]
    records: list[str] = []
    original = handler.emit
    handler.emit = lambda record: records.append(handler.format(record))
    try:
        answer = Client(HTTP_HOST="scanner.example.net").get("/login/")
    finally:
        handler.emit = original
    assert answer.status_code == 400
    assert len(records) == 1
    assert "scanner.example.net" in records[0] and "Traceback" not in records[0] and "\n" not in records[0]
