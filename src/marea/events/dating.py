"""Which time expression dates an event: the trigger's own clause, else the clause governing
it (the light verb of an event noun, the verb of saying that reports or quotes it, a time
expression opening the sentence). The publication date is the caller's fallback."""

from __future__ import annotations

import re
from datetime import date

from marea.events.timex import Timex
from marea.events.tree import OBJECTS, DependencyTree

# A time expression opens a sentence when at most two words ("On", "Early on") and quotes or
# dashes come before it, within this many characters of the sentence start.
OPENING = re.compile(r"[\W_]*(?:\w+[\W_]+){0,2}")
OPENING_CHARS = 30
CALENDAR_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
ISO_WEEK = re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})(?P<weekend>-WE)?$")
# A date something is asked or called for is that thing's, not the asking's ("requested a
# session for Thursday", "convocó a una reunión para el 3 de diciembre").
PLANNED_FOR = re.compile(r"\b(?:for|para)\s+(?:(?:the|el|la|los|las)\s+)?$", re.IGNORECASE)
# How a year hangs on the noun it classifies ("the [2016] election").
NOUN_MODIFIERS = {"nummod", "compound", "amod", "nmod"}


def own_date(tree: DependencyTree, index: int, timexes: list[Timex]) -> Timex | None:
    """Return the time expression of a trigger's own clause, if any."""
    doc = tree.doc
    clause = tree.subtree(index)
    start, end = doc.tokens[clause[0]].start, doc.tokens[clause[-1]].end
    sentence = doc.sentences[doc.tokens[index].sentence]
    return next((t for t in timexes if start <= t.start < end and sentence.start <= t.start
                 < sentence.end and _dates(tree, _clause_of(tree, tree.first_at(t.start)),
                                           index) and not _naming_year(tree, t, index)
                 and not PLANNED_FOR.search(doc.text[sentence.start:t.start])), None)


def _naming_year(tree: DependencyTree, timex: Timex, index: int) -> bool:
    """Whether a year only says which of its kind a noun is ("in the 2016 election", "the
    1991 constitution"), and the trigger, not told in the past, cannot have taken place then:
    "efforts to get Ukraine to investigate Biden in the 2016 election" seek an inquiry to come.
    A past act may ("voted in the 2016 election")."""
    first = tree.first_at(timex.start)
    token = tree.doc.tokens[first]
    return (timex.granularity == "year" and token.dep in NOUN_MODIFIERS
            and token.head not in (first, index) and tree.doc.tokens[token.head].pos == "NOUN"
            and not _told_in_the_past(tree, index))


def governing_date(tree: DependencyTree, index: int, timexes: list[Timex]) -> Timex | None:
    """Return the date a trigger without one of its own takes from what governs it: the
    verb an event noun is the object of ("announced his resignation on Wednesday"), the
    clause of the verb of saying that reports or quotes it ('"We will not negotiate," he
    said on July 12'), else a time expression opening its sentence, or the part of it after
    a colon, before a comma or colon ("On July 12th, ..., he declared: ...")."""
    doc = tree.doc
    token = doc.tokens[index]
    if token.pos == "NOUN" and token.dep in OBJECTS and token.head != index:
        found = own_date(tree, token.head, timexes)  # "announced his resignation on Monday"
        if found is not None:
            return found
    verb = _telling_verb(tree, index)
    if verb is not None:  # "tariffs on Chinese goods were increased ... in May 2019"
        found = own_date(tree, verb, timexes)
        if found is not None:
            return found
    head = doc.tokens[token.head]
    if (token.dep == "xcomp" and token.head != index and token.head not in tree.triggers
            and head.pos in ("VERB", "AUX")):  # "voted on Wednesday to remove him"
        found = own_date(tree, token.head, timexes)
        if found is not None:
            return found
    reporter = tree.reporters.get(index)
    if reporter is not None and reporter != index:
        found = own_date(tree, reporter, timexes)
        if found is not None:
            return found
    sentence = doc.sentences[token.sentence]
    for timex in timexes:
        if not sentence.start <= timex.start < sentence.end:
            continue
        # the sentence opens, or a part of it after a colon does for what follows ("AMLO did
        # not mince words: on July 12th, ..., he declared")
        opening = max(sentence.start, doc.text.rfind(":", sentence.start, timex.start) + 1)
        if opening > sentence.start and token.start < timex.start:
            continue
        before = doc.text[opening:timex.start]
        after = doc.text[timex.start + len(timex.text):sentence.end].lstrip()
        if (timex.start - opening <= OPENING_CHARS and OPENING.fullmatch(before)
                and after[:1] in ",:"):
            return timex
    return None


def _telling_verb(tree: DependencyTree, index: int) -> int | None:
    """Return the English verb, no event itself, that tells what became of an event noun,
    its subject, its "by" agent or what is "under" it: "tariffs took effect in July 2018",
    "tariffs were increased in May 2019", "followed by additional tariffs on China in August
    2018", "Warren was under attack last month"."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "en" or token.pos != "NOUN" or token.head == index:
        return None
    verb = token.head
    if token.dep == "pobj" and (tree.lemma(verb) == "under" or tree.lemma(verb) == "by" and (
            tree.doc.tokens[verb].dep == "agent")):  # "was under attack last month"
        verb = tree.doc.tokens[verb].head
    elif token.dep not in ("nsubj", "nsubjpass"):
        return None
    if verb in tree.triggers or tree.doc.tokens[verb].pos not in ("VERB", "AUX"):
        return None
    return verb


def _clause_of(tree: DependencyTree, index: int) -> int:
    """Return the verb or event noun a token's phrase attaches to (walking up the heads)."""
    for _ in range(6):
        head = tree.doc.tokens[index].head
        if head == index:
            return index
        index = head
        if tree.doc.tokens[index].pos in ("VERB", "AUX") or index in tree.triggers:
            return index
    return index


def _dates(tree: DependencyTree, clause: int, trigger: int) -> bool:
    """Whether a date attached to `clause` dates the trigger: its own clause, or a time clause
    of it that is no event itself ("on July 12th, just after the protests began, he declared")."""
    if clause == trigger:
        return True
    token = tree.doc.tokens[clause]
    return (clause not in tree.triggers and token.pos in ("VERB", "AUX")
            and token.dep in ("advcl", "conj") and token.head == trigger)


def event_date(value: str | None, published: str | None) -> tuple[str | None, str]:
    """Return the event's date as a calendar date or prefix, and where it came from.

    Stored dates are compared and sorted as ISO text, so a TIMEX value that is not one keeps
    only its calendar part ("2021-07-12TMO" -> 2021-07-12, a range -> its start, so a week ->
    its Monday and a weekend -> its Saturday: "2021-W27-WE" -> 2021-07-10); one with none
    ("PAST_REF", "BC0431", "the 1970s") leaves the event undated ("vague"), its expression
    still in date_text. "PRESENT_REF" is the publication date.
    """
    if value is None or value == "PRESENT_REF":
        return published, "publication" if published else "none"
    week = ISO_WEEK.match(value)
    if week and 1 <= int(week["week"]) <= date(int(week["year"]), 12, 28).isocalendar()[1]:
        first = date.fromisocalendar(int(week["year"]), int(week["week"]),
                                     6 if week["weekend"] else 1)
        return first.isoformat(), "text"
    found = CALENDAR_PREFIX.match(value)
    return (found.group(), "text") if found else (None, "vague")


def not_after_publication(day: str | None, published: str | None, when: Timex | None,
                          tree: DependencyTree, index: int) -> str | None:
    """Return the date of a trigger told in the past, moved back a year when its year-less
    date would fall after publication ("el fin de semana del 26 de mayo las pandillas
    asesinaron a 87 personas" in an April article is last May): the timex rule lets a
    year-less date run a few months ahead, which is right only for what is still to come."""
    if when is None or not when.anchored or day is None or published is None:
        return day
    known = min(len(day), len(published))  # "2021-08-13" is not after a "2021-08" article
    if len(day) not in (7, 10) or day[:known] <= published[:known] or not _told_in_the_past(
            tree, index):
        return day
    month_day = day[4:].replace("-02-29", "-02-28")
    return f"{int(day[:4]) - 1:04d}{month_day}"


def _told_in_the_past(tree: DependencyTree, index: int) -> bool:
    """Whether a verb trigger is in a past tense or a perfect ("killed", "asesinaron", "has
    been", "ha sido")."""
    token = tree.doc.tokens[index]
    if token.pos not in ("VERB", "AUX"):
        return False
    auxiliaries = tree.kids(index, {"aux", "aux:pass", "auxpass"})
    return any(tense in tree.doc.tokens[i].morph for i in (index, *auxiliaries)
               for tense in ("Tense=Past", "Tense=Imp")) or any(
        tree.lemma(i) in ("have", "haber") for i in auxiliaries)
