"""The screenshot pass (issue 12 point 3): every page as every demo account, in Chinese and English, at
1280 and 390 px, in a real browser (Debian's Chromium through Playwright), with the checks a reader
would make, written beside the screenshots.

    python scripts/screenshot_pass.py http://127.0.0.1:8713 /tmp/shots [--users planner,cdc]
        [--languages zh-hans,en] [--widths 1280,390] [--views zh-hans-1280,en-390] [--chromium /usr/bin/chromium]

Serve a demo first (`tixi demo`, or a demo database served with `TIXI_TODAY=2025-10-15 tixi serve`).
For each account the pages are found once (in Chinese at 1280 px): the navigation's pages, then the
first link of every kind on them (a project, a task, a hospital, a signal, a plan's evaluation, its
Word and Excel report, the siting page...) and on those, one page per kind of address; an upload of
the first import table's template gives the import preview (its confirm page). Every page is then
shot in each language and width. Downloads (.docx, .xlsx, ?format=) are fetched and their text
checked instead. Written: OUT/<user>/<language>-<width>/NN-<page>.png, OUT/findings.json (one record
per shot) and OUT/findings.md (the table of what was found). Exit status 1 when a check failed.

The checks of each shot: the HTTP status; the page wider than the window (sideways scrolling);
English words (3+ ASCII letters, outside codes, units and the allow-list below) on a Chinese page;
Chinese characters in the chrome (headings, labels, buttons, table heads, navigation) of an English
page (data such as place names stay as stored; they are counted apart); "None", "nan", "NaN",
"undefined", "null" in the visible text; negative counts and shares over 100 in table cells;
messages whose words refuse but whose colour is a success's green.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

USERS = ["planner", "county", "institution", "cdc", "auditor", "dazhou", "dachuan"]
PASSWORD = "tixi-demo"
LANGUAGES = ["zh-hans", "en"]
WIDTHS = [1280, 390]
HEIGHT = 900
MAX_SHOT_HEIGHT = 6000  # a longer page is shot down to here (the checks read all of it)
PER_USER_LIMIT = 60  # pages per account, navigation first
DOWNLOAD_LIMIT = 6  # lists' Excel downloads per account (the reports and templates besides)

# Latin words a Chinese page may show as the seeds and Chinese practice write them: units, the names
# of classifications and standards, file formats. Anything else of 3+ letters is reported.
ALLOWED_ON_ZH = {
    # units and symbols as the seeds write them
    "km",
    "CMI",
    "DRG",
    "DRGs",
    "EMR",
    "ICU",
    "CHS",
    "ICD",
    "ALOS",
    "SHA",  # SHA-256, the import history's checksum
    "API",
    "JSON",
    "CSV",
    "XLSX",
    "Excel",
    "Word",
    "PDF",
    "ADX",
    "DHIS",
    "GeoJSON",
    "OpenDRG",
    "HiGHS",
    "GRASS",
    "MRI",
    "PCI",
    "ECMO",
    "ADRG",  # CHS-DRG's core groups and major diagnostic categories, as the 分组方案 writes them
    "MDC",
    "English",  # the language switch names each language in itself
    "Tixi",
}
# Django admin and the API documentation (Swagger UI) are third-party pages in English
THIRD_PARTY = ("/admin/", "/api/docs/", "/api/redoc/", "/api/schema/")
SKIP = re.compile(
    r"^/(logout|i18n|static|media)/|/delete/|\.json$|/map\.json|/attachments/|^/api/(?!docs/$)|^/admin/.+"
)
DOWNLOAD = re.compile(r"\.(docx|xlsx|csv|pdf)(\?|$)|[?&]format=(xlsx|csv|docx|json|pdf)")
HAN = re.compile(r"[\u3400-\u9fff]")
# "None." and "None yet." are English sentences of an empty list, not a Python None
NULLISH = re.compile(r"(?<![\w.])(None|nan|NaN|undefined|null)(?![\w.]| yet)")
LATIN_WORD = re.compile(r"(?<![\w.@/-])[A-Za-z][A-Za-z'’]{2,}(?![\w@/])")
REFUSAL = re.compile(
    r"不能|无法|拒绝|失败|错误|不可|无权|未能|不允许|请先|已锁定|cannot|can't|could not|refused|not allowed|"
    r"failed|error|denied|invalid|must|no permission|locked",
    re.IGNORECASE,
)
GREEN = {"rgb(230, 244, 234)"}


def kind_of(path: str) -> str:
    """The kind of an address: its segments with numbers and codes replaced, so that one page of each
    kind is shot (the first project, not all of them)."""
    parts = []
    for part in path.strip("/").split("/"):
        if re.fullmatch(r"[\w-]+\.(xlsx|docx|csv)", part) and not part.startswith("report."):
            parts.append("N." + part.rsplit(".", 1)[1])  # one import template stands for all
        elif re.search(r"[\d_-]", part) and not re.fullmatch(r"report\.(docx|xlsx)", part):
            # a code, a number or a slug (a plan, a norm, a data set): the first one stands for all
            parts.append("N")
        else:
            parts.append(part)
    return "/" + "/".join(parts) + ("/" if path.endswith("/") else "")


def slug(path: str) -> str:
    text = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")
    return (text or "home")[:80]


# Every chart container drawn (ECharts sets data-rendered="1" on "finished"); a page without charts
# passes at once. A missing vendor script (a 404 for /static/vendor/…) leaves them blank: then the
# shot shows empty boxes, as the server's log shows the 404.
CHARTS_DRAWN_JS = """
() => [...document.querySelectorAll('.charts figure > div, [id^=chart-], [id^=trend-], .mini')]
  .every((el) => el.getAttribute('data-rendered') === '1')
"""


# Run in the page: what the checks need, read from the rendered page.
PAGE_FACTS_JS = r"""
() => {
  const doc = document.documentElement;
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const chromeSel = 'header nav a, h1, h2, h3, th, label, button, legend, caption, summary, .breadcrumb, .card .label, dt';
  const chrome = [];
  for (const el of document.querySelectorAll(chromeSel)) {
    if (!visible(el)) continue;
    // a name inside a heading or a label (a place, an institution) is data: take the element's own
    // text nodes, not its children that carry data-value / a link to the thing named
    let own = '';
    for (const node of el.childNodes) { if (node.nodeType === 3) own += node.textContent; }
    own = own.trim();
    if (own) chrome.push({tag: el.tagName.toLowerCase(), text: own.slice(0, 120)});
  }
  const cells = [];
  for (const td of document.querySelectorAll('td, .card .value, .cards .value, .figure')) {
    if (!visible(td)) continue;
    const t = td.innerText.trim();
    if (t && t.length < 40) cells.push(t);
  }
  const messages = [];
  for (const li of document.querySelectorAll('.messages li, [role=alert], [role=status]')) {
    if (!visible(li)) continue;
    const style = getComputedStyle(li);
    messages.push({text: li.innerText.trim().slice(0, 200), cls: li.className,
                   background: style.backgroundColor, color: style.color});
  }
  const wide = [];
  if (doc.scrollWidth > doc.clientWidth + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && r.width > 0 && visible(el)) {
        let p = el.parentElement, inside = false;
        while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { inside = true; break; } p = p.parentElement; }
        if (!inside) wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ' + Math.round(r.right));
        if (wide.length >= 5) break;
      }
    }
  }
  const links = [];
  for (const a of document.querySelectorAll('a[href]')) links.push(a.getAttribute('href'));
  const navLinks = [];
  for (const a of document.querySelectorAll('header nav a[href]')) navLinks.push(a.getAttribute('href'));
  return {
    title: document.title,
    text: document.body ? document.body.innerText : '',
    scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, height: doc.scrollHeight,
    wide, chrome, cells, messages, links, navLinks,
    lang: doc.getAttribute('lang') || '',
  };
}
"""


def latin_words(text: str, allowed: set[str]) -> list[str]:
    """Each English word not allowed, with a few characters either side (where to find it)."""
    words = {}
    for match in LATIN_WORD.finditer(text):
        word = match.group(0)
        if word in allowed or word.upper() in allowed or word in words:
            continue
        around = text[max(0, match.start() - 12) : match.end() + 12].replace("\n", " ")
        words[word] = f"{word} «{around}»"
    return list(words.values())


def number_faults(cells: list[str]) -> tuple[list[str], list[str]]:
    negative, over = [], []
    for cell in cells:
        compact = cell.replace(",", "").replace(" ", "")
        if re.fullmatch(r"[-−]\d+", compact):
            negative.append(cell)
        match = re.fullmatch(r"(\d+(?:\.\d+)?)%", compact)
        if match and float(match.group(1)) > 100:
            over.append(cell)
    return negative, over


def check_shot(facts: dict, language: str, username: str, path: str, width: int) -> dict:
    text = facts["text"]
    third_party = path.startswith(THIRD_PARTY)
    faults = {}
    if facts["scrollWidth"] > facts["clientWidth"] + 1:
        faults["sideways"] = f"{facts['scrollWidth']} > {facts['clientWidth']}: " + "; ".join(facts["wide"])
    if not third_party:
        if language.startswith("zh"):
            words = latin_words(text, ALLOWED_ON_ZH | set(USERS))
            if words:
                faults["english_on_zh"] = words[:20]
        else:
            han = [c["text"] for c in facts["chrome"] if HAN.search(c["text"]) and c["tag"] != "option"]
            if han:
                faults["chinese_chrome_on_en"] = han[:12]
        nullish = sorted(set(NULLISH.findall(text)))
        if nullish:
            faults["nullish"] = nullish
        negative, over = number_faults(facts["cells"])
        if negative:
            faults["negative_count"] = negative[:10]
        if over:
            faults["share_over_100"] = over[:10]
        green_refusals = [
            m["text"] for m in facts["messages"] if m["background"] in GREEN and REFUSAL.search(m["text"])
        ]
        if green_refusals:
            faults["green_refusal"] = green_refusals
    info = {}
    if not language.startswith("zh"):
        info["han_chars_in_text"] = len(HAN.findall(text))
    return {"faults": faults, "info": info, "messages": facts["messages"]}


def check_download(body: bytes, content_type: str, language: str, path: str) -> dict:
    """The text of a Word or Excel download: English words in a Chinese file, Chinese in an English
    one's labels, cells that would start a formula, nullish values, numbers stored as text."""
    faults, info = {}, {"bytes": len(body), "type": content_type}
    texts: list[str] = []
    labels: list[str] = []
    codes: set[str] = set()  # an import template's second row: the columns' codes, English by design
    if body[:2] == b"PK" and b"word/document.xml" in body[:4000] or path.endswith(".docx"):
        try:
            import docx

            document = docx.Document(io.BytesIO(body))
            for paragraph in document.paragraphs:
                texts.append(paragraph.text)
                if paragraph.style is not None and paragraph.style.name.lower().startswith(
                    ("heading", "title")
                ):
                    labels.append(paragraph.text)
            for table in document.tables:
                for i, row in enumerate(table.rows):
                    for cell in row.cells:
                        texts.append(cell.text)
                        if i == 0:
                            labels.append(cell.text)
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                info["images"] = sum(1 for n in archive.namelist() if n.startswith("word/media/"))
        except Exception as error:  # noqa: BLE001 - reported as a fault of the file
            faults["unreadable"] = repr(error)
    elif body[:2] == b"PK":
        try:
            import openpyxl

            book = openpyxl.load_workbook(io.BytesIO(body))
            text_numbers = []
            formulas = []
            for sheet in book.worksheets:
                rows = list(sheet.iter_rows(max_row=2, values_only=True))
                if "/imports/templates/" in path and len(rows) == 2:
                    for value in rows[1]:
                        if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_]*", value):
                            codes.add(value)
                            codes.update(value.split("_"))
            for sheet in book.worksheets:
                notes = sheet.title in ("说明", "Notes", "Instructions", "选项", "Options")
                for r, row in enumerate(sheet.iter_rows(), start=1):
                    for cell in row:
                        if cell.value is None:
                            continue
                        if cell.data_type == "f":
                            formulas.append(f"{sheet.title}!{cell.coordinate}")
                        value = str(cell.value)
                        texts.append(value)
                        if r == 1:
                            labels.append(value)
                        code_like = re.fullmatch(r"\d{6,}", value.strip())  # a division or institution code
                        number_like = re.fullmatch(r"-?\d[\d,]*(\.\d+)?%?", value.strip())
                        if isinstance(cell.value, str) and number_like and not code_like and not notes:
                            text_numbers.append(f"{sheet.title}!{cell.coordinate}={value}")
            if formulas:
                faults["formula_cells"] = formulas[:10]
            if text_numbers:
                faults["numbers_as_text"] = text_numbers[:10]
            info["sheets"] = [s.title for s in book.worksheets]
        except Exception as error:  # noqa: BLE001
            faults["unreadable"] = repr(error)
    else:
        texts.append(body[:200000].decode("utf-8", "replace"))
    text = "\n".join(texts)
    if language.startswith("zh"):
        words = latin_words(text, ALLOWED_ON_ZH | codes)
        if words:
            faults["english_on_zh"] = words[:20]
    else:
        han = [label for label in labels if HAN.search(label)]
        if han:
            faults["chinese_labels_on_en"] = han[:12]
    nullish = sorted(set(NULLISH.findall(text)))
    if nullish and not path.endswith(".json") and "format=json" not in path:
        faults["nullish"] = nullish
    return {"faults": faults, "info": info, "messages": []}


def launch(playwright, chromium: str):
    return playwright.chromium.launch(
        executable_path=chromium,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    )


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-button")
    page.wait_for_load_state("load")
    if "/login/" in page.url:
        raise SystemExit(f"{username} could not log in")


def new_context(browser, base: str, language: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, device_scale_factor=1)
    context.set_default_timeout(90000)  # a loaded machine answers slowly; slow is not a fault here
    host = urlparse(base).hostname
    context.add_cookies([{"name": "django_language", "value": language, "domain": host, "path": "/"}])
    return context


def internal(base: str, href: str | None, here: str | None = None) -> str | None:
    """The path and query of a link on the site, resolved against the page it is on."""
    if not href or href.startswith(("#", "mailto:", "javascript:")):
        return None
    url = urljoin(here or base + "/", href)
    if urlparse(url).netloc != urlparse(base).netloc:
        return None
    parsed = urlparse(url)
    return parsed.path + (f"?{parsed.query}" if parsed.query else "")


def discover(page, base: str, username: str) -> list[str]:
    """The navigation's pages, then one page of each kind linked from them, then from those."""
    found: list[str] = []
    kinds: set[str] = set()

    def add(path: str) -> bool:
        bare = path.split("?")[0]
        if SKIP.search(bare):
            return False
        # one page of each kind of address, with the query its first link carries (a year, a place);
        # filters and pages of a list are the list's own kind. A download is a kind of its format.
        fmt = re.search(r"format=(\w+)", path)
        if fmt and fmt.group(1) == "csv":
            return False  # the same table as its Excel download
        key = kind_of(bare) + (f"?format={fmt.group(1)}" if fmt else "")
        # a page's own table as Excel: a few of them; files (the Word report, a template): each kind
        downloads = sum(1 for p in found if DOWNLOAD.search(p))
        if fmt:
            full = sum(1 for p in found if "format=" in p) >= DOWNLOAD_LIMIT
        else:
            full = not DOWNLOAD.search(path) and len(found) - downloads >= PER_USER_LIMIT
        if key in kinds or full:
            return False
        kinds.add(key)
        found.append(path)
        return True

    page.goto(f"{base}/")
    facts = page.evaluate(PAGE_FACTS_JS)
    add(internal(base, page.url) or "/")
    for href in facts["navLinks"]:
        path = internal(base, href)
        if path:
            add(path)
    frontier = list(found)
    for _depth in range(2):
        next_frontier = []
        for path in frontier:
            if DOWNLOAD.search(path) or path.startswith(THIRD_PARTY):
                continue
            try:
                response = page.goto(f"{base}{path}")
            except Exception:  # noqa: BLE001 - a page that does not load is shot and reported later
                continue
            if response is None or response.status >= 400:
                continue
            facts = page.evaluate(PAGE_FACTS_JS)
            for href in facts["links"]:
                target = internal(base, href, page.url)
                if target and add(target):
                    next_frontier.append(target)
        frontier = next_frontier
    return found


def import_preview(page, base: str, out: Path) -> dict | None:
    """Upload the first import table's own template, unchanged: the preview (the confirm page) with
    what it says about a file without rows."""
    page.goto(f"{base}/imports/")
    options = page.locator("#id_table option").evaluate_all("(os) => os.map((o) => o.value).filter(Boolean)")
    if not options:
        return None
    table = options[0]
    response = page.request.get(f"{base}/imports/templates/{table}.xlsx")
    if not response.ok:
        return None
    # saved under the name the server gives it, as a browser would: that name then stands in the
    # import history and the audit trail's note (session 13's #8 was the pass's own English name)
    disposition = response.headers.get("content-disposition", "")
    named = re.search(r"filename\*=utf-8''([^;]+)", disposition, re.I) or re.search(
        r'filename="([^"]+)"', disposition
    )
    name = unquote(named.group(1)) if named else f"template-{table}.xlsx"
    template = out / Path(name).name
    template.write_bytes(response.body())
    page.select_option("#id_table", table)
    page.set_input_files("#id_file", str(template))
    page.locator("#import-form button[type=submit], #import-form input[type=submit]").first.click()
    page.wait_for_load_state("load")
    return {"table": table}


def shoot(page, base: str, path: str, target: Path) -> tuple[int | None, dict]:
    response = page.goto(f"{base}{path}", wait_until="load")
    with contextlib.suppress(Exception):  # a page that keeps polling is shot as it stands
        page.wait_for_load_state("networkidle", timeout=3000)
    with contextlib.suppress(Exception):  # charts mark themselves data-rendered once drawn
        page.wait_for_function(CHARTS_DRAWN_JS, timeout=30000)
    status = response.status if response is not None else None
    facts = page.evaluate(PAGE_FACTS_JS)
    height = min(facts["height"], MAX_SHOT_HEIGHT)
    page.screenshot(
        path=str(target),
        clip={"x": 0, "y": 0, "width": facts["clientWidth"], "height": height},
        full_page=True,
    )
    return status, facts


def parse_views(text: str) -> list[tuple[str, int]]:
    """--views "zh-hans-1280,en-390": the language and width of each view, in that order."""
    views = []
    for item in text.split(","):
        language, _, width = item.strip().rpartition("-")
        if not language or not width.isdigit():
            raise SystemExit(f"--views: {item!r} is not LANGUAGE-WIDTH (zh-hans-1280, en-390)")
        views.append((language, int(width)))
    return views


def run(
    base: str,
    out: Path,
    users: list[str],
    languages: list[str],
    widths: list[int],
    chromium: str,
    views: list[tuple[str, int]] | None = None,
) -> list[dict]:
    """Shoot each account's pages in each view: `views` (language, width) when given, else every
    language at every width. A download is fetched once a language, in its first view."""
    if views is None:
        views = [(language, width) for language in languages for width in widths]
    from playwright.sync_api import sync_playwright

    records: list[dict] = []
    out.mkdir(parents=True, exist_ok=True)
    progress = (out / "findings.jsonl").open("a")  # one line a shot, as the pass goes
    with sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        for username in users:
            context = new_context(browser, base, "zh-hans", 1280)
            page = context.new_page()
            log_in(page, base, username)
            pages = discover(page, base, username)
            context.close()
            print(f"{username}: {len(pages)} pages", flush=True)
            (out / f"pages-{username}.txt").write_text("\n".join(pages) + "\n")
            for language, width in views:
                first_width = next(w for lang, w in views if lang == language)
                folder = out / username / f"{language}-{width}"
                folder.mkdir(parents=True, exist_ok=True)
                context = new_context(browser, base, language, width)
                page = context.new_page()
                log_in(page, base, username)
                for number, path in enumerate(pages, start=1):
                    record = {"user": username, "language": language, "width": width, "path": path}
                    record["at"] = time.strftime("%H:%M:%S")
                    record["kind"] = kind_of(path.split("?")[0])
                    try:
                        if DOWNLOAD.search(path):
                            if width != first_width:
                                continue  # a file is the same at every width
                            response = page.request.get(f"{base}{path}")
                            record["status"] = response.status
                            record.update(
                                check_download(
                                    response.body(),
                                    response.headers.get("content-type", ""),
                                    language,
                                    path,
                                )
                            )
                        else:
                            target = folder / f"{number:02d}-{slug(path)}.png"
                            status, facts = shoot(page, base, path, target)
                            record["status"] = status
                            record["shot"] = str(target.relative_to(out))
                            record["title"] = facts["title"]
                            record.update(check_shot(facts, language, username, path, width))
                    except Exception as error:  # noqa: BLE001 - reported, the pass goes on
                        record["status"] = None
                        record["faults"] = {"error": repr(error)[:300]}
                    failed = record.get("status") is None or record["status"] >= 400
                    if failed and (not path.startswith(THIRD_PARTY) or record.get("status") is None):
                        record.setdefault("faults", {})["status"] = record.get("status")
                    records.append(record)
                    progress.write(json.dumps(record, ensure_ascii=False) + "\n")
                    progress.flush()
                # the import preview: upload a template, shoot what comes back
                try:
                    if import_preview(page, base, folder) is not None:
                        target = folder / "99-import-preview.png"
                        facts = page.evaluate(PAGE_FACTS_JS)
                        page.screenshot(path=str(target), full_page=True)
                        record = {
                            "user": username,
                            "language": language,
                            "width": width,
                            "path": "/imports/ (upload: the table's own template)",
                            "kind": "/imports/preview",
                            "status": None,
                            "shot": str(target.relative_to(out)),
                            "title": facts["title"],
                        }
                        record.update(check_shot(facts, language, username, "/imports/", width))
                        records.append(record)
                        progress.write(json.dumps(record, ensure_ascii=False) + "\n")
                        progress.flush()
                except Exception as error:  # noqa: BLE001
                    records.append(
                        {
                            "user": username,
                            "language": language,
                            "width": width,
                            "path": "/imports/ upload",
                            "kind": "/imports/preview",
                            "faults": {"error": repr(error)[:300]},
                        }
                    )
                context.close()
                print(f"  {username} {language} {width}: done", flush=True)
        browser.close()
    return records


def write_findings(records: list[dict], out: Path) -> int:
    (out / "findings.json").write_text(json.dumps(records, ensure_ascii=False, indent=1))
    lines = [
        "| user | view | page | status | fault | detail |",
        "|---|---|---|---|---|---|",
    ]
    faults = 0
    for r in records:
        for name, detail in (r.get("faults") or {}).items():
            faults += 1
            shown = json.dumps(detail, ensure_ascii=False) if not isinstance(detail, str) else detail
            lines.append(
                f"| {r['user']} | {r['language']} {r['width']} | {r['path']} | {r.get('status')} | {name} | "
                f"{shown[:300].replace('|', '/')} |"
            )
    shots = sum(1 for r in records if r.get("shot"))
    files = sum(1 for r in records if not r.get("shot"))
    kinds = len({r["kind"] for r in records})
    summary = [
        f"{len(records)} checks: {shots} screenshots, {files} downloads; {kinds} kinds of page; "
        f"{len({r['user'] for r in records})} accounts; {faults} faults",
        "",
    ]
    (out / "findings.md").write_text("\n".join(summary + lines) + "\n")
    print(summary[0])
    return faults


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the served site, e.g. http://127.0.0.1:8713")
    parser.add_argument("out", type=Path, help="the folder for the screenshots and findings")
    parser.add_argument("--users", default=",".join(USERS))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    parser.add_argument(
        "--views", help="language-width pairs instead of every language at every width: zh-hans-1280,en-390"
    )
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    records = run(
        args.base.rstrip("/"),
        args.out,
        args.users.split(","),
        args.languages.split(","),
        [int(w) for w in args.widths.split(",")],
        args.chromium,
        parse_views(args.views) if args.views else None,
    )
    return 1 if write_findings(records, args.out) else 0


if __name__ == "__main__":
    sys.exit(main())
