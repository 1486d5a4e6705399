from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from marea.errors import InputError
from marea.ingest.clean import (
    clean,
    decode,
    document_id,
    extract_html,
    normalise,
    page_is_opinion,
    remove_chrome,
)
from marea.model import Document
from marea.settings import load_settings
from marea.store import Store
from tests.conftest import SHARED, need_seeds, text_of


def test_decode_utf8_cp1252_and_mixed() -> None:
    assert decode("Perú y López".encode()) == "Perú y López"
    assert decode("Perú y López".encode("cp1252")) == "Perú y López"
    mixed = "Línea en UTF-8\n".encode() + "Línea en Latin-1\n".encode("latin-1")
    assert decode(mixed) == "Línea en UTF-8\nLínea en Latin-1\n"


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty input"),
    (b"  \n\t\n", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary content"),
])
def test_decode_refuses_empty_and_binary(raw: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode(raw)


def test_decode_keeps_a_page_with_a_few_stray_nul_bytes() -> None:
    # Los Tiempos (trafilatura-eval) pads an <img> tag with NUL bytes in 194 KB of good HTML.
    page = ('<p>El juicio contra el exgobernador se reanuda.</p>' * 200).encode()
    raw = page[:5000] + b'<img alt="" />' + b"\x00" * 11 + "\n<p>Perú</p>".encode()
    text = decode(raw)
    assert "\x00" not in text and text.endswith('<img alt="" />\n<p>Perú</p>')


def _eval_page(name: str) -> str:
    path = SHARED / "benchmarks" / "trafilatura-eval" / "html" / f"{name}.html.gz"
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared/benchmarks is not beside the checkout)")
    return decode(gzip.decompress(path.read_bytes()))


def test_page_metadata_trafilatura_misses_comes_from_the_pages_own_tags() -> None:
    # El Faro's page has og:site_name and og:url, which trafilatura does not return.
    _, meta = extract_html(_eval_page("elfaro.net-asamblea"))
    assert meta["site"] == "elfaro.net"
    assert meta["url"].startswith("https://elfaro.net/es/202204/el_salvador/26136/")


def test_a_title_cut_at_a_quote_by_a_broken_meta_tag_is_whole() -> None:
    # El Universal's og:title content holds unescaped quotes, so it ends at the first one;
    # Cubadebate's <title> is longer only by the site's name, which stays out.
    _, meta = extract_html(_eval_page("eluniversal.com-senador"))
    assert meta["title"] == 'Senador republicano califica a Biden de "incapacitado"'
    _, meta = extract_html(_eval_page("cubadebate.cu-sesiona"))
    assert meta["title"] == "Sesiona IV Pleno del Comité Central del Partido"


def test_a_footers_software_credit_is_no_byline() -> None:
    # Los Tiempos: trafilatura takes "Hecho en Bolivia con Drupal por Smartica" (the footer;
    # the page's generator tag says Drupal 7) for the author.
    _, meta = extract_html(_eval_page("lostiempos.com-juicio"))
    assert "author" not in meta and meta["site"] == "Los Tiempos"


def test_related_content_and_template_residue_after_it_are_chrome() -> None:
    # El Faro ends its article with "Contenido Relacionado" and empty template fields.
    body = "\n\n".join(f"Párrafo {n} del artículo sobre la Asamblea." for n in range(6))
    text = body + "\n\nContenido Relacionado\nPP:\nPC:\nFI name: Abril 2022\nFS sort:"
    assert remove_chrome(text) == body


def test_normalise_fixes_mojibake_spaces_and_glued_sentences() -> None:
    text = "PerÃº  decided\u00a0today.Over the   weekend\r\nthe U.S. Navy sailed."
    assert normalise(text) == "Perú decided today. Over the weekend\nthe U.S. Navy sailed."


def test_normalise_keeps_curly_quotes() -> None:
    assert normalise("he declared: “Enough!”") == "he declared: “Enough!”"


def test_remove_chrome_drops_chrome_and_keeps_body() -> None:
    text = (
        "© AFP/Gian Masko\n\nAbout the Author:\n\nJane Roe is a writer.\n\n"
        "Congress voted on Wednesday.\n\nIf you appreciate my work, become a donor on Patreon.\n\n"
        "The vote was 101 to 6.\n\nShare this:\nLeave a Reply\n\nRelated Posts"
    )
    assert remove_chrome(text) == "Congress voted on Wednesday.\n\nThe vote was 101 to 6."


def test_a_name_like_a_donation_site_is_kept() -> None:
    text = "Kofi Annan told reporters on Tuesday that the talks had failed.\n\nSupport us on Ko-fi."
    assert remove_chrome(text) == "Kofi Annan told reporters on Tuesday that the talks had failed."


def test_document_id_is_stable_and_content_based() -> None:
    assert document_id("abc") == document_id("abc") == "ba7816bf8f01cfea"
    assert document_id("abc ") != document_id("abc")


def test_seed_chrome_removed_body_whole(corpus_store: Store) -> None:
    need_seeds()
    first = text_of(corpus_store, "000_ce8d7cfe5695b9be.txt")
    assert "© AFP" not in first and "About the Author" not in first
    assert "British writer and analyst" not in first
    assert first.startswith("The apparent narrow victory of socialist Pedro Castillo")
    assert first.endswith("The red wave is reimagining South America, and it isn't over yet.")
    last = text_of(corpus_store, "003_d22e42b99207a13b.txt")
    for chrome in ("Patreon", "Leave a Reply", "Your email address", "Related Posts"):
        assert chrome not in last
    assert last.endswith("the end of the U.S. empire in its entirety.")
    assert "Peloponnesian War (431–404 B.C.)" in last
    raby = text_of(corpus_store, "001_dfe0e468fa5ce596.txt")
    assert "Leave a Reply" not in raby
    assert "AMLO did not mince words: on July 12th" in raby


@pytest.mark.parametrize("source, body_start, body_end, chrome", [
    ("en-news-peru-castillo-ouster.html",
     "Peru's Congress voted on Wednesday to remove President Pedro Castillo",
     "demanding his release.",
     ["please consider donating", "Leave a Reply", "We use cookies", "Share on"]),
    ("pt-news-mercosur.html", "Em cúpula do Mercosul, Lula critica",
     "A próxima cúpula do Mercosul está prevista para dezembro, no Brasil.",
     ["considere fazer uma doação", "Deixe um comentário"]),
    ("en-opinion-venezuela-sanctions.txt", "When the Biden administration took office in January",
     "former correspondent in Caracas.",
     ["Photo:", "Skip to content", "Home  News", "By Hannah", "7 min read", "ADVERTISEMENT",
      "DONATE NOW", "Share this", "Like this", "About the Author", "View all posts", "Tags:",
      "Leave a Reply", "Save my name", "Related Posts", "CITGO and the creditors", "©"]),
    ("es-opinion-celac-summit.txt", "Hubo un momento, el martes en Buenos Aires",
     "Valentina Ocampo es politóloga y columnista de Tribuna Latinoamericana.",
     ["Foto:", "Por Valentina", "Tiempo de lectura", "considera hacer una donación",
      "Compartir esto", "Me gusta", "Deja una respuesta", "Etiquetas:",
      "Maduro suspende su viaje"]),
])
def test_example_pages_lose_chrome_and_keep_the_article(
        corpus_store: Store, source: str, body_start: str, body_end: str, chrome: list[str]
) -> None:
    text = text_of(corpus_store, source)
    assert body_start in text[:400]
    assert text.endswith(body_end)
    for fragment in chrome:
        assert fragment not in text, fragment


def test_donated_doses_in_reporting_is_not_a_donation_plea(corpus_store: Store) -> None:
    assert "planeloads of donated doses" in text_of(corpus_store, "en-opinion-us-aid.html")


EXAMPLES_HTML = Path(__file__).resolve().parents[1] / "src" / "marea" / "examples" / "html"


@pytest.mark.parametrize(("page", "kind"), [
    ("en-opinion-us-aid.html", "opinion"),  # article:section "Opinion"
    ("es-opinion-amlo-oea.html", "opinion"),  # article:section "Opinión"
    ("en-news-peru-castillo-ouster.html", None),  # article:section "Politics"
    ("es-news-bolivia-2019.html", None),  # article:section "Nacional"
])
def test_page_section_gives_the_opinion_kind(page: str, kind: str | None) -> None:
    doc = Document(page, "", (EXAMPLES_HTML / page).read_bytes(), "html")
    clean([doc], load_settings())
    assert doc.metadata.get("kind") == kind


def test_declared_kind_wins_over_the_page_section() -> None:
    raw = (EXAMPLES_HTML / "en-opinion-us-aid.html").read_bytes()
    doc = Document("a.html", "", raw, "html", {"kind": "news"})
    clean([doc], load_settings())
    assert doc.metadata["kind"] == "news"


@pytest.mark.parametrize(("head", "opinion"), [
    ('<meta property="article:section" content="Editorial">', True),
    ('<meta name="parsely-section" content="Op-Ed">', True),
    ('<meta property="article:section" content="Opinião">', True),
    ('<script type="application/ld+json">{"@type": "OpinionNewsArticle"}</script>', True),
    # the Mercury News' letters page (trafilatura-eval)
    ('<script type="application/ld+json">{"articleSection":"Letters to the Editor"}</script>',
     True),
    ('<script type="application/ld+json">{"articleSection":"Politics"}</script>', False),
    ('<meta property="article:section" content="World">', False),
    ('<meta property="og:type" content="article">', False),
])
def test_page_is_opinion_reads_section_metadata(head: str, opinion: bool) -> None:
    assert page_is_opinion(f"<html><head>{head}</head><body><p>x</p></body></html>") is opinion


def test_links_to_other_stories_inside_the_body_are_chrome() -> None:
    # El Tiempo and Última Hora put other stories' headlines between paragraphs
    body = "Gustavo Petro no asistió.\n\nEl debate fue organizado por estudiantes."
    text = ("Gustavo Petro no asistió.\n\n(Le puede interesar: Buscan responsables de bus "
            "quemado en Anorí, Antioquia)\n\nEl debate fue organizado por estudiantes.\n\n"
            "( Reacción de candidatos a amenazas de muerte de Petro)\n\n"
            "Lea más: Secretaria vip: Tribunal condena a 4 años de prisión a ex contralor")
    assert remove_chrome(text) == body
    # El Comercio (Peru) sets them off with a bar
    bar = ("Gustavo Petro no asistió.\n\nMIRA | Kenji Fujimori: PJ concluye interrogatorio\n\n"
           "El debate fue organizado por estudiantes.\n\nLEE MÁS | Giuffra niega negociación")
    assert remove_chrome(bar) == body
    video = "Gustavo Petro no asistió.\n\nWatch: Petro speaks at the summit\n\nEl debate fue " \
        "organizado por estudiantes."
    assert remove_chrome(video) == body
    said = "Mira, el presidente dijo: no habrá reforma."  # a sentence, kept
    assert remove_chrome(said) == said
    aside = "(El autor es profesor de la Universidad de Buenos Aires.)"
    assert remove_chrome(aside) == aside
    # La República (Peru): "PUEDES VER:" lines and a "(Lee más aquí)." link closing a paragraph
    prompts = ("Gustavo Petro no asistió. (Lee más aquí).\n\nPUEDES VER: ¿Qué es la Sunedu?"
               "\n\nEl debate fue organizado por estudiantes.")
    assert remove_chrome(prompts) == body
    alone = "Gustavo Petro no asistió.\n\n(Lee más aquí).\n\nEl debate fue organizado por " \
        "estudiantes."  # the cue as a paragraph of its own leaves no stray full stop
    assert remove_chrome(alone) == body
    lee = "Lee el informe completo (Lee más aquí) antes del debate."  # mid-sentence: kept
    assert remove_chrome(lee) == lee


def test_placeholder_text_and_a_form_prompt_are_chrome() -> None:
    # biobiochile.cl left a template's filler and a lost-documents search widget in the body
    body = "Los camioneros definirán este jueves sus acciones.\n\nEl paro no se descarta."
    text = ("Los camioneros definirán este jueves sus acciones.\n"
            "Ingresa tu rut o nombre completo y conoce si tus documentos están en el archivo.\n"
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nEl paro no se descarta.")
    assert remove_chrome(text) == body
    reported = "El ministro pidió: ingresen sus datos en la web del servicio."  # not "tu"
    assert remove_chrome(reported) == reported
    # an imperative a story quotes goes on past a colon, or runs longer than a widget's label
    quoted = ("Escribe tu nombre en la historia: eso pidió el presidente a los estudiantes "
              "que marcharon el jueves hasta La Moneda.")
    assert remove_chrome(quoted) == quoted
    told = ("Enter your name in the history books, the senator told the graduates of the naval "
            "academy on Friday in Annapolis")
    assert remove_chrome(told) == told


def test_a_link_list_under_a_more_on_heading_is_chrome() -> None:
    # La Tercera puts "Más sobre <section>" and its headlines between two parts of the story
    text = ("La ministra presentó la agenda ante el Senado.\n"
            "Más sobre La Tercera AM\n- El Café Diario: la Convención vista desde fuera\n"
            "- Pleno de la Convención aprueba un banco central autónomo\n"
            "El nudo por el estado de excepción\n\nEl gobierno estudia estados intermedios.")
    assert remove_chrome(text) == ("La ministra presentó la agenda ante el Senado.\n"
                                   "El nudo por el estado de excepción\n\n"
                                   "El gobierno estudia estados intermedios.")
    # a sentence that opens with "Más sobre" is no heading, and a list after no heading stays
    said = "Más sobre el tema dijo el ministro que no.\n- una medida de la agenda"
    assert remove_chrome(said) == said
    recipe = "More About This Recipe\n- " + "This cake is baked on a layer of pineapple. " * 6
    assert remove_chrome(recipe) == recipe.strip()
    points = ("More about the plan:\n- It raises the retirement age to 65 for all workers.\n"
              "- It cuts the payroll tax by two points.\nThe vote is on Tuesday.")
    assert remove_chrome(points) == points  # the story's own points end in full stops
    # nor are points without full stops: after a colon, or in lower case under a topic heading
    plan = ("More about the plan:\n- a retirement age of 65 for all workers\n"
            "- two points off the payroll tax\nThe vote is on Tuesday.")
    assert remove_chrome(plan) == plan
    reforma = ("Más sobre la reforma\n- la edad de jubilación sube a 65 años\n\n"
               "- el impuesto a la planilla baja dos puntos\nSe vota el martes.")
    assert remove_chrome(reforma) == reforma
    # while a cue heading drops its list whatever the items look like
    also = "El Senado vota el martes.\nLee también:\n- la reforma, punto por punto\nFin."
    assert remove_chrome(also) == "El Senado vota el martes.\nFin."
    # Portuguese pages head theirs "Saiba mais" or "Veja também" (Correio Braziliense)
    saiba = ("O Senado vota na terça.\nSaiba Mais\n- Política Câmara aprova a reforma\n"
             "- Política Deputados aprovam urgência\nO presidente falou ontem.")
    assert remove_chrome(saiba) == "O Senado vota na terça.\nO presidente falou ontem."



def test_a_headline_broken_in_mid_sentence_is_one_line_again() -> None:
    # a letters page sets each title on two lines (<br>); joined with a space, offsets stay
    letter = ("Quarry plan will\nundermine rural road\nThe plan proposes to run 60 trucks a "
              "day.\n\nComments\ncomments\nGary Sloane\nSan Leandro")
    cleaned = remove_chrome(letter)
    assert cleaned.startswith("Quarry plan will undermine rural road\nThe plan")
    assert cleaned.endswith("Comments\ncomments\nGary Sloane\nSan Leandro")
    assert len(cleaned) == len(letter)


@pytest.mark.skipif(not (SHARED / "benchmarks/trafilatura-eval/html").is_dir(),
                    reason="needs ../shared")
def test_chilean_pages_lose_placeholder_widget_and_link_list() -> None:
    pages = SHARED / "benchmarks/trafilatura-eval/html"
    texts = [remove_chrome(extract_html(gzip.decompress(
        (pages / f"{name}.html.gz").read_bytes()).decode())[0])
             for name in ("biobiochile.cl-gremios", "latercera.com-laagenda")]
    assert "Lorem" not in texts[0] and "Ingresa tu rut" not in texts[0]
    assert "Confederación Nacional del Transporte de Cargas" in texts[0]
    assert "Más sobre" not in texts[1] and "El Café Diario" not in texts[1]
    assert "El nudo por el estado de excepción" in texts[1]


def test_the_outlets_own_post_and_a_related_stories_block_are_no_body() -> None:
    page = ("<html><head><link rel=\"canonical\" href=\"https://www.diario.com/nota\"></head>"
            "<body><article><h1>El gobierno refuerza la seguridad</h1>"
            "<p>El ministro de Seguridad anunció ayer más patrullas en los barrios del norte "
            "de la ciudad, tras varias semanas de denuncias de los vecinos.</p>"
            "<blockquote class=\"twitter-tweet\"><p>#VuelveLaCalma<br>Viernes 6 de mayo "
            "pic.twitter.com/abcdef</p><p>&mdash; Diario (@diario) May 5, 2022</p></blockquote>"
            "<p>Los vecinos pidieron además más iluminación en las calles y un puesto de "
            "policía permanente en la plaza principal del barrio.</p></article>"
            "<section><h2>NOTAS RELACIONADAS</h2><article><h2>Hackers atacan el ministerio de "
            "Hacienda</h2><p>Jueves 21 abril, 2022</p><p>La ministra de la Presidencia "
            "negó cualquier pago a los atacantes del sistema.</p></article></section>"
            "</body></html>")
    text = remove_chrome(extract_html(page)[0])
    assert "más patrullas" in text and "puesto de policía permanente" in text
    assert "VuelveLaCalma" not in text and "@diario" not in text
    assert "Hackers atacan" not in text and "Jueves 21 abril" not in text
    assert "ministra de la Presidencia" not in text
    # another account's post is a statement the page quotes: it stays
    quoted = remove_chrome(extract_html(page.replace("(@diario)", "(@ministerio)"))[0])
    assert "VuelveLaCalma" in quoted and "Hackers atacan" not in quoted


def test_a_click_here_line_and_an_e_mail_byline_are_chrome() -> None:
    body = "El alcalde visitó la Comuna 13.\n\nLa visita duró dos horas."
    text = ("Ana Pérez ana.perez@diario.net | Viernes 22 abril, 2022\n\n"
            "El alcalde visitó la Comuna 13.\n\nLa visita duró dos horas.\n\n"
            "Para leer sobre otros hechos en Medellín, clic AQUÍ.")
    assert remove_chrome(text) == body
    said = "Escriba a ana.perez@diario.net si vio el accidente."  # a sentence: kept
    assert remove_chrome(said) == said


@pytest.mark.skipif(not (SHARED / "benchmarks/trafilatura-eval/html").is_dir(),
                    reason="needs ../shared")
def test_spanish_pages_lose_related_teasers_tweet_and_byline() -> None:
    pages = SHARED / "benchmarks/trafilatura-eval/html"
    republica, minuto = [remove_chrome(extract_html(gzip.decompress(
        (pages / f"{name}.html.gz").read_bytes()).decode())[0])
        for name in ("larepublica.net-hackers", "minuto30-lasierra")]
    assert "Geannina Dinarte" not in republica and "Lunes 18 abril" not in republica
    assert "@larepublica.net" not in republica
    assert "Elián Villegas, ministro de Hacienda" in republica
    assert "VueleLaPaz" not in minuto and "clic AQUÍ" not in minuto
    assert "hasta Caicedo" in minuto


def test_a_fact_box_keeps_each_label_apart_from_its_value() -> None:
    page = ("<html><body><article><h1>Un ataque informático paraliza el sistema</h1>"
            "<p>Los atacantes bloquearon durante una semana los sitios de varias instituciones "
            "públicas y pidieron un rescate en criptomonedas para devolver los datos.</p>"
            "<p><span class=\"dato\">Origen </span>Rusia<br>"
            "<span class=\"dato\">Técnica </span>Ransomware<br>"
            "<span class=\"dato\">Límite de pago </span>23 de abril</p></article></body></html>")
    text = remove_chrome(extract_html(page)[0])
    assert "Origen: Rusia" in text and "Técnica: Ransomware" in text
    assert "Límite de pago: 23 de abril" in text
    two = page.replace("<span class=\"dato\">Técnica </span>Ransomware<br>", "")
    assert "Origen Rusia" in remove_chrome(extract_html(two)[0])  # two lines are no box


def test_a_hidden_schema_copy_of_the_article_is_no_second_body() -> None:
    body = " ".join(f"Sentence {n} of the morning briefing tells what the council decided."
                    for n in range(12))
    html = (f"<html><head><title>Morning briefing</title></head><body><article><h1>Morning "
            f"briefing</h1><p>{body}</p></article>"
            f'<div style="display:none;" itemscope="" itemtype="http://schema.org/NewsArticle">'
            f'<div itemprop="datePublished">2019-11-19T08:57:40+01:00</div>'
            f'<div itemprop="publisher" itemscope=""><div itemprop="name">BriefingDe</div></div>'
            f'<div itemprop="articleBody">{body}</div></div></body></html>')
    text, _ = extract_html(html)
    assert text.count("Sentence 3 of the morning briefing") == 1, text
    assert "2019-11-19T08:57:40" not in text and "BriefingDe" not in text, text


@pytest.mark.skipif(not (SHARED / "benchmarks/article-extraction-benchmark/html").is_dir(),
                    reason="needs ../shared/benchmarks/article-extraction-benchmark")
def test_business_insider_briefing_is_read_once() -> None:
    page = SHARED / ("benchmarks/article-extraction-benchmark/html/fde930b01859de8311c6a14f8aa8c7"
                     "2be0659b551367803deb6736cf3526cf2e.html.gz")
    text, _ = extract_html(gzip.decompress(page.read_bytes()).decode("utf-8"))
    assert text.count("T-Mobile CEO John Legere is stepping down") == 1, text
    assert "BusinessInsiderDe" not in text and "+01:00" not in text, text
