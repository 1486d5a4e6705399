"""Written accents put back on the preterites of Spanish text typed without any.

Wire copy and field reports are often plain ASCII ("El Ejercito denuncio", "un guerrillero
murio"). es_core_news_sm reads such a preterite as a noun or an adjective ("denuncio",
"capturo", "murio" are NOUN/ADJ) and loses the clause, its subject and its object. In a
Spanish text with no accented vowel at all, a word that is the third-person preterite of a
verb of the event lexicon without its accent is given the accent before parsing; the word
stays a noun after an article, a possessive or a preposition ("el apoyo", "su anuncio", "en
rechazo a"), and words that are mostly nouns or adjectives are never changed ("medio",
"cargo", "paro"). One character stands for one, so offsets hold and evidence spans still
point into the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marea.events.lexicon import lexicon

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ACCENTED = set("áéíóúÁÉÍÓÚ")
MIN_WORDS = 8  # a shorter line may just happen to need no accent
# Words before which a homograph is the noun: articles, possessives, demonstratives,
# prepositions, and adjectives that come before a noun ("un firme rechazo").
NOUN_BEFORE = {"el", "un", "su", "sus", "mi", "tu", "nuestro", "del", "al", "este", "ese",
               "aquel", "cada", "otro", "algun", "ningun", "primer", "tercer", "nuevo", "mismo",
               "dicho", "cuyo", "a", "de", "en", "por", "con", "sin", "contra", "tras", "para",
               "sobre", "entre", "hacia", "desde", "hasta", "ante", "bajo", "durante", "segun",
               "gran", "mayor", "total", "pleno", "fuerte", "firme", "rotundo", "amplio"}
# Preterites spelt like a word that is far more often a noun or an adjective, even with no
# article ("medio ambiente", "sin embargo", "ultimo", "paro de transportistas").
NOT_VERBS = {"medio", "cargo", "sitio", "uso", "embargo", "paro", "proceso", "continuo",
             "activo", "amplio", "critico", "preciso", "ultimo", "sumo", "objeto", "silencio",
             "comercio", "negocio", "parlamento", "piso", "sello", "tomo", "respeto",
             "decreto", "convenio", "pacto", "incendio", "ensayo", "exilio", "dialogo",
             "desafio", "intercambio", "juramento", "apunto", "acoso", "alivio", "anexo",
             "asilo", "auxilio", "io", "do"}


@lru_cache(maxsize=1)
def unaccented_preterites() -> frozenset[str]:
    """Return the unaccented third-person preterites of the Spanish event lexicon's verbs,
    with the stem change of -ir verbs (pidio, murio, hirio): their last letter takes the
    accent."""
    words = lexicon("es")
    forms: set[str] = set()
    for verb in sorted(set(words.verbs) | words.light_verbs):
        stem, ending = verb[:-2], verb[-2:]
        if verb.endswith("uir") and not verb.endswith("guir"):  # the u of -guir is silent
            forms.add(stem + "yo")  # destruyó, atribuyó (but persiguió, below)
        elif ending == "ar":
            forms.add(stem + "o")
        elif ending in ("er", "ir"):
            stems = {stem}
            if ending == "ir":
                for vowel, raised in (("e", "i"), ("o", "u")):
                    at = stem.rfind(vowel)
                    if at >= 0:
                        stems.add(stem[:at] + raised + stem[at + 1:])
            forms.update(s + "io" for s in stems)
    return frozenset(forms - NOT_VERBS)


def restore_accents(text: str, language: str) -> str:
    """Return a Spanish text with no accented vowel with its preterites accented; any other
    text unchanged. Same length as the input."""
    if language != "es" or ACCENTED & set(text):
        return text
    words = list(WORD.finditer(text))
    if len(words) < MIN_WORDS:
        return text
    forms = unaccented_preterites()
    out = list(text)
    previous = [""] + [w.group(0).lower() for w in words]
    for before, word in zip(previous, words, strict=False):
        if word.group(0).lower() not in forms or before in NOUN_BEFORE:
            continue
        last = word.end() - 1
        out[last] = "Ó" if text[last].isupper() else "ó"
    return "".join(out)
