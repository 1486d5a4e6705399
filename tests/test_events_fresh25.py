"""Court acts and requests refused (issue 11, the fresh set's Spanish judicial stories): a
rejected request was made, by the one refused to the one refusing; a "condena" executed or
upheld is a court's sentence, not a condemnation; upholding, imposing or appealing a sentence;
a sentence or trial that names nobody is the document's one court's, done to its one convict;
a person named with two given names and two surnames is later the first of each. Sentences
of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SPANISH = {
    # a request refused codes its own REQUEST, the rejection's roles mirrored
    "pedido": "El Tribunal de Apelación rechazó el pedido de la defensa de Liz Duarte.",
    # ... but what is rejected is no act of its own when it is no request
    "acuerdo": "Chile rechazó el acuerdo con Bolivia.",
    # a sentence executed is a court's; a condemnation expressed is a criticism
    "ejecución": "El tribunal confirmó la ejecución de la condena a Liz Duarte.",
    "repudio": "El gobierno expresó su condena al ataque de Hamas.",
    "apeló": "La defensa de Liz Duarte apeló la sentencia.",
    "calma": "El presidente Luis Arce apeló a la calma.",
    "impuso": "El tribunal le impuso una pena de seis años a Raúl Harsich.",
    "interpuso": "La defensa de Liz Duarte interpuso una excepción de prescripción ante la "
                 "Corte Suprema.",
    # one court and one convict in the document: the unargued sentence and trial are theirs
    "one court": "La Corte Suprema de Argentina revisó el caso. En 2009 hubo un juicio contra "
                 "los represores y la sentencia fue apelada.",
    # two courts: the text does not say whose the sentence is; the convict is still known,
    # and the sentence a negated verb governs was still passed
    "two courts": "El Tribunal de Apelación y la Corte Suprema de Justicia de Paraguay "
                  "estudian el caso. Un tribunal condenó a Liz Duarte a dos años de prisión. La "
                  "defensa pidió no ejecutar la condena.",
    "full name": "Liz Paola Duarte Meza fue detenida en Asunción. Un tribunal de Asunción "
                 "condenó a Liz Duarte a dos años de prisión.",
}

ENGLISH = {
    "request": "The court rejected the request by Julian Assange to delay his extradition.",
    "demand": "Bolivia's demand was rejected by Chile.",
    "upheld": "The appeals court upheld the sentence against Julian Assange.",
    "imposed": "The court imposed a six-year sentence on Julian Assange.",
    "appealed": "Julian Assange appealed the ruling.",
    "voters": "Donald Trump appealed to voters in Ohio.",
}

COLUMNS = ("e.type, coalesce(e.mode, ''), e.trigger, coalesce(e.source_id, ''), "
           "coalesce(e.target_id, ''), e.modality")


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, trigger, source, target, modality)}} of both
    languages' sentences."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("fresh25es"), SPANISH, "es",
                                 "2022-05-05", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("fresh25en"), ENGLISH, "en",
                                 "2022-05-05", COLUMNS)[1]
    yield spanish | english


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("pedido", ("REQUEST", "", "pedido", "x-person-liz-duarte", "JUD", "asserted")),
    ("pedido", ("REJECT", "change", "rechazó", "JUD", "x-person-liz-duarte", "asserted")),
    ("request", ("REQUEST", "", "request", "x-person-julian-assange", "JUD", "asserted")),
    ("demand", ("REQUEST", "", "demand", "BOL", "CHL", "asserted")),
    ("ejecución", ("SANCTION", "convict", "confirmó", "JUD", "x-person-liz-duarte",
                   "asserted")),
    ("upheld", ("SANCTION", "convict", "upheld", "JUD", "x-person-julian-assange", "asserted")),
    ("impuso", ("SANCTION", "convict", "impuso", "JUD", "x-person-raul-harsich", "asserted")),
    ("imposed", ("SANCTION", "convict", "imposed", "JUD", "x-person-julian-assange",
                 "asserted")),
    ("apeló", ("ACCUSE", "allege", "apeló", "x-person-liz-duarte", "", "asserted")),
    ("appealed", ("ACCUSE", "allege", "appealed", "x-person-julian-assange", "", "asserted")),
    ("interpuso", ("REQUEST", "", "interpuso", "x-person-liz-duarte", "JUD", "asserted")),
    ("one court", ("ACCUSE", "allege", "juicio", "ARGJUD", "", "asserted")),
    ("one court", ("SANCTION", "convict", "sentencia", "ARGJUD", "", "asserted")),
    ("two courts", ("SANCTION", "convict", "condena", "", "x-person-liz-duarte", "asserted")),
    ("full name", ("SANCTION", "convict", "condenó", "x-org-un-tribunal-de-asuncion",
                   "x-person-liz-paola-duarte-meza", "asserted")),
])
def test_court_act(found: dict[str, set[tuple[str, ...]]], key: str,
                   expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, kind", [
    ("acuerdo", ("AGREE", "")), ("acuerdo", ("REQUEST", "")), ("repudio", ("SANCTION", "convict")),
    ("calma", ("ACCUSE", "allege")), ("voters", ("ACCUSE", "allege")),
])
def test_no_court_act(found: dict[str, set[tuple[str, ...]]], key: str,
                      kind: tuple[str, str]) -> None:
    """An agreement rejected is no agreement made nor request, a condemnation no sentence, an
    appeal to calm or to voters no legal appeal."""
    assert not {e for e in found[key] if e[:2] == kind}, found[key]
