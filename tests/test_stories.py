"""One event, many reports: mentions within a document, stories across documents, and the
domain filter, on real sentences parsed by the real models."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.cli import main
from marea.corpus import Corpus
from marea.events.reports import merge_reports
from marea.events.stories import _anchor, _matching
from marea.export import GDELT_COLUMNS, export
from marea.model import Event
from marea.pipeline import ingest
from marea.search import refresh_indexes
from marea.settings import load_settings
from marea.store import Store
from marea.store.schema import LATEST
from tests.conftest import EXAMPLES, need_seeds

LEAD = ("Peru's Congress removed President Pedro Castillo from office on Wednesday, hours "
        "after he announced on national television that he would dissolve the legislature "
        "and rule by decree.")
REPORT = f"""Peru's Congress removes President Pedro Castillo

{LEAD}

The motion to declare the presidency vacant passed with 101 votes in favour, six against and \
ten abstentions. Vice President Dina Boluarte was sworn in as the country's first female \
president later in the afternoon.

Castillo was detained by police as he travelled through Lima, according to officials, and \
prosecutors said they would investigate him for rebellion. Several ministers resigned before \
the vote, and the armed forces said they would respect the constitutional order.
"""
INDEPENDENT = """Lawmakers vote to oust Castillo

In a session that lasted less than three hours, Peru's Congress removed Pedro Castillo from \
the presidency on December 7, 2022, accusing him of attempting a coup.

Dina Boluarte, who had been his vice president, took the oath of office the same day. \
Protests broke out in several southern regions in the following week.
"""
OUSTER = ("COERCE", "PERLEG", "pedro-castillo", "asserted")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """A store with one report of Castillo's ouster, its syndicated copy (another outlet) and
    an independent report (the first outlet); then unrelated documents are ingested."""
    folder = tmp_path_factory.mktemp("ouster")
    (folder / "a-original.txt").write_text(REPORT, "utf-8")
    (folder / "b-copy.txt").write_text(
        REPORT + "This story was first published by the Lima Daily.\n", "utf-8")
    (folder / "c-independent.txt").write_text(INDEPENDENT, "utf-8")
    sidecar = [
        {"file": "a-original.txt", "published": "2022-12-08",
         "url": "https://lima-daily.example.com/peru/castillo-removed"},
        {"file": "b-copy.txt", "published": "2022-12-08",
         "url": "https://andes-wire.example.org/news/castillo-removed"},
        {"file": "c-independent.txt", "published": "2022-12-09",
         "url": "https://lima-daily.example.com/peru/how-congress-voted"}]
    (folder / "metadata.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in sidecar), "utf-8")
    db = tmp_path_factory.mktemp("store") / "stories.duckdb"
    settings = load_settings().with_(db=str(db))
    with Store(db) as store:
        summary = ingest([str(folder)], store, settings)
        assert summary.stored == 3 and summary.near_duplicates == 1
        before = store.query("SELECT story_id, type, source_id, target_id, modality, date, "
                             "mentions, articles, sources FROM stories ORDER BY story_id")
        unrelated = [str(EXAMPLES / "html" / "en-sports-football.html"),
                     str(EXAMPLES / "html" / "es-news-bolivia-2019.html")]
        ingest(unrelated, store, settings)
    yield {"db": str(db), "folder": folder, "before": before}


def test_near_duplicates_and_an_independent_report_are_one_story(reports: dict) -> None:
    with Store(str(reports["db"]), read_only=True) as store:
        rows = store.query("SELECT story_id, mentions, articles, sources, copies, date "
                           "FROM stories WHERE (type, source_id, target_id, modality) = "
                           "(?, ?, ?, ?)", list(OUSTER))
        assert len(rows) == 1
        story_id, mentions, articles, sources, copies, day = rows[0]
        # headline + lead in each of the two copies, headline + lead of the independent one
        assert (mentions, articles, sources, copies, day) == (6, 3, 2, 1, "2022-12-07")
        members = Corpus(store).story(story_id)
        assert len(members) == 6 and set(members["site"]) == {
            "lima-daily.example.com", "andes-wire.example.org"}
        assert set(members["trigger"]) == {"removes", "removed", "oust"}
        lead = members[members["trigger"] == "removed"].iloc[0]
        assert lead["sentence_text"].startswith("Peru's Congress removed President Pedro Castillo")


def test_headline_and_lead_are_one_event_with_the_leads_date(reports: dict) -> None:
    with Store(str(reports["db"]), read_only=True) as store:
        (text,), = store.query("SELECT text FROM documents WHERE ends_with(source, "
                               "'original.txt')")
        rows = store.query(
            "SELECT e.date, e.date_basis, e.start_char, m.sentence, m.trigger, m.date, "
            "m.date_basis, m.start_char, m.end_char FROM events e JOIN documents d USING "
            "(doc_id) JOIN event_mentions m ON m.doc_id = e.doc_id AND m.event = e.idx "
            "WHERE ends_with(d.source, 'original.txt') AND (e.type, e.source_id, e.target_id) "
            "= (?, ?, ?) ORDER BY m.idx", list(OUSTER[:3]))
    assert len(rows) == 2  # one event, two reports
    assert {r[:2] for r in rows} == {("2022-12-07", "text")}  # the lead's date, not publication
    headline, lead = rows
    assert headline[3:7] == (0, "removes", "2022-12-08", "publication")
    assert lead[3:7] == (1, "removed", "2022-12-07", "text")
    assert text[headline[7]:headline[8]] == "removes" and text[lead[7]:lead[8]] == "removed"
    assert rows[0][2] == lead[7]  # the event's own evidence is the best-dated report


def test_story_ids_are_stable_when_unrelated_documents_arrive(reports: dict) -> None:
    with Store(str(reports["db"]), read_only=True) as store:
        after = store.query("SELECT story_id, type, source_id, target_id, modality, date, "
                            "mentions, articles, sources FROM stories ORDER BY story_id")
        (bolivia,), = store.query("SELECT count(*) FROM events e JOIN documents d "
                                  "USING (doc_id) WHERE ends_with(d.source, '2019.html')")
    before = reports["before"]
    assert isinstance(before, list) and before
    assert after[:len(before)] == before  # same ids, same stories, same counts
    assert bolivia and len(after) > len(before)  # the new document's stories come after


def test_a_store_of_the_previous_schema_places_the_events_its_last_run_left(
        reports: dict, tmp_path: Path) -> None:
    """A store written before the stories' inbox, whose last run was killed before its
    refresh (the independent report's events in no story), is brought up to date: the
    migration makes the next refresh look at every event once."""
    db = tmp_path / "previous.duckdb"
    for file in Path(str(reports["db"])).parent.glob("stories.duckdb*"):
        shutil.copy(file, str(db) + file.name.removeprefix("stories.duckdb"))
    with Store(db) as store:
        want = {"stories": store.query("SELECT * FROM stories ORDER BY story_id"),
                "links": store.query("SELECT * FROM story_events ORDER BY ALL")}
        assert store.query("SELECT count(*) FROM story_inbox") == [(0,)]  # emptied by the refresh
        (left,), = store.query("SELECT doc_id FROM documents "
                               "WHERE ends_with(source, 'c-independent.txt')")
        assert store.query("SELECT count(*) FROM story_events WHERE doc_id = ?", [left])[0][0]
        store.con.execute("DELETE FROM story_events WHERE doc_id = ?", [left])
        store.con.execute("DROP TABLE story_inbox")
        store.con.execute("DROP TABLE narrative_counts")  # and what migration 22 made
        store.con.execute("ALTER TABLE narratives DROP COLUMN example_similarity")
        store.con.execute("DROP TABLE narrative_keys")  # and what migration 23 made
        store.con.execute("ALTER TABLE stories DROP COLUMN mode")  # and what 24 made
        store.con.execute("ALTER TABLE store_encoder DROP COLUMN build")  # and 25
        store.con.execute("DELETE FROM schema_version WHERE version >= 21")
    with Store(db) as store:  # opening to write migrates it
        assert store.version() == LATEST
        # 22 has the narratives counted once more; the stories look at every event once
        assert refresh_indexes(store) == ["narratives", "stories"]
        assert store.query("SELECT * FROM story_events ORDER BY ALL") == want["links"]
        assert store.query("SELECT * FROM stories ORDER BY story_id") == want["stories"]


def test_an_event_joins_the_nearest_story_of_its_key_within_the_window() -> None:
    key, other = OUSTER, ("COERCE", "PERLEG", None, "asserted")
    anchors: dict = {}
    for story_id, day in [(5, "2022-12-31T10:00"), (4, "2022-12-09"), (3, "2022-12"),
                          (2, "2022-12-07"), (1, "2022-12-10")]:  # read newest first
        _anchor(anchors, key, day, story_id)
    assert _matching(anchors, key, "2022-12-08") == 2  # 7th and 9th a day away: the oldest
    assert _matching(anchors, key, "2022-12-10") == 1  # the same day before a day away
    assert _matching(anchors, key, "2022-12-11") == 1
    assert _matching(anchors, key, "2022-12-12") is None  # two days from the nearest
    assert _matching(anchors, key, "2023-01-01") == 5  # an anchor with a time of day
    assert _matching(anchors, key, "2022-12") == 3  # a month joins exactly that month
    assert _matching(anchors, key, "2022") is None
    assert _matching(anchors, key, None) is None
    assert _matching(anchors, other, "2022-12-07") is None


def test_the_football_story_gives_no_events_and_the_seeds_keep_theirs(reports: dict,
                                                                      tmp_path: Path) -> None:
    with Store(str(reports["db"]), read_only=True) as store:
        (domain, share, events), = store.query(
            "SELECT d.domain, d.domain_score, (SELECT count(*) FROM events e "
            "WHERE e.doc_id = d.doc_id) FROM documents d "
            "WHERE ends_with(d.source, 'en-sports-football.html')")
        assert (domain, events) == ("sports", 0) and share < 0.1
        rows = store.query("SELECT domain FROM documents WHERE domain_score IS NOT NULL "
                           "AND NOT ends_with(source, 'football.html')")
        assert rows and {r[0] for r in rows} == {"politics"}
    seeds = need_seeds()
    settings = load_settings().with_(db=str(tmp_path / "seeds.duckdb"))
    with Store(settings.db) as store:
        ingest([str(seeds)], store, settings)
        kept = store.query("SELECT d.domain, count(e.doc_id) FROM documents d LEFT JOIN "
                           "events e USING (doc_id) GROUP BY d.doc_id, d.domain")
    assert len(kept) == 5 and all(domain == "politics" and count for domain, count in kept)


def test_gdelt_rows_carry_the_story_counts(reports: dict, tmp_path: Path) -> None:
    with Store(str(reports["db"]), read_only=True) as store:
        written = export(store, tmp_path / "gdelt", "gdelt")
        (story_id,), = store.query("SELECT story_id FROM stories WHERE (type, source_id, "
                                   "target_id, modality) = (?, ?, ?, ?)", list(OUSTER))
        stories = export(store, tmp_path / "jsonl", "jsonl")["stories"]
    column = {name: n for n, name in enumerate(GDELT_COLUMNS)}
    rows = {r.split("\t")[0]: r.split("\t") for r in
            written["events"].read_text("utf-8").splitlines()}
    ouster = rows[str(story_id)]
    assert [ouster[column[c]] for c in ("NumMentions", "NumSources", "NumArticles")] == [
        "6", "2", "3"]
    assert ouster[column["SQLDATE"]] == "20221207" and "lima-daily" in ouster[column["SOURCEURL"]]
    exported = [json.loads(line) for line in stories.read_text("utf-8").splitlines()]
    found = next(s for s in exported if s["story_id"] == story_id)
    assert found["articles"] == 3 and len(found["reports"]) == 6


def test_stories_and_timeline_on_the_command_line(reports: dict,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = str(reports["db"])
    assert main(["stories", "--db", db, "--actor", "Pedro Castillo", "--type", "coerce",
                 "--since", "2022-12", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["items"][0]["articles"] == 3 and listing["total"] == listing["shown"]
    assert main(["timeline", "Pedro Castillo", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "reported by 3 articles / 2 sites" in " ".join(out.split())
    assert out.splitlines()[-1].endswith(" stories")
    assert main(["stories", "--db", db, "--limit", "1"]) == 0
    footer = " ".join(capsys.readouterr().out.split()).rsplit("│", 1)[-1]
    assert " 1 of " in footer and "stories only copies report left out" in footer
    assert main(["stories", "--db", db, "--show", "999999"]) == 2
    assert "[E120] No story 999999" in capsys.readouterr().err


def _event(start: int, day: str | None, basis: str, trigger: str = "removed") -> Event:
    return Event(sentence=start // 100, start=start, end=start + len(trigger), trigger=trigger,
                 type="COERCE", mode=None, cameo="172", goldstein=-5.0, quad_class=4,
                 source_id="PERLEG", source_role="PERLEG", target_id="pedro-castillo",
                 target_role="PERELI", modality="asserted", date=day, date_text=None,
                 date_basis=basis, country="PER", city=None)


@pytest.mark.parametrize(("reported", "events"), [
    ([("2022-12-08", "publication"), ("2022-12-07", "text")], [("2022-12-07", 2)]),
    ([("2022-12-08", "publication"), ("2022-12-08", "publication")], [("2022-12-08", 2)]),
    # a date from the text long before publication is history, not the headline's news
    ([("2022-12-08", "publication"), ("2021-07-28", "text")],
     [("2022-12-08", 1), ("2021-07-28", 1)]),
    # two dated reports a day apart stay two events within the document
    ([("2022-12-07", "text"), ("2022-12-06", "text")], [("2022-12-07", 1), ("2022-12-06", 1)]),
    # "on Thursday" (the publication day) keeps its day beside "on Wednesday"
    ([("2022-12-08", "publication"), ("2022-12-08", "text"), ("2022-12-07", "text")],
     [("2022-12-08", 2), ("2022-12-07", 1)]),
])
def test_merge_rules(reported: list[tuple[str, str]], events: list[tuple[str, int]]) -> None:
    merged = merge_reports([_event(100 * n, day, basis) for n, (day, basis)
                            in enumerate(reported)], "2022-12-08")
    assert [(e.date, len(e.mentions)) for e in merged] == events


def test_stories_over_rest_and_on_the_dashboard(reports: dict) -> None:
    from fastapi.testclient import TestClient

    from marea.server import create_app

    settings = load_settings().with_(db=str(reports["db"]))
    settings = settings.with_(models={**settings.models, "encoder": "none"})
    with TestClient(create_app(settings, None)) as client:
        listing = client.get("/stories", params={"actor": "Castillo", "type": "COERCE",
                                                 "limit": 1}).json()
        assert listing["shown"] == 1 and listing["total"] >= 1
        story = listing["items"][0]
        assert (story["articles"], story["sources"], story["mentions"]) == (3, 2, 6)
        reports_of = client.get(f"/stories/{story['story_id']}").json()
        assert reports_of["shown"] == 6
        assert client.get("/stories/999999").status_code == 404
        assert client.get("/stories", params={"since": "2022-13"}).status_code == 400
        timeline = client.get("/timeline/Pedro Castillo").json()
        ouster = [e for e in timeline["items"] if e["story_id"] == story["story_id"]]
        assert len(ouster) == 1 and ouster[0]["articles"] == 3  # one row per story
        page = client.get("/ui/actor/pedro-castillo").text
        assert "reported by 3 articles / 2 sites" in page
