"""Object classes in the trigger lexicons (issue 11, session 15): an entry names a class of
objects (military units, restrictions, aid goods, talks) defined once per language, so every
verb that takes one member of the class takes the others ("moved two battalions", "retiró
sus tanques"); and being invited to do something other than meet is an appeal, not an
agreement to meet. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.events.lexicon import _trigger, lexicon
from tests.conftest import events_by_sentence

ENGLISH = {
    # "battalion" and "ban" were not on these verbs' own object lists
    "battalions": "Russia moved two battalions to the Estonian border.",
    "ban": "Ecuador ended the ban on Colombian imports.",
    "register": "The minister invited foreign investors to register their companies in Quito.",
    "visit": "Biden invited Lula to visit Washington.",
}
SPANISH = {
    "tanques": "Venezuela retiró sus tanques de la frontera con Colombia.",
    "restricciones": "Chile suspendió las restricciones a las importaciones argentinas.",
    "registrar": "El ministro invitó a los emprendedores a registrar sus marcas.",
    "visitar": "El presidente de Chile invitó a Lula a visitar Santiago.",
}
COLUMNS = "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target)}} of both languages' events."""
    english = events_by_sentence(tmp_path_factory.mktemp("classes_en"), ENGLISH, "en",
                                 "2023-05-02", COLUMNS)[1]
    spanish = events_by_sentence(tmp_path_factory.mktemp("classes_es"), SPANISH, "es",
                                 "2023-05-02", COLUMNS)[1]
    yield {**english, **spanish}


@pytest.mark.slow
@pytest.mark.parametrize("key, expected_type, trigger", [
    ("battalions", "MOBILIZE", "moved"),
    ("ban", "RETREAT", "ended"),
    ("register", "REQUEST", "invited"),
    ("visit", "AGREE", "invited"),
    ("tanques", "RETREAT", "retiró"),
    ("restricciones", "RETREAT", "suspendió"),
    ("registrar", "REQUEST", "invitó"),
    ("visitar", "AGREE", "invitó"),
])
def test_class_member_or_complement_codes_the_event(
        found: dict[str, set[tuple[str, ...]]], key: str, expected_type: str,
        trigger: str) -> None:
    types = {row[0] for row in found[key] if row[1] == trigger}
    assert types == {expected_type}, found[key]


@pytest.mark.slow
def test_invitation_to_do_something_else_is_no_meeting(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    """Whom the appeal is made to is its target, as with "urge"."""
    assert not any(row[0] == "AGREE" for row in found["register"] | found["registrar"])


def test_entry_takes_the_members_of_its_class() -> None:
    lift = [t for t in lexicon("en").verbs["lift"] if t.type == "RETREAT"][0]
    assert {"sanction", "embargo", "prohibition", "suspension"} <= set(lift.objects)
    retirar = [t for t in lexicon("es").verbs["retirar"] if t.objects
               and t.type == "RETREAT"][0]
    assert {"tropa", "tanque", "batallón"} <= set(retirar.objects)


def test_unknown_class_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown object class 'warships'"):
        _trigger({"lemma": "send", "type": "MOBILIZE", "object_class": "warships"}, "en", True,
                 {"military_units": ("troop",)})
