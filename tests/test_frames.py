"""Framing fires on framing, and themes do not over-tag: what a careful reader would say."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from marea.model import Document, Frame
from marea.opinion import frames
from marea.opinion.frame_tagger import MODEL, feature_count, tagger
from marea.opinion.frames import TECHNIQUES
from marea.opinion.lexicon import DATA
from marea.pipeline import run_stages
from marea.settings import Settings
from marea.store import Store
from tests.conftest import need_seeds

STAGES = ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1", "marea.actors.v1",
          "marea.tone.v1", "marea.embed.v1", "marea.frames.v1")
NAME_CALLING = "Name_Calling,Labeling"
ROOT = Path(__file__).resolve().parents[1]


def _doc(settings: Settings, text: str, kind: str | None = None, language: str = "en"
         ) -> Document:
    metadata = {"language": language, **({"kind": kind} if kind else {})}
    (done,) = run_stages([Document(source="t.txt", locator="", raw=text.encode(),
                                   content_type="text", metadata=metadata)], STAGES, settings)
    assert done.error is None, done.error
    return done


def _spans(doc: Document) -> set[tuple[str, str]]:
    return {(doc.text[f.start:f.end], f.technique) for f in doc.frames}


WIRE = ("LIMA, Peru (Reuters) - Peru's Congress voted on Wednesday to remove President Pedro "
        "Castillo from office, hours after the leftist leader tried to dissolve the "
        "legislature. Economic and political elites in the capital had opposed his "
        "government, and several ministers faced corruption investigations, officials said.")


@pytest.mark.parametrize("kind", ["news", None])
def test_descriptors_in_a_wire_report_are_labels_not_name_calling(settings: Settings,
                                                                  kind: str | None) -> None:
    doc = _doc(settings, WIRE, kind)  # None: the style classifier must read it as news
    assert doc.frames == []


def test_a_slur_in_an_op_ed_is_name_calling(settings: Settings) -> None:
    doc = _doc(settings, "I have watched these rabid leftists wreck every town they touch. "
               "Now the socialist thugs in Congress want our savings too. We must stop them.",
               "opinion")
    spans = _spans(doc)
    assert ("rabid leftists", NAME_CALLING) in spans  # an evaluative intensifier: "rabid"
    assert ("the socialist thugs", NAME_CALLING) in spans


def test_descriptors_in_an_op_ed_need_a_mark(settings: Settings) -> None:
    doc = _doc(settings, "I voted for the socialist candidate, and I would do it again. "
               "We should judge Lula's leftist government by its schools, not its slogans. "
               "These “socialist” reformers answer to the elites, and we must say so.",
               "opinion")
    spans = sorted(doc.text[f.start - 1:f.end + 1] for f in doc.frames
                   if f.technique == NAME_CALLING)
    # the plain "socialist candidate" and "leftist government" are descriptions; the scare
    # quotes and the writer's own "the elites" are epithets
    assert spans == [" the elites,", "“socialist”"]


def test_quoted_words_after_a_speech_verb_are_not_scare_quotes(settings: Settings) -> None:
    doc = _doc(settings, "Pope Francis called the killings \"barbaric.\" The ministry said "
               "the attack had left twelve people dead.", "news")
    assert doc.frames == []


def test_news_examples_carry_at_most_one_framing_span_per_thousand_words(
        corpus_store: Store) -> None:
    spans, words = corpus_store.query(
        "SELECT (SELECT count(*) FROM frames f WHERE f.doc_id IN (SELECT doc_id FROM documents "
        "  WHERE regexp_matches(source, '-news-|latam-wire'))), "
        "sum(t.words) FROM tone t JOIN documents d USING (doc_id) WHERE t.sentence = -1 "
        "AND regexp_matches(d.source, '-news-|latam-wire')")[0]
    assert words > 3000
    assert 1000 * spans / words <= 1.0
    leftist = corpus_store.query(
        "SELECT count(*) FROM frames f JOIN documents d USING (doc_id) WHERE "
        "ends_with(d.source, 'en-news-peru-castillo-ouster.html') AND "
        "lower(substr(d.text, f.start_char + 1, f.end_char - f.start_char)) = 'leftist'")
    assert leftist[0][0] == 0


def test_the_seed_with_31_name_calling_spans_gets_few_and_none_on_descriptors(
        corpus_store: Store) -> None:
    need_seeds()
    rows = corpus_store.query(
        "SELECT lower(substr(d.text, f.start_char + 1, f.end_char - f.start_char)), "
        "substr(d.text, f.start_char - 40, 40) FROM frames f JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.source, '001_dfe0e468fa5ce596.txt') "
        "AND f.technique = 'Name_Calling,Labeling'")
    assert 0 < len(rows) <= 10  # was 31, most of them descriptors
    words = {text for text, _ in rows}
    assert not words & {"corruption", "leftist", "socialist", "socialists", "elites"}
    # the writer's own label: "the country's racist, elitist and plutocratic establishment"
    assert "racist" in words
    # the one "establishment" left is the writer's epithet: "racist, elitist and plutocratic"
    assert all("plutocratic" in before for text, before in rows if text == "establishment")


def test_left_leaning_energy_is_no_energy_theme(settings: Settings, corpus_store: Store
                                                ) -> None:
    doc = _doc(settings, "The election brought a momentous blast of left-leaning energy "
               "sweeping across the continent. Voters want change.")
    assert not {t.theme for t in doc.themes} & {"energy_resources"}
    oil = _doc(settings, "Energy prices rose as oil exports fell and the state oil company "
               "cut output at its refinery.")
    assert "energy_resources" in {t.theme for t in oil.themes if t.sentence == 0}
    need_seeds()
    sentence = corpus_store.query(
        "SELECT s.doc_id, s.idx FROM sentences s JOIN documents d USING (doc_id) WHERE "
        "ends_with(d.source, '000_ce8d7cfe5695b9be.txt') AND contains(substr(d.text, "
        "s.start_char + 1, s.end_char - s.start_char), 'left-leaning energy')")
    assert len(sentence) == 1
    themes = corpus_store.query("SELECT theme FROM themes WHERE doc_id = ? AND sentence IN "
                                "(?, -1)", list(sentence[0]))
    assert ("energy_resources",) not in themes


def test_fixed_expressions_and_business_ecosystems_name_no_theme(settings: Settings) -> None:
    """"Sin embargo" is "however", the Great Resignation is workers quitting, a startup
    ecosystem is no nature; the same words in their own sense still count."""
    def themes(text: str, language: str = "es") -> set[str]:
        return {t.theme for t in _doc(settings, text, language=language).themes
                if t.sentence == 0}

    assert "sanctions_blockades" not in themes(
        "Sin embargo, el alcalde de la ciudad no cambió su plan de obras para el puerto.")
    assert "sanctions_blockades" in themes(
        "Washington mantiene el embargo comercial contra la isla desde hace seis décadas.")
    assert "coups_impeachment" not in themes(
        "La Gran Renuncia dejó a muchas tiendas de la ciudad sin empleados este verano.")
    assert "coups_impeachment" not in themes(
        "The Great Resignation left many shops in the city without staff this summer.", "en")
    assert "coups_impeachment" in themes(
        "La renuncia forzada del presidente dejó al país sin gobierno durante dos días.")
    assert "environment" not in themes(
        "La ciudad tiene un ecosistema de empresas emergentes que atrae a inversores.")
    assert "environment" in themes(
        "La deforestación y la minería ilegal destruyen el ecosistema de la selva.")
    # the cycling union (UCI) and a sovereign decision are no intensive care nor Cuban vaccine
    assert "health_covid" not in themes(
        "Esta será la primera parada de la Copa de Naciones organizada por la UCI en Glasgow.")
    assert "health_covid" not in themes(
        "El canciller dijo que la decisión soberana del país no admite presiones externas.")
    assert "health_covid" in themes(
        "Los contagios llenaron la UCI del hospital y faltó oxígeno para los pacientes.")


def test_documents_get_at_most_five_themes(corpus_store: Store) -> None:
    counts = dict(corpus_store.query(
        "SELECT d.source, count(*) FROM themes t JOIN documents d USING (doc_id) "
        "WHERE t.sentence = -1 GROUP BY d.source"))
    assert counts and max(counts.values()) <= 5
    need_seeds()
    seed = [n for source, n in counts.items() if source.endswith("001_dfe0e468fa5ce596.txt")]
    assert seed and seed[0] <= 5  # was 13 of the 20 themes


def test_the_framing_tagger_loads_from_package_data_without_network(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the framing tagger tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    tagger.cache_clear()
    model = tagger()
    assert model is not None
    assert model.classes == ("O", *TECHNIQUES)
    assert model.weights.shape == (len(TECHNIQUES) + 1, feature_count())
    assert 0.0 < model.threshold < 1.0
    assert Path(str(DATA.joinpath(MODEL))).stat().st_size < 500_000  # small package data


SIEGE = ("For twenty years Washington has waged an economic war on the Venezuelan people. Its "
         "sanctions are a cruel siege that starves children to punish a government. This "
         "barbaric policy must end.")


def test_the_tagger_reads_declared_op_eds_only(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []
    monkeypatch.setattr(frames, "tagger", lambda: asked.append(1) or tagger())
    doc = _doc(settings, SIEGE, "opinion")
    assert len(asked) == 1
    # the tagger finds "a cruel siege" (below), but its loaded language is not kept: out of
    # fold on the tuning half it was right on .31 of what it marked
    assert ("a cruel siege", "Loaded_Language") not in _spans(doc)
    assert ("This barbaric policy", "Loaded_Language") in _spans(doc)  # a pattern finds it
    model = tagger()
    assert model is not None  # the tagger's own reading, below the shipped threshold (0.65)
    # "a cruel siege that starves children", and "barbaric" (found by the pattern above too)
    assert [(doc.text[a:b], t) for _, a, b, t, _ in model.spans(doc, 0.5)] == [
        ("cruel siege", "Loaded_Language"), ("barbaric", "Loaded_Language")]
    for kind in ("news", None):  # a report, or a text whose source says nothing: not asked
        _doc(settings, SIEGE, kind)
    assert len(asked) == 1


def test_the_stage_takes_a_given_tagger_reading_in_place_of_the_shipped_one(
        settings: Settings) -> None:
    """What train_frame_tagger.py scores a fold's model by: the rules plus the spans given."""
    doc = _doc(settings, SIEGE, "opinion")
    start = doc.text.index("cruel siege")
    given = [Frame(1, start, start + len("cruel siege"), NAME_CALLING, 0.9, "model")]
    rules = {("This barbaric policy", "Loaded_Language")}
    assert _spans(doc) == rules  # the shipped tagger keeps nothing here
    with_given = frames.find_frames(doc, tagged=given)
    assert {(doc.text[f.start:f.end], f.technique) for f in with_given} == rules | {
        ("a cruel siege", NAME_CALLING)}  # grown to its phrase, as the stage grows its own
    assert {(doc.text[f.start:f.end], f.technique)
            for f in frames.find_frames(doc, tagged=[])} == rules


@pytest.mark.parametrize(("seed", "start", "end", "words", "technique"), [
    ("003_d22e42b99207a13b.txt", 529, 548, "the neo-colonial regime", NAME_CALLING),
])
def test_the_tagger_marks_the_held_out_seeds_framing(corpus_store: Store, seed: str, start: int,
                                                     end: int, words: str, technique: str
                                                     ) -> None:
    """Two seeds of the held-out half, which the tagger never trained on."""
    need_seeds()
    rows = corpus_store.query(
        "SELECT substr(d.text, f.start_char + 1, f.end_char - f.start_char), f.technique "
        "FROM frames f JOIN documents d USING (doc_id) WHERE ends_with(d.source, ?) "
        "AND f.method = 'model' AND f.start_char <= ? AND f.end_char >= ?", [seed, start, end])
    assert rows == [(words, technique)]  # the tagger's words, grown to their whole phrase


def test_the_tagger_trains_on_shippable_tuning_documents_only() -> None:
    """The frames split keeps its halves (and the fresh held-out batch) apart, and the tuning
    half (the tagger's training data) holds only texts we may ship: seeds, bundled examples,
    our gold texts and the Apache/MIT shared pages, never PTC or FNC-1."""
    split = json.loads((ROOT / "benchmarks" / "gold" / "frames" / "split.json").read_text())
    halves = ("tuning", "held_out", "held_out_fresh")
    names = [name for half in halves for name in split[half]]
    assert len(names) == len(set(names)) == 47 + 25 + 10
    assert all(name.startswith(("seed-", "ex-", "gold-", "traf-", "aeb-"))
               for name in split["tuning"])
    assert set(split["kinds"]) == {n for n in names if n.startswith(("traf-", "aeb-"))}
    rows = (ROOT / "benchmarks" / "gold" / "frames" / "spans.jsonl").read_text().splitlines()
    annotated = {json.loads(row)["doc"] for row in rows if row.strip()}
    assert set(split["held_out_fresh"]) <= annotated  # each fresh page has its spans


def test_a_broken_or_stale_tagger_file_is_refused_by_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from marea.errors import ModelError
    from marea.opinion import frame_tagger

    monkeypatch.setattr(frame_tagger, "DATA", tmp_path)
    (tmp_path / MODEL).write_bytes(b"not a numpy archive")
    tagger.cache_clear()
    with pytest.raises(ModelError, match=r"\[E180\].*frame_tagger\.npz"):
        tagger()
    np.savez_compressed(tmp_path / MODEL, classes=np.array(("O", *TECHNIQUES)),
                        features=np.array(frame_tagger.FEATURES), weights=np.zeros((15, 10)),
                        bias=np.zeros(15), threshold=np.array(0.5))
    tagger.cache_clear()
    with pytest.raises(ModelError, match=r"\[E181\].*10 columns"):
        tagger()
    tagger.cache_clear()


BANDWAGON = "Bandwagon,Reductio_ad_hitlerum"


def test_a_label_is_name_calling_only_when_it_is_said_of_the_name(settings: Settings) -> None:
    doc = _doc(settings, "We condemn the aggression of the United States against Cuba, and the "
               "blockade against Venezuela must end. On Monday, the People’s Daily, the "
               "mouthpiece of the Communist Party, warned the protesters.", "opinion")
    labels = {text for text, technique in _spans(doc) if technique == NAME_CALLING}
    # "aggression" and "blockade" name acts that take the country as their argument;
    # "mouthpiece" is said of the paper, in apposition to it
    assert labels == {"the mouthpiece of the Communist Party"}


def test_a_descriptor_inside_a_term_is_no_label(settings: Settings) -> None:
    doc = _doc(settings, "For decades Washington pursued brutal regime change across Latin "
               "America.", "opinion")
    spans = _spans(doc)
    assert ("regime", NAME_CALLING) not in spans
    # the charge is on the act, not a label
    assert any(text.startswith("brutal") and technique == "Loaded_Language"
               for text, technique in spans)


def test_a_name_from_history_is_reductio_only_in_a_comparison(settings: Settings) -> None:
    history = _doc(settings, "In 1939 the Nazis invaded Poland, and Stalin signed a pact with "
                   "Hitler.", "opinion")
    assert history.frames == []
    compared = _doc(settings, "The minister talks like Hitler and runs his own Gestapo.",
                    "opinion")
    assert {(t, f) for t, f in _spans(compared) if f == BANDWAGON} == {
        ("like Hitler", BANDWAGON), ("his own Gestapo", BANDWAGON)}


def test_the_sentence_classifier_marks_no_sentence_on_its_own(settings: Settings) -> None:
    # it scored over 0.9 for a thought-terminating cliché here, on a plain closing line
    doc = _doc(settings, "It is true that the senators did not campaign on the budget. The "
               "governor thought voters would punish the reform and reward him. It does not "
               "have to be this way.", "opinion")
    assert doc.frames == []


@pytest.mark.parametrize(("text", "technique", "found"), [
    ("Either we stop the reform now or the country is ruined.", "Black-and-White_Fallacy",
     ["Either we stop the reform now or"]),
    ("You are either with us or against us.", "Black-and-White_Fallacy",
     ["You are either with us or"]),
    ("He failed to find either collusion or obstruction.", "Black-and-White_Fallacy", []),
    ("They pushed the vote back by a couple of days.", "Exaggeration,Minimisation", []),
    ("It was only a couple of protesters.", "Exaggeration,Minimisation",
     ["only a couple of"]),
    ("The general says the army is ready. And he would know.", "Appeal_to_Authority",
     ["And he would know"]),
    ("They would know the drill in advance.", "Appeal_to_Authority", []),
])
def test_dilemma_minimisation_and_authority_patterns_need_their_frame(
        text: str, technique: str, found: list[str]) -> None:
    pattern = frames.patterns("en")[technique]
    assert [m.group() for m in pattern.finditer(text)] == found


def test_a_loaded_word_or_label_is_marked_with_its_phrase(settings: Settings) -> None:
    doc = _doc(settings, "Bush's hasty and shameful punishments have deeply appalling "
               "effects. The Peruvian oligarchy fears him, and right-wing demagogues exploit the "
               "fear. On Monday the People's Daily, the mouthpiece of the Communist party, "
               "warned the students.", "opinion")
    spans = _spans(doc)
    # the gold's spans are phrases: the adjectives with their noun, the label with its
    # determiner, modifiers and "of" phrase, whole hyphenated words
    assert {("hasty and shameful punishments", "Loaded_Language"),
            ("deeply appalling effects", "Loaded_Language")} <= spans
    assert ("The Peruvian oligarchy", NAME_CALLING) in spans
    assert ("right-wing demagogues", NAME_CALLING) in spans
    assert ("the mouthpiece of the Communist party", NAME_CALLING) in spans
    # a determiner or modifier before a hyphenated word is reached over the whole word
    hyphens = _doc(settings, "Who cares if the man is a sex-trafficking pedophile, the "
                   "deep-state spy-agency miscreants ask.", "opinion")
    assert {("a sex-trafficking pedophile", NAME_CALLING),
            ("the deep-state spy-agency miscreants", NAME_CALLING)} <= _spans(hyphens)
    # a noun grading the first adjective ("rank" partisan) belongs to the label
    graded = _doc(settings, "Instead, he seems a rank partisan and sloppy leaker whose schemes "
                  "are known.", "opinion")
    assert ("a rank partisan and sloppy leaker", NAME_CALLING) in _spans(graded)
    # an adjective coordinated after the loaded one is part of the charge
    after = _doc(settings, "In the end the senators grew shameless and cruel.", "opinion")
    assert ("shameless and cruel", "Loaded_Language") in _spans(after)
    spanish = _doc(settings, "El trasfondo de este choque es una gestión nefasta: la OEA. "
                   "Hay que sustituirla por un organismo autónomo, no lacayo de nadie.",
                   "opinion", "es")
    # a Spanish adjective after its noun; a negation stays out of the label
    assert {("una gestión nefasta", "Loaded_Language"),
            ("lacayo de nadie", NAME_CALLING)} <= _spans(spanish)


def test_an_op_ed_doubts_with_scare_quotes_and_supposedly(settings: Settings) -> None:
    text = ("Schiff lied about his contacts with the “whistleblower,” and his supposedly "
            "reckless policy is fine. Real science is never “settled.” “Enough,” he said. She "
            "called it a “farce”. We are supposed to plan ahead. We watched “The Crown” again. "
            "Judge any “green deal” by its numbers. He kept the “whistleblower’s” name secret.")
    spans = _spans(_doc(settings, text, "opinion"))
    # one quoted word is the writer's distance (a possessive's apostrophe closes nothing); a
    # quoted term of two words is cited
    assert {s for s, technique in spans if technique == "Doubt"} == {
        "“whistleblower,”", "supposedly reckless policy", "“settled.”", "“whistleblower’s”"}
    # the doubted words are the doubt's, not loaded language of their own
    assert ("reckless policy", "Loaded_Language") not in spans
    # a wire report's quotation marks give a source's words; what she called it is a label
    assert _spans(_doc(settings, text, "news")) == {("farce", NAME_CALLING)}


def test_an_op_eds_charged_nouns_are_loaded_language_and_its_verbs_tell_acts(
        settings: Settings) -> None:
    text = ("The senators are trapped in an impeachment farce. It is time to pack up the circus "
            "and leave town. The megabanks destroyed the economy. This stifling atmosphere "
            "harms us.")
    spans = _spans(_doc(settings, text, "opinion"))
    assert {("an impeachment farce", "Loaded_Language"), ("the circus", "Loaded_Language"),
            ("This stifling atmosphere", "Loaded_Language")} <= spans
    # a charged verb on its own says what happened; a participle qualifying a noun charges it
    assert not any(s.startswith("destroyed") for s, _ in spans)
    # in a report the same words name what happened
    assert _doc(settings, text, "news").frames == []


def test_a_disaster_word_about_a_natural_hazard_describes_it(settings: Settings) -> None:
    text = ("Farmers brace for a deadly wildfire season, and the towns breathe dirty air. "
            "Nobody can escape the catastrophic consequences of the drought. The catastrophic "
            "results of these cruel sanctions fall on the poor.")
    spans = _spans(_doc(settings, text, "opinion"))
    # the sanctions are someone's doing: their results are charged
    assert ("The catastrophic results", "Loaded_Language") in spans
    # the fire season, the air and the drought are what they are
    assert not any(word in span for span, _ in spans
                   for word in ("deadly", "dirty", "consequences"))


@pytest.mark.parametrize(("language", "text", "technique", "found"), [
    ("en", "Bush is the most unpopular American president in the region ever.",
     "Exaggeration,Minimisation", ["the most unpopular American president in the region ever"]),
    ("en", "It is the only credible plan on the table.", "Exaggeration,Minimisation",
     ["the only credible plan"]),
    ("en", "It was the most expensive season of the decade.", "Exaggeration,Minimisation", []),
    ("en", "He befriended a billionaire pedophile and now plays the buffoon.", NAME_CALLING,
     ["pedophile", "buffoon"]),
    ("es", "Llamó usurpador a Boluarte y canallas a sus ministros.", NAME_CALLING,
     ["usurpador", "canallas"]),
    ("en", "Sosa is right, and the midterms show it.", "Appeal_to_Authority", ["Sosa is right"]),
    ("en", "The timing is right. Trump was right to leave.", "Appeal_to_Authority", []),
    ("es", "Xicará tiene razón: decidirá la Corte.", "Appeal_to_Authority",
     ["Xicará tiene razón"]),
    ("es", "Nadie tiene razón. El gobierno no tiene razón.", "Appeal_to_Authority", []),
    # a country named plainly is no appeal to the flag; its praise is
    ("en", "Our country needs schools, and patriotic songs will not build them. As a nation "
     "we argue; our soldiers serve the national interest.", "Flag-Waving", []),
    ("en", "Only traitors would sell out our great nation.", "Flag-Waving", ["our great nation"]),
    # turning to another's fault is a question; "what about" in a statement is not
    ("en", "We asked what about the plan had worked.", "Whataboutism,Straw_Men,Red_Herring", []),
    ("en", "They preach to us. And what about the prisons they run at home?",
     "Whataboutism,Straw_Men,Red_Herring", ["what about the prisons they run at home?"]),
    # an anaphora of function words is no repeated slogan
    ("en", "She wants it done before the debates resume in earnest and the primaries start, "
     "before the voters tire.", "Repetition", []),
])
def test_superlative_insult_and_endorsement_patterns(language: str, text: str, technique: str,
                                         found: list[str]) -> None:
    pattern = frames.patterns(language)[technique]
    assert [m.group() for m in pattern.finditer(text)] == found


def test_charged_idioms_are_loaded_language_in_an_op_ed_only(settings: Settings) -> None:
    text = ("The authorities continue to pour fuel on the fire. Their botched, ham-fisted "
            "inquiry was a charade from the start.")
    spans = _spans(_doc(settings, text, "opinion"))
    assert {("pour fuel on the fire", "Loaded_Language"), ("a charade", "Loaded_Language")
            } <= spans
    assert any(s.startswith("botched") and technique == "Loaded_Language"
               for s, technique in spans)
    assert _doc(settings, text, "news").frames == []


@pytest.mark.parametrize(("language", "text", "label"), [
    ("en", "Russia and China backed the government; the Kremlin called the opposition leader's "
     "move a usurpation of power.", "a usurpation of power"),
    ("en", "Dilma's allies described the vote as a coup against democracy.", "a coup"),
    ("es", "El presidente tildó de traidores a los diputados.", "traidores"),
    ("en", "The comedian called Cosby a rapist during a show in Philadelphia.", "a rapist"),
    ("es", 'El juicio por el caso denominado "golpe" entró en su fase final.', "golpe"),
    ("en", "Pope Francis called the killings \"barbaric.\" He described the massacre in detail.",
     None),
])
def test_a_label_someone_is_reported_giving_is_name_calling_in_news(
        settings: Settings, language: str, text: str, label: str | None) -> None:
    doc = _doc(settings, text, "news", language)
    # the thing named ("the killings", "the massacre") is no label; what it is called is
    assert _spans(doc) == ({(label, NAME_CALLING)} if label else set())


@pytest.mark.parametrize(("language", "text", "label"), [
    ("es", "Según la Fiscalía, en los cuarteles se generalizó la idea de que se combatía un "
     "“enemigo interno”.", "enemigo interno"),
    ("en", "The minister said the striking dockers were “traitors” and would be replaced.",
     "traitors"),
    # a quoted word that is no label for people stays out of a news report
    ("en", "The president announced a “historic” agreement with the union.", None),
])
def test_a_quoted_negative_label_is_name_calling_in_news(
        settings: Settings, language: str, text: str, label: str | None) -> None:
    spans = _spans(_doc(settings, text, "news", language))
    assert spans == ({(label, NAME_CALLING)} if label else set())


def test_the_scan_finds_what_each_whole_alternation_finds(settings: Settings) -> None:
    """The scan runs only the patterns whose needed words a sentence holds, and runs them
    apart; every technique's matches stay those of its whole alternation, sentence by sentence
    of the bundled opinion examples and of sentences written to hit several patterns at once."""
    texts = [
        "You are either with us or against us, and the so-called experts agree: only a couple "
        "of protesters, so-called leaders, thugs and traitors, a total disaster.",
        "THE SO-CALLED EXPERTS AGREE that the corrupt elites are destroying our great nation.",
        "Los expertos coinciden: según los científicos, la oligarquía vendepatria miente.",
        "We will fight, we will win, we will never surrender.",
        "Nobody expects the So-called reform to paſs, as İ said.",
    ]
    root = ROOT / "src" / "marea" / "examples"
    for path in sorted(root.rglob("*opinion*.txt")):
        doc = _doc(settings, path.read_text("utf-8"))
        texts += [doc.text[s.start:s.end] for s in doc.sentences]
    assert len(texts) > 20
    for language in ("en", "es"):
        whole = frames.patterns(language)
        for text in texts:
            expected = {name: [m.span() for m in pattern.finditer(text)]
                        for name, pattern in whole.items()}
            scanned = {name: [m.span() for m in matches()]
                       for name, matches in frames.scan(language, text)}
            assert {k: v for k, v in scanned.items() if v} == \
                   {k: v for k, v in expected.items() if v}, text
    assert frames.scan("pt", "Os chamados especialistas concordam.") == []


def test_the_fold_keeps_every_character_ignorecase_matches_to_a_needed_one() -> None:
    """A needed string is looked for in the folded sentence, so every character that
    re.IGNORECASE matches to one of LITERAL_CHARS must fold to it (else a match is missed)."""
    import re
    import sys

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for char in frames.LITERAL_CHARS:
        for match in re.finditer(re.escape(char), every, re.IGNORECASE):
            assert frames._fold(match.group()) == char, (char, hex(ord(match.group())))


def test_every_repetition_pattern_keeps_its_own_back_reference() -> None:
    """Joined into one alternation, a later pattern's "\\1" would point at the first pattern's
    group and never match; each pattern's reference is shifted to its own group."""
    repetition = frames.patterns("en")["Repetition"]
    text = "They lied. Lies, lies and more lies. Freedom, freedom, they chant."
    assert [m.group() for m in repetition.finditer(text)] == [
        "Lies, lies and more lies", "Freedom, freedom"]


@pytest.mark.parametrize(("text", "labels"), [
    ("Debate is silenced by a repressive government at home and by the usurper Boluarte in "
     "Lima.", {"usurper"}),
    ("Bush is the most unpopular American president in the region ever.", set()),
    # a word the name modifies says what the actor does or has, not what it is
    ("Cuba has resisted United States imperialism for sixty years.", set()),
    ("Venezuela has endured the United States' interference for decades.", set()),
    ("The students fled from Maduro's henchmen.", {"henchmen"}),
])
def test_a_label_is_name_calling_of_a_named_actor_only(settings: Settings, text: str,
                                                       labels: set[str]) -> None:
    """An actor mentioned by a common noun ("a repressive government", "the most unpopular
    American president") is described; a name is called names ("the usurper Boluarte"), and
    so are the people it has ("Maduro's henchmen": a pattern's insult), not its acts."""
    doc = _doc(settings, text, "opinion")
    assert {s for s, technique in _spans(doc) if technique == NAME_CALLING} == labels


@pytest.mark.parametrize(("language", "text", "found"), [
    ("en", "Police answered the students with repression and a crackdown, and impunity followed. "
     "Then came brutal repression.", {("brutal repression", "Loaded_Language")}),
    ("es", "La policía respondió con represión, y la impunidad siguió.", set()),
])
def test_repression_and_impunity_name_what_happened(settings: Settings, language: str,
                                                    text: str, found: set) -> None:
    """Like "massacre", they are descriptors in an op-ed too: charged only when marked."""
    assert _spans(_doc(settings, text, "opinion", language)) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Neo-Nazis marched in Charlottesville, and mainstream media covered it for a week.", set()),
    ("The lying mainstream media covered it for a week.",
     {("The lying mainstream media", NAME_CALLING)}),
])
def test_a_movement_or_the_press_named_plainly_is_no_label(settings: Settings, text: str,
                                                           found: set) -> None:
    """"Neo-Nazis" and "mainstream media" are descriptors, as "fascists" is: an insult
    beside them makes them epithets."""
    assert _spans(_doc(settings, text, "opinion")) == found
