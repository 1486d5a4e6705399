"""The role an event's source gets when it is a quotation's speaker the linker knows only from
the text: the office the text gives the person, a state's name before the title included
("White House Press Secretary X" is the US government's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "office": "“We thank the Afghan government for its help,” said White House Press "
              "Secretary Jane Holt.",
    "state name": "“We thank the Afghan government for its help,” said US envoy Jane Holt.",
    "no office": "“We thank the Afghan government for its help,” said Jane Holt, a retired "
                 "teacher from Ohio.",
}


@pytest.mark.slow
def test_a_quoted_speaker_gives_the_event_her_stated_office(tmp_path: Path) -> None:
    _, table = events_by_sentence(tmp_path, SENTENCES, "en", "2019-11-20",
                                  "e.trigger, e.source_id, e.source_role, e.target_role")
    thanks = {key: {row for row in rows if row[0] == "thank"} for key, rows in table.items()}
    assert thanks["office"] == {("thank", "x-person-jane-holt", "USAGOV", "AFGGOV")}
    assert thanks["state name"] == {("thank", "x-person-jane-holt", "USAGOV", "AFGGOV")}
    # a teacher holds no office: no role, and not that of the government she thanks
    assert thanks["no office"] == {("thank", "x-person-jane-holt", None, "AFGGOV")}
