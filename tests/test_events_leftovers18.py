"""Event and argument leftovers of session 18: an agentless passive's subject is whom an entry
with an object constraint is done to ("the minister was fired", "fue destituido"); "South
American" is a region's people, no state's; a Spanish place noun the parser reads as a verb
("..., vereda La Unión a tres campesinos") is a noun; an all-capital headline after an
editor's note in lower case is truecased and parsed on its own; people of an armed group act
as the group ("Guerrilleros del ELN", "Paramilitares del Bloque Calima de las AUC", whose
entity span had swallowed them). Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.actors.kb import load_kb
from marea.nlp.truecase import shouting, truecase
from marea.store import Store
from tests.conftest import events_by_sentence

ENGLISH = {
    "fired": "The Peruvian interior minister was fired on Monday.",
    "dismissed": "The Bolivian defence minister was dismissed last week.",
    "expelled": "The Colombian ambassador was expelled on Friday.",
    "imposed": "New sanctions were imposed on Nicaragua on Tuesday.",
    "south-american": "South American leaders criticised the United States.",
    "central-american": "Central American presidents condemned Nicaragua.",
    "south-korean": "South Korean officials criticised North Korea.",
    "lawmakers-from": "Lawmakers from the Workers' Party criticised the budget cuts.",
    "senators-from": "Senators from Brazil criticised the budget cuts.",
}
SPANISH = {
    "destituido": "El ministro del Interior peruano fue destituido el lunes.",
    "expulsado": "El embajador colombiano fue expulsado el viernes.",
    "vereda": "Guerrilleros asesinaron en el caserío El Tigre , vereda La Unión a tres campesinos.",
    "note": "(Editores: agrega detalles) MILITARES PERUANOS DETIENEN A TRES CAMPESINOS",
    "eln": "Rebeldes del ELN secuestraron a dos soldados.",
    "farc": "Guerrilleros de las FARC atacaron una patrulla en el Cauca.",
    "bloque": "Paramilitares del Bloque Calima de las AUC asesinaron a dos campesinos.",
}

COLUMNS = ("e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, ''), e.trigger")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[Path, dict[str, set[tuple[str, ...]]]]]:
    yield events_by_sentence(tmp_path_factory.mktemp("left18en"), ENGLISH, "en", "2023-01-10",
                             COLUMNS)


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory,
          english: tuple[Path, dict[str, set[tuple[str, ...]]]]
          ) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, trigger)}} of both languages."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("left18es"), SPANISH, "es",
                                 "2023-01-10", COLUMNS)[1]
    yield english[1] | spanish


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("fired", ("COERCE", "", "", "PERGOV", "fired")),
    ("dismissed", ("COERCE", "oust", "", "BOLGOV", "dismissed")),
    ("expelled", ("SANCTION", "expel", "", "COLGOV", "expelled")),
    ("destituido", ("COERCE", "oust", "", "PERGOV", "destituido")),
    ("expulsado", ("SANCTION", "expel", "", "COLGOV", "expulsado")),
    ("vereda", ("ASSAULT", "assassinate", "REB", "CVL", "asesinaron")),
    ("note", ("COERCE", "arrest", "PERMIL", "PERCVL", "DETIENEN")),
    ("imposed", ("SANCTION", "embargo", "", "NIC", "imposed")),  # the thing done stays no target
    ("eln", ("ASSAULT", "abduct", "eln", "MIL", "secuestraron")),
    ("farc", ("ASSAULT", "", "farc", "", "atacaron")),
    ("bloque", ("ASSAULT", "assassinate", "auc", "CVL", "asesinaron")),
    ("lawmakers-from", ("ACCUSE", "disapprove", "pt-bra", "", "criticised")),
    ("senators-from", ("ACCUSE", "disapprove", "BRALEG", "", "criticised")),
    ("south-korean", ("ACCUSE", "disapprove", "KORGOV", "PRK", "criticised")),
])
def test_event(found: dict[str, set[tuple[str, ...]]], key: str,
               expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["south-american", "central-american"])
def test_region_people_are_no_state(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    sources = {e[2] for e in found[key]}
    assert sources and not {s for s in sources if s.startswith("USA")}, found[key]


def test_editors_note_is_no_part_of_a_headline() -> None:
    kb = load_kb()
    line = "(Editores: nuevo saldo) POLICIA BOLIVIANA DETIENE A CAMPESINOS"
    assert shouting(line) and not shouting("(Editores: nuevo saldo) Policía detiene")
    cased = truecase(line, kb, "es")
    assert len(cased) == len(line) and cased.endswith("policia boliviana detiene a campesinos")
    assert cased.startswith(".") and not cased[1:23].strip()  # the note: a stop and blanks
    # a note in capitals is the headline's own ("(EFP)"), cased with it, not blanked; a known
    # acronym keeps its capitals ("(AFP)", the news agency, since session 19)
    assert truecase("SOLDADOS DETIENEN A CAMPESINOS (EFP)", kb, "es").endswith("(efp)")
    assert truecase("SOLDADOS DETIENEN A CAMPESINOS (AFP)", kb, "es").endswith("(AFP)")


@pytest.mark.slow
def test_people_from_a_party_have_its_country(
        english: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    # the actor stage gives "lawmakers from the Workers' Party" the party's country (the
    # event stage has them act for the party); "from Brazil" still places its senators
    with Store(str(english[0])) as store:
        rows = store.query("SELECT m.text, m.actor_id FROM mentions m JOIN documents d "
                           "USING (doc_id) WHERE m.actor_id IS NOT NULL AND d.locator IN (?, ?)",
                           [f"line:{list(ENGLISH).index(k) + 1}"
                            for k in ("lawmakers-from", "senators-from")])
    assert {tuple(r) for r in rows} == {
        ("Lawmakers", "BRALEG"), ("Workers' Party", "pt-bra"), ("Senators", "BRALEG"),
        ("Brazil", "BRA")}, rows
