"""The data contract between stages: a Document and the spans found in its clean text.

Offsets (`start`, `end`) are character offsets into `Document.text`, the stored clean text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Sentence:
    """Sentence(0, 42)  # characters 0..42 of the clean text"""

    start: int
    end: int


@dataclass(slots=True)
class Token:
    """One token; `head` is the document-level index of its syntactic head."""

    start: int
    end: int
    sentence: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    morph: str = ""


@dataclass(slots=True)
class Mention:
    """Mention(10, 24, "Pedro Castillo", "PERSON", sentence=0)

    The actor stage fills `actor_id`, `role` (CAMEO code at the document's date) and `link`
    (how it was linked: name, alias, acronym, surname, in-document, metonym, agent, ...).
    """

    start: int
    end: int
    text: str
    label: str
    sentence: int
    actor_id: str | None = None
    role: str | None = None
    link: str | None = None


@dataclass(slots=True)
class EventMention:
    """One report of an event in its document: the trigger span and the date it gave.

    EventMention(sentence=0, start=15, end=22, trigger="removes", date="2022-12-08",
                 date_basis="publication")  # a headline, dated by publication
    """

    sentence: int
    start: int
    end: int
    trigger: str
    date: str | None
    date_basis: str


@dataclass(slots=True)
class Event:
    """One coded event with its evidence: the trigger span inside sentence `sentence`.

    Event(sentence=3, start=120, end=128, trigger="resigned", type="RETREAT", ...)
    """

    sentence: int
    start: int
    end: int
    trigger: str
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    source_id: str | None
    source_role: str | None
    target_id: str | None
    target_role: str | None
    modality: str  # asserted | negated | hypothetical | future | demanded
    date: str | None  # ISO, partial allowed ("2021-07-12", "2020-10", "182" for the 1820s)
    date_text: str | None
    date_basis: str  # text | publication | vague | none
    country: str | None
    city: str | None
    speaker_id: str | None = None
    # every report of this event in the document, its own span first (events/reports.py)
    mentions: list[EventMention] = field(default_factory=list)
    method: str = "lexicon"  # lexicon (a trigger entry matched) | classifier (learned fallback)
    confidence: float = 1.0  # the classifier's probability; 1.0 for a lexicon match
    main: bool = True  # on its sentence's governing clause (events/main_event.py)
    # the state an event with no named target is directed at, by PLOVER's convention for
    # domestic acts (events/extract.py, implied_targets); target_id stays empty for it
    implied_target_id: str | None = None
    target_basis: str | None = None  # named | place | own state; None: no target at all



@dataclass(slots=True)
class Tone:
    """GDELT-style tone of one sentence, or of the whole document when `sentence` is -1.

    Scores are percentages of the words: tone = positive - negative, polarity = their sum.
    """

    sentence: int
    tone: float
    positive: float
    negative: float
    polarity: float
    activity: float
    self_group: float
    words: int


@dataclass(slots=True)
class Theme:
    """A theme found in a sentence (or the document, `sentence` -1) with its cue terms."""

    sentence: int
    theme: str
    score: float  # hits in the sentence; for the document, its share of all theme hits
    terms: str


@dataclass(slots=True)
class StanceCue:
    """One piece of evidence for a stance: a span, what kind of cue it is, and its weight."""

    sentence: int
    start: int
    end: int
    kind: str  # label | predicate | event | quote | context
    cue: str
    weight: float


@dataclass(slots=True)
class Stance:
    """The document's stance toward one actor: favor / against / neutral, score in [-1, 1]."""

    actor_id: str
    label: str
    score: float
    mentions: int
    cues: list[StanceCue] = field(default_factory=list)


@dataclass(slots=True)
class Frame:
    """A framing / propaganda technique span (SemEval-2020 Task 11 names)."""

    sentence: int
    start: int
    end: int
    technique: str
    score: float
    method: str  # pattern | lexicon | model (the learned span tagger)


@dataclass(slots=True)
class Claim:
    """A check-worthy factual statement and who asserts it."""

    sentence: int
    start: int
    end: int
    kinds: str  # comma-separated: figure, poll, ranking, comparison, superlative
    score: float
    claimant: str | None
    claimant_id: str | None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An actor as stored: knowledge-base entry, unknown name, or common-noun agent."""

    actor_id: str
    type: str  # person | country | party | org | agent | unknown type (person, org, place...)
    name: str
    country: str | None
    cameo: str | None
    origin: str  # kb | unknown | agent
    aliases: tuple[str, ...] = ()
    roles: str = "[]"  # JSON list of {country, sector, title, start, end}


@dataclass
class Document:
    """One article on its way through the pipeline.

    Document(source="a.html", locator="", raw=b"<html>...", content_type="html")
    """

    source: str
    locator: str
    raw: bytes
    content_type: str  # "text", "markdown" or "html"
    metadata: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    doc_id: str = ""
    raw_sha: str = ""
    language: str | None = None
    language_detected: str | None = None
    language_confidence: float | None = None
    duplicate_of: str | None = None
    fingerprint: bytes = b""  # MinHash signature (uint64 array) for near-duplicate search
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tone: list[Tone] = field(default_factory=list)  # document row first, then sentences
    themes: list[Theme] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    opinion_score: float | None = None  # 0 = news report, 1 = opinion/analysis
    domain: str | None = None  # politics | sports | business | entertainment (events/domain.py)
    domain_score: float | None = None  # share of political cues among all domain cues
    vectors: Any = None  # float32 array, one unit vector per sentence (the encoder stage)
    error: str | None = None
    error_stage: str | None = None

    @property
    def name(self) -> str:
        """Human-readable input name: the source path plus the record locator, if any."""
        return f"{self.source}#{self.locator}" if self.locator else self.source


@dataclass(frozen=True, slots=True)
class SourceError:
    """An input that failed before it became a Document (unreadable file, broken line)."""

    source: str
    locator: str
    message: str
    skipped: bool = False  # True for inputs marea doesn't read (unsupported type), not failures

    @property
    def name(self) -> str:
        return f"{self.source}#{self.locator}" if self.locator else self.source
