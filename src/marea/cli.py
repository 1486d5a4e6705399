"""Command line: parses arguments and hands over to the modules that do the work."""

from __future__ import annotations

import argparse
import difflib
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rich.console import Console

from marea.errors import ConfigError, MareaError, StoreError
from marea.settings import Settings, load_settings

if TYPE_CHECKING:
    from marea.corpus import Corpus
    from marea.store import Store

EXAMPLE_FOLDERS = ("html", "text", "feeds")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config).with_(db=args.db)


def _reading(args: argparse.Namespace) -> Store:
    """Open the store named by the arguments for reading."""
    from marea.store import Store

    settings = _settings(args)
    return Store(settings.db, read_only=True, settings=settings)


def _corpus(args: argparse.Namespace) -> Corpus:
    from marea.corpus import Corpus

    return Corpus(_reading(args))


def _ingest(paths: list[str], settings: Settings, console: Console, command: str,
            warc: str | None = None) -> int:
    from contextlib import nullcontext

    from marea.console import print_summary, progress_bar
    from marea.executors import open_executor
    from marea.ingest.sources import is_url
    from marea.pipeline import RunSummary, ingest, open_web_session
    from marea.store import Store

    with Store(settings.db) as store, open_executor(settings) as executor, \
            progress_bar(console) as bar, (
            open_web_session(store, settings, warc) if any(map(is_url, paths))
            else nullcontext()) as web:
        task = bar.add_task("ingest", total=None, rate=0.0, last="")

        def show(summary: RunSummary, last: str) -> None:
            done = summary.stored + summary.duplicates
            seconds = summary.seconds or 1.0
            bar.update(task, completed=done, rate=done / seconds, last=Path(last).name)

        summary = ingest(paths, store, settings, executor, on_progress=show, command=command,
                         web=web)
    print_summary(console, summary)
    return 1 if summary.failed else 0


def cmd_ingest(args: argparse.Namespace, console: Console) -> int:
    if args.server:
        return _ingest_through(args.server, args.paths, console)
    settings = _settings(args).with_(workers=args.workers, dask_scheduler=args.scheduler)
    if args.kb:
        settings = settings.with_(kb_files=settings.kb_files + tuple(args.kb))
    settings = _fetching(settings, args)
    if args.parquet:
        return _ingest_to_parquet(args.paths, args.parquet, settings, console)
    return _ingest(args.paths, settings, console, "ingest " + " ".join(args.paths), args.warc)


def _fetching(settings: Settings, args: argparse.Namespace) -> Settings:
    """Apply --allow-private and --ignore-robots to the [fetch] settings."""
    from dataclasses import replace

    fetch = settings.fetch
    if args.allow_private:
        fetch = replace(fetch, allow_private=True)
    if args.ignore_robots:
        fetch = replace(fetch, obey_robots=False)
    return settings.with_(fetch=fetch)


def _ingest_to_parquet(paths: list[str], folder: str, settings: Settings,
                       console: Console) -> int:
    from marea.console import print_failures, print_stage_seconds, progress_bar
    from marea.executors import open_executor
    from marea.partitions import ingest_to_parquet
    from marea.pipeline import RunSummary

    with open_executor(settings) as executor, progress_bar(console) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, last="")

        def show(summary: RunSummary, last: str) -> None:
            bar.update(task, completed=summary.stored,
                       rate=summary.stored / (summary.seconds or 1.0), last=Path(last).name)

        summary = ingest_to_parquet(paths, folder, settings, executor, on_progress=show)
    console.print(f"wrote {summary.stored} documents to {folder} (already there "
                  f"{summary.unchanged}), skipped {len(summary.skipped)}, failed "
                  f"{len(summary.failed)} in {summary.seconds:.1f}s; load them with `marea "
                  f"merge {folder} --db FILE`", highlight=False)
    print_stage_seconds(console, summary)
    print_failures(console, summary)
    return 1 if summary.failed else 0


def cmd_merge(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_summary, progress_bar
    from marea.partitions import merge
    from marea.pipeline import RunSummary
    from marea.store import Store

    settings = _settings(args)
    with Store(settings.db) as store, progress_bar(console, "merge") as bar:
        task = bar.add_task("merge", total=None, rate=0.0, last="")

        def show(summary: RunSummary, last: str) -> None:
            bar.update(task, completed=summary.stored,
                       rate=summary.stored / (summary.seconds or 1.0), last=last)

        summary = merge(args.folder, store, settings, on_progress=show)
    print_summary(console, summary)
    return 0


def cmd_reanalyse(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_failures, progress_bar
    from marea.executors import open_executor
    from marea.pipeline import RunSummary
    from marea.reanalyse import STAGES, plan, reanalyse
    from marea.store import Store

    if not args.all and not args.stages:
        raise ConfigError("[E143] Say which stages to run again: --stages events,stance,... "
                          f"(of {', '.join(STAGES)}) or --all.")
    chosen = STAGES if args.all else args.stages
    settings = _settings(args).with_(workers=args.workers)
    if not Path(settings.db).is_file():
        raise StoreError(f"[E144] No store at {settings.db}: nothing to reanalyse.")
    stages = plan(chosen)
    added = [s for s in stages if s not in chosen]
    console.print(f"stages: {', '.join(stages)}" + (f" ({', '.join(added)} read what the "
                  "chosen stages write)" if added else ""), highlight=False)
    with Store(settings.db) as store, open_executor(settings) as executor, \
            progress_bar(console, "reanalyse") as bar:
        task = bar.add_task("reanalyse", total=store.query(
            "SELECT count(*) FROM documents")[0][0], rate=0.0, last="")

        def show(summary: RunSummary, last: str) -> None:
            bar.update(task, completed=summary.stored + summary.unchanged + len(summary.failed),
                       rate=summary.stored / (summary.seconds or 1.0), last=Path(last).name)

        summary = reanalyse(store, settings, chosen, executor, on_progress=show)
    console.print(f"run {summary.run_id}: reanalysed {summary.stored} documents"
                  + (f" ({summary.unchanged} done by an earlier, interrupted run)"
                     if summary.unchanged else "")
                  + f", failed {len(summary.failed)} in {summary.seconds:.1f}s", highlight=False)
    print_failures(console, summary)
    return 1 if summary.failed else 0


def stage_list(text: str) -> tuple[str, ...]:
    """An argparse type for --stages: comma-separated stage names that can run again."""
    from marea.reanalyse import STAGES

    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in STAGES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"[E145] unknown stage '{unknown[0] if unknown else text}': choose from "
            f"{', '.join(STAGES)}")
    return names


def _ingest_through(url: str, paths: list[str], console: Console) -> int:
    """Upload the inputs to a running server's ingest jobs; one line per job and failure."""
    import os

    from marea.client import ingest_through

    failed = 0

    def show(job: dict[str, Any]) -> None:
        nonlocal failed
        if job["status"] != "done":
            failed += 1
            console.print(f"job {job['id']}: {job['status']}: {job.get('error', '')}",
                          style="red", highlight=False, markup=False, soft_wrap=True)
            return
        failed += int(job.get("failed", 0))
        console.print(f"job {job['id']}: {job['files']} files, stored {job['stored']} "
                      f"({job['near_duplicates']} near-duplicates), exact duplicates "
                      f"{job['duplicates']}, unchanged {job['unchanged']}, skipped "
                      f"{job['skipped']}, failed {job['failed']}", highlight=False)
        for line in job.get("errors", []):
            console.print(f"error {line}", style="red", highlight=False, markup=False,
                          soft_wrap=True)

    ingest_through(url, paths, os.environ.get("MAREA_TOKEN"), show)
    return 1 if failed else 0


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    settings = _settings(args)
    root = resources.files("marea").joinpath("examples")
    paths = [str(root.joinpath(name)) for name in EXAMPLE_FOLDERS]
    code = _ingest(paths, settings, console, "demo")
    listing = {"language": None, "actor": None, "since": None, "until": None, "site": None,
               "duplicates": False, "limit": 50, "all": False, "offset": 0, "json": False}
    cmd_docs(argparse.Namespace(**vars(args), **listing), console)
    console.print(f"Try: marea show <id> --db {settings.db}", highlight=False)
    return code


def cmd_status(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_status

    with _reading(args) as store:
        print_status(console, store)
    return 0


def _listing(args: argparse.Namespace) -> dict[str, Any]:
    """The paging and output flags every listing command takes, as print_listing arguments."""
    return {"as_json": args.json, "offset": args.offset}


def _limit(args: argparse.Namespace) -> int | None:
    return None if args.all else int(args.limit)


DUPLICATES_NOTE = "near-duplicate copies left out (--duplicates to include them)"


def cmd_docs(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        frame = corpus.documents(args.language, args.actor, args.since, args.until,
                                 _limit(args), args.offset, site=args.site,
                                 duplicates=args.duplicates, text=False)
    print_listing(console, frame, [
        ("id", lambda r: r["doc_id"][:12]), ("published", field("published")),
        ("lang", field("language")), ("site", field("site", 24)),
        ("author", field("author", 24)),
        ("words", field("n_words")), ("copies", lambda r: r["copies"] or ""),
        ("title", field("title", 70))], noun="documents", **_listing(args),
        note="" if args.duplicates else DUPLICATES_NOTE)
    return 0


def cmd_show(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_document

    with _reading(args) as store:
        print_document(console, store, args.doc)
    return 0


def cmd_export(args: argparse.Namespace, console: Console) -> int:
    from marea.export import export

    with _reading(args) as store:
        for table, path in export(store, args.out, args.format, args.force).items():
            console.print(f"{table}: {path}", highlight=False)
    return 0


def cmd_actors(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing
    from marea.corpus import actors_left_out

    with _corpus(args) as corpus:
        frame = corpus.actors(args.type, _limit(args), args.offset, unknown=args.unknown)
    print_listing(console, frame, [
        ("id", field("actor_id")), ("name", field("name", 40)), ("type", field("type")),
        ("code", field("cameo")), ("mentions", field("mentions")),
        ("docs", field("documents"))], noun="actors", **_listing(args),
        title="unknown actors (add them to a --kb file)" if args.unknown else None,
        note=actors_left_out(frame, args.unknown, "--unknown"))
    return 0


def cmd_actor(args: argparse.Namespace, console: Console) -> int:
    from marea.actors.views import print_actor

    with _reading(args) as store:
        print_actor(console, store, args.name)
    return 0


def cmd_events(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        frame = corpus.events(args.actor, args.type, args.since, args.until, _limit(args),
                              args.offset, site=args.site, duplicates=args.duplicates,
                              newest_first=True)
    print_listing(console, frame, [
        ("date", field("date")), ("type", lambda r: "/".join(
            str(v) for v in (r["type"], r["mode"]) if v) + (
            f" (classifier {r['confidence']:.2f})" if r["method"] == "classifier" else "")),
        ("modality", field("modality")),
        ("source actor", lambda r: r["source_actor"] or r["source_actor_id"]),
        ("target actor", lambda r: r["target_actor"] or r["target_actor_id"]),
        ("place", lambda r: ", ".join(str(v) for v in (r["city"], r["country"]) if v)),
        ("trigger", field("trigger")),  # which word made the event: a reader checks it
        ("doc", lambda r: r["doc_id"][:12]), ("sentence", field("sentence_text", 90))],
        noun="events", **_listing(args), note="" if args.duplicates else DUPLICATES_NOTE)
    return 0


def cmd_timeline(args: argparse.Namespace, console: Console) -> int:
    from marea.events.views import print_timeline

    with _corpus(args) as corpus:
        frame = corpus.timeline(args.actor, _limit(args), args.offset,
                                duplicates=args.duplicates)
    print_timeline(console, frame, **_listing(args))
    return 0


def cmd_stories(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        if args.show is not None:
            frame = corpus.story(args.show)
            print_listing(console, frame, [
                ("published", field("published")), ("site", field("site", 25)),
                ("copy", lambda r: "copy" if r["duplicate_of"] else ""),
                ("date", field("date")), ("doc", lambda r: r["doc_id"][:12]),
                ("trigger", field("trigger")), ("sentence", field("sentence_text", 100))],
                noun="reports", title=f"story {args.show}", as_json=args.json)
            return 0
        frame = corpus.stories(args.actor, args.type, args.since, args.until, _limit(args),
                               args.offset, duplicates=args.duplicates)
    print_listing(console, frame, [
        ("id", field("story_id")), ("date", field("date")),
        ("type", lambda r: "/".join(str(v) for v in (r["type"], r["mode"]) if v)),
        ("modality", field("modality")),
        ("source actor", lambda r: r["source_actor"] or r["source_actor_id"]),
        ("target actor", lambda r: r["target_actor"] or r["target_actor_id"]),
        ("articles", field("articles")), ("sites", field("sources")),
        ("mentions", field("mentions")), ("sentence", field("sentence_text", 80))],
        noun="stories", **_listing(args),
        note="" if args.duplicates else "stories only copies report left out (--duplicates)")
    return 0


def cmd_stance(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        actor_id = corpus.actor_id(args.actor)
        (name,), = corpus.store.query("SELECT name FROM actors WHERE actor_id = ?", [actor_id])
        frame = corpus.stances(actor_id, args.site, args.since, args.until, _limit(args),
                               args.offset)
        over_time = corpus.stance_timeline(actor_id, args.by, args.site)
    print_listing(console, frame, [
        ("published", field("published")), ("site", field("site", 30)),
        ("title", field("title", 50)), ("stance", field("label")),
        ("score", lambda r: f"{r['score']:+.2f}"), ("mentions", field("mentions")),
        ("strongest cue", lambda r: f"{r['cue_kind']}: {r['cue']}" if r["cue_kind"] else "")],
        noun="documents", title=f"stance toward {name} ({actor_id})", **_listing(args))
    if args.json:
        return 0
    print_listing(console, over_time, [
        (args.by, field("period")), ("site", field("site", 30)),
        ("docs", field("documents")), ("mean", lambda r: f"{r['mean_score']:+.2f}"),
        ("favor", field("favor")), ("against", field("against")),
        ("neutral", field("neutral"))], noun="periods and sites",
        title=f"over time, by {args.by} and site (documents dated to the {args.by})")
    return 0


def cmd_attention(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        frame = corpus.attention(args.actor, args.by, args.by_site)
        actor_id = corpus.actor_id(args.actor)
        (name,), = corpus.store.query("SELECT name FROM actors WHERE actor_id = ?", [actor_id])
    columns = [(args.by, field("period"))]
    if args.by_site:
        columns.append(("site", field("site", 30)))
    columns += [("mentions", field("mentions")), ("documents", field("documents"))]
    undated = frame.attrs["undated"]
    print_listing(console, frame, columns, noun=f"{args.by}s", as_json=args.json,
                  title=f"attention to {name} ({actor_id})",
                  note=f"{undated} documents not dated to the {args.by} left out" if undated
                  else "")
    return 0


def cmd_themes(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        found = corpus.themes(args.doc, args.language, args.since, args.until)
    limit = _limit(args) or len(found)
    frame = found.iloc[args.offset:args.offset + limit]
    frame.attrs["total"] = len(found)
    if args.doc:
        columns = [("sentence", field("sentence")), ("theme", field("theme")),
                   ("hits", field("score")), ("terms", field("terms", 40)),
                   ("sentence text", field("sentence_text", 90))]
        noun = "themed sentences"
    else:
        columns = [("theme", field("theme")), ("documents", field("documents")),
                   ("mean share", field("mean_share")), ("first", field("first")),
                   ("last", field("last"))]
        noun = "themes"
    print_listing(console, frame, columns, noun=noun, **_listing(args))
    return 0


def cmd_frames(args: argparse.Namespace, console: Console) -> int:
    from marea.opinion.views import print_frames

    with _corpus(args) as corpus:
        print_frames(console, corpus, args.doc)
    return 0


def cmd_claims(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        frame = corpus.claims(args.actor, args.kind, limit=_limit(args), offset=args.offset,
                              duplicates=args.duplicates)
    print_listing(console, frame, [
        ("score", lambda r: f"{r['score']:.2f}"), ("kinds", field("kinds")),
        ("claimant", field("claimant", 30)), ("published", field("published")),
        ("doc", lambda r: r["doc_id"][:12]), ("claim", field("text", 110))],
        noun="claims", **_listing(args), note="" if args.duplicates else DUPLICATES_NOTE)
    return 0


def cmd_watch(args: argparse.Namespace, console: Console) -> int:
    from marea.store import Store
    from marea.watch import load_sources, watch

    settings = _fetching(_settings(args), args)
    sources, rules = load_sources(args.sources)
    console.print(f"watching {len(sources)} source(s) from {args.sources}; Ctrl-C stops",
                  highlight=False)
    with Store(settings.db) as store:
        try:
            watch(sources, store, settings, rules, lambda line: console.print(
                line, highlight=False, markup=False), polls=args.polls, warc=args.warc)
        except KeyboardInterrupt:
            console.print("stopped", highlight=False)
    return 0


def cmd_sources(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        frame = corpus.sources(_limit(args), offset=args.offset)
    print_listing(console, frame, [
        ("source", field("name", 30)), ("every", lambda r: f"{r['interval_minutes']:g} min"),
        ("last poll", lambda r: f"{r['last_poll']:%Y-%m-%d %H:%M}" if r["last_poll"] else "never"),
        ("polls", field("polls")), ("items", field("items")), ("errors", field("errors")),
        ("last error", field("last_error", 60))], noun="sources", **_listing(args))
    return 0


def cmd_alerts(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing

    with _corpus(args) as corpus:
        frame = corpus.alerts(args.kind, args.since, _limit(args), offset=args.offset)
    print_listing(console, frame, [
        ("when", lambda r: f"{r['created_at']:%Y-%m-%d %H:%M}"), ("kind", field("kind")),
        ("alert", field("message", 80)), ("doc", lambda r: (r["doc_id"] or "")[:12]),
        ("title", field("title", 40))], noun="alerts", **_listing(args))
    return 0


def cmd_narratives(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing, shorten

    if args.rebuild:
        from marea.opinion.narratives import rebuild
        from marea.store import Store

        with Store(_settings(args).db, read_only=True):
            pass  # refuses a missing or foreign file before opening it to write
        with Store(_settings(args).db) as store, store.io_errors():
            state = store.documents_state()
            found = rebuild(store)
            store.mark_refreshed("narratives", state)
        if not args.json:
            console.print(f"rebuilt: {found} narratives")
    with _corpus(args) as corpus:
        if args.show is not None:
            frame = corpus.narrative(args.show, _limit(args), args.offset)
            label = corpus.narratives(narrative_id=args.show)["label"].iloc[0]
            print_listing(console, frame, [
                ("published", field("published")), ("site", field("site", 25)),
                ("sim", field("similarity")), ("doc", lambda r: r["doc_id"][:12]),
                ("sentence", field("sentence_text", 100))], noun="sentences",
                title=f"narrative {args.show}: {label}", **_listing(args))
            return 0
        frame = corpus.narratives(_limit(args), offset=args.offset)

    def example(row: dict[str, Any]) -> str:
        """The example sentence with its evidence: document id and character offsets."""
        if not row.get("example_doc_id"):
            return ""
        return (f"{shorten(row['example_text'] or '', 100)} [{row['example_doc_id'][:12]} "
                f"{row['example_start_char']}-{row['example_end_char']}]")

    print_listing(console, frame, [
        ("id", field("narrative_id")), ("label", field("label", 70)),
        ("sentences", field("sentences")), ("docs", field("documents")),
        ("sites", field("sites")), ("from", field("first_date")),
        ("to", field("last_date")), ("cohesion", field("cohesion")),
        ("example", example)],
        noun="narratives", **_listing(args))
    return 0


def cmd_search(args: argparse.Namespace, console: Console) -> int:
    from marea.console import field, print_listing
    from marea.search import RERANK, Filters, search

    with _corpus(args) as corpus:
        actor = corpus.actor_id(args.actor) if args.actor else None
        filters = Filters(actor=actor, event_type=args.type, language=args.language,
                          site=args.site, since=args.since, until=args.until, theme=args.theme,
                          stance=args.stance, duplicates=args.duplicates)
        hits = search(corpus.store, " ".join(args.query), filters, _limit(args), args.offset,
                      mode=args.mode, encoder=_settings(args).models.get("encoder"))
    notes = [] if args.mode == "text" else ["the semantic ranking ranks every document"]
    if any(hit["score"] is None for hit in hits):
        notes.append(f"score -: not re-scored by MiniLM (past its first {RERANK}), in the "
                     "static vectors' order")
    if not args.duplicates:
        notes.append(DUPLICATES_NOTE)
    print_listing(console, hits, [
        ("score", lambda r: "-" if r["score"] is None else f"{r['score']:.3f}"),
        ("id", lambda r: r["doc_id"][:12]),
        ("published", field("published")), ("lang", field("language")),
        ("site", field("site", 24)), ("title", field("title", 40)),
        ("best passage", field("snippet", 80))],
        noun="results, best first", **_listing(args), note="; ".join(notes))
    return 0


def cmd_serve(args: argparse.Namespace, console: Console) -> int:
    import os

    import uvicorn

    from marea.server import allowed_hosts, create_app

    settings = _settings(args)
    if not 1 <= args.port <= 65535:
        raise ConfigError(f"[E080] --port {args.port} is not a TCP port (1-65535).")
    if not Path(settings.db).exists():  # a store file, or a Parquet dataset's folder
        raise StoreError(f"[E081] No store at {settings.db}: run `marea ingest` first.")
    token = os.environ.get("MAREA_TOKEN") or None
    app = create_app(settings, token,
                     hosts=allowed_hosts(args.host, args.port, args.allow_host or ()),
                     url=f"http://{f'[{args.host}]' if ':' in args.host else args.host}"
                         f":{args.port}")
    console.print(f"marea API on http://{args.host}:{args.port} (docs at /docs; writes "
                  f"{'need the bearer token' if token else 'disabled: set MAREA_TOKEN'})",
                  highlight=False)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_report(args: argparse.Namespace, console: Console) -> int:
    from marea.corpus import Corpus
    from marea.web.report import write_report

    with _reading(args) as store:
        path = write_report(Corpus(store), args.actor, Path(args.out))
    console.print(f"report: {path}", highlight=False)
    return 0


def cmd_doctor(args: argparse.Namespace, console: Console) -> int:
    """Check a store (read-only); with --repair, fix what can be fixed and check again."""
    from marea.store import Store
    from marea.store.doctor import diagnose, repair

    db = _settings(args).db
    with Store(db, read_only=True) as store:  # refuses a missing or foreign file
        before = diagnose(store)
    after = before
    if args.repair and any(check.problem for check in before):
        with Store(db) as store:  # opening to write migrates an older schema
            repair(store)
            after = diagnose(store)
    found = {check.name: check.problem for check in before}
    for check in after:  # one line per check: ok, fixed (what was wrong) or problem
        if check.problem:
            line = f"problem  {check.name}: {check.problem}"
        elif found.get(check.name):
            line = f"fixed    {check.name}: {found[check.name]}"
        else:
            line = f"ok       {check.name}"
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    return 1 if any(check.problem for check in after) else 0


def count(text: str) -> int:
    """An argparse type for limits, tops and ids: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return value


def start(text: str) -> int:
    """An argparse type for --offset: a whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 0")
    return value


def day(text: str) -> str:
    """An argparse type for --since/--until: the one date grammar of marea.params."""
    from marea.params import date_prefix

    try:
        return str(date_prefix(text))
    except MareaError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def fetch_flags(parser: argparse.ArgumentParser) -> None:
    """The flags of commands that fetch URLs."""
    parser.add_argument("--warc", help="also append every fetched response to this WARC file")
    parser.add_argument("--allow-private", action="store_true", help="let URLs reach "
                        "loopback, private and link-local addresses (refused by default)")
    parser.add_argument("--ignore-robots", action="store_true",
                        help="fetch pages robots.txt forbids (only sites you may crawl)")


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: what is wrong and where the options are listed, no
    usage block, and a close match for a misspelt flag."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (`{self.prog} -h` lists the options)\n")

    def unrecognized(self, words: list[str]) -> NoReturn:
        flags = [flag for action in self._actions for flag in action.option_strings]
        named = []
        for word in words:
            close = difflib.get_close_matches(word.split("=", 1)[0], flags, 1) \
                if word.startswith("-") else []
            named.append(f"{word} (did you mean {close[0]}?)" if close else word)
        self.error(f"unrecognized arguments: {' '.join(named)}")


def build_parser() -> Parser:
    from marea import __version__

    parser = Parser(
        prog="marea", description="Political news and opinion as a dated, queryable knowledge "
        "base.", epilog="Start with `marea demo`, or `marea ingest FOLDER` then `marea status`"
        "; `marea COMMAND -h` shows a command's options.")
    parser.add_argument("--version", action="version", version=f"marea {__version__}")
    common = Parser(add_help=False)
    common.add_argument("--db", help="DuckDB store file (default: ./marea.duckdb)")
    common.add_argument("--config", help="settings file (TOML) overlaying the defaults")

    def listing(rows: int = 50) -> list[Parser]:
        """The flags of every listing command (a new parser each: defaults differ)."""
        flags = Parser(add_help=False, parents=[common])
        flags.add_argument("--limit", type=count, default=rows,
                           help=f"rows to show (default {rows})")
        flags.add_argument("--offset", type=start, default=0, help="rows to skip first")
        flags.add_argument("--all", action="store_true", help="show every row")
        flags.add_argument("--json", action="store_true",
                           help="print {shown, total, offset, items} as JSON")
        return [flags]
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", parents=[common], help="read files and folders into the store")
    p.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .jsonl .csv "
                   "RSS/Atom .xml .warc[.gz]) or http(s) URLs of pages, feeds or sitemaps")
    p.add_argument("--kb", action="append", help="extra actor knowledge-base YAML file")
    fetch_flags(p)
    p.add_argument("--workers", type=count, help="processes computing batches (default: "
                   "setting `workers`, one per core; 1 runs everything in this process)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="run the stages on this dask.distributed scheduler's workers")
    p.add_argument("--parquet", metavar="DIR", help="have the workers write Parquet "
                   "partitions of every table into DIR instead of the store (`marea merge`)")
    p.add_argument("--server", metavar="URL", help="upload to this running `marea serve` "
                   "(token in $MAREA_TOKEN) instead of writing the store")
    p.set_defaults(run=cmd_ingest)
    p = sub.add_parser("merge", parents=[common],
                       help="load Parquet partitions written by `ingest --parquet` into a store")
    p.add_argument("folder", help="the DIR given to `ingest --parquet`")
    p.set_defaults(run=cmd_merge)
    p = sub.add_parser("reanalyse", parents=[common],
                       help="run stages again over stored documents (after an upgrade)")
    p.add_argument("--stages", type=stage_list, metavar="STAGE,...",
                   help="stages to run again (with those that read what they write)")
    p.add_argument("--all", action="store_true",
                   help="every stage, cleaning again from the stored raw bytes")
    p.add_argument("--workers", type=count, help="processes computing batches (default: "
                   "setting `workers`, one per core)")
    p.set_defaults(run=cmd_reanalyse)
    p = sub.add_parser("watch", parents=[common],
                       help="poll the sources of a TOML file, ingest what is new, raise alerts")
    p.add_argument("sources", help="sources file (TOML; see README)")
    p.add_argument("--polls", type=count, help="stop after this many polls (default: never)")
    fetch_flags(p)
    p.set_defaults(run=cmd_watch)
    p = sub.add_parser("sources", parents=listing(), help="watched sources and their polls")
    p.set_defaults(run=cmd_sources)
    p = sub.add_parser("alerts", parents=listing(), help="what changed after each poll")
    p.add_argument("--kind", help="event, attention, stance or narrative")
    p.add_argument("--since", help="alerts raised on or after this date (YYYY[-MM[-DD]])")
    p.set_defaults(run=cmd_alerts)
    p = sub.add_parser("demo", parents=[common], help="ingest the bundled example articles")
    p.set_defaults(run=cmd_demo)
    p = sub.add_parser("status", parents=[common], help="counts and recent runs")
    p.set_defaults(run=cmd_status)
    p = sub.add_parser("docs", parents=listing(), help="table of stored documents")
    p.add_argument("--actor", help="documents naming this actor (id, name or alias)")
    p.add_argument("--language", help="two-letter language code, e.g. es")
    p.add_argument("--site", help="documents from this source (see README: sources)")
    p.add_argument("--since", type=day, help="ISO date or prefix, e.g. 2021-07")
    p.add_argument("--until", type=day, help="ISO date or prefix, inclusive")
    p.add_argument("--duplicates", action="store_true", help="list near-duplicate copies too")
    p.set_defaults(run=cmd_docs)
    p = sub.add_parser("show", parents=[common], help="one document with mentions highlighted")
    p.add_argument("doc", help="document id or a unique prefix of it")
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("actors", parents=listing(), help="actors ranked by mentions")
    p.add_argument("--type", choices=["person", "country", "org", "agent"])
    p.add_argument("--top", type=count, dest="limit", help="same as --limit")
    p.add_argument("--unknown", action="store_true",
                   help="list names not in the knowledge base, to promote into a --kb file")
    p.set_defaults(run=cmd_actors)
    p = sub.add_parser("actor", parents=[common], help="one actor: roles, documents, evidence")
    p.add_argument("name", help="actor id, name or alias")
    p.set_defaults(run=cmd_actor)
    p = sub.add_parser("events", parents=listing(), help="coded events, newest first")
    p.add_argument("--actor", help="actor id, name or alias (as source or target)")
    p.add_argument("--type", help="PLOVER event type, e.g. PROTEST")
    p.add_argument("--site", help="events in documents from this site (any case)")
    p.add_argument("--since", type=day, help="ISO date or prefix, e.g. 2021-07")
    p.add_argument("--until", type=day, help="ISO date or prefix, inclusive")
    p.add_argument("--duplicates", action="store_true", help="events of near-duplicates too")
    p.set_defaults(run=cmd_events)
    p = sub.add_parser("timeline", parents=listing(100),
                       help="one actor's stories by date, with how many reported each")
    p.add_argument("actor", help="actor id, name or alias")
    p.add_argument("--duplicates", action="store_true", help="events of near-duplicates too")
    p.set_defaults(run=cmd_timeline)
    p = sub.add_parser("stories", parents=listing(),
                       help="events across the documents reporting them, most reported first")
    p.add_argument("--actor", help="actor id, name or alias (as source or target)")
    p.add_argument("--type", help="PLOVER event type, e.g. COERCE")
    p.add_argument("--since", type=day, help="ISO date or prefix, e.g. 2021-07")
    p.add_argument("--until", type=day, help="ISO date or prefix, inclusive")
    p.add_argument("--duplicates", action="store_true",
                   help="stories only near-duplicate copies report too")
    p.add_argument("--show", type=count, help="list every report of this story id")
    p.set_defaults(run=cmd_stories)
    p = sub.add_parser("stance", parents=listing(),
                       help="how each document leans toward an actor, and over time by source")
    p.add_argument("actor", help="actor id, name or alias")
    p.add_argument("--by", choices=["year", "month"], default="year")
    p.add_argument("--site", help="only documents from this source (any case)")
    p.add_argument("--since", type=day, help="ISO date or prefix, e.g. 2021-07")
    p.add_argument("--until", type=day, help="ISO date or prefix, inclusive")
    p.set_defaults(run=cmd_stance)
    p = sub.add_parser("attention", parents=[common],
                       help="mentions of an actor per day, week, month or year")
    p.add_argument("actor", help="actor id, name or alias")
    p.add_argument("--by", choices=["day", "week", "month", "year"], default="month")
    p.add_argument("--by-site", action="store_true", help="one series per site")
    p.add_argument("--json", action="store_true", help="print the series as JSON")
    p.set_defaults(run=cmd_attention)
    p = sub.add_parser("themes", parents=listing(), help="themes across the corpus or in a doc")
    p.add_argument("--doc", help="one document's themed sentences (id or prefix)")
    p.add_argument("--language")
    p.add_argument("--since", type=day, help="ISO date or prefix, e.g. 2021-07")
    p.add_argument("--until", type=day, help="ISO date or prefix, inclusive")
    p.set_defaults(run=cmd_themes)
    p = sub.add_parser("frames", parents=[common], help="a document with framing spans marked")
    p.add_argument("doc", help="document id or a unique prefix of it")
    p.set_defaults(run=cmd_frames)
    p = sub.add_parser("claims", parents=listing(), help="check-worthy claims and who makes them")
    p.add_argument("--actor", help="claims attributed to this actor")
    p.add_argument("--kind", choices=["figure", "poll", "ranking", "comparison", "superlative"])
    p.add_argument("--duplicates", action="store_true", help="claims of near-duplicates too")
    p.set_defaults(run=cmd_claims)
    p = sub.add_parser("narratives", parents=listing(), help="recurring narratives")
    p.add_argument("--show", type=count, help="list the sentences of this narrative id")
    p.add_argument("--rebuild", action="store_true",
                   help="re-cluster every narrative from scratch first (new ids)")
    p.set_defaults(run=cmd_narratives)
    p = sub.add_parser("search", parents=listing(20),
                       help="hybrid (full-text + semantic) search with filters")
    p.add_argument("query", nargs="+", help="words to search for (quotes optional)")
    p.add_argument("--actor", help="documents naming this actor (id, name or alias)")
    p.add_argument("--type", help="documents with an event of this PLOVER type")
    p.add_argument("--language")
    p.add_argument("--site")
    p.add_argument("--since", type=day, help="ISO date or prefix, e.g. 2021-07")
    p.add_argument("--until", type=day, help="ISO date or prefix, inclusive")
    p.add_argument("--theme", help="documents with this theme (see `marea themes`)")
    p.add_argument("--stance", choices=["favor", "against", "neutral"],
                   help="documents with this stance toward --actor")
    p.add_argument("--mode", choices=["hybrid", "text", "semantic"], default="hybrid")
    p.add_argument("--duplicates", action="store_true", help="near-duplicate copies too")
    p.set_defaults(run=cmd_search)
    p = sub.add_parser("serve", parents=[common], help="REST API (token in $MAREA_TOKEN)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--allow-host", action="append", metavar="NAME",
                   help="also answer requests for this Host name (repeatable; loopback "
                        "names and --host are always answered)")
    p.set_defaults(run=cmd_serve)
    p = sub.add_parser("report", parents=[common], help="self-contained HTML page on an actor")
    p.add_argument("actor", help="actor id, name or alias")
    p.add_argument("--out", required=True, help="HTML file to write")
    p.set_defaults(run=cmd_report)
    p = sub.add_parser("doctor", parents=[common],
                       help="check a store (runs, refresh, orphan rows); --repair fixes it")
    p.add_argument("--repair", action="store_true",
                   help="mark killed runs interrupted, delete orphan rows, complete the refresh")
    p.set_defaults(run=cmd_doctor)
    p = sub.add_parser("export", parents=[common], help="write tables to a folder")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--force", action="store_true", help="overwrite files of an earlier export")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "gdelt", "graph"],
                   default="jsonl", help="gdelt: asserted events as GDELT 2.0 event-table "
                   "rows; graph: actor co-mention network for Gephi (GEXF and CSV)")
    p.set_defaults(run=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    import duckdb

    from marea.console import SafeConsole, printable

    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if args.command is None:
        parser.print_help()
        return 0 if not unknown else 2
    if unknown:  # a misspelt flag is reported by its command, with a close match
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        commands.choices[args.command].unrecognized(unknown)
    console = SafeConsole()
    try:
        return int(args.run(args, console))
    except (MareaError, duckdb.Error) as exc:
        # one line, never wrapped: scripts and log readers take it whole
        reason = " ".join(str(exc).split())
        if isinstance(exc, duckdb.Error):
            reason = f"store error ({type(exc).__name__}): {reason}"
        sys.stderr.write(f"marea: {printable(reason)}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
