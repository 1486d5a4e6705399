"""Defects a newcomer found reading unseen pages in session 24 (issues 11, 15): Spanish "se",
neuter "lo" and gendered clitics as pronouns, reported speech and gender. Constructed
sentences."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import events_by_sentence, jsonl_store, mention_links

COLUMNS = "e.trigger, e.type, e.source_id, e.target_id"


def test_impersonal_se_has_no_doer_from_the_sentence_before(tmp_path: Path) -> None:
    _, es = events_by_sentence(tmp_path, {
        "impersonal": "El juez Daniel Rafecas dictó sentencia el martes. En el país se critica "
                      "mucho a la Justicia.",
        # a clitic "la" is a woman or a thing, never the man named before
        "feminine": "El presidente Gabriel Boric llegó a Santiago el martes. Luego se refirió a "
                    "la oposición y la criticó."}, "es", "2022-05-04", COLUMNS)
    assert ("critica", "ACCUSE", None, "JUD") in es["impersonal"]
    assert not any(row[3] == "gabriel-boric" for row in es["feminine"])


def test_a_reported_she_is_not_the_man_who_says_it(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "she": "Delcy Rodriguez met Nicolas Maduro on Monday. Maduro said she would attack "
               "the protesters.",
        "he": "Maduro said he would attack the protesters."}, "en", "2021-05-04", COLUMNS)
    assert ("attack", "THREATEN", "delcy-rodriguez", "VENCVL") in en["she"]
    assert ("attack", "THREATEN", "nicolas-maduro", "VENCVL") in en["he"]


def test_a_common_noun_named_with_an_article_is_no_town_nor_person(tmp_path: Path) -> None:
    text = ("La Convención aprobó el martes las Normas Transitorias de la nueva Constitución, "
            "informó el diario en Santiago de Chile. El gobierno de Chile defendió la nueva "
            "Constitución. La Convención votó en Santiago.")
    with jsonl_store(tmp_path, [{"text": text, "language": "es"}]) as store:
        actors = {row[0] for row in store.query("SELECT actor_id FROM mentions")}
        stances = {row[0] for row in store.query("SELECT actor_id FROM stances")}
    assert "CHL" in actors
    assert not {a for a in actors | stances if a and a.startswith(("x-place-", "x-person-"))}


def test_a_warning_that_names_no_one_warned_states_what_it_says(tmp_path: Path) -> None:
    _, es = events_by_sentence(tmp_path, {
        "that": "El diputado Gabriel Boric advierte que la nueva Constitución no resolverá "
                "todos los problemas.",
        "warned": "El ministro advirtió al Congreso que vetará la ley."},
        "es", "2021-05-04", COLUMNS)
    assert es["that"] == {("advierte", "STATEMENT", "gabriel-boric", None)}
    # with someone warned it is still a threat
    assert ("advirtió", "THREATEN", "GOV", "LEG") in es["warned"]
    (tmp_path / "en").mkdir()
    _, en = events_by_sentence(tmp_path / "en", {
        "that": "Senator Bernie Sanders warned that the bill would hurt workers."},
        "en", "2021-05-04", COLUMNS)
    assert en["that"] == {("warned", "STATEMENT", "bernie-sanders", None)}


def test_parties_of_a_political_current_are_parties(tmp_path: Path) -> None:
    _, es = events_by_sentence(tmp_path, {
        "right": "En Chile, los partidos de derecha hacen un llamado a votar en contra de la "
                 "nueva Constitución.",
        "current": "La derecha criticó al gobierno de Chile."}, "es", "2022-05-04", COLUMNS)
    assert ("hacen", "REQUEST", "CHLPTY", None) in es["right"]
    assert es["current"] == {("criticó", "ACCUSE", "RAD", "CHLGOV")}  # the current itself


def test_a_light_verb_in_a_relative_clause_on_an_event_noun_names_its_doer(
        tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "siege": "\"We cannot survive the siege and deprivation that Israel imposes on us,\" "
                 "the doctor said.",
        "blockade": "Residents of Gaza suffer under the blockade that Israel imposed on the "
                    "territory in 2007."}, "en", "2023-11-04", COLUMNS)
    assert {row[:3] for row in en["siege"]} == {("siege", "COERCE", "ISR")}
    assert {row[:3] for row in en["blockade"]} == {("blockade", "COERCE", "ISR")}


def test_a_participle_opening_a_sentence_was_done_to_its_subject(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "asked": "Asked about the protests, Maduro sighed.",
        "accused": "Accused of fraud by the opposition, Maduro rejected the claims."},
        "en", "2021-05-04", COLUMNS)
    assert ("Asked", "REQUEST", None, "nicolas-maduro") in en["asked"]
    assert ("Accused", "ACCUSE", "VENOPP", "nicolas-maduro") in en["accused"]


def test_a_release_a_body_issues_is_its_text(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "according": "According to the DOJ release, Lee faces 20 years.",
        "both": "The DOJ release follows the release of three hostages by Hamas.",
        "freed": "The Israeli release of Palestinian prisoners was delayed."},
        "en", "2024-05-04", COLUMNS)
    assert en["according"] == set()
    assert en["both"] == {("release", "RETREAT", "x-org-hamas", "CVL")}
    assert en["freed"] == {("release", "RETREAT", "ISR", "PSECVL")}


def test_words_that_are_no_one_s_name(tmp_path: Path) -> None:
    records = [
        {"text": "Junmyung Lee, 30, of Dedham, was charged with sex trafficking.",
         "language": "en", "published": "2024-05-04"},
        {"text": "Supporters waved signs reading Elect Trump outside the arena on Saturday.",
         "language": "en", "published": "2024-05-04"},
        {"text": "Protesters chanted Free Lula and Impeach Bolsonaro in the streets.",
         "language": "en", "published": "2021-05-04"},
        {"text": "Segundo nota da Presidência da República, Pacheco se reuniu com Lula.",
         "language": "pt", "published": "2023-05-04"},
        {"text": "My neighbour Jimmy said the election in Ohio was a fraud.",
         "language": "en", "published": "2017-05-04"},
        {"text": "Guatemalan President Jimmy Morales met the US ambassador in Washington. "
                 "Jimmy said the vote was clean.", "language": "en", "published": "2017-05-04"}]
    with jsonl_store(tmp_path, records) as store:
        assert mention_links(store, 1, "Dedham") == {("x-place-dedham", None)}
        assert mention_links(store, 2, "Trump") == {("donald-trump", "USAOPP")}
        assert mention_links(store, 3, "Bolsonaro") == {("jair-bolsonaro", "BRAGOV")}
        assert mention_links(store, 4, "Presidência da República") == {
            ("x-org-presidencia-da-republica", None)}
        # a given name alone is the known person only once the document has named them
        assert mention_links(store, 5, "Jimmy") == {("x-person-jimmy", None)}
        assert ("jimmy-morales", "GTMGOV") in mention_links(store, 6, "Jimmy")


def test_portuguese_names_read_the_users_knowledge_base(tmp_path: Path) -> None:
    from marea.nlp.models import load_pipeline
    from marea.settings import load_settings

    extra = tmp_path / "kb.yaml"
    extra.write_text("people:\n  - id: lasier-martins\n    name: Lasier Martins\n"
                     "    country: BRA\n", "utf-8")
    settings = load_settings()
    nlp = load_pipeline(settings.model_for("pt"), "pt", settings.entities_for("pt"),
                        (str(extra),))
    assert any(nlp.get_pipe_config(name).get("kb_files") == [str(extra)]
               for name in nlp.pipe_names)
    doc = nlp("O senador Lasier Martins vê a proposta com cautela.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Lasier Martins", "PER")]
