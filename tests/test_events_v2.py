"""Events v2 (issue 11): defects found on the external gold sets, each on a real sentence.

All sentences are ingested once, one per document, as a new user would (sentence encoder off).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from marea.actors.kb import load_kb
from marea.nlp.truecase import shouting, truecase
from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store

SENTENCES = {
    # "sin embargo" / "no obstante" are connectives, not negations.
    "sin-embargo": ("es", "Sin embargo, el ejército haitiano atacó a los rebeldes."),
    "no-obstante": ("es", "No obstante, Colombia criticó a Venezuela."),
    "no-control": ("es", "Colombia no criticó a Venezuela."),
    "however-control": ("en", "However, Mexico did not criticize Peru."),
    # Adjectives are not triggers: "grupo armado" is not an act of arming (AID).
    "armado": ("es", "Un grupo armado atacó la población."),
    "armed": ("en", "An armed group attacked the village."),
    # A participle that is a verb still is one.
    "sancionada": ("es", "La fiscal Consuelo Porras, sancionada por Estados Unidos, renunció."),
    # Sentence-initial "Un"/"Una" is not the United Nations; the UN still is.
    "una": ("es", "Una comisión visitó Haití."),
    "un-en": ("en", "The UN condemned the attack."),
    # An agent noun takes its adjacent demonym's country, not another mention's.
    "policias": ("es", "Policías uruguayos detuvieron a dos manifestantes en Buenos Aires."),
    # All-capital headlines are truecased before parsing.
    "caps-es": ("es", "EJERCITO HAITIANO ATACA A REBELDES EN PUERTO PRINCIPE"),
    "caps-en": ("en", "RUSSIAN TROOPS ATTACK UKRAINIAN VILLAGES"),
    # Idioms and rejected agreements.
    "note": ("en", "Lula struck a different note on Venezuela."),
    "outlook": ("en", "Last October, NOAA released its U.S. Winter Outlook."),  # Mercury News
    "reject-en": ("en", "Humala pledged to reject a free-trade agreement with the United States."),
    "reject-es": ("es", "Evo Morales rechazó el acuerdo de libre comercio con Chile."),
    # Arguments that are noun phrases for people of a sector, with their demonym's country.
    "diplomats": ("en", "Two Russian diplomats met the Chilean foreign minister."),
    "diplomaticos": ("es", "Dos diplomáticos rusos se reunieron con el canciller chileno."),
    "fishermen": ("en", "Fishermen blocked the port of Valparaiso."),
    "campesino": ("es", "Un hombre armado atacó a un campesino."),
    # Counts of people take who is counted; reported speech's pronoun or null subject is
    # the speaker.
    "kurds": ("en", "Thousands of Iraqi Kurds demonstrated on Friday in the streets of Kirkuk."),
    "huelguistas": ("es", "Miles de huelguistas manifestaron hoy en toda Rusia."),
    "they": ("en", "Palestinian leaders said on Sunday they would boycott all formal "
                   "contacts with the United States."),
    "se-manifestaron": ("es", "Miles de personas se manifestaron este martes en Bilbao."),
    "manifesto-que": ("es", "El ministro manifestó que el gobierno no cederá."),
    # A target implied by the object's owner or the complement clause; threatened acts are
    # future, not asserted.
    "ultimatum": ("en", "Serbia firmly rejected an Australian ultimatum on Friday."),
    "propuesta": ("es", "Perú rechazó la propuesta de Chile."),
    "offensive": ("en", "Iran threatened to launch a new military offensive against Iraq."),
    "romper": ("es", "Venezuela amenazó con romper relaciones con Colombia."),
    # Arguments resolved within the document: "it"/"they" to the speaker, "the new
    # president"/"la nueva mandataria" to the president named before or holding the office
    # that day, a bare surname to the knowledge base's most prominent bearer.
    "it": ("en", "Russia said it would expel two Polish diplomats."),
    "new-president": ("en", "Peru's Congress swore in Dina Boluarte on December 7. "
                            "The new president met Gustavo Petro on Friday."),
    "nueva-mandataria": ("es", "Dina Boluarte asumió la presidencia del Perú el 7 de "
                               "diciembre. La nueva mandataria se reunió con Gustavo Petro."),
    "putin": ("en", "Putin met Lula in Brasilia."),
    "paramilitares": ("es", "Los paramilitares asesinaron a un campesino."),
    # Trigger constructions: light verbs with event nouns, passives, gerunds, hosted talks,
    # elections, swearing-in, appointments, conceded defeats, announced and demanded acts.
    "suspension": ("en", "On Wednesday Italy announced a suspension of direct air links "
                         "with Serbia."),
    "suspension-es": ("es", "Venezuela anunció la suspensión de relaciones con Panamá."),
    "inaugurated": ("en", "Pedro Castillo was inaugurated as President on July 28th."),
    "investido": ("es", "Pedro Castillo fue investido como presidente por el Congreso."),
    "sending": ("en", "Mexico sending two naval vessels to Havana angered Washington."),
    "hosted": ("en", "Norway hosted talks between the Venezuelan government and Colombia."),
    "run-off": ("en", "Dina Boluarte defeated Keiko Fujimori in the run-off."),
    "segunda-vuelta": ("es", "Castillo derrotó a Keiko Fujimori en la segunda vuelta."),
    "appointed": ("en", "Lula appointed Celso Amorim as foreign minister."),
    "nombro": ("es", "Castillo nombró a Guido Bellido como primer ministro."),
    "derrota": ("es", "Mesa reconoció la derrota el lunes."),
    "support-future": ("en", "Hungary has said it will support a fresh U.N. Security "
                             "Council resolution."),
    "retirara": ("es", "Rusia dijo que retirará sus tropas de Moldavia."),
    "must": ("en", "Russia said Sudan must release the prisoners."),
    # Dates from the clause that governs the trigger: an opening time expression, the verb
    # of saying that quotes it.
    "july-12": ("en", "On July 12th, just after the protests began, Maduro declared: "
                      "\"We will not negotiate with Colombia. We reject the sanctions of the "
                      "United States.\""),
    "dijo-el-12": ("es", "\"Colombia atacó a nuestros soldados\", dijo Maduro el 12 de julio."),
    # A protest blockade by fishermen has no towns as targets.
    "pescadores": ("es", "Pescadores bloquearon los puertos de Puerto Montt y Calbuco."),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, modality)}} and the mentions' links."""
    folder = tmp_path_factory.mktemp("v2")
    keys = list(SENTENCES)
    (folder / "sentences.jsonl").write_text("".join(
        json.dumps({"text": SENTENCES[k][1], "language": SENTENCES[k][0],
                    "published": "2023-03-01"}) + "\n" for k in keys), "utf-8")
    settings = load_settings()
    settings = settings.with_(db=str(folder / "v2.duckdb"),
                              models={**settings.models, "encoder": "none"})
    with Store(settings.db) as store:
        ingest([str(folder / "sentences.jsonl")], store, settings)
        events = store.query(
            "SELECT d.locator, e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
            "e.modality FROM events e JOIN documents d USING (doc_id)")
        dated = store.query(
            "SELECT d.locator, 'dated', e.type, coalesce(e.source_id, ''), "
            "coalesce(e.target_id, ''), e.modality, coalesce(e.date, '') FROM events e "
            "JOIN documents d USING (doc_id)")
        mentions = store.query(
            "SELECT d.locator, m.text, coalesce(m.actor_id, '') FROM mentions m "
            "JOIN documents d USING (doc_id)")
    table: dict[str, set[tuple[str, ...]]] = {k: set() for k in keys}
    for locator, *row in events + dated:
        table[keys[int(locator.split(":")[1]) - 1]].add(tuple(row))
    for locator, text, actor in mentions:
        table[keys[int(locator.split(":")[1]) - 1]].add(("mention", text, actor))
    yield table


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("sin-embargo", ("ASSAULT", "HTIMIL", "REB", "asserted")),
    ("no-obstante", ("ACCUSE", "COL", "VEN", "asserted")),
    ("no-control", ("ACCUSE", "COL", "VEN", "negated")),
    ("however-control", ("ACCUSE", "MEX", "PER", "negated")),
    ("armado", ("ASSAULT", "REB", "CVL", "asserted")),
    ("sancionada", ("SANCTION", "USA", "USAJUD", "asserted")),  # the "por" agent
    ("un-en", ("ACCUSE", "un", "", "asserted")),
    ("policias", ("COERCE", "URYCOP", "ARGCVL", "asserted")),
    ("caps-es", ("ASSAULT", "HTIMIL", "HTIREB", "asserted")),
    ("caps-en", ("ASSAULT", "RUSMIL", "UKR", "asserted")),
    ("reject-es", ("REJECT", "evo-morales", "CHL", "asserted")),
    ("diplomats", ("CONSULT", "RUSGOV", "CHLGOV", "asserted")),
    ("diplomaticos", ("CONSULT", "RUSGOV", "CHLGOV", "asserted")),
    ("fishermen", ("PROTEST", "CVL", "", "asserted")),
    ("campesino", ("ASSAULT", "CVL", "CVL", "asserted")),
    # a protest with no named target is directed at the state of the place it is in
    ("kurds", ("PROTEST", "x-group-kurds", "IRQ", "asserted")),
    ("huelguistas", ("PROTEST", "RUSLAB", "RUS", "asserted")),
    ("they", ("PROTEST", "PSEGOV", "USA", "hypothetical")),
    ("they", ("THREATEN", "PSEGOV", "USA", "asserted")),
    ("se-manifestaron", ("PROTEST", "CVL", "ESP", "asserted")),
    ("ultimatum", ("REJECT", "SRB", "AUS", "asserted")),
    ("propuesta", ("REJECT", "PER", "CHL", "asserted")),
    ("offensive", ("THREATEN", "IRN", "IRQ", "asserted")),
    ("offensive", ("ASSAULT", "IRNMIL", "IRQ", "future")),
    ("romper", ("THREATEN", "VEN", "COL", "asserted")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, absent_type", [
    ("armado", "AID"), ("armed", "AID"), ("note", "ASSAULT"), ("reject-en", "AGREE"),
    ("reject-es", "AGREE"), ("manifesto-que", "PROTEST"), ("outlook", "RETREAT"),
])
def test_no_event_of_type(found: dict[str, set[tuple[str, ...]]], key: str,
                          absent_type: str) -> None:
    assert not any(row[0] == absent_type for row in found[key]), found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["armado", "una"])
def test_spanish_article_is_not_the_united_nations(found: dict[str, set[tuple[str, ...]]],
                                                   key: str) -> None:
    assert not any(row[0] == "mention" and row[2] == "un" for row in found[key]), found[key]
    assert not any("un" in row[1:3] for row in found[key] if row[0] != "mention")


def test_truecase_keeps_length_names_and_acronyms() -> None:
    kb = load_kb()
    line = "GUERRILLA DE LAS FARC ATACA PUESTO EN PERU"
    cased = truecase(line + "\nEl texto sigue normal. ONU", kb, "es")
    assert cased.splitlines()[0] == "guerrilla de las FARC ataca puesto en Peru"
    assert cased.splitlines()[1] == "El texto sigue normal. ONU"
    assert len(cased) == len(line) + len("\nEl texto sigue normal. ONU")
    assert truecase("RUSSIAN TROOPS ATTACK", kb, "en") == "Russian troops attack"
    assert not shouting("The UN and the OAS met in Lima.")


@pytest.mark.slow
def test_lexicon_check_logs_keys_the_model_misses(caplog: pytest.LogCaptureFixture) -> None:
    from marea.events.lexicon_check import unproduced_lemmas

    # "recluyó" is lemmatised "reclueír": fixed by a lemma alias, so no longer reported.
    # "medió" is lemmatised "medir", a real verb that cannot be aliased to "mediar", but the
    # extractor reads it from its ending (roles.surface_verb), and so does the check; what
    # is left are forms tagged as other parts of speech, which no reading of a verb reaches.
    missing = unproduced_lemmas("es", ["recluir", "atacar", "mediar"])
    assert missing == {"mediar": ["medie (PROPN)", "medien (CCONJ)", "medio (ADJ)"]}
    assert ("lexicon key 'mediar': some of its forms give "
            "['medie (PROPN)', 'medien (CCONJ)', 'medio (ADJ)']") in caplog.text


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("it", ("THREATEN", "RUS", "POLGOV", "asserted", "2023-03-01")),
    ("it", ("SANCTION", "RUS", "POLGOV", "hypothetical", "2023-03-01")),
    ("new-president", ("SUPPORT", "PERLEG", "dina-boluarte", "asserted", "2022-12-07")),
    ("new-president", ("CONSULT", "dina-boluarte", "gustavo-petro", "asserted", "2023-02-24")),
    ("nueva-mandataria", ("SUPPORT", "", "dina-boluarte", "asserted", "2022-12-07")),
    ("nueva-mandataria", ("CONSULT", "dina-boluarte", "gustavo-petro", "asserted",
                          "2023-03-01")),
    ("putin", ("CONSULT", "vladimir-putin", "luiz-inacio-lula-da-silva", "asserted",
               "2023-03-01")),
    ("paramilitares", ("ASSAULT", "REB", "CVL", "asserted", "2023-03-01")),
    ("suspension", ("SANCTION", "ITA", "SRB", "asserted", "2023-03-01")),
    ("suspension-es", ("SANCTION", "VEN", "PAN", "asserted", "2023-03-01")),
    ("inaugurated", ("SUPPORT", "", "pedro-castillo", "asserted", "2022-07-28")),
    ("investido", ("SUPPORT", "PERLEG", "pedro-castillo", "asserted", "2023-03-01")),
    ("sending", ("MOBILIZE", "MEX", "CUB", "asserted", "2023-03-01")),
    ("hosted", ("CONSULT", "NOR", "VENGOV", "asserted", "2023-03-01")),
    ("hosted", ("CONSULT", "NOR", "COL", "asserted", "2023-03-01")),
    ("run-off", ("SUPPORT", "", "dina-boluarte", "asserted", "2023-03-01")),
    ("segunda-vuelta", ("SUPPORT", "", "pedro-castillo", "asserted", "2023-03-01")),
    ("appointed", ("SUPPORT", "luiz-inacio-lula-da-silva", "celso-amorim", "asserted",
                   "2023-03-01")),
    ("nombro", ("SUPPORT", "pedro-castillo", "x-person-guido-bellido", "asserted",
                "2023-03-01")),
    ("derrota", ("CONCEDE", "carlos-mesa", "", "asserted", "2023-02-27")),
    ("support-future", ("AGREE", "HUN", "unsc", "asserted", "2023-03-01")),
    ("retirara", ("CONCEDE", "RUS", "MDAMIL", "asserted", "2023-03-01")),  # rule 8
    ("must", ("REQUEST", "RUS", "SDN", "asserted", "2023-03-01")),
    ("july-12", ("CONSULT", "nicolas-maduro", "COL", "negated", "2022-07-12")),
    ("july-12", ("REJECT", "nicolas-maduro", "USA", "asserted", "2022-07-12")),
    ("dijo-el-12", ("ASSAULT", "COL", "COLMIL", "asserted", "2022-07-12")),
    ("pescadores", ("PROTEST", "CVL", "CHL", "asserted", "2023-03-01")),  # Puerto Montt
])
def test_event_with_date(found: dict[str, set[tuple[str, ...]]], key: str,
                         expected: tuple[str, ...]) -> None:
    assert ("dated", *expected) in found[key], sorted(r for r in found[key] if r[0] == "dated")


@pytest.mark.slow
@pytest.mark.parametrize("key, prefix", [
    ("appointed", "x-"), ("nombro", "GOV"),  # the office given is no target
    ("pescadores", "x-place-"),  # towns blockaded are where, not whom
])
def test_no_target(found: dict[str, set[tuple[str, ...]]], key: str, prefix: str) -> None:
    rows = [r for r in found[key] if r[0] == "dated"]
    assert not any(r[3].startswith(prefix) for r in rows), rows
