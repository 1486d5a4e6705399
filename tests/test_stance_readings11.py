"""Stance faults a reader found on the seeds, each read on the seed passage by offset and on
a sentence of ours: help sent to a country, a protest the author praises, a glued "butUS";
and the author's own verdicts, authorities and examples to follow."""

from __future__ import annotations

import pytest

from marea.model import Document
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from marea.store import Store
from tests.conftest import need_seeds

RABY = "001_dfe0e468fa5ce596.txt"  # the 2021 piece on Latin America's progressive wave
FOWDY = "000_ce8d7cfe5695b9be.txt"  # the 2021 piece on the "red wave"
VOICE = " I have written about this for years, and I say so plainly."


def _processed(settings: Settings, text: str, language: str = "en") -> Document:
    doc = Document(source="t.txt", locator="", raw=text.encode(), content_type="text",
                   metadata={"language": language, "published": "2021-06-01"})
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return done


def _stances(doc: Document) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return {s.actor_id: (s.label, [(c.kind, c.cue) for c in s.cues if c.weight])
            for s in doc.stances}


def _cues_at(store: Store, seed: str, passage: str) -> list[tuple[str, str, float]]:
    """(actor, kind, weight) of every stance cue inside a seed passage, found by offset."""
    (text,) = store.query("SELECT text FROM documents WHERE ends_with(source, ?)", [seed])[0]
    start = text.index(passage)
    rows = store.query("SELECT c.actor_id, c.kind, c.weight FROM stance_cues c JOIN documents d "
                       "USING (doc_id) WHERE ends_with(d.source, ?) AND c.start_char >= ? AND "
                       "c.end_char <= ?", [seed, start, start + len(passage)])
    return [(str(actor), str(kind), float(weight)) for actor, kind, weight in rows]


def test_ships_with_supplies_sent_to_a_country_do_it_no_harm(corpus_store: Store,
                                                             settings: Settings) -> None:
    need_seeds()
    passage = "Mexico sending two naval vessels with much-needed supplies to Havana"
    cues = _cues_at(corpus_store, RABY, passage)
    assert not [c for c in cues if c[2] < 0], cues  # neither Mexico nor Cuba loses by it
    assert not any(kind == "side:MEX" for _, kind, _ in
                   corpus_store.query("SELECT c.actor_id, c.kind, c.weight FROM stance_cues c "
                                      "JOIN documents d USING (doc_id) WHERE ends_with(d.source,"
                                      " ?) AND c.actor_id = 'CUB'", [RABY]))
    doc = _processed(settings, "Mexico sent two naval vessels with much-needed supplies to "
                     "Havana." + VOICE)
    found = _stances(doc)
    assert found.get("CUB", ("neutral", []))[0] == "neutral"
    assert found.get("MEX", ("neutral", []))[0] == "neutral"


def test_troops_sent_against_an_armed_group_still_count_as_conflict(settings: Settings
                                                                    ) -> None:
    from marea.opinion.stance import _place_or_people
    assert _place_or_people("CUB") and _place_or_people("CUBCVL")
    assert not _place_or_people("COLREB") and not _place_or_people("CUBGOV")
    assert not _place_or_people(None) and not _place_or_people("evo-morales")


def test_the_doer_of_a_protest_takes_the_authors_view_of_it(corpus_store: Store,
                                                            settings: Settings) -> None:
    need_seeds()
    # "Repression in Colombia is unrelenting despite months of heroic mass protests."
    cues = _cues_at(corpus_store, RABY, "Repression in Colombia is unrelenting despite months "
                    "of heroic mass protests")
    protest = [weight for _, kind, weight in cues if kind == "event:PROTEST:source"]
    assert protest and all(weight > 0 for weight in protest), cues
    # "sustained mass protest in the face of brutal repression ... forced the right-wing
    # government": nothing the author says of the protest itself condemns it
    cues = _cues_at(corpus_store, RABY, "In Chile, sustained mass protest in the face of brutal "
                    "repression")
    assert not [c for c in cues if c[1] == "event:PROTEST:source" and c[2] < 0], cues
    praised = _stances(_processed(settings, "Colombian workers staged heroic, peaceful protests "
                                  "against Iván Duque." + VOICE))
    assert praised["COLLAB"] == ("favor", [("event:PROTEST:source", "protests")])
    condemned = _stances(_processed(settings, "Colombian workers staged violent, destructive "
                                    "protests against Iván Duque." + VOICE))
    assert condemned["COLLAB"][0] == "against"
    # a riot is violence: its doer loses by it unless the author praises it
    riot = _stances(_processed(settings, "Supporters of the former president rioted in Brasília "
                               "and ransacked the Congress." + VOICE))
    assert riot["CVL"][0] == "against" and riot["BRALEG"][0] == "favor"


def test_a_word_glued_to_a_name_is_two_words(corpus_store: Store, settings: Settings) -> None:
    need_seeds()
    names = [name for (name,) in corpus_store.query(
        "SELECT m.text FROM mentions m JOIN documents d USING (doc_id) WHERE "
        "ends_with(d.source, ?)", [FOWDY])]
    assert "butUS" not in names and "theSince" not in names
    (text,) = corpus_store.query("SELECT text FROM documents WHERE ends_with(source, ?)",
                                 [FOWDY])[0]
    start = text.index("butUS neoliberalism") + 3
    linked = corpus_store.query("SELECT m.actor_id FROM mentions m JOIN documents d USING "
                                "(doc_id) WHERE ends_with(d.source, ?) AND m.start_char = ?",
                                [FOWDY, start])
    assert linked == [("USA",)]
    doc = _processed(settings, "The riots cannot be explained by Russia or Cuba, butUS "
                     "neoliberalism is a failed experiment, as #neverTrump voters and the "
                     "iPhone crowd know.")
    words = [doc.text[t.start:t.end] for t in doc.tokens]
    assert words[words.index("but"):words.index("but") + 2] == ["but", "US"]
    assert "iPhone" in words and "neverTrump" in words  # one-letter prefixes, hashtags
    assert [(m.text, m.actor_id) for m in doc.mentions if m.text == "US"] == [("US", "USA")]


@pytest.mark.parametrize(("text", "language", "actor", "label", "cue"), [
    ("Bernie Sanders rightly argues that the sanctions failed.", "en",
     "bernie-sanders", "favor", "rightly argues"),
    ("Lula was wrongly accused of corruption.", "en", "luiz-inacio-lula-da-silva", "favor",
     "wrongly accused"),
    ("As Noam Chomsky has pointed out, the empire never sleeps.", "en",
     "x-person-noam-chomsky", "favor", "pointed"),
    ("We should follow the example of Mexico in this.", "en", "MEX", "favor", "follow"),
    ("Como bien señala Atilio Borón, la historia se repite.", "es",
     "x-person-atilio-boron", "favor", "señala"),
    ("Nosotros debemos escuchar a Lula.", "es", "luiz-inacio-lula-da-silva", "favor",
     "escuchar"),
    ("I agree with Bernie Sanders on this.", "en", "bernie-sanders", "favor", "agree"),
    ("I disagree with Donald Trump on this.", "en", "donald-trump", "against", "disagree"),
])
def test_the_author_credits_an_actor_without_praise_words(settings: Settings, text: str,
                                                          language: str, actor: str, label: str,
                                                          cue: str) -> None:
    voice = VOICE if language == "en" else (" Nosotros lo hemos escrito durante años y lo "
                                            "seguiremos diciendo, porque creo que alguien "
                                            "tiene que decirlo.")
    found = _stances(_processed(settings, text + voice, language))
    assert found[actor][0] == label, found.get(actor)
    assert (found[actor][1][0][1]) == cue


def test_a_credited_word_in_a_quotation_or_a_report_is_no_verdict(settings: Settings) -> None:
    quoted = _stances(_processed(settings, 'Critics said "Bernie Sanders rightly argues that the '
                                 'sanctions failed."' + VOICE))
    assert "verdict" not in [kind for kind, _ in quoted["bernie-sanders"][1]]
    praised = _stances(_processed(settings, "Donald Trump was rightly praised by his "
                                  "supporters." + VOICE))
    assert "verdict" not in [kind for kind, _ in praised.get("donald-trump", ("", []))[1]]


def _post(settings: Settings, text: str) -> Document:
    doc = Document(source="tweet", locator="", raw=text.encode(), content_type="text",
                   metadata={"language": "en", "published": "2016-07-01"})
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    return done


def test_a_post_reads_you_as_its_addressee_and_she_as_the_one_woman_it_names(
        settings: Settings) -> None:
    found = _stances(_post(settings, "@gabriellahope_ @HillaryClinton Does the general public "
                           "trust her enough to be President? She is a liar."))
    assert found["hillary-clinton"][0] == "against"
    assert ("label", "liar") in found["hillary-clinton"][1]
    # two people of one gender: "he" stands for neither
    both = _stances(_post(settings, "Donald Trump met Barack Obama today. He is a liar."))
    assert all(("label", "liar") not in cues for _, cues in both.values())


def test_a_lower_case_tag_is_split_at_the_name_it_starts_or_ends_with() -> None:
    from marea.actors.kb import load_kb
    from marea.actors.spans import tag_words
    kb = load_kb()
    assert tag_words("hillaryforprison", kb) == ["hillary", "forprison"]
    assert tag_words("nevertrump", kb) == ["never", "trump"]
    assert tag_words("StopHillary", kb) == ["Stop", "Hillary"]  # by case, as before
    assert tag_words("trumpet", kb) == ["trumpet"] and tag_words("tcot", kb) == ["tcot"]


def test_a_lower_case_campaign_tag_names_and_opposes_its_candidate(settings: Settings) -> None:
    doc = _post(settings, "Another speech, another set of promises. #nevertrump")
    assert [m.actor_id for m in doc.mentions if m.text == "#nevertrump"] == ["donald-trump"]
    assert _stances(doc)["donald-trump"] == ("against", [("hashtag", "#nevertrump")])
