"""The import page's history names each import's table in the page's language and shows the start of
its SHA-256 (the whole in the cell's title and in the downloads). The screenshot pass found "divisions"
(the table's code) on the Chinese page and the 64-character hash pushing the table to 1,416 px in a
1,280 px window (English)."""

import io

import pytest
from openpyxl import load_workbook

from tixi.exchange.models import ImportBatch

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
HASH = "b5ea84a6b8a0b430a361ebc2cd7990cbda174b2369432375ec3b32298efc931b"


@pytest.fixture
def batch(region, users):
    return ImportBatch.objects.create(
        table="divisions", filename="区划.xlsx", sha256=HASH, user=users["planner"],
        division_path=region["city"].path,
    )  # fmt: skip


def history(web, language, query=""):
    client = web("planner")
    client.cookies["django_language"] = language
    response = client.get(f"/imports/{query}")
    assert response.status_code == 200
    return response


def row_of(html: str, batch) -> str:
    table = html[html.index('id="import-history"') :]
    return table[: table.index("</tbody>")]


def test_the_history_names_the_table_in_the_pages_language(web, batch):
    chinese = row_of(history(web, "zh-hans").content.decode(), batch)
    assert "<td>区划</td>" in chinese and ">divisions<" not in chinese
    english = row_of(history(web, "en").content.decode(), batch)
    assert "<td>divisions</td>" in english


def test_the_hash_is_cut_on_the_page_and_whole_in_its_title_and_the_download(web, batch):
    html = row_of(history(web, "zh-hans").content.decode(), batch)
    assert f'title="{HASH}"' in html and 'class="hash"' in html
    book = load_workbook(io.BytesIO(history(web, "zh-hans", "?format=xlsx").content))
    values = [cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row]
    assert HASH in values and "区划" in values
