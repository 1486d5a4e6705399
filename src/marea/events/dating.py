"""Which time expression dates an event: the trigger's own clause, else the clause governing
it (the light verb of an event noun, the verb at whose occasion it is named, the past verb it
is coordinated with, the verb of saying that reports or quotes it, a time expression opening
the sentence), never a bound ("until", "hasta"). The trigger's tense then places a year-less
day or weekday (toward_tense). The publication date is the caller's fallback."""

from __future__ import annotations

import re
from datetime import date, timedelta

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
# Words that make a date a bound, not the time of the event ("suspended until the April 2013
# elections", "join the talks before he takes office on December 1", "hasta abril de 2013").
BOUNDS = {"until", "till", "before", "hasta", "antes"}
# Prepositions that put an event noun at a verb's occasion ("issued a statement from their
# summit", "said in a statement", "en la cumbre"), so the verb's date is the noun's.
OCCASION = {"from", "in", "at", "during", "en", "durante", "desde"}
PHRASE_LINKS = {"prep", "pobj", "nmod"}  # "statement [of] [support]"
SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
# A bare weekday ("on Friday", "el jueves"), which the timex rules put in the past week.
WEEKDAY = re.compile(r"(?:(?:on|el|this|este)\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
                     r"saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|"
                     r"domingo)", re.IGNORECASE)
YEAR = re.compile(r"\d{4}")


def own_date(tree: DependencyTree, index: int, timexes: list[Timex]) -> Timex | None:
    """Return the time expression of a trigger's own clause, if any."""
    doc = tree.doc
    clause = tree.subtree(index)
    start, end = doc.tokens[clause[0]].start, doc.tokens[clause[-1]].end
    sentence = doc.sentences[doc.tokens[index].sentence]
    return next((t for t in timexes if start <= t.start < end and sentence.start <= t.start
                 < sentence.end and _dates(tree, _clause_of(tree, tree.first_at(t.start)),
                                           index) and not _naming_year(tree, t, index)
                 and not PLANNED_FOR.search(doc.text[sentence.start:t.start])
                 and not _bound(tree, t)), None)


def _bound(tree: DependencyTree, timex: Timex) -> bool:
    """Whether a date is the bound of a span rather than a time ("until April", "hasta las
    elecciones de abril de 2013"): a bounding word on its way up to its clause, outside the
    expression itself ("horas antes" is a time)."""
    index = tree.first_at(timex.start)
    for _ in range(6):
        if any((tree.lemma(i) in BOUNDS or tree._word(i).lower() in BOUNDS)
               and not timex.start <= tree.doc.tokens[i].start < timex.end
               for i in (index, *tree.kids(index, {"case", "mark"}))):
            return True
        head = tree.doc.tokens[index].head
        if head == index or tree.doc.tokens[head].pos in ("VERB", "AUX"):
            return False
        index = head
    return False


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
    verb = _occasion_verb(tree, index)
    if verb is not None:  # "issued a joint statement from their summit"
        found = own_date(tree, verb, timexes)
        if found is not None:
            return found
    head = doc.tokens[token.head]
    # a past conjunct sharing the subject: "met him on Monday and signed a deal" (not a
    # headline's present: "marcan inflación de 5,3% en abril y amenazan con paro")
    if (token.dep == "conj" and head.pos in ("VERB", "AUX") and token.head != index
            and not tree.kids(index, SUBJECTS) and _told_in_the_past(tree, index)):
        found = own_date(tree, token.head, timexes)
        if found is not None:
            return found
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
                and after[:1] in ",:" and not _later_clause(tree, index, timex.start)):
            return timex
    return None


def _occasion_verb(tree: DependencyTree, index: int) -> int | None:
    """Return the verb whose occasion an event noun names ("issued a statement from their
    summit", "lo anunció en la cumbre"): the noun is the object of "from", "in", "at",
    "during" and the like, on that verb or on its object."""
    token = tree.doc.tokens[index]
    if token.pos != "NOUN" or token.head == index:
        return None
    preposition = tree.doc.tokens[token.head]
    if token.dep == "pobj":
        word = tree._word(token.head).lower()
        up = preposition.head
    elif token.dep in ("obl", "nmod"):
        cases = tree.kids(index, {"case"})
        word = tree._word(cases[0]).lower() if cases else ""
        up = token.head
    else:
        return None
    if word not in OCCASION:
        return None
    for _ in range(5):  # up through the verb's object ("a joint statement of support")
        if tree.doc.tokens[up].pos in ("VERB", "AUX"):
            return up
        if (tree.doc.tokens[up].dep not in OBJECTS | PHRASE_LINKS
                or tree.doc.tokens[up].head == up):
            return None
        up = tree.doc.tokens[up].head
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
    if token.dep == "acl" and clause not in tree.triggers and _occasion_verb(
            tree, token.head) == trigger:  # "In a statement published Oct. 25, they accused"
        return True
    return (clause not in tree.triggers and token.pos in ("VERB", "AUX")
            and token.dep == "advcl" and token.head == trigger
            and not any(tree.lemma(k) in BOUNDS for k in tree.kids(clause, {"mark"})))


def _later_clause(tree: DependencyTree, index: int, position: int) -> bool:
    """Whether the trigger is in a coordinated clause with a subject of its own that comes
    after `position` ("On Monday, soldiers dismantled the camp, and Dino said ... had been
    detained": Monday is the dismantling's)."""
    for _ in range(8):
        token = tree.doc.tokens[index]
        if (token.dep == "conj" and token.pos in ("VERB", "AUX") and token.start > position
                and tree.kids(index, SUBJECTS)):
            return True
        if token.head == index:
            return False
        index = token.head
    return False


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


def toward_tense(day: str | None, basis: str, published: str | None, when: Timex | None,
                 tree: DependencyTree, index: int) -> tuple[str | None, str]:
    """Return the date and basis of a trigger as its tense places it. A bare weekday or a
    year-less day, which the timex rules put in the past, is the coming one for what is still
    to come ("will meet on Friday", "que asume el jueves", "before he takes office on
    December 1"); a date wholly before publication cannot be when a present wish or demand
    is to be met ("The US wants the UK to extradite Assange over ... material in 2010"): that
    date is about something else, and the wish has the publication date."""
    if when is None or day is None or published is None or basis != "text":
        return day, basis
    known = min(len(day), len(published))
    if day[:known] >= published[:known]:
        return day, basis
    if _wished(tree, index):
        return published, "publication"
    if not when.anchored or len(day) != 10 or not _still_to_come(tree, index):
        return day, basis
    if WEEKDAY.fullmatch(when.text.strip()):
        return (date.fromisoformat(day) + timedelta(days=7)).isoformat(), basis
    if not YEAR.search(when.text):
        return f"{int(day[:4]) + 1:04d}{day[4:].replace('-02-29', '-02-28')}", basis
    return day, basis


def _wished(tree: DependencyTree, index: int) -> bool:
    """Whether a verb trigger is what someone now wants, asks or demands to happen: an
    infinitive under a verb in the present tense ("wants the UK to extradite")."""
    token = tree.doc.tokens[index]
    head = token.head
    return (token.pos == "VERB" and "VerbForm=Inf" in token.morph and head != index
            and token.dep in ("xcomp", "ccomp") and "Tense=Pres" in tree.doc.tokens[head].morph
            and not _told_in_the_past(tree, head))


def _still_to_come(tree: DependencyTree, index: int) -> bool:
    """Whether a verb trigger is told as what will happen: a future ("will meet", "se
    reunirá") or a present in a clause under another ("before he takes office", "que asume
    el jueves"); a main-clause present may be a headline's past."""
    token = tree.doc.tokens[index]
    if token.pos not in ("VERB", "AUX") or _told_in_the_past(tree, index):
        return False
    auxiliaries = tree.kids(index, {"aux", "aux:pass", "auxpass"})
    if "Tense=Fut" in token.morph or any(tree.lemma(i) in ("will", "shall") for i in auxiliaries):
        return True
    return "Tense=Pres" in token.morph and token.dep in ("advcl", "relcl", "acl:relcl", "acl")


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
