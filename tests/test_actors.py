from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

import pytest

from marea.actors.kb import KnowledgeBase, fold, load_kb, parse_day
from marea.actors.link import _agent_phrase, home_country
from marea.cli import main
from marea.corpus import Corpus
from marea.errors import ConfigError
from marea.model import Document
from marea.pipeline import ingest
from marea.settings import Settings
from marea.store import Store
from tests.conftest import SHARED, jsonl_store, mention_links, need_seeds


def links(store: Store, source_suffix: str, text: str) -> list[tuple[str | None, str | None]]:
    """Return (actor_id, role) of every mention with this exact text in one document."""
    return [(r[0], r[1]) for r in store.query(
        "SELECT m.actor_id, m.role FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.source, ?) AND m.text = ? ORDER BY m.start_char",
        [source_suffix, text])]


def ingest_documents(tmp_path: Path, store: Store, settings: Settings,
                     docs: list[tuple[str, str, str]]) -> None:
    """Ingest (language, url, text) documents, each a JSONL file dated 2024-05-05."""
    (tmp_path / "docs").mkdir()
    for number, (language, url, text) in enumerate(docs):
        (tmp_path / "docs" / f"{number}.jsonl").write_text(json.dumps(
            {"text": text, "language": language, "url": url, "published": "2024-05-05"}) + "\n",
            "utf-8")
    assert ingest([str(tmp_path / "docs")], store, settings).stored == len(docs)


def actor_of(store: Store, source_suffix: str, text: str) -> set[str | None]:
    found = {actor for actor, _ in links(store, source_suffix, text)}
    assert found, f"no mention '{text}' in {source_suffix}"
    return found


def test_knowledge_base_loads_with_roles_by_date() -> None:
    kb = load_kb()
    kinds = {a.type for a in kb.actors.values()}
    assert {"country", "person", "party", "org"} <= kinds
    assert sum(a.type == "country" for a in kb.actors.values()) >= 195
    lula = kb.actors["luiz-inacio-lula-da-silva"]
    assert lula.role_at(date(2006, 4, 15)) == "BRAGOV"
    assert lula.role_at(date(2021, 6, 15)) == "BRAOPP"
    assert lula.role_at(None) is None
    assert kb.actors["PER"].role_at(date(2021, 6, 15)) == "PER"


@pytest.mark.parametrize("text, expected", [
    ("AMLO", "andres-manuel-lopez-obrador"),
    ("OEA", "oas"),
    ("Organização dos Estados Americanos", "oas"),
    ("Andres Manuel Lopez Obrador", "andres-manuel-lopez-obrador"),
    ("the Kremlin", "RUS"),
    ("Casa Blanca", "USA"),
    ("UNASUR", "unasur"),
])
def test_lookup_forms(text: str, expected: str) -> None:
    assert expected in {a.actor_id for a in load_kb().lookup(text)}


def test_middle_names_of_a_longer_alias_are_no_surnames() -> None:
    kb = load_kb()
    # "David William Donald Cameron", "Donald John Trump": middle names, not surnames
    assert "david-cameron" not in {a.actor_id for a in kb.lookup("Donald")}
    assert "donald-trump" not in {a.actor_id for a in kb.lookup("John")}
    # "Pedro Castillo Terrones": the word before the last is the paternal surname
    assert "pedro-castillo" in {a.actor_id for a in kb.lookup("Castillo Terrones")}
    assert "nicolas-maduro" in {a.actor_id for a in kb.lookup("Maduro Moros")}


def test_given_names_before_the_paternal_surname_are_no_surnames() -> None:
    """"Juan Orlando Hernández" is completed by "... Hernández Alvarado": "Orlando" is his
    second given name (alone it is the Florida city), "Hernández" his surname; the same for
    "José Antonio Kast" and "María Corina Machado"."""
    kb = load_kb()
    assert "juan-orlando-hernandez" not in {a.actor_id for a in kb.lookup("Orlando")}
    assert "juan-orlando-hernandez" in {a.actor_id for a in kb.lookup("Hernández")}
    assert "juan-orlando-hernandez" in {a.actor_id for a in kb.lookup("Hernández Alvarado")}
    assert "jose-antonio-kast" not in {a.actor_id for a in kb.lookup("Antonio")}
    assert "maria-corina-machado" not in {a.actor_id for a in kb.lookup("Corina Machado")}
    assert "maria-corina-machado" in {a.actor_id for a in kb.lookup("Machado")}
    # a short form ending in a surname stays one ("Cristina Fernández" of "... de Kirchner")
    assert "cristina-fernandez-de-kirchner" in {a.actor_id for a in kb.lookup("Fernández")}


def test_acronyms_match_case_sensitively_and_titles_strip() -> None:
    kb = load_kb()
    assert not [a for a in kb.lookup("amlo") if a.kind == "acronym"]
    # a country's acronym too: "the car" in a car review was the Central African Republic
    assert kb.lookup("the car") == [] and kb.lookup("us") == []
    assert [a.actor_id for a in kb.lookup("CAR")] == ["CAF"]
    assert [a.actor_id for a in kb.lookup("U.S.")] == ["USA"]
    assert kb.strip_title("ex-President Lula") == "Lula"
    assert kb.strip_title("former President Alan García") == "Alan García"
    assert fold("  Fran PÉREZ ") == fold("Fran perez") == "fran perez"


def test_partial_dates() -> None:
    assert parse_day("2021-06") == date(2021, 6, 15)
    assert parse_day("2006") == date(2006, 7, 1)
    assert parse_day("2022-12-08T10:00:00Z") == date(2022, 12, 8)
    assert parse_day(None) is None and parse_day("sometime") is None


def test_seed_links(corpus_store: Store) -> None:
    need_seeds()
    raby = "001_dfe0e468fa5ce596.txt"
    amlo = actor_of(corpus_store, raby, "AMLO")
    assert amlo == actor_of(corpus_store, raby, "Andrés Manuel López Obrador") == {
        "andres-manuel-lopez-obrador"}
    assert set(links(corpus_store, raby, "Castillo")) == {("pedro-castillo", "PERGOV")}
    assert actor_of(corpus_store, raby, "UNASUR") == {"unasur"}
    assert actor_of(corpus_store, raby, "CELAC") == {"celac"}
    assert actor_of(corpus_store, raby, "OAS") == {"oas"}
    assert actor_of(corpus_store, "000_ce8d7cfe5695b9be.txt", "Washington") == {"USA"}
    assert actor_of(corpus_store, "004_aa353aae87f33cde.txt", "Pérez") == actor_of(
        corpus_store, "004_aa353aae87f33cde.txt", "Fran perez")
    # the closing note's "Juan Blanco Prada is a Latin American writer" was an organisation
    assert actor_of(corpus_store, "002_cd448170a7cb78b4.txt", "Juan Blanco Prada") == {
        "x-person-juan-blanco-prada"}


def test_lula_is_one_identity_whose_role_changes(corpus_store: Store) -> None:
    need_seeds()
    rows = corpus_store.query(
        "SELECT d.published, m.actor_id, m.role FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE d.source LIKE '%/seeds/%' AND m.text LIKE '%Lula%'")
    assert {r[1] for r in rows} == {"luiz-inacio-lula-da-silva"}
    assert len({r[0] for r in rows}) == 4  # four seeds name him
    roles = {published: role for published, _, role in rows}
    assert roles["2006-04"] == "BRAGOV"
    assert roles["2021-06"] == roles["2021-08"] == "BRAOPP"


def test_examples_links(corpus_store: Store) -> None:
    bolivia = "es-news-bolivia-2019.html"
    assert actor_of(corpus_store, bolivia, "Evo Morales") == {"evo-morales"}
    assert actor_of(corpus_store, bolivia, "Morales") == {"evo-morales"}
    assert actor_of(corpus_store, bolivia, "Fuerzas Armadas") == {"BOLMIL"}
    assert actor_of(corpus_store, bolivia, "La Paz") == {"BOL"}
    assert actor_of(corpus_store, bolivia, "OEA") == {"oas"}
    amlo = "es-opinion-amlo-oea.html"
    assert actor_of(corpus_store, amlo, "AMLO") == actor_of(corpus_store, amlo, "López Obrador")
    # Published 2022-12-08, the day after his removal: no longer in government.
    assert links(corpus_store, "en-news-peru-castillo-ouster.html", "Castillo")[0] == (
        "pedro-castillo", "PERELI")


def test_names_that_must_not_link(corpus_store: Store) -> None:
    football = "en-sports-football.html"
    assert actor_of(corpus_store, football, "Washington") == {"x-person-washington-silva"}
    assert actor_of(corpus_store, football, "Morales") == {"x-person-diego-morales"}
    rows = corpus_store.query(
        "SELECT count(*) FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.source, ?) AND m.actor_id IN ('USA', 'evo-morales')", [football])
    assert rows == [(0,)]
    assert "rodrigo-paz" not in actor_of(corpus_store, "es-news-bolivia-2019.html", "La Paz")


def test_common_words_tagged_as_names_do_not_link(tmp_path: Path, settings: Settings,
                                                  store: Store) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "titular.txt").write_text(
        "ONU Y GOBIERNO: UN ACUERDO PARA BOLIVIA. El Gobierno de Bolivia convocó a los "
        "sindicatos. Dos torres fueron derribadas en La Paz.", "utf-8")
    (tmp_path / "docs" / "post.txt").write_text(
        "Twitter suspended the account of the president of Bolivia.", "utf-8")
    (tmp_path / "docs" / "juicio.txt").write_text(
        "El PJ concluyó el interrogatorio a testigos en el juicio contra Kenji Fujimori.",
        "utf-8")
    (tmp_path / "docs" / "primaria.txt").write_text(
        "Lynda Bennett, who is running for the House seat in North Carolina, was quickly "
        "endorsed by the Asheville Tea PAC.", "utf-8")
    (tmp_path / "docs" / "cartera.txt").write_text(
        "Los camioneros esperan que la ministra del Interior, Izkia Siches, cumpla el "
        "compromiso asumido en La Moneda.", "utf-8")
    (tmp_path / "docs" / "faro.txt").write_text(  # El Faro (trafilatura-eval), two sentences
        "Luna atacó a los periodistas: “Está clara la agenda del faro”. Creo que se me juzga "
        "porque mi trabajo pone en riesgo la narrativa del Gobierno.", "utf-8")
    (tmp_path / "docs" / "asilo.txt").write_text(  # El Faro again; over 80 words, no post
        "Este miércoles, Avelar dijo a El Faro que está en un lugar seguro y que no tiene "
        "planes de solicitar asilo a ningún país. En una columna publicada en el diario "
        "español El País, el jefe de redacción hizo un recuento. "
        + "El periodista sigue trabajando. " * 20,
        "utf-8")
    assert ingest([str(tmp_path / "docs")], store, settings).stored == 7
    rows = dict(store.query("SELECT m.text, m.actor_id FROM mentions m "
                            "WHERE m.actor_id IS NOT NULL ORDER BY m.start_char"))
    assert rows["ONU"] == "un" and "UN" not in rows  # the Spanish article is no UN
    assert rows["El Gobierno de Bolivia"] == "BOLGOV"  # not an unknown place
    assert "torres" not in rows  # towers, not Sandra Torres
    assert rows["Twitter"] == "twitter"  # a company, not a person
    assert rows.get("PJ") != "pj-arg"  # Peru's judiciary, not Argentina's Justicialist Party
    assert rows.get("PAC") != "pac-cri"  # a US political action committee, not Costa Rica's party
    # the office is the government, as "Ministerio del Interior" is; no place
    assert {actor for text, actor in rows.items() if text.endswith("del Interior")} == {
        "CHLGOV"}
    assert rows["Izkia Siches"] == "x-person-izkia-siches"  # its holder, tagged a place
    assert "Creo" not in rows  # "I believe", not Ecuador's party CREO
    # small letters outside a short post are no name, and "El País" joined it as a person
    assert not rows.get("El País", "").startswith("x-person-")
    assert not any(text.endswith("Está") for text in rows)  # a verb opening a quote


def test_an_agent_takes_the_story_country_of_the_people_named(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """A story about Guatemala's run-off names the United States twice and Guatemala once, but
    three Guatemalan politicians: its unplaced "El Congreso" is Guatemala's. A verb the tagger
    ran into a name ("Washington felicitó") is cut off, so Washington is the United States."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guatemala.txt").write_text(
        "Arévalo gana en Guatemala\n\nBernardo Arévalo venció a Sandra Torres en la segunda "
        "vuelta. Estados Unidos pidió respetar el resultado y Washington felicitó al ganador. "
        "Alejandro Giammattei prometió una transición ordenada. El Congreso deberá aprobar el "
        "presupuesto antes de enero.", "utf-8")
    assert ingest([str(tmp_path / "docs")], store, settings).stored == 1
    assert actor_of(store, "guatemala.txt", "El Congreso") == {"GTMLEG"}
    assert actor_of(store, "guatemala.txt", "Washington") == {"USA"}


def test_a_nickname_names_a_person_only_in_a_story_about_their_country(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """"El Chino" is Alberto Fujimori in a Peruvian story, not in an Argentine one (where it is
    the piquetero leader Fernando Navarro; found on a Clarín report)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "argentina.txt").write_text(
        "Alberto Fernández habló en Buenos Aires. El Chino encabezó la marcha del 1 de mayo "
        "junto a los movimientos sociales.", "utf-8")
    (tmp_path / "docs" / "peru.txt").write_text(
        "En Lima, El Chino volvió a la política: Alberto Fujimori habló ante el Congreso "
        "peruano.", "utf-8")
    assert ingest([str(tmp_path / "docs")], store, settings).stored == 2
    assert "alberto-fujimori" not in actor_of(store, "argentina.txt", "El Chino")
    assert actor_of(store, "peru.txt", "El Chino") == {"alberto-fujimori"}


def test_a_party_name_cut_of_its_country_needs_that_country_in_the_story(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """"Partido Comunista" is Chile's in a Chilean story and Cuba's in a Cuban one (the
    Cubadebate page of trafilatura-eval gave Chile's); in a story about neither it names
    no party of the knowledge base."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cuba.txt").write_text(
        "En La Habana, el Partido Comunista reunió a su Comité Central. Cuba celebró el "
        "pleno con Miguel Díaz-Canel.", "utf-8")
    (tmp_path / "docs" / "chile.txt").write_text(
        "En Santiago, el Partido Comunista apoyó al Gobierno de Chile en el Congreso.",
        "utf-8")
    (tmp_path / "docs" / "vietnam.txt").write_text(
        "The Communist Party met in Hanoi to choose its leaders for Vietnam.", "utf-8")
    assert ingest([str(tmp_path / "docs")], store, settings).stored == 3
    assert actor_of(store, "cuba.txt", "Partido Comunista") == {"pcc-cub"}
    assert actor_of(store, "chile.txt", "Partido Comunista") == {"pc-chl"}
    assert not store.query("SELECT m.text FROM mentions m JOIN documents d USING (doc_id) "
                           "WHERE d.locator LIKE '%vietnam.txt' "
                           "AND m.actor_id IN ('pc-chl', 'pcc-cub')")


def test_an_unknown_persons_id_leaves_the_title_out(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    # a letter to the Mercury News (trafilatura-eval)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "carta.txt").write_text(
        "Alameda County District Attorney Pamela Price dropped special circumstances against "
        "David Misch. Price said so.", "utf-8")
    assert ingest([str(tmp_path / "docs")], store, settings).stored == 1
    assert actor_of(store, "carta.txt", "District Attorney Pamela Price") == {
        "x-person-pamela-price"}


def test_an_epithet_gives_no_surname() -> None:
    """"Comandante en Jefe" is Fidel Castro's, but "Jefe" alone is anyone's title."""
    kb = load_kb()
    assert {a.actor_id for a in kb.lookup("Comandante en Jefe")} == {"fidel-castro"}
    assert not kb.lookup("Jefe")
    assert not kb.lookup("Breve")  # "Pedro el Breve", Pedro Carmona


def test_a_capitalised_word_the_story_writes_in_lower_case_is_no_actor(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """The Spanish tagger takes capitalised common words for names (on the Cubadebate page:
    "Estrategia", "Organización", "Socialismo"); one the same story also writes in lower
    case is a word, not an actor. A name the story never writes in lower case stays."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pleno.txt").write_text(
        "Estrategia. La estrategia del Gobierno de Cuba fue aprobada por Morfa. Morfa "
        "presentó la estrategia ante el pleno.", "utf-8")
    assert ingest([str(tmp_path / "docs")], store, settings).stored == 1
    linked = dict(store.query("SELECT m.text, m.actor_id FROM mentions m "
                              "WHERE m.actor_id IS NOT NULL"))
    assert "Estrategia" not in linked
    assert linked.get("Morfa", "").startswith("x-")


@pytest.mark.parametrize("url, country", [
    ("https://www.paginasiete.bo/seguridad/policia", "BOL"),
    ("https://www.clarin.com.ar/politica/nota.html", "ARG"),
    ("https://www.eltiempo.com.co/politica", "COL"),
    ("https://www.bbc.co.uk/mundo", "GBR"),
    ("https://t.co/abc", None),  # a country code sold as a name
    ("https://www.nytimes.com/2021/opinion", None),
])
def test_home_country_of_a_web_domain(url: str, country: str | None) -> None:
    doc = Document("page.html", "", b"", "html", {"url": url})
    assert home_country(doc, load_kb()) == country


def test_an_agent_no_sentence_places_is_the_publishers_own(tmp_path: Path, settings: Settings,
                                                           store: Store) -> None:
    """"la Policía" in a Bolivian paper is Bolivia's police, though Chile is named elsewhere."""
    text = ("La Policía detuvo a tres hombres con vehículos robados. Los autos habían sido "
            "sustraídos en Santiago de Chile y trasladados por la frontera con Chile.")
    (tmp_path / "nota.jsonl").write_text(json.dumps(
        {"text": text, "language": "es", "url": "https://www.paginasiete.bo/nota"}) + "\n",
        "utf-8")
    assert ingest([str(tmp_path / "nota.jsonl")], store, settings).stored == 1
    assert store.query("SELECT text, actor_id FROM mentions WHERE actor_id LIKE '%COP'") == [
        ("Policía", "BOLCOP")]


def test_an_agent_takes_no_country_from_another_force_of_its_sector(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """Carabineros is Chile's police wherever a story is published, and "la Policía" beside
    it (or beside "la Policía de Chile") in a Bolivian paper is Bolivia's own (Página Siete,
    trafilatura-eval)."""
    text = ("El inspector general de la Policía anunció una coordinación con Carabineros de "
            "Chile para investigar otros casos de robo de vehículos. Policía anuncia "
            "coordinación con Carabineros. La Policía se reunió con la Policía de Chile.")
    (tmp_path / "nota.jsonl").write_text(json.dumps(
        {"text": text, "language": "es", "url": "https://www.paginasiete.bo/nota",
         "published": "2022-05-03"}) + "\n", "utf-8")
    assert ingest([str(tmp_path / "nota.jsonl")], store, settings).stored == 1
    assert store.query("SELECT m.text, m.actor_id, m.role FROM mentions m WHERE m.role LIKE "
                       "'%COP' ORDER BY m.start_char") == [
        ("Policía", "BOLCOP", "BOLCOP"),
        ("Carabineros de Chile", "carabineros-chl", "CHLCOP"),
        ("Policía", "BOLCOP", "BOLCOP"),
        ("Carabineros", "carabineros-chl", "CHLCOP"),
        ("La Policía", "BOLCOP", "BOLCOP"),
        ("la Policía de Chile", "CHLCOP", "CHLCOP")]


def test_unknown_actors_are_stable_across_documents(corpus_store: Store) -> None:
    ids = corpus_store.query(
        "SELECT DISTINCT m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE d.source LIKE '%castillo-ouster%' AND m.text = 'María Fernanda Quispe'")
    assert len(ids) <= 1
    unknown = corpus_store.query("SELECT count(*) FROM actors WHERE origin = 'unknown' "
                                 "AND actor_id NOT LIKE 'x-%'")
    assert unknown == [(0,)]


def test_user_kb_file_and_undated_document(tmp_path: Path, settings: Settings,
                                          store: Store) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "people:\n"
        "  - id: fran-perez\n    name: Fran Pérez\n    country: VEN\n"
        "    roles:\n      - {country: VEN, sector: MED, title: Analyst, start: 2015-01-01}\n",
        "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.txt").write_text(
        "Fran Pérez, an analyst in Caracas, said the talks would fail. Pérez spoke on Monday.",
        "utf-8")
    summary = ingest([str(tmp_path / "docs")], store, settings.with_(kb_files=(str(extra),)))
    assert summary.stored == 1
    rows = store.query("SELECT text, actor_id, role FROM mentions WHERE actor_id IS NOT NULL "
                       "AND text LIKE '%Pérez%' ORDER BY start_char")
    assert rows == [("Fran Pérez", "fran-perez", None), ("Pérez", "fran-perez", None)]


def test_bad_user_kb_file(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("villains:\n  - {id: x, name: X}\n", "utf-8")
    with pytest.raises(ConfigError, match=r"\[E042\]"):
        KnowledgeBase.load([str(extra)])


def test_actor_commands(corpus_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    corpus_store.con.execute("CHECKPOINT")  # the session store stays open: read a copy
    db = str(tmp_path / "copy.duckdb")
    Path(db).write_bytes(Path(corpus_store.path).read_bytes())
    assert main(["actors", "--db", db, "--type", "person", "--top", "5"]) == 0
    listing = capsys.readouterr().out
    assert "Luiz Inácio Lula da Silva" in listing and "Peru" not in listing
    assert main(["actor", "AMLO", "--db", db]) == 0
    page = capsys.readouterr().out
    assert "Andrés Manuel López Obrador" in page and "MEXGOV" in page
    assert "co-mentioned:" in page and "López Obrador" in page
    assert main(["actors", "--db", db, "--unknown", "--top", "3"]) == 0
    assert "unknown actors" in capsys.readouterr().out


def test_actor_listings_say_what_they_leave_out(corpus_store: Store, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The actors listing shows the knowledge base's actors and agents; the names it does not
    know are another listing, and each says how many of the other it leaves out (here
    organisations, which take in parties)."""
    orgs = {unknown: n for unknown, n in corpus_store.con.execute(
        "SELECT a.origin = 'unknown', count(*) FROM actor_stats s JOIN actors a "
        "USING (actor_id) WHERE a.type IN ('org', 'party') GROUP BY ALL").fetchall()}
    assert orgs[True] > 0 and orgs[False] > 0
    corpus = Corpus(corpus_store)
    known = corpus.actors("org", limit=2)
    assert (known.attrs["total"], known.attrs["left_out"]) == (orgs[False], orgs[True])
    unknown = corpus.actors("org", limit=2, unknown=True)
    assert (unknown.attrs["total"], unknown.attrs["left_out"]) == (orgs[True], orgs[False])
    corpus_store.con.execute("CHECKPOINT")
    db = str(tmp_path / "copy.duckdb")
    Path(db).write_bytes(Path(corpus_store.path).read_bytes())
    assert main(["actors", "--db", db, "--type", "org", "--top", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["note"] == (
        f"{orgs[True]} names not in the knowledge base left out (--unknown lists them)")
    assert main(["actors", "--db", db, "--type", "org", "--unknown", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["note"] == (
        f"{orgs[False]} knowledge-base actors and agents left out "
        "(without --unknown they are listed)")


def test_a_regnal_number_alone_names_nobody(tmp_path: Path, settings: Settings,
                                            store: Store) -> None:
    """"secretaria judicial III" (Última Hora, trafilatura-eval) numbers a clerk's post: it is
    no short form of Charles III, and the court the page names is not the United Kingdom's."""
    kb = load_kb()
    assert kb.lookup("III") == [] and kb.lookup("Jr.") == []
    assert "charles-iii" in {a.actor_id for a in kb.lookup("King Charles III")}
    text = ("El Tribunal rechazó el pedido de la defensa. Al respecto, la secretaria judicial "
            "III, Abg. Karina Penoni, ha informado que no existe resolución.")
    (tmp_path / "nota.jsonl").write_text(json.dumps(
        {"text": text, "language": "es", "url": "https://www.ultimahora.com/nota",
         "published": "2022-05-05"}) + "\n", "utf-8")
    assert ingest([str(tmp_path / "nota.jsonl")], store, settings).stored == 1
    assert store.query("SELECT count(*) FROM mentions WHERE actor_id = 'charles-iii' "
                       "OR actor_id LIKE 'GBR%'") == [(0,)]


def test_institutions_are_organisations_and_names_after_them_people(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    # Cubadebate (trafilatura-eval): the Spanish tagger runs titles into names ("miembro del
    # Buró Político Roberto Morales Ojeda") and calls the party's bodies places or people.
    page = SHARED / "benchmarks" / "trafilatura-eval" / "html" / "cubadebate.cu-sesiona.html.gz"
    if not page.is_file():
        pytest.skip(f"{page} is absent (../shared/benchmarks is not beside the checkout)")
    (tmp_path / "page.html").write_bytes(gzip.decompress(page.read_bytes()))
    assert ingest([str(tmp_path / "page.html")], store, settings).stored == 1
    rows = store.query("SELECT m.text, m.label, m.actor_id FROM mentions m "
                       "WHERE m.actor_id IS NOT NULL")
    people = {text for text, label, actor in rows if actor.startswith("x-person-")}
    assert {"Roberto Morales Ojeda", "Esteban Lazo Hernández", "Ramiro Valdés Menéndez",
            "Ramón Espinosa"} <= people
    assert not any(text.startswith(("Buró", "Revolución", "Ejército", "Jefe", "División"))
                   for text in people)
    labels = {label for text, label, _ in rows if text in ("Comité Central", "Buró Político")}
    assert labels == {"ORG"}
    # a headline's verb is no name, and "IV Pleno" is the plenum, not a person's name
    assert not any(text.startswith("Sesiona") or "Pleno" in text for text in people)
    # the rectora in an apposition, and under her first surname only, is one person
    rectora = {actor for text, _, actor in rows if text.startswith("Rosario del Pilar")}
    assert rectora == {"x-person-rosario-del-pilar-penton-diaz"}
    # the author's bio names the outlets she writes for: organisations
    outlets = {text: actor for text, _, actor in rows if text in ("Juventud Rebelde",
                                                                   "Cubadebate")}
    assert outlets == {"Juventud Rebelde": "x-org-juventud-rebelde",
                       "Cubadebate": "x-org-cubadebate"}


def test_headline_verbs_titles_and_outlets(tmp_path: Path, settings: Settings,
                                           store: Store) -> None:
    """A headline's capitalised verb the Spanish tagger runs into the name after it is cut
    ("Respalda", "Convocan": verbs of the trigger lexicon); a Roman
    numeral makes a span a numbered meeting, and its noun alone is that meeting again; a
    name beside a title ("rectora", "vicerrectora", "Rector") is a person with an education
    role; outlets named in a journalist's credit or as the publisher are organisations."""
    docs = [
        ("es", "https://www.ejemplo.cu/a", "Sesiona VII Pleno del Comité Provincial\nEl VII "
         "Pleno del Comité Provincial del Partido en Holguín analizó la zafra. Según el Pleno, "
         "la cosecha avanzó en todos los municipios de Cuba."),
        ("es", "https://www.ejemplo.bo/b", "Respalda Gabriela Rivas Soto el acuerdo de "
         "Bolivia\nConvocan Marcela Quispe y Tomás Arancibia una marcha en Sucre."),
        ("es", "https://www.ejemplo.pe/c", "La rectora Lucía Mendoza Ríos inauguró el año "
         "académico en Arequipa. Lucía Mendoza habló ante los estudiantes de Perú."),
        ("es", "https://www.ejemplo.pe/d", "El discurso fue leído por Rosa Elvira Cáceres "
         "Huamán, vicerrectora de la Universidad Nacional de Trujillo, ante el Congreso de "
         "Perú."),
        ("es", "https://www.rebeliondiaria.cu/e", "Es periodista cubana, columnista de Nueva "
         "Aurora. Trabaja en el diario Vanguardia del Sur. Colabora con Rebelión Diaria desde "
         "2015."),
        ("en", "https://www.example.com/f", "Her essays on Bolivia were published in Puna "
         "Quarterly. Rector Tomás Ibarra Luna opened the academic year in Lima, Peru."),
    ]
    ingest_documents(tmp_path, store, settings, docs)
    rows = {text: (label, actor, role) for text, label, actor, role in store.query(
        "SELECT text, label, actor_id, role FROM mentions WHERE actor_id IS NOT NULL")}
    assert not any(text.startswith(("Sesiona", "Respalda", "Convocan")) for text in rows)
    assert not any("Pleno" in text for text, (_, actor, _) in rows.items()
                   if actor.startswith("x-person-"))
    assert rows["Gabriela Rivas Soto"][1] == "x-person-gabriela-rivas-soto"
    assert any(text.startswith("Marcela Quispe") for text in rows)  # tagger joins "y Tomás"
    assert rows["Lucía Mendoza Ríos"][1:] == ("x-person-lucia-mendoza-rios", "PEREDU")
    assert rows["Lucía Mendoza"][1] == "x-person-lucia-mendoza-rios"  # first surname only
    assert rows["Rosa Elvira Cáceres Huamán"][1:] == (
        "x-person-rosa-elvira-caceres-huaman", "PEREDU")  # tagged a place
    assert rows["Tomás Ibarra Luna"][1:] == ("x-person-tomas-ibarra-luna", "PEREDU")
    for outlet in ("Nueva Aurora", "diario Vanguardia del Sur", "Rebelión Diaria",
                   "Puna Quarterly"):
        assert rows[outlet][0] == "ORG" and rows[outlet][1].startswith("x-org-"), outlet


def test_an_opening_lexicon_verb_leaves_a_two_word_name(tmp_path: Path, settings: Settings,
                                                       store: Store) -> None:
    """"Marcha Patriótica" opens its sentence and 'marchar' is a lexicon verb, but cutting
    "Marcha" would leave no name: the span stays whole ("Respalda Gabriela Rivas Soto" is
    cut, see test_headline_verbs_titles_and_outlets)."""
    (tmp_path / "a.jsonl").write_text(json.dumps(
        {"text": "Marcha Patriótica denunció el asesinato de un líder social en el Cauca. El "
         "movimiento pidió protección para sus dirigentes en Colombia.", "language": "es",
         "published": "2024-05-05"}) + "\n", "utf-8")
    assert ingest([str(tmp_path / "a.jsonl")], store, settings).stored == 1
    names = [text for (text,) in store.query("SELECT text FROM mentions")]
    assert "Marcha Patriótica" in names and "Patriótica" not in names, names


def test_a_name_ending_in_an_institution_noun_is_an_organisation(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """El Nuevo Herald (trafilatura-eval), a Spanish story on US cities for business: the
    Spanish tagger calls "Austin Peay State University" a person and "Miami Dade College" a
    place; names ending in an institution noun are organisations. "Orlando", the city heading
    the list, is no Juan Orlando Hernández (a second given name, no surname)."""
    page = SHARED / "benchmarks" / "trafilatura-eval" / "html" / "elnuevoherald.com-miami.html.gz"
    if not page.is_file():
        pytest.skip(f"{page} is absent (../shared/benchmarks is not beside the checkout)")
    (tmp_path / "page.html").write_bytes(gzip.decompress(page.read_bytes()))
    assert ingest([str(tmp_path / "page.html")], store, settings).stored == 1
    rows = dict(store.query("SELECT text, label FROM mentions"))
    assert rows["Austin Peay State University"] == "ORG"
    assert rows["Miami Dade College"] == "ORG"
    assert store.query("SELECT count(*) FROM mentions WHERE actor_id = "
                       "'juan-orlando-hernandez'") == [(0,)]


def test_trade_phrases_ministry_heads_cities_and_english_words(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """A name after a sentence-opening phrase naming a trade and a comma, followed by its
    verb, is a person, and a bare surname goes to the person of that surname named before it,
    not after; "el titular del <ministry>, X" is the minister; a one-word city in a list of
    places or after "en" is a place; a person-tagged span of common English words in a
    Spanish text is an organisation."""
    docs = [
        ("es", "https://www.ejemplo.pa/a", "La reconocida cantante de boleros, Marisol Ibáñez "
         "presentó este martes su disco en el Ministerio de Cultura (MICULT). \"Es mi "
         "mejor disco\", expresó Ibáñez, al tiempo que agradeció el apoyo. El titular del "
         "MICULT, Rodrigo Almanza, la felicitó. En el escenario estuvo también el pianista "
         "Tomás Ibáñez."),
        ("en", "https://www.example.com/b", "The head of the Ministry of Culture, Alan "
         "Brooks, opened the festival in Jamaica on Monday."),
        ("es", "https://www.ejemplo.com/c", "Las ciudades más baratas para abrir un negocio "
         "son Greensboro, en North Carolina, y Hialeah, en Florida. En Hialeah los alquileres "
         "bajaron, según el informe Global Startup Ecosystem."),
    ]
    ingest_documents(tmp_path, store, settings, docs)
    rows: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for text, label, actor, role in store.query(
            "SELECT text, label, actor_id, role FROM mentions WHERE actor_id IS NOT NULL "
            "ORDER BY doc_id, start_char"):
        rows.setdefault(text, []).append((label, actor, role))
    assert rows["Marisol Ibáñez"][0][:2] == ("PER", "x-person-marisol-ibanez")
    assert rows["Ibáñez"][0][1] == "x-person-marisol-ibanez"
    assert rows["Rodrigo Almanza"][0][1:] == ("x-person-rodrigo-almanza", "PANGOV")
    assert rows["Alan Brooks"][0][1:] == ("x-person-alan-brooks", "JAMGOV")
    assert {label for label, _, _ in rows["Hialeah"]} == {"LOC"}
    assert rows["Greensboro"][0][0] == "LOC"
    assert all(not actor.startswith("x-person-") for text, found in rows.items()
               if "Startup" in text for _, actor, _ in found if actor)


def test_the_diaadia_and_nuevo_herald_pages(tmp_path: Path, settings: Settings,
                                           store: Store) -> None:
    """Two trafilatura-eval pages (issue 11/15): the singer Ulpiano Vergara, named after "El
    reconocido artista de la música típica," is a person, and the later "expresó Vergara" is
    he, not his daughter named at the end; "el titular del MICI, Ramón Martínez" is Panama's
    minister; "Hialeah" and "Winston-Salem" in a list of US cities are places; "Global Startup
    Ecosystem" is no person."""
    html = SHARED / "benchmarks" / "trafilatura-eval" / "html"
    pages = [html / "diaadia.com.pa-ulpiano.html.gz", html / "elnuevoherald.com-miami.html.gz"]
    if not all(page.is_file() for page in pages):
        pytest.skip(f"{html} is absent (../shared/benchmarks is not beside the checkout)")
    for page in pages:
        (tmp_path / page.name[:-3]).write_bytes(gzip.decompress(page.read_bytes()))
    assert ingest([str(tmp_path / page.name[:-3]) for page in pages], store,
                  settings).stored == 2
    assert links(store, "ulpiano.html", "Ulpiano Vergara") == [("x-person-ulpiano-vergara", None)]
    assert actor_of(store, "ulpiano.html", "Vergara") == {"x-person-ulpiano-vergara"}
    assert links(store, "ulpiano.html", "Ramón Martínez") == [("x-person-ramon-martinez",
                                                               "PANGOV")]
    labels = dict(store.query("SELECT text, label FROM mentions"))
    assert labels["Hialeah"] == labels["Winston-Salem"] == "LOC"
    assert labels["Global Startup Ecosystem"] == "ORG"


def test_a_possessive_owner_common_words_and_eras_are_no_one(tmp_path: Path, settings: Settings,
                                                               store: Store) -> None:
    """Written for the seeds' faults: "Castillo's Peru" was one unknown person, and every
    later "Peru" of the story linked to it; "regional unity," was Haiti's party Inite; "404
    B.C." an unknown place; a Paraguayan town's "barrio San José" was Costa Rica."""
    filler = " The region watched the vote with interest and some worry." * 12
    ingest_documents(tmp_path, store, settings, [("en", "https://example.org/peru", (
        "Pedro Castillo won the election in June." + filler + " A crucial factor is the "
        "association of both Bolivia and Castillo’s Peru with Mexico. The new foreign "
        "minister set out an agenda favouring regional unity, promoting trade. During the "
        "Peloponnesian War (431–404 B.C.) the Athenians invaded Sicily. In Peru the crisis "
        "deepened.")), ("es", "https://example.com.py/limpio", (  # hoy.com.py, reworded
        "El hecho ocurrió el jueves en el barrio San José de la ciudad de Limpio, cerca del "
        "hospital."))])
    assert store.query("SELECT count(*) FROM mentions WHERE actor_id = 'CRI'") == [(0,)]
    rows = store.query("SELECT text, actor_id FROM mentions WHERE actor_id IS NOT NULL "
                       "ORDER BY start_char")
    assert ("Peru", "PER") in rows and ("Castillo", "pedro-castillo") in rows
    assert [text for text, _ in rows].count("Peru") == 2
    assert not any(actor.startswith("x-person-castillo") for _, actor in rows)
    assert [row for row in rows if row[0].startswith(("unity", "B.C"))] == []


def test_a_ministry_its_acronym_and_calendar_days(tmp_path: Path, settings: Settings,
                                                  store: Store) -> None:
    """Written for larepublica.pe and hoy.com.py (trafilatura-eval), reworded: a ministry with
    no state named is the publisher's state's government, its acronym in brackets the same
    body there and later; days of a calendar and a resolution are no actors; a body's span
    stops before the street it stands on; "la fiscala general X" is a prosecutor, and so is
    one "al frente del Ministerio Público de Paraguay"; one unknown word completing a common
    noun ("juez penal de Turno") is no person."""
    ingest_documents(tmp_path, store, settings, [("es", "https://example.pe/colegios", (
        "El Ministerio de Educación (Minedu) anunció el jueves las vacaciones de mayo. "
        "Según el Minedu, los colegios cerrarán dos semanas. El Ministerio de Salud (Minsa) "
        "vacunará a los alumnos. El calendario escolar recuerda el Día Internacional de la "
        "Familia y el Día de la Libertad de Prensa. La Resolución Ministerial fija las fechas. "
        "Los Hermanos Franciscanos Capuchinos sobre la Avda. Perón bendijeron los autos.")),
        ("es", "https://example.com.py/fiscal", (
            "El fiscal colombiano Francisco Barbosa visitó Asunción. Barbosa dijo que la "
            "fiscala general Sandra Quiñónez le expuso los casos.")),
        ("es", "https://example.com.py/visita", (
            "El fiscal colombiano Francisco Barbosa visitó Asunción el lunes. Barbosa elogió "
            "la gestión de Ana Rivas al frente del Ministerio Público de Paraguay. El caso "
            "pasó al juez penal de Turno. El auto chocó contra una columna de Karanday."))])
    rows = store.query("SELECT text, actor_id, role FROM mentions WHERE actor_id IS NOT NULL "
                       "ORDER BY start_char")
    found = {text: actor for text, actor, _ in rows}
    assert found["Ministerio de Educación"] == found["Minedu"] == "PERGOV"
    assert [actor for text, actor, _ in rows if text == "Minedu"] == ["PERGOV", "PERGOV"]
    assert found["El Ministerio de Salud"] == "PERGOV"
    assert [text for text in found if "(" in text or "Día" in text or "Resol" in text] == []
    assert "Prensa" not in found
    assert found["Los Hermanos Franciscanos Capuchinos"] == (
        "x-org-hermanos-franciscanos-capuchinos")
    assert ("Sandra Quiñónez", "x-person-sandra-quinonez", "PRYJUD") in rows
    assert ("Ministerio Público", "PRYJUD", "PRYJUD") in rows  # "de Paraguay", not Colombia
    assert ("Ana Rivas", "x-person-ana-rivas", "PRYJUD") in rows  # "al frente del" that body
    assert [text for text in found if text in ("Turno", "Karanday")] == []  # no people



def test_a_ministry_is_placed_by_the_state_after_its_last_de() -> None:
    """"Ministerio de Salud del Perú" is Peru's government: the state is read after the
    name's last "de"/"del"/"do", not after its first."""
    kb = load_kb()
    assert _agent_phrase("Ministerio de Salud del Perú", kb, "es") == ("GOV", "PER")
    assert _agent_phrase("Ministério da Saúde do Brasil", kb, "pt") == ("GOV", "BRA")
    assert _agent_phrase("Ministry of Health of Ghana", kb, "en") == ("GOV", "GHA")
    assert _agent_phrase("Ministerio de Educación", kb, "es") == ("GOV", None)


def test_a_party_acronym_after_a_person_is_not_the_person(tmp_path: Path, settings: Settings,
                                                          store: Store) -> None:
    """Brackets after a person's name hold the party ("el diputado Carlos Ruiz Mena (PCN)"):
    the acronym there and later is no name of the deputy."""
    ingest_documents(tmp_path, store, settings, [("es", "https://example.com.py/voto", (
        "El diputado Carlos Ruiz Mena (PCN) votó en contra de la ley. El PCN anunció el "
        "martes que apoyará la reforma del gobierno."))])
    rows = store.query("SELECT text, actor_id FROM mentions WHERE actor_id IS NOT NULL")
    assert ("Carlos Ruiz Mena", "x-person-carlos-ruiz-mena") in rows
    assert [text for text, actor in rows if actor == "x-person-carlos-ruiz-mena"] == [
        "Carlos Ruiz Mena"]


def test_an_organisation_described_as_an_activist_group_stays_one(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """A trade word qualifying another noun ("is an activist group") describes no writer: the
    organisation is no person."""
    ingest_documents(tmp_path, store, settings, [("en", "https://example.org/sunrise", (
        "Members of the Sunrise Movement marched in Washington. The Sunrise Movement is an "
        "activist group founded in 2017."))])
    rows = store.query("SELECT DISTINCT actor_id FROM mentions WHERE text LIKE '%Sunrise%'")
    assert rows == [("x-org-sunrise-movement",)]


def test_a_state_placing_a_body_brackets_and_the_adjective_fiscal(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """Reviewer's findings: "Ministerio de Salud de Chile" is Chile's ministry, not Chile; a
    place in brackets after a body ("la Fiscalía (Tacna)") is no acronym of it, so a later
    "Tacna" is no prosecutor; "fiscal" the adjective ("reforma fiscal") is no prosecutor,
    "el fiscal" is; the tagger's two pieces of CICIG's long name are the one commission."""
    ingest_documents(tmp_path, store, settings, [
        ("es", "https://example.pe/salud", (
            "El Ministerio de Salud de Chile informó el lunes nuevos contagios. La Fiscalía "
            "(Tacna) abrió una investigación contra el alcalde. En Tacna hubo protestas el "
            "martes. El gobierno anunció una reforma fiscal y el déficit fiscal creció. El "
            "fiscal Juan Pérez acusó al alcalde.")),
        ("en", "https://example.org/cicig", (
            "The International Commission against Impunity in Guatemala (CICIG) said on "
            "Monday that Guatemala must let CICIG finish its work."))])
    rows = store.query("SELECT text, actor_id FROM mentions WHERE actor_id IS NOT NULL "
                       "ORDER BY start_char")
    assert ("Ministerio de Salud de Chile", "CHLGOV") in rows
    assert "CHL" not in {actor for _, actor in rows}
    assert [text for text, actor in rows if actor == "PERJUD"] == ["La Fiscalía", "El fiscal"]
    assert [actor for text, actor in rows if text == "Tacna"] == ["x-place-tacna"] * 2
    assert [text for text, actor in rows if actor == "cicig"] == [
        "International Commission against Impunity in Guatemala", "CICIG", "CICIG"]
    assert [text for text, actor in rows if actor == "GTM"] == ["Guatemala"]


def test_god_saints_common_nouns_firms_and_platforms_are_no_people(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """Newcomer checks on the seeds and unread pages, reworded: "Dios" is no one; "San
    Leopoldo" is the saint's parish or feast, a place; a capitalised common noun before its
    adjective ("Sacrificio heroico") and one completing a noun ("juez penal de Turno") are no
    people; the tail of a hyphenated firm ("Astra-Zeneca") is no person; "Twitter" before a
    handle is where the handle is, and the handle is the person the text names in full."""
    ingest_documents(tmp_path, store, settings, [
        ("es", "https://example.com.py/fiesta", (
            "18 de mayo: Sacrificio heroico de Túpac Amaru II y Micaela Bastidas. Los frailes "
            "agradecen a Dios por la cosecha en la fiesta de San Leopoldo. El fiscal pidió al "
            "juez penal de Turno la prisión del acusado.")),
        ("en", "https://example.org/vaccine", (
            "By Maria Quispe. The Astra-Zeneca Covid vaccine was approved for use in Peru "
            "last week. Maria Quispe writes on health and can be reached on Twitter "
            "@MQuispeW."))])
    rows = store.query("SELECT text, actor_id FROM mentions WHERE actor_id IS NOT NULL "
                       "ORDER BY start_char")
    people = {text: actor for text, actor in rows if actor.startswith("x-person-")}
    assert people == {"Túpac Amaru II": "x-person-tupac-amaru-ii",
                      "Micaela Bastidas": "x-person-micaela-bastidas",
                      "Maria Quispe": "x-person-maria-quispe",
                      "@MQuispeW": "x-person-maria-quispe"}
    assert ("San Leopoldo", "x-place-san-leopoldo") in rows
    assert [text for text, _ in rows if "Twitter" in text or "Dios" in text] == []
    assert ("Astra-Zeneca Covid", "x-org-astra-zeneca-covid") in rows


def test_every_sector_of_the_roles_file_has_a_readable_agent_name() -> None:
    """Agents are shown as "<state> <sector name>": "Chile crm" told a reader nothing."""
    from importlib import resources

    from marea.actors.link import SECTOR_NAMES, _agent

    roles = resources.files("marea.actors").joinpath("kb/roles.yaml").read_text(encoding="utf-8")
    sectors = set(re.findall(r"sector: ([A-Z]{3})", roles))
    assert {"CRM", "HLH", "SPY"} <= sectors
    assert sectors <= SECTOR_NAMES.keys()
    kb = load_kb()
    assert _agent(kb, "CHL", "CRM").name == "Chile criminals"
    assert _agent(kb, "BOL", "HLH").name == "Bolivia health sector"


def test_a_hyphenated_given_name_opens_a_persons_name(tmp_path: Path, settings: Settings,
                                                       store: Store) -> None:
    """The tagger calls "Anne-Marie Slaughter" an organisation (or starts the person at
    "Marie"): two given names joined by a hyphen before a surname are one person's name."""
    ingest_documents(tmp_path, store, settings, [
        ("en", "https://example.org/plan", (
            "Anne-Marie Slaughter, a former State Department official, criticised the plan. "
            "According to Anne-Marie Slaughter, the plan failed."))])
    assert actor_of(store, "0.jsonl", "Anne-Marie Slaughter") == {
        "x-person-anne-marie-slaughter"}


def test_two_demonyms_in_a_row_name_both_states_but_an_origin_before_people(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """"The Russian American summit" and "la cumbre ruso-estadounidense" are meetings of
    Russia and the US; "a Somali American lawmaker" and "un legislador cubano-estadounidense"
    are Americans of that origin, one US mention each."""
    ingest_documents(tmp_path, store, settings, [
        ("en", "https://example.org/summit", (
            "The Russian American summit ended without a deal. A Somali American lawmaker "
            "criticised the talks.")),
        ("es", "https://example.com.ar/cumbre", (
            "La cumbre ruso-estadounidense terminó sin acuerdo. Un legislador "
            "cubano-estadounidense criticó las conversaciones."))])
    assert [(text, actor) for text, actor in store.query(
        "SELECT m.text, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.actor_id IS NOT NULL ORDER BY d.source, m.start_char")] == [
        ("Russian", "RUS"), ("American", "USA"), ("Somali American", "USA"),
        ("ruso", "RUS"), ("estadounidense", "USA"), ("cubano-estadounidense", "USA")]


def test_and_joins_the_parts_of_a_ministrys_name_but_not_another_body(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """"The Ministry of Justice and Human Rights" is one ministry, as is "el Ministerio de
    Justicia y Derechos Humanos" (the tagger leaves its second part out); "the Ministry of
    Defence and Army commanders" are a ministry and the army, which the tagger runs into one."""
    ingest_documents(tmp_path, store, settings, [
        ("en", "https://example.co.ke/claims", (
            "The Ministry of Defence and Army commanders denied the claims in Kenya. The "
            "Ministry of Justice and Human Rights of Kenya issued a note.")),
        ("es", "https://example.com.ar/nota", (
            "El Ministerio de Justicia y Derechos Humanos de Argentina publicó una nota."))])
    assert [(text, actor) for text, actor in store.query(
        "SELECT m.text, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.actor_id IS NOT NULL ORDER BY d.source, m.start_char")] == [
        ("The Ministry of Defence", "KENGOV"), ("Army", "KENMIL"), ("Kenya", "KEN"),
        ("The Ministry of Justice and Human Rights", "KENGOV"), ("Kenya", "KEN"),
        ("Ministerio de Justicia y Derechos Humanos", "ARGGOV"), ("Argentina", "ARG")]


def test_state_words_and_regions_of_a_place_on_a_chilean_page(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """"el jefe del Estado" is the president, no place "Estado"; "un Estado Laico" is an
    ideal, no place; "el norte de Santiago" is in Santiago; "la secretaria de Estado" acts for
    the government of the story's state, unless her name follows: then it is her title."""
    ingest_documents(tmp_path, store, settings, [
        ("es", "https://example.cl/marcha", (
            "Miles marcharon por un Estado Laico en el norte de Santiago de Chile. Según el "
            "jefe del Estado, la reforma avanzará. La secretaria de Estado habló con la prensa.")),
        ("es", "https://example.com.pe/visita", (
            "El secretario de Estado, Antony Blinken, llegó a Lima."))])
    rows = [(text, actor) for text, actor in store.query(
        "SELECT m.text, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.actor_id IS NOT NULL ORDER BY d.source, m.start_char")]
    assert rows == [("Santiago de Chile", "CHL"), ("jefe del Estado", "gabriel-boric"),
                    ("La secretaria de Estado", "CHLGOV"), ("la prensa", "CHLMED"),
                    ("Antony Blinken", "antony-blinken"), ("Lima", "PER")]


def test_a_place_takes_the_state_written_after_it(tmp_path: Path, settings: Settings,
                                                   store: Store) -> None:
    """"Florida, en Uruguay" and "Florida (Uruguay)" are the Uruguayan town, not the US state,
    and "Santiago, en República Dominicana" is no Chilean capital; a bare "Florida" in a story
    about a US election stays the US state."""
    ingest_documents(tmp_path, store, settings, [
        ("es", "https://example.com.uy/puente", (
            "El intendente de Florida, en Uruguay, inauguró un puente. Hubo fiesta en Florida "
            "(Uruguay). La feria de Santiago, en República Dominicana, abrió.")),
        ("es", "https://example.com.ar/eleccion", (
            "Florida votó por los republicanos en las elecciones de Estados Unidos."))])
    places = {(text, actor, country) for text, actor, country in store.query(
        "SELECT m.text, m.actor_id, a.country FROM mentions m JOIN actors a USING (actor_id) "
        "WHERE m.actor_id LIKE 'x-place-%'")}
    assert places == {("Florida", "x-place-florida-ury", "URY"),
                      ("Santiago", "x-place-santiago-dom", "DOM"),
                      ("Florida", "x-place-florida", "USA")}


def test_an_origin_pair_before_a_community_names_americans(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    """"The Cuban American community" and "la comunidad cubano-estadounidense" are Americans of
    Cuban origin (one US mention), not Cuba and the US; "Cuban American talks" stay both."""
    ingest_documents(tmp_path, store, settings, [
        ("en", "https://example.org/miami", (
            "The Cuban American community in Miami protested on Sunday. Cuban American "
            "talks resumed on Monday.")),
        ("es", "https://example.com.ar/miami", (
            "La comunidad cubano-estadounidense de Miami protestó el domingo."))])
    assert [(text, actor) for text, actor in store.query(
        "SELECT m.text, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.actor_id IN ('USA', 'CUB') ORDER BY d.source, m.start_char")] == [
        ("Cuban American", "USA"), ("Cuban", "CUB"), ("American", "USA"),
        ("cubano-estadounidense", "USA")]


def test_an_acronym_that_is_a_common_abbreviation_needs_the_full_name(tmp_path: Path) -> None:
    """"AI" in a story on school surveillance (Axios, trafilatura-eval) is artificial
    intelligence, not Amnesty International; in a story that names Amnesty it is Amnesty."""
    surveillance = ("Where once a guard watched the feeds, artificial intelligence now monitors "
                    "the videos. \"Students are electronically monitored by AI agents,\" the "
                    "ACLU's Jay Stanley said.")
    amnesty = ("Amnesty International accused the police of torture. AI said the detainees "
               "were beaten in custody.")
    with jsonl_store(tmp_path, [{"title": "Cameras in schools", "text": surveillance},
                                {"title": "Report on detainees", "text": amnesty}]) as store:
        assert "amnesty" not in {actor for actor, _ in mention_links(store, 1, "AI")}
        assert {actor for actor, _ in mention_links(store, 2, "AI")} == {"amnesty"}
