"""Command line: parses arguments and hands over to the modules that do the work."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

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

    return Store(_settings(args).db, read_only=True)


def _ingest(paths: list[str], settings: Settings, console: Console, command: str) -> int:
    from marea.console import print_summary, progress_bar
    from marea.pipeline import RunSummary, ingest
    from marea.store import Store

    with Store(settings.db) as store, progress_bar(console) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, last="")

        def show(summary: RunSummary, last: str) -> None:
            done = summary.stored + summary.duplicates
            seconds = summary.seconds or 1.0
            bar.update(task, completed=done, rate=done / seconds, last=Path(last).name)

        summary = ingest(paths, store, settings, on_progress=show, command=command)
    print_summary(console, summary)
    return 1 if summary.failed else 0


def cmd_ingest(args: argparse.Namespace, console: Console) -> int:
    settings = _settings(args)
    if args.kb:
        settings = settings.with_(kb_files=settings.kb_files + tuple(args.kb))
    return _ingest(args.paths, settings, console, "ingest " + " ".join(args.paths))


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_documents

    settings = _settings(args)
    root = resources.files("marea").joinpath("examples")
    paths = [str(root.joinpath(name)) for name in EXAMPLE_FOLDERS]
    code = _ingest(paths, settings, console, "demo")
    with _reading(args) as store:
        print_documents(console, store, limit=50)
    console.print(f"Try: marea show <id> --db {settings.db}", highlight=False)
    return code


def cmd_status(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_status

    with _reading(args) as store:
        print_status(console, store)
    return 0


def cmd_docs(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_documents

    with _reading(args) as store:
        print_documents(console, store, args.limit)
    return 0


def cmd_show(args: argparse.Namespace, console: Console) -> int:
    from marea.console import print_document

    with _reading(args) as store:
        print_document(console, store, args.doc)
    return 0


def cmd_export(args: argparse.Namespace, console: Console) -> int:
    from marea.export import export

    with _reading(args) as store:
        for table, path in export(store, args.out, args.format).items():
            console.print(f"{table}: {path}", highlight=False)
    return 0


def cmd_actors(args: argparse.Namespace, console: Console) -> int:
    from marea.actors.views import print_actors

    with _reading(args) as store:
        print_actors(console, store, args.type, args.top, args.unknown)
    return 0


def cmd_actor(args: argparse.Namespace, console: Console) -> int:
    from marea.actors.views import print_actor

    with _reading(args) as store:
        print_actor(console, store, args.name)
    return 0


def cmd_events(args: argparse.Namespace, console: Console) -> int:
    from marea.events.views import print_events

    with _reading(args) as store:
        print_events(console, store, args.actor, args.type, args.since, args.until, args.limit)
    return 0


def cmd_timeline(args: argparse.Namespace, console: Console) -> int:
    from marea.events.views import print_timeline

    with _reading(args) as store:
        print_timeline(console, store, args.actor, args.limit)
    return 0


def _corpus(args: argparse.Namespace) -> Corpus:
    from marea.corpus import Corpus

    return Corpus(_reading(args))


def cmd_stance(args: argparse.Namespace, console: Console) -> int:
    from marea.opinion.views import print_stance

    with _corpus(args) as corpus:
        print_stance(console, corpus, args.actor, args.by, args.site, args.limit)
    return 0


def cmd_themes(args: argparse.Namespace, console: Console) -> int:
    from marea.opinion.views import print_themes

    with _corpus(args) as corpus:
        print_themes(console, corpus, args.doc, args.language, args.since, args.until)
    return 0


def cmd_frames(args: argparse.Namespace, console: Console) -> int:
    from marea.opinion.views import print_frames

    with _corpus(args) as corpus:
        print_frames(console, corpus, args.doc)
    return 0


def cmd_claims(args: argparse.Namespace, console: Console) -> int:
    from marea.opinion.views import print_claims

    with _corpus(args) as corpus:
        print_claims(console, corpus, args.actor, args.kind, args.limit)
    return 0


def cmd_narratives(args: argparse.Namespace, console: Console) -> int:
    from marea.opinion.views import print_narratives

    with _corpus(args) as corpus:
        print_narratives(console, corpus, args.show, args.limit)
    return 0


def cmd_search(args: argparse.Namespace, console: Console) -> int:
    from rich.table import Table
    from rich.text import Text

    from marea.actors.views import find_actor
    from marea.search import Filters, search

    with _reading(args) as store:
        actor = find_actor(store, args.actor) if args.actor else None
        filters = Filters(actor=actor, event_type=args.type, language=args.language,
                          site=args.site, since=args.since, until=args.until, theme=args.theme,
                          stance=args.stance)
        table = Table("score", "id", "published", "lang", "title", "best passage")
        hits = search(store, args.query, filters, args.limit, mode=args.mode,
                      encoder=_settings(args).models.get("encoder"))
        for hit in hits:
            table.add_row(f"{hit['score']:.3f}", hit["doc_id"][:12], hit["published"] or "",
                          hit["language"] or "", Text((hit["title"] or "")[:40]),
                          Text(" ".join(str(hit["snippet"]).split())[:80]))
        console.print(table)
    return 0


def cmd_serve(args: argparse.Namespace, console: Console) -> int:
    import os

    import uvicorn

    from marea.server import allowed_hosts, create_app

    settings = _settings(args)
    if not 1 <= args.port <= 65535:
        raise ConfigError(f"[E070] --port {args.port} is not a TCP port (1-65535).")
    if not Path(settings.db).is_file():
        raise StoreError(f"[E071] No store at {settings.db}: run `marea ingest` first.")
    token = os.environ.get("MAREA_TOKEN") or None
    app = create_app(settings, token,
                     hosts=allowed_hosts(args.host, args.port, args.allow_host or ()))
    console.print(f"marea API on http://{args.host}:{args.port} (docs at /docs; writes "
                  f"{'need the bearer token' if token else 'disabled: set MAREA_TOKEN'})",
                  highlight=False)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_report(args: argparse.Namespace, console: Console) -> int:
    from marea.corpus import Corpus
    from marea.web.pages import write_report

    with _reading(args) as store:
        path = write_report(Corpus(store), args.actor, Path(args.out))
    console.print(f"report: {path}", highlight=False)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marea", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="DuckDB store file (default: ./marea.duckdb)")
    common.add_argument("--config", help="settings file (TOML) overlaying the defaults")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="read files and folders into the store")
    p.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .jsonl .csv "
                   "RSS/Atom .xml .warc[.gz])")
    p.add_argument("--kb", action="append", help="extra actor knowledge-base YAML file")
    p.set_defaults(run=cmd_ingest)
    p = sub.add_parser("demo", parents=[common], help="ingest the bundled example articles")
    p.set_defaults(run=cmd_demo)
    p = sub.add_parser("status", parents=[common], help="counts and recent runs")
    p.set_defaults(run=cmd_status)
    p = sub.add_parser("docs", parents=[common], help="table of stored documents")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(run=cmd_docs)
    p = sub.add_parser("show", parents=[common], help="one document with mentions highlighted")
    p.add_argument("doc", help="document id or a unique prefix of it")
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("actors", parents=[common], help="actors ranked by mentions")
    p.add_argument("--type", choices=["person", "country", "org", "agent"])
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--unknown", action="store_true",
                   help="list names not in the knowledge base, to promote into a --kb file")
    p.set_defaults(run=cmd_actors)
    p = sub.add_parser("actor", parents=[common], help="one actor: roles, documents, evidence")
    p.add_argument("name", help="actor id, name or alias")
    p.set_defaults(run=cmd_actor)
    p = sub.add_parser("events", parents=[common], help="coded events, filtered")
    p.add_argument("--actor", help="actor id, name or alias (as source or target)")
    p.add_argument("--type", help="PLOVER event type, e.g. PROTEST")
    p.add_argument("--since", help="ISO date or prefix, e.g. 2021-07")
    p.add_argument("--until", help="ISO date or prefix, inclusive")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(run=cmd_events)
    p = sub.add_parser("timeline", parents=[common], help="one actor's events by date")
    p.add_argument("actor", help="actor id, name or alias")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(run=cmd_timeline)
    p = sub.add_parser("stance", parents=[common],
                       help="how each document leans toward an actor, and over time by source")
    p.add_argument("actor", help="actor id, name or alias")
    p.add_argument("--by", choices=["year", "month"], default="year")
    p.add_argument("--site", help="only documents from this site/source")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(run=cmd_stance)
    p = sub.add_parser("themes", parents=[common], help="themes across the corpus or in a doc")
    p.add_argument("--doc", help="one document's themed sentences (id or prefix)")
    p.add_argument("--language")
    p.add_argument("--since")
    p.add_argument("--until")
    p.set_defaults(run=cmd_themes)
    p = sub.add_parser("frames", parents=[common], help="a document with framing spans marked")
    p.add_argument("doc", help="document id or a unique prefix of it")
    p.set_defaults(run=cmd_frames)
    p = sub.add_parser("claims", parents=[common], help="check-worthy claims and who makes them")
    p.add_argument("--actor", help="claims attributed to this actor")
    p.add_argument("--kind", choices=["figure", "poll", "ranking", "comparison", "superlative"])
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(run=cmd_claims)
    p = sub.add_parser("narratives", parents=[common], help="recurring narratives")
    p.add_argument("--show", type=int, help="list the sentences of this narrative id")
    p.add_argument("--limit", type=int, default=30)
    p.set_defaults(run=cmd_narratives)
    p = sub.add_parser("search", parents=[common],
                       help="hybrid (full-text + semantic) search with filters")
    p.add_argument("query")
    p.add_argument("--actor", help="documents naming this actor (id, name or alias)")
    p.add_argument("--type", help="documents with an event of this PLOVER type")
    p.add_argument("--language")
    p.add_argument("--site")
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--theme", help="documents with this theme (see `marea themes`)")
    p.add_argument("--stance", choices=["favor", "against", "neutral"],
                   help="documents with this stance toward --actor")
    p.add_argument("--mode", choices=["hybrid", "text", "semantic"], default="hybrid")
    p.add_argument("--limit", type=int, default=20)
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
    p = sub.add_parser("export", parents=[common], help="write tables to a folder")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", choices=["jsonl", "parquet", "gdelt"], default="jsonl",
                   help="gdelt: asserted events as GDELT 2.0 event-table rows")
    p.set_defaults(run=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    console = Console()
    try:
        return int(args.run(args, console))
    except MareaError as exc:
        Console(stderr=True).print(f"marea: {exc}", style="red", highlight=False, markup=False)
        return 2


if __name__ == "__main__":
    sys.exit(main())
