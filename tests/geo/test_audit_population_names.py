"""The audit trail names a population row by its sex and age band in the reader's language (journey17:
"石桥镇 2099 F 65+" read raw on the Chinese page): "女 65岁及以上", "female aged 65 and over", on the
page and in its download."""

import re

import pytest

from tests import factories
from tixi.accounts.models import AuditEntry
from tixi.geo.models import Population

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def _table(page: str) -> str:
    return re.search(r"<tbody>.*</tbody>", page, re.S).group(0)


def test_a_population_row_reads_in_words_on_the_audit_page():
    region = factories.two_cities()
    users = factories.seven_roles(region)
    town = factories.division("990102101000", parent=region["county"], name="石桥镇")
    row = Population.objects.create(division=town, year=2099, sex="F", age_band="65+", count=12)
    Population.objects.create(division=town, year=2099, sex="M", age_band="15-59", count=40)
    entry = AuditEntry.objects.filter(model="geo.Population", object_pk=str(row.pk)).first()
    assert entry is not None and entry.object_repr.endswith("2099 F 65+")  # stored as it always was
    for language, female, male in (
        ("zh-hans", "2099 女 65岁及以上", "2099 男 15-59岁"),
        ("en", "2099 female aged 65 and over", "2099 male aged 15-59"),
    ):
        client = factories.client_of(users["auditor"], language)
        table = _table(client.get("/audit/").content.decode())
        assert female in table and male in table, language
        assert "2099 F 65+" not in table and "2099 M 15-59" not in table
        exported = client.get("/audit/?format=csv").content.decode("utf-8-sig")
        assert female in exported and "2099 F 65+" not in exported
    # the object filter finds the row by its words too
    client = factories.client_of(users["auditor"])
    assert "2099 女 65岁及以上" in _table(client.get("/audit/?object=65岁及以上").content.decode())
