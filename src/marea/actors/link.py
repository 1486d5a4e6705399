"""Actor stage: link every mention to an actor of the knowledge base, an agent or an unknown.

Per document, in three passes over the candidate spans (named-entity mentions, knowledge-base
alias matches over the tokens, common-noun agent terms):
1. countries in context: count the states named unambiguously (names, capitals, metonyms);
2. people named in full (known or not), so a bare "Castillo" or "Morales" resolves to the
   person the same document named, before any knowledge-base guess;
3. link: in-document person, else knowledge-base alias (ambiguous ones scored by the
   document's countries and date), else an agent coded with the country in context, else an
   unknown actor with a stable id.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from marea.actors.kb import Actor, Alias, KnowledgeBase, fold, load_kb, parse_day
from marea.model import ActorRecord, Document, Mention, Token
from marea.settings import Settings

# Entity labels (OntoNotes English, CoNLL Spanish) that name actors, and the unknown type.
ACTOR_LABELS = {"PERSON": "person", "PER": "person", "ORG": "org", "GPE": "place",
                "LOC": "place", "NORP": "group", "FAC": "place", "MISC": "misc"}
PERSON_LABELS = {"PERSON", "PER"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}  # never a bare surname ("La Paz" is no Paz)
# Label given to spans that only the knowledge base found, by actor type and language family.
KB_LABELS = {
    "en": {"person": "PERSON", "country": "GPE", "party": "ORG", "org": "ORG", "agent": "AGENT"},
    "xx": {"person": "PER", "country": "LOC", "party": "ORG", "org": "ORG", "agent": "AGENT"},
}
STRONG = {"name", "alias", "acronym", "capital", "metonym", "demonym"}
# Kinds that say where a state is: they count as the document's countries in context.
COUNTRY_EVIDENCE = {"name", "alias", "acronym", "capital", "metonym", "demonym"}
SECTOR_NAMES = {"GOV": "government", "OPP": "opposition", "MIL": "military", "JUD": "judiciary",
                "LEG": "legislature", "PTY": "party", "REB": "rebels", "MED": "media",
                "CVL": "civilians", "IGO": "international organisation", "BUS": "business",
                "COP": "police", "LAB": "labour", "EDU": "education", "REL": "religion"}
POSSESSIVE = re.compile(r"(?:'s|’s|')$")
SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class _Candidate:
    """A span that may name an actor; `mention` is the Mention it is or will become."""

    start: int
    end: int
    mention: Mention
    entries: list[Alias]
    from_ner: bool


def actors(batch: list[Document], settings: Settings) -> list[Document]:
    """Link the mentions of each document to actors (adding spans the knowledge base finds)."""
    kb = load_kb(settings.kb_files)
    for doc in batch:
        link_document(doc, kb)
    return batch


def link_document(doc: Document, kb: KnowledgeBase) -> None:
    """Fill actor_id, role and link of the document's mentions; list its actors."""
    day = parse_day(doc.metadata.get("published"))
    family = "en" if doc.language == "en" else "xx"
    candidates = _candidates(doc, kb, family)
    countries, sentence_countries = _countries_in_context(candidates, kb)
    people = _people_named_in_full(candidates, kb)
    records: dict[str, ActorRecord] = {}
    for cand in candidates:
        mention = cand.mention
        actor, how = _resolve(cand, kb, countries, people, day)
        if actor is None:
            sector = kb.agent_sector(_clean_name(mention.text, kb), doc.language)
            if sector:
                local = sentence_countries.get(mention.sentence) or countries
                country = local.most_common(1)[0][0] if local else ""
                actor, how = _agent(kb, country, sector), "agent"
        if (actor is None and mention.label in ACTOR_LABELS and mention.label != "MISC"
                and _has_proper_noun(mention, doc.tokens)):
            actor, how = _unknown(mention, kb), "unknown"
        if actor is None:
            continue
        mention.actor_id, mention.link = actor.id, how
        mention.role = actor.role_at(day)
        records[actor.id] = _record(actor)
    _link_agents(doc, kb, countries, sentence_countries, records)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    doc.actors = list(records.values())


def _candidates(doc: Document, kb: KnowledgeBase, family: str) -> list[_Candidate]:
    """Return NER mentions plus knowledge-base matches NER missed, in text order."""
    for mention in doc.mentions:
        if mention.label in PERSON_LABELS:
            _extend_name_left(mention, doc, kb)
    _add_missed_people(doc, kb, family)
    ner = [m for m in doc.mentions if m.label in ACTOR_LABELS]
    found = [_Candidate(m.start, m.end, m, _lookup(m.text, kb), True) for m in ner]
    matches = _alias_matches(doc.tokens, doc.text, kb)
    for start, end, entries, sentence in matches:
        inside = [c for c in found if c.from_ner and c.start <= start and end <= c.end]
        if any(c.start == start and c.end == end for c in inside):
            continue
        if inside and not _split_container(inside[0], start, end, entries, matches, kb):
            continue
        if any(c.start < end and start < c.end and _is_known(c) for c in found):
            continue
        # spaCy sometimes calls an acronym a DATE, or cuts a long name into unknown pieces
        # ("Organización" + "Estados Americanos"): the knowledge-base span replaces them.
        pieces = [c for c in found if c.from_ner and not _is_known(c)
                  and start <= c.start and c.end <= end]
        found = [c for c in found if c not in pieces]
        doc.mentions = [m for m in doc.mentions
                        if (m.label in ACTOR_LABELS and all(m is not c.mention for c in pieces))
                        or not (m.start < end and start < m.end)]
        actor = kb.actors[entries[0].actor_id]
        mention = Mention(start, end, doc.text[start:end], KB_LABELS[family][actor.type],
                          sentence)
        doc.mentions.append(mention)
        found.append(_Candidate(start, end, mention, entries, False))
    found.sort(key=lambda c: (c.start, -c.end))
    return found


def _is_known(cand: _Candidate) -> bool:
    """Whether a span is a knowledge-base name outright (not only a possible surname)."""
    return any(e.kind in STRONG for e in cand.entries)


def _split_container(container: _Candidate, start: int, end: int, entries: list[Alias],
                     matches: list[tuple[int, int, list[Alias], int]], kb: KnowledgeBase
                     ) -> bool:
    """Decide whether a knowledge-base match inside a longer entity span stands on its own.

    A known name inside an entity that is itself known ("Lima" in "Lima Group") does not; a
    person's name inside a longer person span ("Mexico's Andrés Manuel López Obrador") does,
    and so do the parts of a compound place ("Caracas-Buenos Aires-Brasilia"), but a lone
    part of another place or group ("American" in "Latin American") does not. When a match
    stands, the container is no longer linked as a whole.
    """
    if _is_known(container):
        return False
    label = container.mention.label
    if label in PERSON_LABELS:
        # Only a full known name stands inside a longer person span, not a shared surname
        # ("Paniagua" inside "Héctor Paniagua" is not Valentín Paniagua).
        stands = any(kb.actors[e.actor_id].type == "person" and (
            e.kind == "name" or (e.kind == "alias" and len(fold(doc_text).split()) > 1))
            for e in entries for doc_text in [container.mention.text[
                start - container.start:end - container.start]])
    elif label in ("NORP", "GPE", "LOC", "FAC"):
        parts = [m for m in matches if container.start <= m[0] and m[1] <= container.end]
        stands = len(parts) >= 2
    else:
        stands = True
    if stands:
        container.entries = []
        container.mention.label = "CONTAINER"  # kept as a span, never linked as a whole
    return stands


def _add_missed_people(doc: Document, kb: KnowledgeBase, family: str) -> None:
    """Add person spans NER missed where a given name precedes a known surname.

    "Diego Morales curled a free kick": not Evo Morales, but a person named in full, so that
    a later bare "Morales" resolves to him.
    """
    covered = [(m.start, m.end) for m in doc.mentions if m.label in ACTOR_LABELS]
    label = KB_LABELS[family]["person"]
    for given, surname in zip(doc.tokens, doc.tokens[1:], strict=False):
        if given.sentence != surname.sentence or surname.start != given.end + 1:
            continue
        if any(s < surname.end and given.start < e for s, e in covered):
            continue
        first, last = doc.text[given.start:given.end], doc.text[surname.start:surname.end]
        if not (given.pos == "PROPN" and first.istitle() and first.isalpha() and last.istitle()):
            continue
        if fold(first) in kb.titles or kb.lookup(first):
            continue
        entries = kb.lookup(last)
        if entries and all(e.kind == "surname" for e in entries) and not kb.lookup(
                f"{first} {last}"):
            doc.mentions.append(Mention(given.start, surname.end, f"{first} {last}", label,
                                        given.sentence))


def _extend_name_left(mention: Mention, doc: Document, kb: KnowledgeBase) -> None:
    """Grow a person span over capitalised given names NER left out ("Diego" + "Morales")."""
    for token in reversed([t for t in doc.tokens if t.end <= mention.start][-2:]):
        word = doc.text[token.start:token.end]
        gap = doc.text[token.end:mention.start]
        if (gap != " " or not word.istitle() or not word.isalpha() or token.pos != "PROPN"
                or fold(word) in kb.titles or kb.lookup(word)):
            return
        mention.start, mention.text = token.start, doc.text[token.start:mention.end]


def _alias_matches(tokens: list[Token], text: str, kb: KnowledgeBase
                   ) -> list[tuple[int, int, list[Alias], int]]:
    """Return the longest knowledge-base alias matches over the tokens (strong kinds only)."""
    matches = []
    index = 0
    limit = kb.max_alias_tokens
    while index < len(tokens):
        for size in range(min(limit, len(tokens) - index), 0, -1):
            first, last = tokens[index], tokens[index + size - 1]
            if first.sentence != last.sentence or not _is_word(last, text):
                continue
            surface = text[first.start:last.end]
            if not surface[:1].isupper() and not surface[:1].isdigit():
                continue  # names start with a capital; demonyms in Spanish are handled by NER
            entries = [e for e in kb.lookup(surface) if e.kind in STRONG]
            if entries:
                matches.append((first.start, last.end, entries, first.sentence))
                index += size
                break
        else:
            index += 1
    return matches


def _lookup(text: str, kb: KnowledgeBase) -> list[Alias]:
    """Look a mention up as written, then without titles, then without a leading article.

    "La Paz" is found as written; "the Armed Forces" and "ex-President Lula" only once cleaned.
    """
    bare = POSSESSIVE.sub("", text.strip())
    for form in (bare, kb.strip_title(bare), _clean_name(text, kb)):
        entries = kb.lookup(form)
        if entries:
            return entries
    return []


def _is_word(token: Token, text: str) -> bool:
    return any(c.isalnum() for c in text[token.start:token.end])


def _clean_name(text: str, kb: KnowledgeBase) -> str:
    """Return a mention's name without a possessive ending, leading article or titles."""
    text = POSSESSIVE.sub("", text.strip())
    text = re.sub(r"^(?:the|el|la|los|las|o|a|os|as)\s+(?=\w)", "", text, flags=re.I)
    return kb.strip_title(text)


def _countries_in_context(candidates: list[_Candidate], kb: KnowledgeBase
                          ) -> tuple[Counter[str], dict[int, Counter[str]]]:
    """Count the states the document names unambiguously, overall and per sentence."""
    counts: Counter[str] = Counter()
    by_sentence: dict[int, Counter[str]] = {}
    for cand in candidates:
        if cand.mention.label in PERSON_LABELS:
            continue
        targets = {kb.actors[e.actor_id].country for e in cand.entries
                   if e.kind in COUNTRY_EVIDENCE and kb.actors[e.actor_id].type == "country"}
        if len(targets) == 1:
            country = targets.pop() or ""
            counts[country] += 1
            by_sentence.setdefault(cand.mention.sentence, Counter())[country] += 1
    return counts, by_sentence


def _people_named_in_full(candidates: list[_Candidate], kb: KnowledgeBase
                          ) -> list[tuple[int, set[str], Actor]]:
    """Return (offset, short name forms, actor) of the people named with two or more words."""
    people = []
    for cand in candidates:
        name = _clean_name(cand.mention.text, kb)
        words = name.split()
        if len(words) < 2:
            continue
        strong = [e for e in cand.entries if e.kind in ("name", "alias")
                  and kb.actors[e.actor_id].type == "person"]
        if strong:
            actor = kb.actors[strong[0].actor_id]
        elif cand.mention.label in PERSON_LABELS:
            actor = _unknown(cand.mention, kb)
        else:
            continue
        forms = {fold(words[0]), fold(words[-1]), fold(" ".join(words[-2:]))}
        forms.update(fold(a) for a in actor.aliases)
        people.append((cand.start, forms, actor))
    return people


def _resolve(cand: _Candidate, kb: KnowledgeBase, countries: Counter[str],
             people: list[tuple[int, set[str], Actor]], day: date | None
             ) -> tuple[Actor | None, str]:
    """Return the actor a candidate names and how it was found, or (None, "")."""
    name = fold(_clean_name(cand.mention.text, kb))
    # A short form of a person the document names in full: nearest earlier, else first later.
    if len(name.split()) <= 2:
        earlier = [p for p in people if p[0] < cand.start and name in p[1]]
        later = [p for p in people if p[0] >= cand.start and name in p[1]]
        chosen = earlier[-1] if earlier else (later[0] if later else None)
        if chosen and chosen[0] != cand.start:
            return chosen[2], "in-document"
    strong = [e for e in cand.entries if e.kind in STRONG]
    if cand.mention.label in PERSON_LABELS:
        # "SUCRE" tagged as a person is not Bolivia's capital acting for the state.
        strong = [e for e in strong if e.kind in ("name", "alias", "acronym")]
    if strong:
        best = _best(strong, kb, countries, day)
        return kb.actors[best.actor_id], best.kind
    weak = [e for e in cand.entries if e.kind == "surname"]
    if weak and cand.mention.label not in PLACE_LABELS:
        supported = [e for e in weak if kb.actors[e.actor_id].country in countries]
        if supported:
            best = _best(supported, kb, countries, day)
            return kb.actors[best.actor_id], "surname"
    return None, ""


def _best(entries: list[Alias], kb: KnowledgeBase, countries: Counter[str], day: date | None
          ) -> Alias:
    """Pick the entry best supported by the document's countries and date."""
    total = sum(countries.values()) or 1

    def score(entry: Alias) -> float:
        actor = kb.actors[entry.actor_id]
        value = 2.0 * countries.get(actor.country or "", 0) / total
        if day and actor.roles:
            if any(r.covers(day) for r in actor.roles):
                value += 1.0
            elif any(r.start and abs((r.start - day).days) < 5 * 365 for r in actor.roles):
                value += 0.5
        value += {"name": 0.3, "alias": 0.3, "acronym": 0.3}.get(entry.kind, 0.0)
        value += 0.2 if actor.type in ("country", "org") else 0.0
        return value

    return max(entries, key=score)


def _has_proper_noun(mention: Mention, tokens: list[Token]) -> bool:
    """Whether a span holds a proper noun: NER's capitalised "También" or "Renuncio" do not."""
    return any(t.pos == "PROPN" for t in tokens if mention.start <= t.start < mention.end)


def _unknown(mention: Mention, kb: KnowledgeBase) -> Actor:
    """Return the stable unknown actor of a name: same normalised name and type, same id."""
    kind = ACTOR_LABELS.get(mention.label, "misc")
    name = _clean_name(mention.text, kb)
    slug = SLUG.sub("-", fold(name)).strip("-") or "unnamed"
    return Actor(f"x-{kind}-{slug}", kind, name, origin="unknown")


def _link_agents(doc: Document, kb: KnowledgeBase, countries: Counter[str],
                 sentence_countries: dict[int, Counter[str]],
                 records: dict[str, ActorRecord]) -> None:
    """Add common-noun actors ("the Armed Forces", "protesters") coded with their country.

    The country is the one the sentence names most, else the document's most named state.
    """
    taken = [(m.start, m.end) for m in doc.mentions if m.actor_id or m.label == "CONTAINER"]
    tokens = doc.tokens
    index = 0
    while index < len(tokens):
        for size in (3, 2, 1):
            if index + size > len(tokens):
                continue
            first, last = tokens[index], tokens[index + size - 1]
            if (first.sentence != last.sentence or not _is_word(first, doc.text)
                    or not _is_word(last, doc.text)):
                continue
            sector = kb.agent_sector(doc.text[first.start:last.end], doc.language)
            if sector is None or any(s < last.end and first.start < e for s, e in taken):
                continue
            after = tokens[index + size] if index + size < len(tokens) else None
            if after and fold(doc.text[after.start:after.end]) in ("of", "de", "do", "da"):
                continue  # "state of Goiás", "gobierno de ..." names something else
            local = sentence_countries.get(first.sentence) or countries
            actor = _agent(kb, local.most_common(1)[0][0] if local else "", sector)
            doc.mentions.append(Mention(first.start, last.end, doc.text[first.start:last.end],
                                        "AGENT", first.sentence, actor.id, actor.cameo, "agent"))
            records[actor.id] = _record(actor)
            index += size - 1
            break
        index += 1


def _agent(kb: KnowledgeBase, country: str, sector: str) -> Actor:
    state = kb.actors.get(country)
    label = SECTOR_NAMES.get(sector, sector.lower())
    name = f"{state.name} {label}" if state else label
    return Actor(f"{country}{sector}", "agent", name, country=country or None,
                 cameo=f"{country}{sector}", origin="agent")


def _record(actor: Actor) -> ActorRecord:
    roles = json.dumps([{"country": r.country, "sector": r.sector, "title": r.title,
                         "start": r.start.isoformat() if r.start else None,
                         "end": r.end.isoformat() if r.end else None} for r in actor.roles],
                       ensure_ascii=False)
    return ActorRecord(actor.id, actor.type, actor.name, actor.country, actor.cameo,
                       actor.origin, tuple(actor.aliases), roles)
