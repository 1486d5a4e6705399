"""`marea watch`: polls sources from a local site, keeps its state in the store, raises alerts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marea.cli import main
from marea.corpus import Corpus
from marea.errors import ConfigError
from marea.settings import Settings
from marea.store import Store
from marea.watch import AlertRules, load_sources, watch
from tests.site import Site


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as served:
        yield served


@pytest.fixture
def local(settings: Settings) -> Settings:
    return settings.with_(fetch=replace(settings.fetch, allow_private=True,
                                        host_interval_seconds=0, retries=0))


def sources_file(tmp_path: Path, site: Site, extra: str = "") -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
name = "Diario Test feed"
feeds = ["{site.url('/feed.xml')}"]
interval_minutes = 0.001
site = "Diario Test"
language = "en"

[[source]]
name = "Diario Test sitemap"
sitemaps = ["{site.url('/news-sitemap.xml')}"]
pages = ["{site.url('/changing.html')}"]
interval_minutes = 0.001
{extra}""", "utf-8")
    return path


def test_watch_polls_each_source_and_then_ingests_only_what_changed(
        site: Site, local: Settings, tmp_path: Path) -> None:
    sources, rules = load_sources(sources_file(tmp_path, site))
    lines: list[str] = []
    with Store(local.db) as store:
        assert watch(sources, store, local, rules, lines.append, polls=2,
                     sleep=lambda s: None) == 2
        assert lines[0].endswith(" in " + lines[0].split(" in ")[-1])
        assert " Diario Test feed: 3 new, 0 known, " in lines[0]
        assert " Diario Test sitemap: 2 new, 0 known, " in lines[1]
        site.version = 1  # the page changes; the feed and the sitemap do not
        watch(sources, store, local, rules, lines.append, polls=2, sleep=lambda s: None)
        assert " Diario Test feed: 0 new, 1 known, 0 alerts " in lines[2]
        assert " Diario Test sitemap: 1 new, 1 known, " in lines[3]
        site_names = store.query("SELECT DISTINCT site FROM documents WHERE source LIKE "
                                 "'%castillo%'")
        assert site_names == [("Diario Test",)]
        listed = Corpus(store).sources()
    assert list(listed["name"]) == ["Diario Test feed", "Diario Test sitemap"]
    assert list(listed["polls"]) == [2, 2]
    assert list(listed["items"]) == [3, 3]


def test_alerts_name_new_events_and_actors_with_evidence(site: Site, local: Settings,
                                                          tmp_path: Path) -> None:
    sources, rules = load_sources(sources_file(tmp_path, site))
    with Store(local.db) as store:
        watch(sources, store, local, rules, lambda line: None, polls=2, sleep=lambda s: None)
        rows = store.query("SELECT kind, subject, message, doc_id, start_char, end_char, run_id "
                           "FROM alerts ORDER BY alert_id")
        kinds = {r[0] for r in rows}
        assert "event" in kinds
        attention = [r for r in rows if r[0] == "attention"]
        # Bolivia's cabinet story (second poll) moves Arce, seen once in the first poll's feed
        assert {r[1] for r in attention} == {"luis-arce", "BOLGOV"}
        assert any(r[2].startswith("Luis Arce: 3 mentions in this poll, ") for r in attention)
        assert all(r[6] == 2 for r in attention)  # none on the first poll: nothing to compare
        for _, _, message, doc_id, start, end, _ in rows:
            text = store.query("SELECT text FROM documents WHERE doc_id = ?", [doc_id])[0][0]
            assert 0 <= start < end <= len(text), message
        event = next(r for r in rows if r[0] == "event")
        text = store.query("SELECT text FROM documents WHERE doc_id = ?", [event[3]])[0][0]
        assert text[event[4]:event[5]].strip()


def test_a_killed_watch_resumes_without_storing_anything_twice(
        site: Site, tmp_path: Path) -> None:
    config = tmp_path / "marea.toml"
    config.write_text("batch_size = 1\n[fetch]\nhost_interval_seconds = 0\n", "utf-8")
    db = str(tmp_path / "watch.duckdb")
    command = [sys.executable, "-m", "marea.cli", "watch", str(sources_file(tmp_path, site)),
               "--polls", "1", "--allow-private", "--db", db, "--config", str(config)]
    killed = subprocess.run(command, env={**os.environ, "MAREA_TEST_KILL_AT": "between-batches"},
                            capture_output=True, timeout=600)
    assert killed.returncode == -9
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM documents")[0][0] == 1
    command[command.index("--polls") + 1] = "2"
    done = subprocess.run(command, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    with Store(db, read_only=True) as store:
        counts = store.query("SELECT count(*), count(DISTINCT coalesce(url, source)) "
                             "FROM documents")[0]
        assert counts == (5, 5)
        assert store.query("SELECT sum(polls) FROM sources")[0][0] == 2


class Receiver:
    """A local webhook receiver that records each JSON body posted to it."""

    def __init__(self) -> None:
        self.bodies: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers["Content-Length"])
                outer.bodies.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_alerts_are_posted_to_the_webhook_under_the_same_address_rules(
        site: Site, local: Settings, settings: Settings, tmp_path: Path) -> None:
    receiver = Receiver()
    try:
        path = sources_file(tmp_path, site, f'\n[alerts]\nwebhook = "{receiver.url}"\n')
        sources, rules = load_sources(path)
        lines: list[str] = []
        with Store(local.db) as store:
            watch(sources[:1], store, local, rules, lines.append, polls=1, sleep=lambda s: None)
            stored = store.query("SELECT count(*) FROM alerts")[0][0]
        [body] = receiver.bodies
        assert body["source"] == "Diario Test feed"
        assert len(body["alerts"]) == stored > 0
        # without --allow-private the same webhook is refused, and the poll says so
        from marea.watch import post_alerts

        error = post_alerts(receiver.url, sources[0], body["alerts"], settings)
        assert error is not None and "127.0.0.1 is loopback" in error
        assert len(receiver.bodies) == 1
    finally:
        receiver.close()


@pytest.mark.parametrize(("text", "message"), [
    ("", "lists no [[source]]"),
    ('[[source]]\nname = "x"\n', "feeds, sitemaps and pages must be http(s) URLs"),
    ('[[source]]\nname = "x"\nfeeds = ["file:///etc/passwd"]\n', "must be http(s) URLs"),
    ('[[source]]\nname = "x"\nfeeds = ["http://a.org/rss"]\ninterval_minutes = 0\n',
     "interval_minutes must be a number > 0"),
    ('[[source]]\nname = "x"\nfeed = ["http://a.org/rss"]\n', "unknown key 'feed'"),
    ('[[source]]\nname = "x"\nfeeds = ["http://a.org/rss"]\n[alerts]\nstance_shift = -1\n',
     "stance_shift > 0"),
    ("[[source]\n", "Can't read sources file"),
])
def test_bad_sources_files_are_refused_with_one_line(tmp_path: Path, text: str,
                                                     message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("(", r"\(")
                       .replace(")", r"\)")) as caught:
        load_sources(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_cli_sources_and_alerts_listings(site: Site, local: Settings, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    sources, rules = load_sources(sources_file(tmp_path, site))
    with Store(local.db) as store:
        watch(sources[:1], store, local, AlertRules(), lambda line: None, polls=1,
              sleep=lambda s: None)
    assert main(["sources", "--db", local.db]) == 0
    out = capsys.readouterr().out
    assert "Diario Test feed" in out and "1 of 1 sources" in out
    assert main(["alerts", "--db", local.db, "--kind", "event", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["shown"] == listing["total"] > 0
    assert main(["alerts", "--db", local.db, "--kind", "events"]) == 2
    assert "Unknown alert kind 'events': choose one of event, attention, stance, narrative" \
        in capsys.readouterr().err


def test_alerts_endpoint_and_page(site: Site, local: Settings, tmp_path: Path) -> None:
    import httpx

    from tests.conftest import running_server

    sources, _ = load_sources(sources_file(tmp_path, site))
    with Store(local.db) as store:
        watch(sources[:1], store, local, AlertRules(), lambda line: None, polls=1,
              sleep=lambda s: None)
        stored = store.query("SELECT count(*) FROM alerts WHERE kind = 'event'")[0][0]
    with running_server(local.db, dict(os.environ)) as base, httpx.Client(
            base_url=base, timeout=60) as client:
        listing = client.get("/alerts", params={"kind": "event", "limit": 2}).json()
        assert (listing["shown"], listing["total"]) == (2, stored)
        first = listing["items"][0]
        assert first["doc_id"] and first["end_char"] > first["start_char"]
        assert client.get("/alerts", params={"kind": "bogus"}).status_code == 422
        assert client.get("/sources").json()["items"][0]["name"] == "Diario Test feed"
        html = client.get("/ui/alerts", params={"kind": "event"}).text
        assert f"?hl={first['start_char']}-{first['end_char']}#focus" in html
        assert "Peru legislature → COERCE → Pedro Castillo" in html
        refused = client.get("/ui/alerts", params={"since": "June 2021"})
        assert refused.status_code == 400 and "is not a date" in refused.text
