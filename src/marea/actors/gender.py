"""The gender of each person a document names, for the pronouns that stand for them.

"his alleged kidnapping" after "Pamela Price dropped charges against David Misch" is Misch's:
a reader knows Pamela is a woman's name. The knowledge base records its people's gender; a
person it does not hold has the one the text gives them (a title before one of their mentions:
"Ms. Price", "señora", "la fiscal Pamela Price"), else the one their first given name has among
the knowledge base's people and in `kb/given_names.yaml`. Cues that disagree give none.
"""

from __future__ import annotations

from bisect import bisect_left

from marea.actors.kb import KnowledgeBase, fold
from marea.model import Document

# Words before a name that say its bearer's gender ("Mr. Misch", "la señora Price").
GENDERED_TITLES = {
    "f": {"ms", "mrs", "miss", "madam", "lady", "dame", "queen", "princess", "congresswoman",
          "chairwoman", "spokeswoman", "councilwoman", "assemblywoman", "businesswoman",
          "sra", "senora", "dona", "senhora", "reina", "princesa"},
    "m": {"mr", "sir", "lord", "king", "prince", "congressman", "chairman", "spokesman",
          "councilman", "assemblyman", "businessman", "sr", "senor", "don", "senhor", "rey",
          "principe"},
}
MORPH_GENDERS = {"Gender=Fem": "f", "Gender=Masc": "m"}


def _title_gender(doc: Document, starts: list[int], start: int, text: str) -> str | None:
    """The gender a title in or right before a mention gives ("Ms. Price", "la ministra
    Ana Pérez": the article or the noun's own gender in Spanish and Portuguese)."""
    first = fold(text.split()[0].rstrip(".")) if text.split() else ""
    for gender, titles in GENDERED_TITLES.items():
        if first in titles:
            return gender
    at = bisect_left(starts, start)
    for token in reversed(doc.tokens[max(0, at - 2):at]):
        word = fold(doc.text[token.start:token.end].rstrip("."))
        for gender, titles in GENDERED_TITLES.items():
            if word in titles:
                return gender
        if token.pos in ("DET", "NOUN") and doc.text[token.start:token.end].islower():
            said = {g for mark, g in MORPH_GENDERS.items() if mark in token.morph}
            if len(said) == 1:
                return said.pop()
        if token.pos not in ("DET", "NOUN", "PUNCT"):
            break
    return None


def person_genders(doc: Document, kb: KnowledgeBase) -> dict[str, str]:
    """Actor id -> "m" or "f" for the people the document names whose gender is known."""
    known: dict[str, str] = {}
    cues: dict[str, set[str]] = {}
    starts = [token.start for token in doc.tokens]
    for mention in doc.mentions:
        actor = kb.actors.get(mention.actor_id or "")
        if actor is not None and actor.type == "person" and actor.gender:
            known[actor.id] = actor.gender
        elif (mention.actor_id or "").startswith("x-person-"):
            cue = _title_gender(doc, starts, mention.start, mention.text)
            cues.setdefault(mention.actor_id or "", set()).update({cue} if cue else set())
    names = kb.given_name_genders
    for record in doc.actors:
        if record.actor_id not in cues:
            continue
        said = cues[record.actor_id]
        words = kb.strip_title(record.name).split()
        by_name = names.get(fold(words[0])) if words else None
        if len(said) == 1:
            known[record.actor_id] = next(iter(said))
        elif not said and by_name:
            known[record.actor_id] = by_name
    return known
