"""Browser tests: headless Chromium (Debian's chromium + chromedriver) on the dashboard."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import EXAMPLES, SEEDS, running_server

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
NO_BROWSER = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="Debian chromium and chromium-driver are not installed")
EVIL = ("Mexico protested against Peru on Monday. <script>window.__pwned = 1</script> "
        "<img src=x onerror=\"window.__pwned = 2\"> The protest was loud.\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("dash")
    db = str(folder / "dash.duckdb")
    (folder / "evil").mkdir()
    (folder / "evil" / "evil.txt").write_text(EVIL * 3, "utf-8")
    paths = [str(EXAMPLES / "html"), str(folder / "evil")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    subprocess.run([sys.executable, "-m", "marea.cli", "ingest", *paths, "--db", db],
                   check=True, capture_output=True, timeout=600)
    with running_server(db, os.environ.copy()) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update",
                 "--disable-sync", "--window-size=1280,1600",
                 f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # to see CSP refusals
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def wait_for(driver: object, css: str, timeout: float = 20) -> object:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(  # type: ignore[arg-type]
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


@NO_BROWSER
def test_overview_actor_filter_and_evidence(site: str, browser: object,
                                            tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait

    driver = browser
    driver.get(site + "/")  # type: ignore[attr-defined]
    wait_for(driver, "#by-language .main-svg")  # plotly drew the chart
    assert "documents" in driver.find_element(By.TAG_NAME, "section").text  # type: ignore
    driver.save_screenshot(str(tmp_path / "1-overview.png"))  # type: ignore[attr-defined]

    driver.find_element(By.LINK_TEXT, "Pedro Castillo").click()  # type: ignore[attr-defined]
    wait_for(driver, "#network canvas")  # vis-network drew the co-actor graph
    wait_for(driver, "#volume .main-svg")
    assert driver.find_element(By.ID, "actor-name").text == "Pedro Castillo"  # type: ignore
    driver.save_screenshot(str(tmp_path / "2-actor.png"))  # type: ignore[attr-defined]

    driver.get(site + "/ui/events")  # type: ignore[attr-defined]
    Select(driver.find_element(By.NAME, "type")).select_by_value("COERCE")  # type: ignore
    driver.find_element(By.NAME, "actor").send_keys("Castillo")  # type: ignore[attr-defined]
    driver.find_element(By.ID, "apply").click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 20).until(  # type: ignore[arg-type]
        expected_conditions.url_contains("type=COERCE"))  # the filtered page has loaded
    wait_for(driver, "#events a.evidence")
    rows = driver.find_elements(By.CSS_SELECTOR, "#events tr")[1:]  # type: ignore
    assert rows and all("COERCE" in row.text for row in rows)
    driver.save_screenshot(str(tmp_path / "3-events.png"))  # type: ignore[attr-defined]

    link = driver.find_element(By.CSS_SELECTOR, "#events a.evidence")  # type: ignore
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    target = wait_for(driver, f"#{anchor}")
    assert target.get_attribute("class") == "ev"  # type: ignore[attr-defined]
    assert "#" + anchor in driver.current_url  # type: ignore[attr-defined]
    driver.save_screenshot(str(tmp_path / "4-evidence.png"))  # type: ignore[attr-defined]
    print(f"screenshots in {tmp_path}")


@NO_BROWSER
def test_stance_narratives_and_framing_pages(site: str, browser: object, tmp_path: Path
                                             ) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(site + "/ui/actor/USA")  # type: ignore[attr-defined]
    wait_for(driver, "#stance .main-svg")  # stance over time by source, drawn by plotly
    rows = driver.find_elements(By.CSS_SELECTOR, "#actor-stances tr")[1:]  # type: ignore
    assert any("favor" in r.text for r in rows) and any("against" in r.text for r in rows)
    driver.save_screenshot(str(tmp_path / "6-stance.png"))  # type: ignore[attr-defined]
    against = next(r for r in rows if "against" in r.text)  # an opinion piece: it has framing
    against.find_element(By.CSS_SELECTOR, "a.evidence").click()
    focus = wait_for(driver, "#focus")
    assert focus.text.strip()  # type: ignore[attr-defined]
    assert driver.find_elements(By.CSS_SELECTOR, "#doc-text .fr")  # type: ignore
    driver.save_screenshot(str(tmp_path / "7-document-frames.png"))  # type: ignore

    driver.get(site + "/ui/narratives")  # type: ignore[attr-defined]
    wait_for(driver, "#narratives a").click()  # type: ignore[attr-defined]
    wait_for(driver, "#per-month .main-svg")
    assert driver.find_elements(By.CSS_SELECTOR, "#narrative-sentences a.evidence")  # type: ignore
    driver.save_screenshot(str(tmp_path / "8-narrative.png"))  # type: ignore[attr-defined]


@NO_BROWSER
def test_article_markup_renders_inert(site: str, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    hits = httpx.get(f"{site}/search", params={"q": "protest loud"}).json()["items"]
    driver.get(f"{site}/ui/doc/{hits[0]['doc_id']}")  # type: ignore[attr-defined]
    text = wait_for(driver, "#doc-text").text  # type: ignore[attr-defined]
    assert "<script>window.__pwned = 1</script>" in text
    assert driver.execute_script("return window.__pwned === undefined")  # type: ignore
    assert not driver.find_elements(By.CSS_SELECTOR, "#doc-text img")  # type: ignore
    driver.save_screenshot(str(tmp_path / "5-inert.png"))  # type: ignore[attr-defined]


@NO_BROWSER
def test_pages_run_under_the_csp_and_api_docs_load_offline(site: str, browser: object,
                                                           tmp_path: Path) -> None:
    driver = browser
    driver.get_log("browser")  # type: ignore[attr-defined]  # drop earlier pages' entries
    for path, drawn in [("/", "#by-language .main-svg"), ("/ui/actor/USA", "#network canvas"),
                        ("/ui/narratives", "#narratives a"),
                        ("/docs", ".swagger-ui [data-path='/documents']")]:
        driver.get(site + path)  # type: ignore[attr-defined]
        wait_for(driver, drawn)
    driver.save_screenshot(str(tmp_path / "9-api-docs.png"))  # type: ignore[attr-defined]
    logged = [e["message"] for e in driver.get_log("browser")]  # type: ignore[attr-defined]
    assert not [m for m in logged if "Content Security Policy" in m], logged


def test_report_is_self_contained(corpus_store: object, tmp_path: Path) -> None:
    from marea.corpus import Corpus
    from marea.store import Store
    from marea.web.pages import write_report

    store = corpus_store
    assert isinstance(store, Store)
    page = write_report(Corpus(store), "Pedro Castillo", tmp_path / "castillo.html")
    html = page.read_text("utf-8")
    assert "<h1 id=\"actor-name\">Pedro Castillo</h1>" in html
    assert "Plotly" in html and "vis.Network" in html
    assert "src=\"http" not in html and "src=\"/static" not in html  # nothing fetched
    assert "PERGOV" in html and "COERCE" in html
    assert "Stance over time" in html and "drawActor" in html
