"""Clean stage: raw bytes -> analysable text plus metadata, and the document's stable id.

HTML goes through trafilatura; every text then loses the page chrome that survives scraping
(comment forms, "Related Posts", donation pleas, share and cookie lines, photo credits).
The raw bytes stay on the Document untouched, so a document can always be reprocessed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import ftfy
from charset_normalizer import from_bytes

from marea.errors import InputError
from marea.model import Document
from marea.nlp.models import SENTENCE_CUT
from marea.settings import Settings

# Share of control characters above which bytes are taken for binary, not text.
BINARY_CONTROL_SHARE = 0.05
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Above this share of zero bytes at odd (even) offsets, NUL-bearing bytes are UTF-16 LE (BE).
UTF16_ZERO_SHARE = 0.3
# Above this share of non-ASCII letters, Windows-1252 is the wrong guess (Spanish, Portuguese
# and French news stay under 0.1); charset detection decides instead.
LEGACY_NON_ASCII_SHARE = 0.3
# Whole lines that are page chrome, in English, Spanish and Portuguese.
CHROME_LINE = re.compile(
    r"""^\W*(?:
        leave\ a\ (?:reply|comment)|deja\ (?:un|tu)\ comentario|deja\ una\ respuesta
      | deixe\ (?:um|seu)\ comentário|deixe\ uma\ resposta
      | your\ email\ address\ will\ not\ be\ published.*|required\ fields\ are\ marked.*
      | tu\ dirección\ de\ correo\ electrónico\ no\ será\ publicada.*
      | o\ seu\ endereço\ de\ e-?mail\ não\ será\ publicado.*
      | (?:comment|name|e-?mail|website|comentario|nombre|correo\ electrónico|web|nome|site)\W*
      | save\ my\ name.*|guarda\ mi\ nombre.*|salvar\ meus\ dados.*
      | post\ comment|publicar\ (?:el\ )?comentario|publicar\ comentário
      | related\ (?:posts|articles|stories|content)
      | (?:artículos|notas|noticias|contenidos?)\ relacionad[oa]s?|conteúdo\ relacionado
      | (?:también\ )?te\ puede\ interesar|you\ may\ also\ like
      | leer\ también|lea\ también|leia\ também|read\ more|read\ also|see\ also|most\ read
      | share\ (?:this|on\ \w+).*|compartir(?:\ en\ \w+|\ esto)?:?|compartilhe.*|comparte\ esta.*
      | (?:click|haz\ clic|clique)\ (?:to|para|aqui\ para)\ .*
      | [^.!?\n]{0,100}\b(?:click|clic|clique)\ (?:here|aquí|aqui|acá)  # "..., clic AQUÍ."
      | [A-ZÁÉÍÓÚ][\w'’-]+(?:\ [A-ZÁÉÍÓÚ][\w'’-]+){0,3}\ [\w.+-]+@[\w-]+(?:\.[\w-]+)+  # byline
        (?:\ ?[|·•—–-]\ ?[^.!?\n]{0,40})?
      | (?:like|me\ gusta|curtir)(?:\ this|\ esto|\ isso)?:?
      | (?:like|me\ gusta)\ (?:loading|cargando).*
      | (?:tweet|email|print|whatsapp|facebook|twitter|linkedin|telegram)(?:\W+\w+){0,3}
      | (?:we|this\ site)\ uses?\ cookies.*|utilizamos\ cookies.*|usamos\ cookies.*
      | accept(?:\ all)?\ cookies?
      | (?:photo|foto|image|imagen|imagem|credit|crédito)s?\s*(?:credit)?\s*:.{0,200}
      | ©.{0,200}|\(c\)\s.{0,200}
      | about\ the\ author:?|sobre\ el\ autor:?|sobre\ o\ autor:?
      | view\ all\ posts\ by.*|ver\ todas\ las\ entradas\ de.*|ver\ todos\ os\ posts.*
      | (?:tags|etiquetas|tópicos|temas|filed\ under):.{0,300}
      | skip\ to\ (?:main\ )?content|ir\ al\ contenido(?:\ principal)?|pular\ para\ o\ conteúdo
      | \d+\ min(?:ute)?s?\ read|(?:tiempo\ de\ )?lectura:?\ \d+\ min.*|\d+\ min\ de\ leitura
      | (?:by|por)\ [A-ZÁÉÍÓÚ][\w.'’-]+(?:\ [A-ZÁÉÍÓÚ][\w.'’-]+){0,3}
      | subscribe\ to\ our\ newsletter.*|suscríbete.*|sign\ up\ for\ our\ newsletter.*
      | advertisement|publicidad|publicidade|anuncio
      | donate(?:\ now)?|quiero\ apoyar|support\ us|apóyanos|apoie
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A link to another story inside the body, which reports none of this page's events: a
# read-more cue with that story's headline on the line ("Lea más: Tribunal condena a ex
# contralor", "(Le puede interesar: Buscan responsables de bus quemado)", El Comercio's "MIRA |
# Kenji Fujimori: PJ concluye ..."), or the headline alone in parentheses, with no sentence in
# it ("( Reacción de candidatos a amenazas de muerte)").
TEASER_LINE = re.compile(
    r"""^\W*(?:
        (?:lea|lee|leer|leia|read)\ (?:más|mas|también|tambien|mais|também|more|also)
      | (?:también\ )?(?:le|te)\ pued(?:e|en)\ interesar
      | (?:también\ )?pued(?:e|es)\ (?:leer|ver|interesarle)
      | (?:notas?|noticias?)\ relacionadas?|related|see\ also|ver\ también
      | mira|entérate|enterate|no\ te\ pierdas|watch
      | también(?=\s*:\s*\()
    )\s*[:|].*$
    | ^\(\s*[^().!?\n]{3,120}\)$""",
    re.IGNORECASE | re.VERBOSE,
)
# A read-more cue in brackets closing a paragraph ("(Lee más aquí).", "(Read more here)"):
# a link's anchor text, no sentence of the story.
INLINE_CUE = re.compile(r"\s*\((?:lea|lee|leer|read)\ (?:más|mas|more)(?:\ (?:aquí|aqui|here))?"
                        r"\)(\.?)$", re.IGNORECASE)
# A line of three or more short items separated by wide gaps, bars or dots: a navigation menu.
NAV_LINE = re.compile(r"^(?:[\w'’-]+(?: [\w'’-]+)?(?: {2,}| ?[|·•] ?)){2,}[\w'’-]+(?: [\w'’-]+)?$")
# Template filler a site left in its page ("Lorem Ipsum is simply dummy text ..."): no sentence
# of the story wherever it sits, and its words would become a person "Lorem Ipsum".
PLACEHOLDER = re.compile(r"\blorem ipsum\b|\bdummy text of the\b", re.IGNORECASE)
# A form prompt addressed to the reader ("Ingresa tu rut o nombre completo y conoce ...",
# "Enter your email to ..."): a widget's label, not reporting, which never says "tu"/"your".
# It is one short sentence: a line that goes on past a stop or colon, or is longer than
# FORM_PROMPT_MAX_CHARS, quotes an imperative ("Escribe tu nombre en la historia: eso pidió
# Boric ..."). The one prompt seen (biobiochile.cl, trafilatura-eval) has 99 characters.
FORM_PROMPT = re.compile(
    r"^(?:ingresa|introduce|escribe|digita|indica|insira|digite|enter|type)\ "
    r"(?:tu|tus|seu|sua|your)\b(?![^\n]*[.:;!?]\s+\S)",
    re.IGNORECASE)
FORM_PROMPT_MAX_CHARS = 110
# A heading over a list of links to other stories ("Más sobre La Tercera AM", "Lee también",
# "Saiba mais", "More on this story"); it and the list lines ("- ...", "• ...") right after it
# are chrome.
# A topic heading ("more on/about X", "más sobre X") can also open a story's own list of points:
# it counts as a link list's only without a closing colon ("More about the plan:" introduces
# the points) and when every item starts like a headline, with a capital or a digit.
LINK_LIST_HEADING = re.compile(
    r"^\W*(?:lee|lea|leer|leia|read|ver|see|veja|saiba)"
    r"\ (?:también|tambien|também|also|more|más|mais)\W*$"
    r"|^\W*(?:related|relacionad[oa]s|(?:notas|noticias|artículos)\ relacionad[oa]s)\W*$",
    re.IGNORECASE)
TOPIC_HEADING = re.compile(
    r"^\W*(?:(?:más|mas|mais)\ sobre|more\ (?:on|about|from))\b[^.!?:]{0,60}$", re.IGNORECASE)
# A linked headline: short, and with no full stop at its end (headlines carry none), so a
# story's own list of points under "More about the plan:" is no link list.
LIST_ITEM = re.compile(r"^[-•*–]\s+\S.{0,200}(?<![.;])$")
HEADLINE_ITEM = re.compile(r"^[-•*–]\s+[\"'“‘¿¡]?[\dA-ZÁÉÍÓÚÑÜ]")
# Headings after which the rest of a scraped page is comments, sharing and links elsewhere.
TAIL_MARKER = re.compile(
    r"^\W*(?:leave\ a\ reply|deja\ una\ respuesta|deixe\ uma\ resposta|related\ posts"
    r"|artículos\ relacionados|contenido\ relacionado|conteúdo\ relacionado|share\ this"
    r"|compartir\ esto|like\ this|me\ gusta\ esto)\W*$",
    re.IGNORECASE | re.VERBOSE,
)
TAIL_MIN_SHARE = 0.5  # a tail marker counts only in the second half of the text
# Lines asking readers for money: chrome wherever they sit, even inside the article body.
DONATION = re.compile(
    r"""patreon|paypal|\bko-fi\b|buy\ me\ a\ coffee  # not "Kofi Annan"
      | (?:please|consider|become|make|support)\b.{0,60}\b(?:donat\w*|donor|contribution|supporter)
      | (?:considera|haz|hacer|apoya)\b.{0,60}\b(?:donaci[oó]n|aporte|don[aá]\w*)
      | (?:considere|faça|fazer|apoie)\b.{0,60}\b(?:doaç[aã]o|doe|contribuiç[aã]o)""",
    re.IGNORECASE | re.VERBOSE,
)
DONATION_MAX_CHARS = 600
# A line a page broke with <br> in mid-sentence (a letter's two-line headline "Alameda County
# DA" / "is coddling criminals"): it ends in a word, not a stop, and the next line goes on in
# lower case. Joined, it is one sentence to the parser.
BROKEN_LINE_END = re.compile(r"[\w,]$")
GOES_ON = re.compile(r"[^\W\dA-ZÁÉÍÓÚÑÜÇ]+[ ,]")  # a lower-case word and more (no URL)
ABOUT_AUTHOR = re.compile(r"^\W*(?:about the author|sobre el autor|sobre o autor)\W*$", re.I)
BIO_MAX_CHARS = 400  # an author bio is a few short lines; a longer paragraph is the article
# Embedded posts of another platform (a tweet's text, date and handle): the outlet's own post
# (its handle is its site's name: "@minuto30com" on minuto30.com) only promotes the page, and
# is dropped; another account's post is a quoted statement and stays.
EMBED_CLASSES = ("twitter-tweet", "instagram-media", "tiktok-embed", "fb-post")
EMBED_XPATH = " | ".join(
    f"//blockquote[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    for name in EMBED_CLASSES)
# A heading over teasers of other stories ("NOTAS RELACIONADAS" over headline, date line and
# lead of each, larepublica.net): the block it heads is no body, its events are other stories'.
RELATED_HEADING = re.compile(
    r"^\W*(?:(?:notas|noticias|artículos|contenidos?)\ relacionad[oa]s|más\ noticias"
    r"|(?:también\ )?te\ puede\ interesar|related\ (?:stories|posts|articles|content|news)"
    r"|read\ more|more\ stories|lee\ también|lea\ también)\W*$", re.IGNORECASE | re.VERBOSE)
RELATED_TAG = re.compile(r"<h[1-6][^>]*>\s*(?:<[^>]+>\s*)*(?:notas|noticias|art[ií]culos"
                         r"|contenidos?|related|read|more|lee|lea|m[aá]s|te|tambi[eé]n)\b",
                         re.IGNORECASE)
# A fact box: lines of a label element and its value ("<span>Origen </span>Rusia<br>"), which
# the extractor glues into "Origen Rusia", a place. A colon after each label keeps them apart.
FACT_LINE = re.compile(r"</(?:span|b|strong)>[^<\n]{1,120}<(?:br|/)", re.IGNORECASE)
FACT_LINES = 3  # label lines in one block that make a fact box (larepublica.net has seven)
FACT_LABEL_WORDS = 3  # "Límite de pago"
# A hidden schema.org block ('<div style="display:none;" itemscope ...>') repeats the
# article's headline, dates, publisher and whole body for crawlers: a second copy, no text.
HIDDEN_COPY = re.compile(r"display:\s*none", re.IGNORECASE)
HIDDEN_COPY_XPATH = ("//*[@itemscope and contains(translate(@style, ' ', ''), 'display:none')]")
EMBED_TAG = re.compile(r"<blockquote[^>]+class=\"[^\"]*(?:" + "|".join(EMBED_CLASSES) + ")", re.I)
# Fewer words than this from a page is navigation left over by the extractor, not an article.
MIN_HTML_WORDS = 5  # a longer paragraph mentioning donations is more likely reporting
# "decades.Over" -> "decades. Over": sentences glued together when markup was stripped.
GLUED_SENTENCE = re.compile(r"(?<=[a-záéíóúñ]{2}[.!?])(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
# A whole page, as opposed to a fragment of one (a feed entry's body, a record's html column).
FULL_PAGE = re.compile(r"<(?:html|head|body)\b", re.I)
BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*/?>",
                       re.I)
INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
SENTENCE_END = set(".!?…。")
ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Page metadata that names the section an article runs in (Open Graph, schema.org, Parse.ly).
SECTION_META = ("article:section", "section", "parsely-section", "og:section", "category")
# Sections that make a page an opinion piece, compared case-folded and without accents.
OPINION_SECTIONS = frozenset({
    "opinion", "opinions", "op-ed", "op-eds", "oped", "editorial", "editorials", "commentary",
    "columns", "column", "columnists", "columnas", "columnistas", "editoriales", "opiniao",
    "colunas", "colunistas", "editoriais", "letters", "letters to the editor", "cartas",
    "cartas al director", "cartas de los lectores", "cartas dos leitores",
})
# The schema.org type of an opinion piece, as JSON-LD writes it.
OPINION_TYPE = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*)?"OpinionNewsArticle"')
# A JSON-LD section ("articleSection":"Letters to the Editor", as the Mercury News writes it).
JSON_SECTION = re.compile(r'"articleSection"\s*:\s*\[?\s*"([^"]{1,60})"')


def decode(raw: bytes) -> str:
    """Return text from bytes in any common encoding; InputError when they are not text.

    UTF-8 first (UTF-16 without a BOM by its zero bytes); then line by line UTF-8 or
    Windows-1252 (mixed files are common in scraped news; a stray byte in a UTF-8 line becomes
    U+FFFD); charset detection only when that gives implausible text.
    """
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace")
    if not raw.strip():
        raise InputError("empty input")
    sample = raw[:65536]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return raw.decode(utf16, errors="replace")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls / len(sample) > BINARY_CONTROL_SHARE:
        raise InputError("binary content, not text")
    # A few stray NUL bytes (padding after an <img> tag in a real news page) are no text; other
    # control characters are left to normalise, which drops terminal escape sequences whole.
    raw = raw.replace(b"\x00", b"")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = [_decode_line(line) for line in raw.splitlines(keepends=True)]
    text = "".join(line for line, _ in lines)
    if not any(legacy for _, legacy in lines):
        return text
    letters = [c for c in text if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) / len(letters) < LEGACY_NON_ASCII_SHARE:
        return text
    best = from_bytes(raw).best()
    if best is None:
        raise InputError("undecodable text: no known encoding fits")
    return str(best)


def _utf16_without_bom(sample: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when every other byte is mostly zero (Latin-script
    UTF-16), else None."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd > UTF16_ZERO_SHARE and zero_even < BINARY_CONTROL_SHARE:
        return "utf-16-le"
    if zero_even > UTF16_ZERO_SHARE and zero_odd < BINARY_CONTROL_SHARE:
        return "utf-16-be"
    return None


def _decode_line(line: bytes) -> tuple[str, bool]:
    """Return (text, whether Windows-1252 was used) for one line of bytes.

    A line with at least as many valid multi-byte UTF-8 characters as bad bytes is UTF-8 with a
    few stray bytes; otherwise it is Windows-1252.
    """
    try:
        return line.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    replaced = line.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for c in replaced if not c.isascii() and c != "\ufffd")
    if good and good >= bad:
        return replaced, False
    return line.decode("cp1252", errors="replace"), True


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Return the main text and page metadata of an HTML page; InputError when it has none."""
    import trafilatura

    found = trafilatura.bare_extraction(
        _without_embeds_and_related(html), with_metadata=True, include_comments=False,
        include_tables=False, include_images=False,
    )
    found = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    if not isinstance(found, dict) or len((found.get("text") or "").split()) < MIN_HTML_WORDS:
        text = "" if FULL_PAGE.search(html) else fragment_text(html)
        if not text.strip():
            raise InputError("no article text found in HTML")
        return text, {}
    meta = {
        key: str(found[source])
        for key, source in (("title", "title"), ("author", "author"), ("published", "date"),
                            ("site", "sitename"), ("url", "url"))
        if found.get(source)
    }
    metas = page_metas(html)
    _fill_from_metas(meta, metas)
    title = page_headline(html, _whole_title(html, meta.get("title")), meta.get("site"))
    if title:
        meta["title"] = title
    if page_is_opinion(html, metas):
        meta["kind"] = "opinion"
    return str(found["text"]), meta


def _site_names(root: Any) -> set[str]:
    """The page's site as a handle would spell it ("www.minuto30.com" -> minuto30com or
    minuto30), from its canonical or og:url address; empty when it gives none."""
    for url in root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", str(url)).split("/")[0].lower()
        if host:
            return {re.sub(r"\W", "", host), re.sub(r"\W", "", host.split(".")[0])}
    return set()


def _without_embeds_and_related(html: str) -> str:
    """Drop embedded posts, related-story blocks and hidden schema.org copies of the article
    from a page (unchanged when it has none).

    A related block is the section a related heading opens, or else the heading with what
    follows it up to the next heading.
    """
    if not EMBED_TAG.search(html) and not RELATED_TAG.search(html) and len(
            FACT_LINE.findall(html)) < FACT_LINES and not (
            "itemscope" in html and HIDDEN_COPY.search(html)):
        return html
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return html
    site = _site_names(root)
    doomed = [post for post in root.xpath(EMBED_XPATH)
              if site & {h.lower() for h in re.findall(r"@(\w+)", post.text_content())}]
    doomed += root.xpath(HIDDEN_COPY_XPATH)
    for heading in root.xpath("//h1|//h2|//h3|//h4|//h5|//h6"):
        if not RELATED_HEADING.match(heading.text_content().strip()):
            continue
        parent = heading.getparent()
        first = next((child for child in parent if child.tag not in ("br", "hr")
                      and isinstance(child.tag, str)), None)
        if first is heading and parent.tag in ("section", "aside", "div", "nav"):
            doomed.append(parent)
            continue
        doomed.append(heading)
        for sibling in heading.itersiblings():
            if isinstance(sibling.tag, str) and re.fullmatch(r"h[1-6]", sibling.tag):
                break
            doomed.append(sibling)
    labels = _fact_labels(root)
    if not doomed and not labels:
        return html
    for label in labels:
        label.text = (label.text or "").rstrip() + ": "
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return str(lxml.html.tostring(root, encoding="unicode"))


def _fact_labels(root: Any) -> list[Any]:
    """The label elements of fact boxes: a short label with no colon, its value after it up to
    a line break (or the block's end), FACT_LINES or more such lines in one block."""
    found = []
    for block in root.iter():
        labels = [child for child in block if child.tag in ("span", "b", "strong")
                  and not len(child) and (child.text or "").strip()
                  and len(child.text.split()) <= FACT_LABEL_WORDS
                  and not child.text.strip().endswith(":") and (child.tail or "").strip()
                  and unicodedata.category(child.tail.strip()[0])[0] != "P"  # "– als Code"
                  and getattr(child.getnext(), "tag", "br") == "br"]
        if len(labels) >= FACT_LINES:
            found.extend(labels)
    return found


def page_is_opinion(html: str, metas: list[tuple[str, str]] | None = None) -> bool:
    """Whether a page's metadata puts it in an opinion section (article:section or JSON-LD
    articleSection "Opinion", "Opinión", "Editorial", "Letters"...; article:opinion true; a
    schema.org OpinionNewsArticle), so the stages that run on opinion only see it as such when
    its source declares no kind."""
    if OPINION_TYPE.search(html) or any(_fold_accents(section.casefold()) in OPINION_SECTIONS
                                        for section in JSON_SECTION.findall(html)):
        return True
    for name, content in page_metas(html) if metas is None else metas:
        content = _fold_accents(content.casefold())
        if (name in SECTION_META and content in OPINION_SECTIONS) or (
                name == "article:opinion" and content == "true"):
            return True
    return False


def page_metas(html: str) -> list[tuple[str, str]]:
    """(property or name, content) of each <meta> tag of a page, the name case-folded."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tags = lxml.html.fromstring(html).xpath("//meta")
    except (ParserError, ValueError):
        return []
    return [((tag.get("property") or tag.get("name") or "").strip().casefold(),
             (tag.get("content") or "").strip()) for tag in tags]


def _fill_from_metas(meta: dict[str, str], metas: list[tuple[str, str]]) -> None:
    """Fill what trafilatura missed from the page's own tags, and drop a footer's software
    credit taken for the byline ("Hecho en Bolivia con Drupal por Smartica" beside the tag
    generator = "Drupal 7")."""
    first = dict(reversed(metas))
    for key, name in (("site", "og:site_name"), ("url", "og:url")):
        if not meta.get(key) and first.get(name):
            meta[key] = first[name]
    software = first.get("generator", "").split()[:1]
    if software and software[0].casefold() in meta.get("author", "").casefold().split():
        del meta["author"]


def _fold_accents(text: str) -> str:
    """The text without combining accents ("opinión" -> "opinion")."""
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


def _whole_title(html: str, title: str | None) -> str | None:
    """The page's <title> when the metadata's title is a cut-off start of it: an unescaped
    quote inside a meta tag's content ends the attribute there (`content="Califica a Biden
    de "incapacitado""`)."""
    start = " ".join(title.split()) if title else ""
    if not start or f'{start} "' not in html and f'{start}"' not in html:
        return title  # the cut leaves the title before a quote in the page's <title>
    import lxml.html
    from lxml.etree import ParserError

    try:
        found = lxml.html.fromstring(html).xpath("//title")
    except (ParserError, ValueError):
        return title
    whole = " ".join(found[0].text_content().split()) if found else ""
    cut = whole.startswith(start) and whole[len(start):].lstrip()[:1] == '"'
    return whole if cut else title


TITLE_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s+::\s+")


def page_headline(html: str, title: str | None, site: str | None) -> str | None:
    """Return the article's headline: the page title without its " | Site" part, or the
    first <h1> when the title is only the site's masthead."""
    if title and site:
        pieces = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
        kept = [p for p in pieces if p.strip().casefold() != site.strip().casefold()]
        title = " — ".join(kept) if kept else None
    if title:
        return title.strip()
    import lxml.html
    from lxml.etree import ParserError

    try:
        heading = lxml.html.fromstring(html).xpath("//h1")
    except (ParserError, ValueError):
        return None
    text = " ".join(heading[0].text_content().split()) if heading else ""
    return text or None


HEADLINE_MAX_WORDS = 25
TITLE_WORDS = 14  # a title made from the first sentence keeps this many words


KICKER_MAX_WORDS = 3  # a section label over a headline: "OPINION", "ANÁLISIS", "WORLD NEWS"
KICKER_LINES = 4  # the lines of a text's top searched for one


def text_headline(text: str) -> tuple[str, str]:
    """Return a title for a text that has none, and how it was found.

    Scraped pages often start with the site's masthead, then a section label in capitals
    and the headline under it ("The Counterweight / OPINION / Four years of sanctions..."):
    the line after such a label is the headline ("headline after section label"), never the
    masthead. Otherwise a short first paragraph is the headline ("headline"), else the first
    words of the first sentence stand in for it ("first sentence"), marked with an ellipsis.
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for number, line in enumerate(lines[:KICKER_LINES]):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if (len(line.split()) <= KICKER_MAX_WORDS and line.isupper()
                and 3 <= len(following.split()) <= HEADLINE_MAX_WORDS
                and not following.isupper()):
            return following.rstrip(" :"), "headline after section label"
    first = text.strip().split("\n\n", 1)[0].strip().lstrip("#").strip()
    first = " ".join(first.split())
    byline = re.search(r"\.?\s+(?:By|Por)\s+[A-ZÁÉÍÓÚ][\w.'’ -]{2,40}\.?$", first)
    if byline:
        first = first[: byline.start()]
    if 0 < len(first.split()) <= HEADLINE_MAX_WORDS and "\n" not in first:
        return first.rstrip(" .:"), "headline"
    words = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].split()
    short = " ".join(words[:TITLE_WORDS])
    return (short + "…" if len(words) > TITLE_WORDS else short.rstrip(".")), "first sentence"


def fragment_text(html: str) -> str:
    """Return the text of an HTML fragment (a feed entry, an `html` column), paragraphs kept.

    trafilatura refuses short fragments as "not an article"; a fragment is all there is.
    """
    import lxml.html
    from lxml.etree import ParserError

    marked = BLOCK_END.sub("\n\n", html)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    return str(root.text_content())


def remove_chrome(text: str) -> str:
    """Drop chrome lines, donation pleas, author bios and the comment/share tail of a page.

    Paragraphs (separated by blank lines) stay in order, one blank line apart.
    """
    kept: list[str] = []
    bio_next = False
    for paragraph in re.split(r"\n\s*\n", _drop_link_lists(text[:_tail_start(text)])):
        raw_lines = [line.strip() for line in paragraph.splitlines()]
        if bio_next and len(paragraph) <= BIO_MAX_CHARS:
            bio_next = False
            continue  # the bio paragraph after a lone "About the Author:" heading
        bio_next = False
        lines: list[str] = []
        for number, line in enumerate(raw_lines):
            if ABOUT_AUTHOR.match(line):
                # The bio is the rest of this paragraph, or the next one if nothing follows.
                bio_next = not any(raw_lines[number + 1:])
                break
            if CHROME_LINE.match(line) or NAV_LINE.match(line) or TEASER_LINE.match(line) or (
                    INLINE_CUE.match(line)) or (  # a cue alone on its line: "(Lee más aquí)."
                    PLACEHOLDER.search(line)) or (
                    len(line) <= FORM_PROMPT_MAX_CHARS and FORM_PROMPT.match(line)) or (
                    len(line) <= DONATION_MAX_CHARS and DONATION.search(line)):
                continue
            if lines and BROKEN_LINE_END.search(lines[-1]) and GOES_ON.match(line):
                lines[-1] += " " + _drop_inline_cue(line)  # "Alameda County DA<br>is coddling"
                continue
            lines.append(_drop_inline_cue(line))
        if lines:
            kept.append("\n".join(lines))
    return "\n\n".join(kept)


def _drop_link_lists(text: str) -> str:
    """Drop each link-list heading that a list follows, with the list (blank lines between kept)."""
    lines = text.split("\n")
    kept: list[str] = []
    number = 0
    while number < len(lines):
        line = lines[number].strip()
        after = number + 1
        while after < len(lines) and not lines[after].strip():
            after += 1
        cue, topic = LINK_LIST_HEADING.match(line), TOPIC_HEADING.match(line)
        if (cue or topic) and after < len(lines) and LIST_ITEM.match(lines[after].strip()):
            end = _list_end(lines, after)
            if cue or all(HEADLINE_ITEM.match(item.strip())
                          for item in lines[after:end] if item.strip()):
                number = end
                continue
        kept.append(lines[number])
        number += 1
    return "\n".join(kept)


def _list_end(lines: list[str], first: int) -> int:
    """The number of the line after the list that starts at line `first` (blank lines
    between its items belong to it)."""
    number = first
    while number < len(lines):
        following = number
        while following < len(lines) and not lines[following].strip():
            following += 1
        if following == len(lines) or not LIST_ITEM.match(lines[following].strip()):
            break
        number = following + 1
    return number


def _drop_inline_cue(line: str) -> str:
    """Cut a closing read-more cue, keeping the full stop only a cue before it took."""
    found = INLINE_CUE.search(line)
    if found is None:
        return line
    head = line[:found.start()]
    return head if head.endswith((".", "!", "?")) else head + found.group(1)


def _tail_start(text: str) -> int:
    """Return where the comment/share/related-links tail of a page starts (len(text) if none)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset >= len(text) * TAIL_MIN_SHARE and TAIL_MARKER.match(line.strip()):
            return offset
        offset += len(line)
    return len(text)


def normalise(text: str) -> str:
    """Fix mojibake, NFC-normalise, collapse inline whitespace, repair glued sentences."""
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    text = unicodedata.normalize("NFC", ZERO_WIDTH.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return GLUED_SENTENCE.sub(" ", text)


def raw_digest(raw: bytes) -> str:
    """Return the SHA-256 hex digest of raw input bytes: how a re-read input is recognised."""
    return hashlib.sha256(raw).hexdigest()


def document_id(text: str) -> str:
    """Return the stable id of a clean text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean(batch: list[Document], settings: Settings) -> list[Document]:
    """Fill text, metadata, raw_sha and doc_id of each document from its raw bytes.

    The text is kept within the budget: over-long runs without whitespace and over-long
    sentences are broken, and a text over budget.document_chars becomes several documents;
    those parts follow the batch in the returned list.
    """
    parts: list[Document] = []
    for doc in batch:
        doc.raw_sha = doc.raw_sha or raw_digest(doc.raw)
        text = decode(doc.raw)
        if doc.content_type == "html":
            text, page_meta = extract_html(text)
            doc.metadata = {**page_meta, **doc.metadata}  # sidecar and records win over the page
        folder = doc.metadata.pop("folder", None)
        if folder and not doc.metadata.get("site") and not doc.metadata.get("url"):
            doc.metadata["site"] = folder
        text = normalise(remove_chrome(text))
        if not text:
            raise InputError("nothing left after removing page chrome")
        if not doc.metadata.get("title"):
            doc.metadata["title"], doc.metadata["title_basis"] = text_headline(text)
        text = cut_long_sentences(break_long_words(text, settings.max_word_chars),
                                  settings.max_sentence_tokens)
        first, *rest = split_parts(text, settings.max_document_chars)
        doc.text, doc.doc_id = first, document_id(first)
        parts.extend(_part(doc, number, part) for number, part in enumerate(rest, 2))
    return batch + parts


def _part(whole: Document, number: int, text: str) -> Document:
    """Return part `number` of a split document; its raw bytes are its own text."""
    locator = f"{whole.locator}/part:{number}" if whole.locator else f"part:{number}"
    raw = text.encode("utf-8")
    return Document(whole.source, locator, raw, "text", dict(whole.metadata), text=text,
                    doc_id=document_id(text), raw_sha=raw_digest(raw))


def break_long_words(text: str, limit: int) -> str:
    """Insert a space every `limit` characters of a run without whitespace.

    spaCy's tokenizer is quadratic in such a run ("&" * 20000 takes 25 s).
    """
    def chunked(match: re.Match[str]) -> str:
        run = match.group()
        return " ".join(run[i:i + limit] for i in range(0, len(run), limit))

    return re.sub(rf"\S{{{limit + 1},}}", chunked, text)


def cut_long_sentences(text: str, limit: int) -> str:
    """Cut a sentence after every `limit` words that run without a sentence end.

    The cut is SENTENCE_CUT, where the spaCy pipeline starts a sentence: a 200,000-word
    "sentence" would otherwise be parsed as one, taking gigabytes.
    """
    words = 0
    out: list[str] = []
    for match in re.finditer(r"(\s*)(\S+)", text):
        gap, word = match.groups()
        words = 1 if "\n\n" in gap else words + 1
        if words > limit:
            gap, words = SENTENCE_CUT, 1
        out.append(gap + word)
        if word[-1] in SENTENCE_END:
            words = 0
    return "".join(out) + text[len(text.rstrip()):]


def split_parts(text: str, limit: int) -> list[str]:
    """Split a text into parts of at most `limit` characters at paragraph boundaries.

    A paragraph longer than the limit is cut between words (or anywhere, as a last resort).
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        while len(paragraph) > limit:
            cut = max(paragraph.rfind(" ", 0, limit + 1), paragraph.rfind("\n", 0, limit + 1))
            cut = cut if cut > 0 else limit
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        pieces.append(paragraph)
    parts = [pieces[0]]
    for piece in pieces[1:]:
        if len(parts[-1]) + 2 + len(piece) <= limit:
            parts[-1] += "\n\n" + piece
        else:
            parts.append(piece)
    return [part.strip() for part in parts if part.strip()]
