"""Terminal views of actors: the ranked list and one actor's page."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marea.actors.kb import fold
from marea.errors import StoreError
from marea.store import Store

TYPES = {"person": ["person"], "country": ["country"], "org": ["org", "party"],
         "agent": ["agent"], "unknown": ["place", "group", "misc"]}


def print_actors(console: Console, store: Store, kind: str | None, top: int,
                 unknown: bool = False) -> None:
    """Print actors ranked by mentions; `unknown` lists names not in the knowledge base."""
    where, params = ["1 = 1"], []
    if kind:
        where.append("(list_contains(?, a.type) OR (? = 'person' AND a.type = 'person'))")
        params += [TYPES.get(kind, [kind]), kind]
    where.append("a.origin = 'unknown'" if unknown else "a.origin <> 'unknown'")
    rows = store.query(
        "SELECT a.actor_id, a.name, a.type, coalesce(a.cameo, ''), count(*) AS mentions, "
        "count(DISTINCT m.doc_id) AS docs FROM mentions m JOIN actors a USING (actor_id) "
        f"WHERE {' AND '.join(where)} GROUP BY ALL ORDER BY mentions DESC, a.name LIMIT ?",
        [*params, top])
    table = Table("id", "name", "type", "code", "mentions", "docs",
                  title="unknown actors (add them to a --kb file)" if unknown else "actors")
    for row in rows:
        table.add_row(*(Text(str(v)) for v in row))
    console.print(table)


def find_actor(store: Store, name: str) -> str:
    """Return the id of the actor named `name` (id, name or alias, accents and case ignored)."""
    rows = store.query("SELECT actor_id, name, aliases FROM actors")
    wanted = fold(name)
    exact = [r[0] for r in rows if r[0] == name]
    named = [r[0] for r in rows if fold(r[1]) == wanted]
    aliased = [r[0] for r in rows if wanted in {fold(a) for a in json.loads(r[2] or "[]")}]
    for found in (exact, named, aliased):
        if found:
            return str(sorted(found)[0])
    # A word of the name ("Castillo"): the most mentioned actor whose name has that word.
    partial = store.query(
        "SELECT a.actor_id FROM actors a JOIN mentions m USING (actor_id) "
        "WHERE list_contains(string_split(lower(strip_accents(a.name)), ' '), ?) "
        "GROUP BY a.actor_id ORDER BY count(*) DESC, a.actor_id LIMIT 1", [wanted])
    if partial:
        return str(partial[0][0])
    raise StoreError(f"[E024] No actor named '{name}' in {store.path} (see `marea actors`).")


def print_actor(console: Console, store: Store, name: str, sentences: int = 10) -> None:
    """Print an actor's identity, roles, documents, co-mentioned actors and evidence."""
    actor_id = find_actor(store, name)
    (kind, label, country, cameo, origin, aliases, roles), = store.query(
        "SELECT type, name, country, cameo, origin, aliases, roles FROM actors "
        "WHERE actor_id = ?", [actor_id])
    console.print(Text(f"{label}  ({actor_id}, {kind}, {origin})", style="bold"))
    if country or cameo:
        console.print(f"country {country or '-'} · code {cameo or '-'}", highlight=False)
    names = json.loads(aliases or "[]")
    if names:
        console.print("aliases: " + ", ".join(names), highlight=False)
    for role in json.loads(roles or "[]"):
        console.print(f"  {role['country']}{role['sector']}  {role['title']}  "
                      f"{role['start'] or '?'} – {role['end'] or 'now'}", highlight=False)
    docs = Table("document", "published", "mentions", "role then", "title")
    for row in store.query(
            "SELECT left(d.doc_id, 12), d.published, count(*), "
            "coalesce(any_value(m.role), '-'), coalesce(d.title, split_part(d.text, chr(10), 1)) "
            "FROM mentions m JOIN documents d USING (doc_id) WHERE m.actor_id = ? "
            "GROUP BY d.doc_id, d.published, d.title, d.text ORDER BY d.published NULLS LAST",
            [actor_id]):
        docs.add_row(*(Text("" if v is None else str(v)) for v in row))
    console.print(docs)
    co = store.query(
        "SELECT a.name, count(DISTINCT o.doc_id) AS docs FROM mentions m "
        "JOIN mentions o ON o.doc_id = m.doc_id AND o.actor_id <> m.actor_id "
        "JOIN actors a ON a.actor_id = o.actor_id "
        "WHERE m.actor_id = ? AND a.origin <> 'unknown' GROUP BY a.name "
        "ORDER BY docs DESC, a.name LIMIT 10", [actor_id])
    console.print("co-mentioned: " + ", ".join(f"{n} ({d})" for n, d in co), highlight=False)
    evidence = store.query(
        "SELECT DISTINCT left(d.doc_id, 12), s.start_char, "
        "substr(d.text, s.start_char + 1, s.end_char - s.start_char) "
        "FROM mentions m JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
        "JOIN documents d ON d.doc_id = m.doc_id WHERE m.actor_id = ? "
        "ORDER BY 1, 2 LIMIT ?", [actor_id, sentences])
    for doc_id, start, sentence in evidence:
        console.print(Text(f"[{doc_id}@{start}] ", style="dim") + Text(sentence.strip()))
