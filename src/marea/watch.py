"""Follow sources on the web: poll their feeds and sitemaps, ingest what is new, raise alerts.

A sources file (TOML) lists outlets:

    [[source]]
    name = "Diario Test"
    feeds = ["https://example.org/rss"]
    sitemaps = ["https://example.org/news-sitemap.xml"]
    interval_minutes = 30
    language = "es"
    site = "Diario Test"

Each poll is one ingest run of the source's URLs (new items only: by URL, then by content).
Its state (last poll, counts, feed validators) lives in the store, so a restarted watch
carries on. After each poll, what changed is recorded as alerts (see `alerts_for_run`).
"""

from __future__ import annotations

import json
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marea.errors import ConfigError
from marea.pipeline import RunSummary, ingest, open_web_session
from marea.settings import Settings
from marea.store import Store

SOURCE_KEYS = {"name", "feeds", "sitemaps", "pages", "interval_minutes", "language", "site"}
ALERT_KEYS = {"webhook", "attention_factor", "attention_mentions", "stance_shift"}


@dataclass(frozen=True)
class Source:
    """One outlet followed by `marea watch`."""

    name: str
    urls: tuple[str, ...]
    interval_seconds: float
    language: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class AlertRules:
    """When a poll's documents make an alert (the `[alerts]` block of the sources file).

    An actor's attention moved when its share of the poll's mentions is `attention_factor`
    times its share before, with at least `attention_mentions` mentions in the poll (an actor
    never seen before counts once it has that many). Its stance moved when its mean stance
    score in the poll differs from its mean before by `stance_shift` or more.
    """

    webhook: str | None = None
    attention_factor: float = 3.0
    attention_mentions: int = 3
    stance_shift: float = 0.5


def load_sources(path: str | Path) -> tuple[list[Source], AlertRules]:
    """Read a sources file; ConfigError [E090] naming the file and the bad entry."""
    try:
        raw = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"[E090] Can't read sources file {path}: {exc}") from exc
    entries = raw.get("source")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"[E090] {path} lists no [[source]] (each needs a name and feeds, "
                          "sitemaps or pages).")
    sources = [_source(path, number, entry) for number, entry in enumerate(entries, 1)]
    names = [s.name for s in sources]
    if len(set(names)) < len(names):
        raise ConfigError(f"[E091] {path}: two sources share a name; names must be unique.")
    block = raw.get("alerts", {})
    unknown = set(block) - ALERT_KEYS
    if unknown:
        raise ConfigError(f"[E091] {path} [alerts]: unknown key {sorted(unknown)[0]!r}; "
                          f"accepted: {', '.join(sorted(ALERT_KEYS))}.")
    try:
        rules = AlertRules(**block)
        if rules.attention_factor <= 1 or rules.attention_mentions < 1 or rules.stance_shift <= 0:
            raise ValueError("attention_factor must be > 1, attention_mentions >= 1 and "
                             "stance_shift > 0")
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"[E091] {path} [alerts]: {exc}") from exc
    return sources, rules


def _source(path: str | Path, number: int, entry: Any) -> Source:
    where = f"{path} [[source]] #{number}"
    if not isinstance(entry, dict):
        raise ConfigError(f"[E091] {where} is not a table.")
    unknown = set(entry) - SOURCE_KEYS
    if unknown:
        raise ConfigError(f"[E091] {where}: unknown key {sorted(unknown)[0]!r}; accepted: "
                          f"{', '.join(sorted(SOURCE_KEYS))}.")
    name = entry.get("name")
    urls = tuple(str(u) for key in ("feeds", "sitemaps", "pages") for u in entry.get(key, []))
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"[E091] {where} has no name.")
    if not urls or not all(u.lower().startswith(("http://", "https://")) for u in urls):
        raise ConfigError(f"[E091] {where} ({name}): feeds, sitemaps and pages must be "
                          "http(s) URLs, at least one.")
    minutes = entry.get("interval_minutes", 60)
    if isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes <= 0:
        raise ConfigError(f"[E091] {where} ({name}): interval_minutes must be a number > 0.")
    return Source(name.strip(), urls, float(minutes) * 60, entry.get("language"),
                  entry.get("site") or name.strip())


@dataclass
class Poll:
    """What one poll of one source did."""

    source: Source
    summary: RunSummary
    alerts: list[dict[str, Any]]
    webhook_error: str | None = None

    def line(self) -> str:
        s = self.summary
        errors = f", {len(s.failed)} errors" if s.failed else ""
        first = f" (first: {s.failed[0][0]}: {s.failed[0][1]})" if s.failed else ""
        return (f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} {self.source.name}: {s.stored} new, "
                f"{s.duplicates + s.unchanged} known, {len(self.alerts)} alerts{errors} "
                f"in {s.seconds:.1f} s{first}")


def poll(source: Source, store: Store, settings: Settings, rules: AlertRules,
         warc: str | None = None) -> Poll:
    """Ingest what is new at one source, record the poll and its alerts."""
    meta = {k: v for k, v in (("site", source.site), ("language", source.language)) if v}
    with open_web_session(store, settings, warc, meta) as web:
        summary = ingest(list(source.urls), store, settings, command=f"watch {source.name}",
                         web=web)
    alerts = alerts_for_run(store, summary.run_id, rules)
    store.save_alerts(summary.run_id, alerts)
    store.record_poll(source, summary.stored, len(summary.failed),
                      summary.failed[0][1] if summary.failed else None)
    result = Poll(source, summary, alerts)
    if rules.webhook and alerts:
        result.webhook_error = post_alerts(rules.webhook, source, alerts, settings)
    return result


def watch(sources: list[Source], store: Store, settings: Settings, rules: AlertRules,
          log: Callable[[str], None], polls: int | None = None, warc: str | None = None,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll each source when due (by its last poll in the store) until `polls` polls are done
    (None: forever); return the number of polls made."""
    store.register_sources(sources)
    done = 0
    while polls is None or done < polls:
        due = store.next_polls({s.name: s.interval_seconds for s in sources})
        name, wait = min(due.items(), key=lambda item: item[1])
        if wait > 0:
            sleep(wait)
            continue
        source = next(s for s in sources if s.name == name)
        result = poll(source, store, settings, rules, warc)
        log(result.line())
        if result.webhook_error:
            log(f"{source.name}: webhook failed: {result.webhook_error}")
        done += 1
    return done


# -- alerts -------------------------------------------------------------------------------------

def alerts_for_run(store: Store, run_id: int, rules: AlertRules) -> list[dict[str, Any]]:
    """What this run's documents changed: new stories, attention and stance moves, narratives.

    Near-duplicates are left out; the attention and stance rules need documents from earlier
    runs to compare with, so the first poll of an empty store raises only event alerts.
    """
    alerts = _event_alerts(store, run_id)
    before = store.query("SELECT count(*) FROM documents WHERE run_id < ?", [run_id])[0][0]
    if before:
        alerts += _attention_alerts(store, run_id, rules) + _stance_alerts(store, run_id, rules)
    return alerts + _narrative_alerts(store, run_id)


NEW = "SELECT doc_id FROM documents WHERE run_id = ? AND duplicate_of IS NULL"
OLD = "SELECT doc_id FROM documents WHERE run_id < ? AND duplicate_of IS NULL"


def _event_alerts(store: Store, run_id: int) -> list[dict[str, Any]]:
    """One alert per new story (events/stories.py) asserted in this run's documents, with
    its lead report as evidence; a story earlier documents already reported is not new."""
    rows = store.query(
        "SELECT st.story_id, st.type, coalesce(s.name, st.source_id, '?'), "
        "coalesce(t.name, st.target_id, '?'), st.date, st.articles, st.sources, "
        "e.doc_id, e.start_char, e.end_char FROM stories st "
        "JOIN events e ON e.doc_id = st.doc_id AND e.idx = st.idx "
        "LEFT JOIN actors s ON s.actor_id = st.source_id "
        "LEFT JOIN actors t ON t.actor_id = st.target_id "
        "WHERE st.modality = 'asserted' AND (st.source_id IS NOT NULL OR st.target_id IS NOT "
        "NULL) AND st.story_id IN (SELECT story_id FROM story_events WHERE doc_id IN (" + NEW
        + ")) AND st.story_id NOT IN (SELECT story_id FROM story_events JOIN documents d "
        "USING (doc_id) WHERE d.run_id < ?) ORDER BY st.articles DESC, st.story_id",
        [run_id, run_id])
    out = []
    for story_id, kind, source, target, date, articles, sources, doc_id, start, end in rows:
        reported = f" (reported by {articles} articles / {sources} sources)" if articles > 1 \
            else ""
        out.append(_alert("event", f"{source} {kind} {target}",
                          f"{source} → {kind} → {target}" + (f" on {date}" if date else "")
                          + reported, doc_id, (start, end),
                          {"story_id": story_id, "articles": articles, "sources": sources}))
    return out


def _attention_alerts(store: Store, run_id: int, rules: AlertRules) -> list[dict[str, Any]]:
    rows = store.query(
        "WITH now AS (SELECT actor_id, count(*) AS n FROM mentions WHERE actor_id IS NOT NULL "
        "  AND doc_id IN (" + NEW + ") GROUP BY actor_id), "
        "before AS (SELECT actor_id, count(*) AS n FROM mentions WHERE actor_id IS NOT NULL "
        "  AND doc_id IN (" + OLD + ") GROUP BY actor_id), "
        "totals AS (SELECT (SELECT sum(n) FROM now) AS now_all, "
        "  (SELECT coalesce(sum(n), 0) FROM before) AS before_all) "
        "SELECT now.actor_id, a.name, now.n, coalesce(before.n, 0), now_all, before_all "
        "FROM now JOIN totals ON true LEFT JOIN before USING (actor_id) "
        "LEFT JOIN actors a USING (actor_id) WHERE now.n >= ? ORDER BY now.n DESC",
        [run_id, run_id, rules.attention_mentions])
    out = []
    for actor_id, name, n, n_before, now_all, before_all in rows:
        share, share_before = n / now_all, (n_before / before_all if before_all else 0.0)
        if share_before and share / share_before < rules.attention_factor:
            continue
        how = (f"{share / share_before:.1f}× its earlier share of mentions" if share_before
               else "first mentions in the store")
        out.append(_alert("attention", actor_id, f"{name or actor_id}: {n} mentions in this "
                          f"poll, {how}", *_first_mention(store, run_id, actor_id),
                          {"mentions": n, "share": round(share, 4),
                           "share_before": round(share_before, 4)}))
    return out


def _stance_alerts(store: Store, run_id: int, rules: AlertRules) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT s.actor_id, any_value(a.name), avg(s.score) FILTER (WHERE s.doc_id IN (" + NEW
        + ")), avg(s.score) FILTER (WHERE s.doc_id IN (" + OLD + ")), "
        "count(*) FILTER (WHERE s.doc_id IN (" + NEW + ")) "
        "FROM stances s LEFT JOIN actors a USING (actor_id) GROUP BY s.actor_id",
        [run_id, run_id, run_id])
    out = []
    for actor_id, name, now, before, docs in rows:
        if now is None or before is None or abs(now - before) < rules.stance_shift:
            continue
        out.append(_alert("stance", actor_id, f"{name or actor_id}: stance {before:+.2f} → "
                          f"{now:+.2f} in {docs} new document(s)",
                          *_first_mention(store, run_id, actor_id),
                          {"before": round(before, 3), "now": round(now, 3), "documents": docs}))
    return out


def _narrative_alerts(store: Store, run_id: int) -> list[dict[str, Any]]:
    """Narratives whose every sentence comes from this run's documents."""
    rows = store.query(
        "SELECT n.narrative_id, n.label, n.sentences, min(ns.doc_id), "
        "bool_and(d.run_id = ?) FROM narratives n JOIN narrative_sentences ns USING "
        "(narrative_id) JOIN documents d USING (doc_id) GROUP BY ALL HAVING bool_and(d.run_id = ?)",
        [run_id, run_id])
    out = []
    for narrative_id, label, sentences, doc_id, _ in rows:
        span = store.query(
            "SELECT s.start_char, s.end_char FROM narrative_sentences ns JOIN sentences s "
            "ON s.doc_id = ns.doc_id AND s.idx = ns.sentence WHERE ns.narrative_id = ? AND "
            "ns.doc_id = ? ORDER BY ns.similarity DESC LIMIT 1", [narrative_id, doc_id])
        out.append(_alert("narrative", str(narrative_id), f"new narrative: {label} "
                          f"({sentences} sentences)", doc_id, span[0] if span else (0, 0),
                          {"narrative_id": narrative_id}))
    return out


def _first_mention(store: Store, run_id: int, actor_id: str) -> tuple[str | None, tuple[int, int]]:
    rows = store.query("SELECT doc_id, start_char, end_char FROM mentions WHERE actor_id = ? AND "
                       "doc_id IN (" + NEW + ") ORDER BY doc_id, start_char LIMIT 1",
                       [actor_id, run_id])
    return (rows[0][0], (rows[0][1], rows[0][2])) if rows else (None, (0, 0))


def _alert(kind: str, subject: str, message: str, doc_id: str | None, span: tuple[int, int],
           detail: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "subject": subject, "message": message, "doc_id": doc_id,
            "start_char": span[0], "end_char": span[1], "detail": detail}


def post_alerts(url: str, source: Source, alerts: list[dict[str, Any]], settings: Settings
                ) -> str | None:
    """POST the alerts as JSON to the webhook under the fetch rules (no private addresses
    unless allowed); return a one-line error, or None."""
    from marea.ingest.fetch import Fetcher, FetchError

    body = json.dumps({"source": source.name, "alerts": alerts}, ensure_ascii=False)
    options = replace(settings.fetch, obey_robots=False, retries=1)
    with Fetcher(options, 1_000_000) as fetcher:
        try:
            status = fetcher.post(url, body.encode("utf-8"))
        except FetchError as exc:
            return str(exc)
    return None if status < 300 else f"HTTP {status} from {url}"
