"""Terminal views of actors: the ranked list and one actor's page."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marea.actors.kb import fold, load_kb
from marea.errors import StoreError
from marea.store import Store

# How a name was matched, strongest first: knowledge-base actors come before unknown names.
BY_ID, BY_KB_NAME, BY_KB_SURNAME, BY_STORED_NAME, BY_UNKNOWN_NAME, BY_WORD = range(6)
HOW = {BY_ID: "id", BY_KB_NAME: "name", BY_KB_SURNAME: "surname", BY_STORED_NAME: "name",
       BY_UNKNOWN_NAME: "unknown name", BY_WORD: "a word of the name"}


def actor_candidates(store: Store, name: str) -> list[tuple[int, str, str, int]]:
    """Return (match strength, actor id, name, mentions) of every stored actor `name` may
    mean, strongest and most mentioned first.

    Knowledge-base names, aliases and metonyms ("Washington" is the United States) rank over
    surnames, which rank over unknown names; titles are ignored ("President Bush").
    """
    kb = load_kb()
    stored = {row[0]: row[1:] for row in store.query(
        "SELECT a.actor_id, a.name, a.origin, a.aliases, coalesce(s.mentions, 0) "
        "FROM actors a LEFT JOIN actor_stats s USING (actor_id)")}
    found: dict[str, int] = {}

    def add(actor_id: str, strength: int) -> None:
        if actor_id in stored:
            found[actor_id] = min(strength, found.get(actor_id, strength))

    add(name.strip(), BY_ID)
    for form in {name.strip(), kb.strip_title(name.strip())}:
        for alias in kb.lookup(form):
            add(alias.actor_id, BY_KB_SURNAME if alias.kind == "surname" else BY_KB_NAME)
        wanted = fold(form)
        for actor_id, (label, origin, aliases, _) in stored.items():
            names = {fold(label), *(fold(a) for a in json.loads(aliases or "[]"))}
            if wanted in names:
                add(actor_id, BY_UNKNOWN_NAME if origin == "unknown" else BY_STORED_NAME)
            elif wanted and wanted in fold(label).split():
                add(actor_id, BY_WORD)
    return sorted(((strength, actor_id, stored[actor_id][0], int(stored[actor_id][3]))
                   for actor_id, strength in found.items()),
                  key=lambda c: (c[0], -c[3], c[1]))


def find_actor(store: Store, name: str) -> str:
    """Return the id of the actor `name` means (id, name, alias, surname, any case/accents).

    Several equally strong candidates that are all mentioned are refused with the list, so a
    look-up never silently picks the wrong person.
    """
    candidates = actor_candidates(store, name)
    if not candidates:
        raise StoreError(f"[E024] No actor named '{name}' in this store (see `marea actors`).")
    best = [c for c in candidates if c[0] == candidates[0][0]]
    if len(best) > 1 and best[0][0] != BY_ID and best[1][3] > 0:
        listed = "; ".join(f"{c[1]} ({c[2]}, {c[3]} mentions)" for c in best[:6])
        raise StoreError(f"[E028] '{name}' may mean several actors: {listed}. Give the full "
                         "name or the id.")
    return best[0][1]


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
