"""What the audit trail stores as an import's or an approval's label names the table and the status
in words of the active language: an import read "#3 divisions template-divisions.xlsx" on the Chinese
audit page (the table's code; screenshot pass #8, session 13 and 14), an approval "… 2025 approved"."""

import pytest
from django.utils import translation

from tixi.exchange.models import Approval, ImportBatch

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_an_imports_label_names_its_table_in_words(region, users):
    batch = ImportBatch.objects.create(
        table="divisions", filename="区划-导入模板.xlsx", sha256="0" * 64, user=users["county"],
        division_path=region["county"].path,
    )  # fmt: skip
    with translation.override("zh-hans"):
        assert str(batch) == f"#{batch.pk} 区划 区划-导入模板.xlsx"
    with translation.override("en"):
        assert str(batch) == f"#{batch.pk} divisions 区划-导入模板.xlsx"


def test_an_approvals_label_names_its_status_in_words(region):
    approval = Approval(
        division=region["county"], division_path=region["county"].path, year=2025, status="approved"
    )
    with translation.override("zh-hans"):
        label = str(approval)
    assert label == f"{region['county']} 2025 已审核"
