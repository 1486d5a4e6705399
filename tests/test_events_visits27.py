"""Who visits whom (issue 11). Hosting or receiving a visitor codes the visitor as source and
the host as target, as the PLOVER codebook's CONSULT/visit note says ("The visitor is the
ACTOR; host is RECIPIENT") and our gold set codes "Fernández will host Lula"; in English and
Spanish (host, receive; recibir, acoger). A verb of going is a visit only towards a
destination or host: "the deputies arrived late" visits no one, while troops arriving stay a
deployment (rule 9a). Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    "hosted": "Mexico hosted the Cuban president on Tuesday.",
    "received": "President López Obrador received the Cuban president at the National Palace.",
    "arrived-in": "The Cuban president arrived in Mexico City on Tuesday.",
    "arrived-late": "Sheriff Gregory Tony said the deputies arrived late.",
    "delegation-late": "The delegation arrived late on Monday.",
    "travelled-with": "The foreign minister travelled with her family.",
    "troops": "Russian troops arrived on Tuesday.",
}
SPANISH = {
    "recibio": "México recibió al presidente cubano.",
    "acogio": "El gobierno de Chile acogió a la delegación argentina.",
    "viajo-a": "Lula viajó a Pekín el martes.",
    "viajo-con": "El canciller viajó con su familia.",
}
COLUMNS = "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    return events_by_sentence(
        tmp_path_factory.mktemp("visits27-en"), ENGLISH, "en", "2024-05-10", COLUMNS
    )[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    return events_by_sentence(
        tmp_path_factory.mktemp("visits27-es"), SPANISH, "es", "2024-05-10", COLUMNS
    )[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "row"),
    [
        ("hosted", ("CONSULT", "visit", "miguel-diaz-canel", "MEX")),
        ("received", ("CONSULT", "visit", "miguel-diaz-canel", "andres-manuel-lopez-obrador")),
        ("arrived-in", ("CONSULT", "visit", "miguel-diaz-canel", "MEX")),
    ],
)
def test_english_visitor_is_source(
    english: dict[str, set[tuple[str, ...]]], key: str, row: tuple[str, ...]
) -> None:
    assert row in english[key], english[key]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "row"),
    [
        ("recibio", ("CONSULT", "visit", "miguel-diaz-canel", "MEX")),
        ("acogio", ("CONSULT", "visit", "ARGGOV", "CHLGOV")),
        ("viajo-a", ("CONSULT", "visit", "luiz-inacio-lula-da-silva", "CHN")),
    ],
)
def test_spanish_visitor_is_source(
    spanish: dict[str, set[tuple[str, ...]]], key: str, row: tuple[str, ...]
) -> None:
    assert row in spanish[key], spanish[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["arrived-late", "delegation-late", "travelled-with"])
def test_english_arrival_with_no_destination_is_no_visit(
    english: dict[str, set[tuple[str, ...]]], key: str
) -> None:
    assert not any(row[0] == "CONSULT" for row in english[key]), english[key]


@pytest.mark.slow
def test_spanish_journey_with_no_destination_is_no_visit(
    spanish: dict[str, set[tuple[str, ...]]],
) -> None:
    assert not any(row[0] == "CONSULT" for row in spanish["viajo-con"]), spanish["viajo-con"]


@pytest.mark.slow
def test_troops_arriving_stay_a_deployment(english: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("MOBILIZE", "troops", "RUSMIL", "") in english["troops"], english["troops"]
