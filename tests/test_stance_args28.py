"""Stance on threatened strikes (session 28): a threat of a strike is judged as the strike
is, by the author's words on it and not as a wrong in itself, and the state the events stage
infers it would be directed at is no opponent the text names; the strike's own name ("paro
nacional", negative in the tone lexicon) is no judgement of it. Sentences of our own."""

from __future__ import annotations

from marea.settings import Settings
from tests.test_stance_readings11 import _processed, _stances

WAGE_TALKS = ("Los gremios de la alimentación amenazan con un paro nacional. En Buenos Aires, "
              "Rodolfo Daer amenaza con ir al paro esta misma noche. El Gobierno de Argentina "
              "convocó a una audiencia con las cámaras empresarias.")


def test_a_threatened_strike_wrongs_no_one(settings: Settings) -> None:
    stances = _stances(_processed(settings, WAGE_TALKS, "es"))
    assert stances.get("ARG", ("neutral", []))[0] == "neutral", stances.get("ARG")
    cues = [(actor, kind) for actor, (_, found) in stances.items() for kind, _ in found]
    assert not [c for c in cues if c[1].startswith(("event:THREATEN", "event:PROTEST"))], cues
    assert not [c for c in cues if c[0] == "ARG"], cues
