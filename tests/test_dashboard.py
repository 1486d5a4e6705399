"""Browser tests: headless Chromium (Debian's chromium + chromedriver) on the dashboard."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    # the corpus counts are the listings' totals (copies once), not raw table sizes
    totals = {name: httpx.get(f"{site}/{name}", params={"limit": 1}).json()["total"]
              for name in ("documents", "events", "actors")}
    tags = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "section .tag")]  # type: ignore  # noqa: E501
    assert [f"{totals[name]} {name}" for name in ("documents", "actors", "events")] == tags[:3]
    shown = driver.find_element(By.ID, "documents-shown").text  # type: ignore[attr-defined]
    assert shown.startswith(f"The {min(50, totals['documents'])} most recent of "
                            f"{totals['documents']}")
    assert "by site" in driver.find_element(By.ID, "by-site").text  # type: ignore
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
    # the event's own span (?hl=), so two events on one trigger each land on theirs
    assert target.get_attribute("class") == "focus"  # type: ignore[attr-defined]
    assert "#" + anchor in driver.current_url  # type: ignore[attr-defined]
    driver.save_screenshot(str(tmp_path / "4-evidence.png"))  # type: ignore[attr-defined]
    print(f"screenshots in {tmp_path}")


@NO_BROWSER
def test_stance_narratives_and_framing_pages(site: str, browser: object, tmp_path: Path
                                             ) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(site + "/ui/actor/USA")  # type: ignore[attr-defined]
    wait_for(driver, "#stance .main-svg")  # stance over time by site, drawn by plotly
    rows = driver.find_elements(By.CSS_SELECTOR, "#actor-stances tr")[1:]  # type: ignore
    assert any("favor" in r.text for r in rows) and any("against" in r.text for r in rows)
    driver.save_screenshot(str(tmp_path / "6-stance.png"))  # type: ignore[attr-defined]
    against = next(r for r in rows if "against" in r.text)  # an opinion piece: it has framing
    against.find_element(By.CSS_SELECTOR, "a.evidence").click()
    focus = wait_for(driver, "#focus")
    assert focus.text.strip()  # type: ignore[attr-defined]
    assert driver.find_elements(By.CSS_SELECTOR, "#doc-text .fr")  # type: ignore
    driver.save_screenshot(str(tmp_path / "7-document-frames.png"))  # type: ignore

    narratives = httpx.get(f"{site}/narratives", params={"limit": 1}).json()
    driver.get(site + "/ui/narratives")  # type: ignore[attr-defined]
    assert showing(driver) == (1, min(50, narratives["total"]), narratives["total"])
    header = driver.find_element(By.CSS_SELECTOR, "#narratives tr").text  # type: ignore
    assert "sites" in header and "example" in header and "source" not in header
    first = narratives["items"][0]
    assert driver.find_element(By.CSS_SELECTOR, "#narratives td a").text == first["label"]  # type: ignore  # noqa: E501
    wait_for(driver, "#narratives a").click()  # type: ignore[attr-defined]
    wait_for(driver, "#per-month .main-svg")
    assert driver.find_elements(By.CSS_SELECTOR, "#narrative-sentences a.evidence")  # type: ignore
    example = driver.find_element(By.ID, "narrative-example")  # type: ignore[attr-defined]
    assert first["example_text"][:40] in example.text
    assert f"characters {first['example_start_char']}–{first['example_end_char']}" in example.text
    tags = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#narrative-parts a")]  # type: ignore  # noqa: E501
    assert tags and set(first["event_types"]) <= set(tags)
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


SHOTS = Path("/tmp/dash-shots")
SHOWING = re.compile(r"showing (\d+)–(\d+) of (\d+)")


def shot(driver: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / name))  # type: ignore[attr-defined]


def follow(driver: object, element: object, url_part: str) -> None:
    """Click a link or button and wait until the page it leads to is the one shown."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    element.click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 20).until(  # type: ignore[arg-type]
        expected_conditions.url_contains(url_part))


def showing(driver: object) -> tuple[int, int, int]:
    """The numbers of a listing's "showing first–last of total" line."""
    text = wait_for(driver, "#pager").text  # type: ignore[attr-defined]
    match = SHOWING.search(text)
    assert match, text
    first, last, total = (int(n) for n in match.groups())
    return first, last, total


@NO_BROWSER
def test_listing_pages_say_shown_of_total_and_page(site: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    actors_total = httpx.get(f"{site}/actors", params={"limit": 1}).json()["total"]
    driver.get(site + "/")  # type: ignore[attr-defined]
    follow(driver, driver.find_element(By.LINK_TEXT, "Actors"), "/ui/actors")  # type: ignore
    assert showing(driver) == (1, min(50, actors_total), actors_total)
    unknown = httpx.get(f"{site}/actors", params={"limit": 1, "unknown": True}).json()["total"]
    assert driver.find_element(By.ID, "left-out").text == (  # type: ignore[attr-defined]
        f"{unknown} names not in the knowledge base left out (`marea actors --unknown` lists "
        "them)")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#actors tr")) - 1 == min(50, actors_total)  # type: ignore  # noqa: E501
    shot(driver, "actors.png")
    if actors_total > 50:
        follow(driver, driver.find_element(By.CSS_SELECTOR, "a[rel=next]"), "offset=50")  # type: ignore  # noqa: E501
        assert showing(driver) == (51, min(100, actors_total), actors_total)
        assert driver.find_elements(By.CSS_SELECTOR, "a[rel=prev]")  # type: ignore
    people = httpx.get(f"{site}/actors", params={"type": "person", "limit": 1}).json()["total"]
    driver.get(site + "/ui/actors?type=person")  # type: ignore[attr-defined]
    assert showing(driver)[2] == people
    rows = driver.find_elements(By.CSS_SELECTOR, "#actors tr")[1:]  # type: ignore
    assert rows and all(r.find_elements(By.TAG_NAME, "td")[1].text == "person" for r in rows)

    documents = httpx.get(f"{site}/documents", params={"limit": 1}).json()["total"]
    follow(driver, driver.find_element(By.LINK_TEXT, "Documents"), "/ui/documents")  # type: ignore  # noqa: E501
    assert showing(driver) == (1, min(50, documents), documents)
    header = driver.find_element(By.CSS_SELECTOR, "#documents tr").text  # type: ignore
    assert "copies" in header and "site" in header and "source" not in header
    shot(driver, "documents.png")
    english = httpx.get(f"{site}/documents", params={
        "language": "en", "since": "2000", "until": "2030", "limit": 1}).json()["total"]
    driver.get(site + "/ui/documents?language=en&since=2000&until=2030")  # type: ignore
    assert showing(driver)[2] == english < documents

    themes = httpx.get(f"{site}/themes").json()["items"]
    follow(driver, driver.find_element(By.LINK_TEXT, "Themes"), "/ui/themes")  # type: ignore
    assert showing(driver) == (1, len(themes), len(themes))
    first_row = driver.find_elements(By.CSS_SELECTOR, "#themes tr")[1].text  # type: ignore
    assert themes[0]["theme"] in first_row and str(themes[0]["documents"]) in first_row
    shot(driver, "themes.png")

    figures = httpx.get(f"{site}/claims", params={"kind": "figure", "limit": 1}).json()["total"]
    follow(driver, driver.find_element(By.LINK_TEXT, "Claims"), "/ui/claims")  # type: ignore
    Select(driver.find_element(By.NAME, "kind")).select_by_value("figure")  # type: ignore
    follow(driver, driver.find_element(By.ID, "apply"), "kind=figure")  # type: ignore
    assert showing(driver)[2] == figures > 0
    rows = driver.find_elements(By.CSS_SELECTOR, "#claims tr")[1:]  # type: ignore
    assert all("figure" in r.find_elements(By.TAG_NAME, "td")[2].text for r in rows)
    shot(driver, "claims.png")

    events = httpx.get(f"{site}/events", params={"limit": 1}).json()["total"]
    driver.get(site + "/ui/events")  # type: ignore[attr-defined]
    assert showing(driver) == (1, min(50, events), events)
    driver.get(site + "/ui/events?site=pacific+rim+courier")  # type: ignore[attr-defined]
    assert 0 < showing(driver)[2] < events  # one source's events, its name in any case
    driver.get(site + "/ui/events?site=no-such-source")  # type: ignore[attr-defined]
    assert wait_for(driver, "#pager").text.startswith("no matches")  # type: ignore


@NO_BROWSER
def test_bad_filters_show_their_message_and_unknown_actor_is_a_404_page(
        site: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    for path, message in [
        ("/ui/events?since=June+2021", "[E060] since 'June 2021' is not a date: use YYYY, "
                                       "YYYY-MM or YYYY-MM-DD"),
        ("/ui/search?q=protest&until=2021/06/01", "[E060] until '2021/06/01' is not a date"),
        ("/ui/documents?language=xx", "[E063] Unknown language 'xx'"),
        ("/ui/actors?type=PROTST", "[E068] Unknown actor type 'PROTST': choose one of person"),
        ("/ui/claims?kind=quote", "[E065] Unknown claim kind 'quote'"),
        # a page offset that is not a count used to answer with FastAPI's raw JSON
        ("/ui/documents?offset=abc", "[E067] offset must be a whole number of at least 0"),
        ("/ui/events?offset=-3", "[E067] offset must be a whole number of at least 0"),
        ("/ui/search?q=protest&offset=2.5", "[E067] offset must be a whole number"),
        ("/ui/search?q=protest&type=PROTST", "[E061] Unknown event type 'PROTST'"),
        ("/ui/narratives?offset=x", "[E067] offset must be a whole number"),
    ]:
        answer = httpx.get(site + path)
        assert answer.status_code == 400 and answer.headers["content-type"].startswith(
            "text/html"), path
        driver.get(site + path)  # type: ignore[attr-defined]
        shown = wait_for(driver, "#error").text  # type: ignore[attr-defined]
        assert shown.startswith(message) and "\n" not in shown, shown
    shot(driver, "bad-filter.png")

    answer = httpx.get(site + "/ui/actor/Nobody%20At%20All")
    assert answer.status_code == 404 and answer.headers["content-type"].startswith("text/html")
    driver.get(site + "/ui/actor/Nobody%20At%20All")  # type: ignore[attr-defined]
    assert driver.find_element(By.TAG_NAME, "h1").text == "Not found"  # type: ignore
    assert "No actor named 'Nobody At All'" in wait_for(driver, "#error").text  # type: ignore
    assert driver.find_element(By.LINK_TEXT, "All actors")  # type: ignore[attr-defined]
    shot(driver, "404.png")


@NO_BROWSER
def test_actor_charts_have_date_axes_titles_and_zero_filled_months(site: str, browser: object
                                                                   ) -> None:
    driver = browser
    driver.get(site + "/ui/actor/USA")  # type: ignore[attr-defined]
    wait_for(driver, "#volume .main-svg")
    wait_for(driver, "#stance .main-svg")
    volume = driver.execute_script(  # type: ignore[attr-defined]
        "const g = document.getElementById('volume'); return {type: g.layout.xaxis.type, "
        "x: g.data[0].x, y: g.data[0].y, titles: [...g.querySelectorAll('.xtitle, .ytitle')]"
        ".map(t => t.textContent)}")
    assert volume["type"] == "date" and volume["titles"] == ["month", "mentions"]
    months = [int(m[:4]) * 12 + int(m[5:7]) for m in volume["x"]]
    assert months == list(range(months[0], months[-1] + 1))  # every month, none skipped
    assert 0 in volume["y"]  # the corpus has quiet months: they are drawn at zero
    attention = httpx.get(f"{site}/attention/USA", params={"period": "month"}).json()
    drawn = {x: y for x, y in zip(volume["x"], volume["y"], strict=True) if y}
    assert drawn == {r["period"]: r["mentions"] for r in attention["items"]}
    stance = driver.execute_script(  # type: ignore[attr-defined]
        "const g = document.getElementById('stance'); return {type: g.layout.xaxis.type, "
        "colours: g.data.map(t => t.line.color), "
        "titles: [...g.querySelectorAll('.xtitle, .ytitle')].map(t => t.textContent)}")
    assert stance["type"] == "date" and stance["titles"][1] == "mean stance"
    assert len(set(stance["colours"])) == len(stance["colours"]) <= 8
    shot(driver, "actor-charts.png")

    driver.get(site + "/")  # type: ignore[attr-defined]
    wait_for(driver, "#by-site .main-svg")
    titles = driver.execute_script(  # type: ignore[attr-defined]
        "return [...document.querySelectorAll('#by-language .xtitle, #by-language .ytitle')]"
        ".map(t => t.textContent)")
    assert titles == ["month", "documents"]


def _in_view_and_highlighted(driver: object, css: str) -> dict[str, Any]:
    return driver.execute_script(  # type: ignore[attr-defined, no-any-return]
        f"const e = document.querySelector('{css}'); const r = e.getBoundingClientRect(); "
        "return {top: r.top, bottom: r.bottom, height: innerHeight, "
        "background: getComputedStyle(e).backgroundColor, text: e.textContent}")


@NO_BROWSER
def test_evidence_anchor_lands_visible_and_highlighted(site: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(site + "/ui/events?offset=50")  # type: ignore[attr-defined]
    link = wait_for(driver, "#events a.evidence")
    anchor = link.get_attribute("href").split("#")[1]  # type: ignore[attr-defined]
    follow(driver, link, "#" + anchor)
    box = _in_view_and_highlighted(driver, ":target")
    assert box["background"] == "rgb(255, 228, 107)", box
    # Well below the top edge, so the words before it in its sentence are on screen too.
    assert 0.2 * box["height"] < box["top"] < box["bottom"] < box["height"], box
    shot(driver, "evidence-event.png")

    driver.get(site + "/ui/search?q=protest&mode=text")  # type: ignore[attr-defined]
    follow(driver, wait_for(driver, "#results a.evidence"), "#focus")
    wait_for(driver, "#focus")
    box = _in_view_and_highlighted(driver, "#focus")
    focus = driver.execute_script(  # type: ignore[attr-defined]
        "return [...document.querySelectorAll('#doc-text .focus')].map(e => e.textContent)"
        ".join('')")
    assert box["background"] == "rgb(255, 228, 107)" and "protest" in focus.lower(), focus
    assert 0 < box["top"] < box["bottom"] < box["height"], box
    assert driver.find_element(By.ID, "focus").is_displayed()  # type: ignore[attr-defined]
    shot(driver, "evidence-search.png")


@NO_BROWSER
def test_search_marks_query_words_in_the_matching_sentence(site: str, browser: object
                                                           ) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(site + "/ui/search?q=protest&mode=text")  # type: ignore[attr-defined]
    first, last, total = showing(driver)
    assert (first, last) == (1, total) and total > 0
    assert total == httpx.get(f"{site}/search", params={"q": "protest", "mode": "text",
                                                        "limit": 1}).json()["total"]
    hits = driver.find_elements(By.CSS_SELECTOR, "#results li")  # type: ignore
    assert len(hits) == total
    for hit in hits:
        snippet = hit.find_element(By.CSS_SELECTOR, "a.evidence")
        marks = [m.text.lower() for m in snippet.find_elements(By.TAG_NAME, "mark")]
        assert marks and all(m.startswith("protest") for m in marks), snippet.text
    offsets = [int(h.find_element(By.CSS_SELECTOR, "a.evidence").get_attribute("href")
                   .split("hl=")[1].split("-")[0]) for h in hits]
    assert any(offsets)  # snippets are matching sentences, not every document's opening
    shot(driver, "search.png")


@NO_BROWSER
def test_network_has_a_legend_and_labels_that_do_not_overlap(site: str, browser: object) -> None:
    """All 25 co-actors used to be labelled, on top of each other, in unexplained colours."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from marea.web.pages import LABELLED, NODE_COLOURS

    driver = browser
    driver.get(site + "/ui/actor/USA")  # type: ignore[attr-defined]
    wait_for(driver, "#network canvas")
    boxes = WebDriverWait(driver, 30).until(lambda d: d.execute_script(  # type: ignore
        "const net = document.getElementById('network').network;"
        "const data = JSON.parse(document.getElementById('data').textContent);"
        "if (!net) return null;"
        "return data.nodes.filter(n => n.label).map(n => ["
        "  n.label, n.color, net.getBoundingBox(n.id)]);"))
    data = driver.execute_script(  # type: ignore[attr-defined]
        "return JSON.parse(document.getElementById('data').textContent).nodes")
    assert len(data) > LABELLED + 1 and len(boxes) == LABELLED + 1  # the actor and the top 10
    for number, (name, _, a) in enumerate(boxes):
        for other, _, b in boxes[number + 1:]:
            apart = (a["right"] <= b["left"] or b["right"] <= a["left"]
                     or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])
            assert apart, f"labels of {name} and {other} overlap"
    legend = driver.find_element(By.ID, "network-legend").text  # type: ignore[attr-defined]
    assert "United States" in legend and "documents naming both" in legend
    kinds = {kind for kind, colour in NODE_COLOURS.items()
             if colour in {n["color"] for n in data[1:]}}
    assert kinds and all(kind in legend for kind in kinds)
    SHOTS.mkdir(parents=True, exist_ok=True)
    graph = driver.find_element(By.ID, "network")  # type: ignore[attr-defined]
    graph.screenshot(str(SHOTS / "network-usa.png"))
