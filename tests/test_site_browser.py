"""The site in a real headless Chromium (Debian's package, driven over the DevTools protocol)
against `vnnews serve` on the demo archive: search as a user types it, open the article, see
the highlighted document number, click through to the document and back. Screenshots are
saved in the test's temporary directory (and copied to $VNNEWS_SCREENSHOTS when set: that is
how docs/screenshots/ is made)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from cdp import Browser, find_chromium, wait_for
from conftest import VNNEWS
from crawler.site.serve import free_port

SEED_TITLE = ("Quận Hoàng Mai: Tập huấn phong trào “Toàn dân đoàn kết xây dựng đời sống "
              "văn hóa” năm 2018")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary = find_chromium()
    if binary is None:  # never a skip: `make test` installs it (scripts/chromium.sh)
        pytest.fail("chromium is missing: run scripts/chromium.sh install (make test does)")
    browser = Browser(binary, tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.close()


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def site(site_db):
    port = free_port()
    server = subprocess.Popen([*VNNEWS, "serve", "--db", str(site_db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: server.poll() is not None or _answers(url + "/robots.txt"),
                 what="vnnews serve")
        assert server.poll() is None, server.stderr.read()
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def _keep(path: Path) -> None:
    target = os.environ.get("VNNEWS_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def _text(browser, selector):
    return browser.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                      "return e ? e.textContent : null; })()")


def test_search_article_document_and_back(browser, site, tmp_path):
    browser.goto(site + "/")
    assert "What the archive holds" in browser.js("document.body.innerText")
    # 1. the home page's search box, typed as a user without Vietnamese keyboard would
    browser.type_text("form.vn-search input[name=q]", "toan dan doan ket")
    browser.press_enter()
    browser.wait_loaded("/-/search?q=toan+dan+doan+ket")
    first = wait_for(lambda: _text(browser, ".vn-hit h3 a"), what="search results")
    assert first == SEED_TITLE
    marks = browser.js("[...document.querySelectorAll('.vn-hit mark')].map(m => m.textContent)")
    assert any(m.lower() in ("toàn dân đoàn kết", "toàn", "đoàn") for m in marks), marks
    _keep(browser.screenshot(tmp_path / "search.png"))

    # 2. the article page: 155/KH-UBND highlighted and linked
    browser.click(".vn-hit h3 a")
    browser.wait_loaded("/-/article/")
    assert _text(browser, "#vn-title") == SEED_TITLE
    doc = "#vn-text a.ent-DOCREF mark"
    assert "155/KH-UBND" in _text(browser, doc)
    colour = browser.js(f"getComputedStyle(document.querySelector('{doc}')).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour
    people = browser.js("document.querySelectorAll('#vn-text a.ent-PERSON').length")
    assert people >= 1
    article_url = browser.js("location.href")
    _keep(browser.screenshot(tmp_path / "article.png"))

    # 3. click through to the document's page, then back
    browser.click("#vn-text a.ent-DOCREF")
    browser.wait_loaded("/-/document?key=155")
    assert _text(browser, "#vn-entity") == "155/KH-UBND"
    assert SEED_TITLE in browser.js("document.body.innerText")
    assert browser.js("document.querySelector('svg.chart') !== null")
    _keep(browser.screenshot(tmp_path / "document.png"))
    browser.js("history.back()")
    wait_for(lambda: browser.js("location.href") == article_url and
             _text(browser, "#vn-title") == SEED_TITLE, what="back on the article page")
    for name in ("search.png", "article.png", "document.png"):
        assert (tmp_path / name).stat().st_size > 10_000  # a real rendered page, not blank


def test_archived_copy_runs_no_script(browser, site, tmp_path):
    """The archived copy is shown in a sandbox: a script in the stored page would set the
    title; the CSP and the sandbox keep it from running."""
    browser.goto(site + "/-/search?q=155/KH-UBND")
    browser.click(".vn-hit h3 a")
    browser.wait_loaded("/-/article/")
    browser.click("#vn-archived")
    browser.wait_loaded("/-/archived/")
    assert len(_text(browser, "#vn-sha256").split()[0]) == 64
    frame = browser.js("document.querySelector('iframe.vn-archive').getAttribute('sandbox')")
    assert frame == ""
    raw = browser.js("document.querySelector('iframe.vn-archive').src")
    browser.goto(raw)
    text = browser.js("document.body.innerText")
    assert "Toàn dân đoàn kết" in text  # the portal's page, as it was stored
    assert browser.js("typeof window.jQuery === 'undefined'")  # none of its scripts ran
    _keep(browser.screenshot(tmp_path / "archived.png"))
