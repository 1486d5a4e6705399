"""An English event noun happens only as the verb it is the object of does: that verb's
negation, modal or future is the noun's ("will hold a strike" is an announced strike, and
announcing it with no condition calls it: a protest now), unless the verb is an event of its
own done to the noun."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "will-hold": "The teachers' union will hold a strike on Monday.",
    "not-allow": "Bolivia will not allow protests in La Paz.",
    "would-tighten": "Chile said it would tighten the blockade of the port.",
    "staged": "Teachers staged a protest in Lima.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(trigger, type, modality)}}."""
    yield events_by_sentence(tmp_path_factory.mktemp("noun-modality"), SENTENCES, "en",
                             "2023-03-01", "e.trigger, e.type, e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("will-hold", {("strike", "PROTEST", "future"), ("strike", "PROTEST", "asserted")}),
    # announcing one will not allow them is a refusal (CAMEO 1242, refuse to ease dissent)
    ("not-allow", {("protests", "PROTEST", "negated"), ("allow", "CONCEDE", "negated"),
                   ("allow", "REJECT", "asserted")}),
    ("would-tighten", {("blockade", "COERCE", "hypothetical"),
                       ("blockade", "THREATEN", "asserted")}),
    ("staged", {("protest", "PROTEST", "asserted")}),
])
def test_noun_takes_its_verbs_modality(found: dict[str, set[tuple[str, ...]]], key: str,
                                       expected: set[tuple[str, ...]]) -> None:
    assert found[key] == expected
