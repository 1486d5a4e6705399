"""Clean stage: raw bytes -> analysable text plus metadata, and the document's stable id.

HTML goes through trafilatura; every text then loses the page chrome that survives scraping
(comment forms, "Related Posts", donation pleas, share and cookie lines, photo credits).
The raw bytes stay on the Document untouched, so a document can always be reprocessed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes

from marea.errors import InputError
from marea.model import Document
from marea.settings import Settings

# Share of control characters above which bytes are taken for binary, not text.
BINARY_CONTROL_SHARE = 0.05
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
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
      | related\ (?:posts|articles|stories)|artículos\ relacionados|notas\ relacionadas
      | leer\ también|lea\ también|leia\ também|read\ more|read\ also|see\ also|most\ read
      | share\ (?:this|on\ \w+).*|compartir(?:\ en\ \w+|\ esto)?:?|compartilhe.*|comparte\ esta.*
      | (?:click|haz\ clic|clique)\ (?:to|para|aqui\ para)\ .*
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
# A line of three or more short items separated by wide gaps, bars or dots: a navigation menu.
NAV_LINE = re.compile(r"^(?:[\w'’-]+(?: [\w'’-]+)?(?: {2,}| ?[|·•] ?)){2,}[\w'’-]+(?: [\w'’-]+)?$")
# Headings after which the rest of a scraped page is comments, sharing and links elsewhere.
TAIL_MARKER = re.compile(
    r"^\W*(?:leave\ a\ reply|deja\ una\ respuesta|deixe\ uma\ resposta|related\ posts"
    r"|artículos\ relacionados|share\ this|compartir\ esto|like\ this|me\ gusta\ esto)\W*$",
    re.IGNORECASE | re.VERBOSE,
)
TAIL_MIN_SHARE = 0.5  # a tail marker counts only in the second half of the text
# Lines asking readers for money: chrome wherever they sit, even inside the article body.
DONATION = re.compile(
    r"""patreon|paypal|ko-?fi|buy\ me\ a\ coffee
      | (?:please|consider|become|make|support)\b.{0,60}\b(?:donat\w*|donor|contribution|supporter)
      | (?:considera|haz|hacer|apoya)\b.{0,60}\b(?:donaci[oó]n|aporte|don[aá]\w*)
      | (?:considere|faça|fazer|apoie)\b.{0,60}\b(?:doaç[aã]o|doe|contribuiç[aã]o)""",
    re.IGNORECASE | re.VERBOSE,
)
DONATION_MAX_CHARS = 600
ABOUT_AUTHOR = re.compile(r"^\W*(?:about the author|sobre el autor|sobre o autor)\W*$", re.I)
BIO_MAX_CHARS = 400  # an author bio is a few short lines; a longer paragraph is the article
# Fewer words than this from a page is navigation left over by the extractor, not an article.
MIN_HTML_WORDS = 5  # a longer paragraph mentioning donations is more likely reporting
# "decades.Over" -> "decades. Over": sentences glued together when markup was stripped.
GLUED_SENTENCE = re.compile(r"(?<=[a-záéíóúñ]{2}[.!?])(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def decode(raw: bytes) -> str:
    """Return text from bytes in any common encoding; InputError when they are not text.

    UTF-8 first; then line by line UTF-8 or Windows-1252 (mixed files are common in scraped
    news); charset detection only when that gives undefined bytes or implausible text.
    """
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace")
    if not raw.strip():
        raise InputError("empty input")
    sample = raw[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls / len(sample) > BINARY_CONTROL_SHARE:
        raise InputError("binary content, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = "".join(_decode_line(line) for line in raw.splitlines(keepends=True))
    except UnicodeDecodeError:
        text = ""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) / len(letters) < LEGACY_NON_ASCII_SHARE:
        return text
    best = from_bytes(raw).best()
    if best is None:
        raise InputError("undecodable text: no known encoding fits")
    return str(best)


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252")


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Return the main text and page metadata of an HTML page; InputError when it has none."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False,
    )
    found = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    if not isinstance(found, dict) or len((found.get("text") or "").split()) < MIN_HTML_WORDS:
        raise InputError("no article text found in HTML")
    meta = {
        key: str(found[source])
        for key, source in (("title", "title"), ("author", "author"), ("published", "date"),
                            ("site", "sitename"), ("url", "url"))
        if found.get(source)
    }
    return str(found["text"]), meta


def remove_chrome(text: str) -> str:
    """Drop chrome lines, donation pleas, author bios and the comment/share tail of a page.

    Paragraphs (separated by blank lines) stay in order, one blank line apart.
    """
    kept: list[str] = []
    bio_next = False
    for paragraph in re.split(r"\n\s*\n", text[:_tail_start(text)]):
        raw_lines = [line.strip() for line in paragraph.splitlines()]
        if bio_next and len(paragraph) <= BIO_MAX_CHARS:
            bio_next = False
            continue  # the bio paragraph after a lone "About the Author:" heading
        bio_next = False
        lines = []
        for number, line in enumerate(raw_lines):
            if ABOUT_AUTHOR.match(line):
                # The bio is the rest of this paragraph, or the next one if nothing follows.
                bio_next = not any(raw_lines[number + 1:])
                break
            if CHROME_LINE.match(line) or NAV_LINE.match(line) or (
                    len(line) <= DONATION_MAX_CHARS and DONATION.search(line)):
                continue
            lines.append(line)
        if lines:
            kept.append("\n".join(lines))
    return "\n\n".join(kept)


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
    """Fill text, metadata, raw_sha and doc_id of each document from its raw bytes."""
    for doc in batch:
        doc.raw_sha = doc.raw_sha or raw_digest(doc.raw)
        text = decode(doc.raw)
        if doc.content_type == "html":
            text, page_meta = extract_html(text)
            doc.metadata = {**page_meta, **doc.metadata}  # sidecar and records win over the page
        text = normalise(remove_chrome(text))
        if not text:
            raise InputError("nothing left after removing page chrome")
        doc.text = text
        doc.doc_id = document_id(text)
    return batch
