"""Check a trigger lexicon against the lemmas the spaCy model really produces.

    python -m marea.events.lexicon_check [--en] [lemma ...]

Each verb key and light verb is conjugated regularly (present, preterite, participle,
gerund, present and imperfect subjunctive, plus the irregular preterites of IRREGULAR), put
in short news sentences, and parsed; so are its
passive participles ("fueron condenados por"), its clitic forms ("decidió condenarlo",
"sigue atacándolos") and, for `reflexive: true` entries, its reflexive form ("se
reunieron"). Each form is read the way the extractor reads it (lemma aliases, clitic
reduction, participles tagged as adjectives) and every key is logged with the lemmas the
model gives instead: as an error when no form reaches the key (the entry is dead), as a
warning when some do not. Wrong lemmas go under `lemma_aliases` in lexicon_es.yaml.

With --en, each English verb key is inflected (past, past participle in a passive, third
person, gerund; irregular forms from ENGLISH_IRREGULAR) and read the same way against
en_core_web_sm ("staged" gives "stag"); its wrong lemmas go under `lemma_aliases` in
lexicon_en.yaml.
"""

from __future__ import annotations

import logging
import re
import sys
from collections import defaultdict
from typing import Any

from marea.events.lexicon import Lexicon, lexicon
from marea.nlp.linguistic import finite_verb
from marea.nlp.models import load_pipeline
from marea.settings import load_settings

log = logging.getLogger("marea.events.lexicon_check")
ENDINGS = {"ar": ("a", "an", "ó", "aron", "ado", "ando"),
           "er": ("e", "en", "ió", "ieron", "ido", "iendo"),
           "ir": ("e", "en", "ió", "ieron", "ido", "iendo")}
PARTICIPLE = re.compile(r"^(\w+)([ai])d[oa]s?$")  # as events/roles.py reads ADJ participles


# Irregular preterites by verb ending (3rd person singular, plural) and present subjunctive:
# detuvo, propuso, huyó; detenga, proponga, huya.
IRREGULAR = (("ducir", "dujo", "dujeron", "duzca"), ("poner", "puso", "pusieron", "ponga"),
             ("tener", "tuvo", "tuvieron", "tenga"), ("venir", "vino", "vinieron", "venga"),
             ("hacer", "hizo", "hicieron", "haga"), ("edir", "idió", "idieron", "ida"),
             ("eguir", "iguió", "iguieron", "iga"), ("guir", "guió", "guieron", "ga"),
             ("uir", "uyó", "uyeron", "uya"),  # after -guir: persiguió, distinguió
             ("egir", "igió", "igieron", "ija"), ("ertir", "irtió", "irtieron", "ierta"),
             ("erir", "irió", "irieron", "iera"), ("etir", "itió", "itieron", "ita"),
             ("traer", "trajo", "trajeron", "traiga"))


def forms(verb: str, reflexive: bool = False) -> list[tuple[str, str]]:
    """Return (inflected form, sentence) pairs of a Spanish verb."""
    stem, ending = verb[:-2], verb[-2:]
    if ending not in ENDINGS or len(verb) < 4:
        return []
    irregular = [(verb[:-len(end)] + one, verb[:-len(end)] + many, verb[:-len(end)] + wish)
                 for end, one, many, wish in IRREGULAR if verb.endswith(end)][:1]
    extra = [(form, f"El ministro {form} a los rebeldes.") for pair in irregular
             for form in pair[:2]]
    present, present_pl, past, past_pl, participle, gerund = (stem + e for e in ENDINGS[ending])
    accented = stem + ("ándo" if ending == "ar" else "iéndo")
    # the subjunctive of demands and reported requests ("exigen que libere", "pidió que
    # asumiera"): the present from the spelled stem, the imperfect from the preterite plural
    subjunctive = (irregular[0][2] if irregular
                   else _subjunctive_stem(stem, ending) + ("e" if ending == "ar" else "a"))
    imperfect = (irregular[0][1] if irregular else past_pl)[:-3] + "ra"
    extra += [(subjunctive, f"Piden que el gobierno {subjunctive} a los rebeldes."),
              (subjunctive + "n", f"Exigen que los militares {subjunctive}n a los rebeldes."),
              (imperfect, f"Pidió que el gobierno {imperfect} a los rebeldes."),
              (imperfect + "n", f"Exigió que los militares {imperfect}n a los rebeldes.")]
    found = [(present, f"El gobierno {present} a los rebeldes."),
             (present_pl, f"Los militares {present_pl} a los rebeldes."),
             (past, f"El ministro {past} a los rebeldes."),
             (past_pl, f"Los campesinos {past_pl} a los rebeldes."),
             (participle, f"El gobierno ha {participle} a los rebeldes."),
             (gerund, f"El ejército sigue {gerund} a los rebeldes."),
             (participle[:-1] + "os", f"Los rebeldes fueron {participle[:-1]}os por el gobierno."),
             (participle[:-1] + "a", f"La ministra, {participle[:-1]}a por el Congreso, habló."),
             (verb + "lo", f"El gobierno decidió {verb}lo."),
             (accented + "los", f"El ejército sigue {accented}los."), *extra]
    if reflexive:
        found += [(past_pl, f"Los dirigentes se {past_pl} con los rebeldes."),
                  (present, f"El ministro se {present} ante el Congreso.")]
    return found


def _subjunctive_stem(stem: str, ending: str) -> str:
    """Return a regular verb's present-subjunctive stem with its spelling changes:
    ataque, pague, alcance; proteja, distinga, venza, agradezca."""
    changes = ((("c", "qu"), ("g", "gu"), ("z", "c")) if ending == "ar" else
               (("gu", "g"), ("g", "j"), ("ec", "ezc"), ("oc", "ozc"), ("uc", "uzc"),
                ("c", "z")))
    return next((stem[:-len(old)] + new for old, new in changes if stem.endswith(old)), stem)


# English verbs of the lexicon whose past and past participle are not regular.
ENGLISH_IRREGULAR = {
    "beat": ("beat", "beaten"), "blow": ("blew", "blown"), "break": ("broke", "broken"),
    "bring": ("brought", "brought"), "build": ("built", "built"), "cut": ("cut", "cut"),
    "fight": ("fought", "fought"), "find": ("found", "found"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "give": ("gave", "given"), "go": ("went", "gone"),
    "hit": ("hit", "hit"), "hold": ("held", "held"), "lay": ("laid", "laid"),
    "leave": ("left", "left"), "lend": ("lent", "lent"), "let": ("let", "let"),
    "meet": ("met", "met"), "overthrow": ("overthrew", "overthrown"), "put": ("put", "put"),
    "quit": ("quit", "quit"), "seek": ("sought", "sought"), "send": ("sent", "sent"),
    "set": ("set", "set"), "shoot": ("shot", "shot"), "shut": ("shut", "shut"),
    "sit": ("sat", "sat"), "speak": ("spoke", "spoken"), "stand": ("stood", "stood"),
    "strike": ("struck", "struck"), "swear": ("swore", "sworn"), "take": ("took", "taken"),
    "tell": ("told", "told"), "win": ("won", "won"), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"), "write": ("wrote", "written"), "say": ("said", "said"),
    "pay": ("paid", "paid"), "stay": ("stayed", "stayed")}
# Verbs of two or more syllables stressed on the last, which double their final consonant.
DOUBLING = {"admit", "commit", "submit", "confer", "kidnap", "patrol", "compel", "expel",
            "rebel", "control", "deter", "acquit", "refer", "regret", "equip", "transfer"}


def english_forms(verb: str) -> list[tuple[str, str]]:
    """Return (inflected form, sentence) pairs of an English verb."""
    if verb in ENGLISH_IRREGULAR:
        past, participle = ENGLISH_IRREGULAR[verb]
    else:
        past = participle = _suffixed(verb, "ed")
    third = (verb[:-1] + "ies" if re.search(r"[^aeiou]y$", verb)
             else verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s")
    gerund = _suffixed(verb, "ing")
    return [(past, f"The government {past} the rebels."),
            (participle, f"The rebels were {participle} by the army."),
            (third, f"The minister {third} the rebels."),
            (gerund, f"Officials are {gerund} the rebels.")]


def _suffixed(verb: str, suffix: str) -> str:
    """Return a regular English verb with -ed or -ing: "staged", "banned", "carried"."""
    if suffix == "ed" and re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if verb.endswith("ie") and suffix == "ing":
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + suffix
    if verb.endswith("e"):
        return verb + suffix[1:] if suffix == "ed" else verb + suffix
    short = re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb)
    if short or verb in DOUBLING:
        return verb + verb[-1] + suffix
    return verb + suffix


def read_as(token: Any, words: Lexicon) -> str:
    """Return the lexicon key the extractor looks up for a parsed token."""
    if token.pos_ in ("VERB", "AUX"):
        key = words.verb_lemma(token.lemma_.lower())
        if key not in words.verbs and token.lang_ == "es":  # as events/roles.surface_verb
            return finite_verb(token.text.lower(), words.verbs) or key
        return key
    clitic = words.clitic_verb(token.text.lower())
    if clitic:
        return clitic
    match = PARTICIPLE.match(token.text.lower()) if token.pos_ == "ADJ" else None
    if match:
        for ending in (("ar",) if match.group(2) == "a" else ("er", "ir")):
            if match.group(1) + ending in words.verbs:
                return match.group(1) + ending
    return f"{token.lemma_.lower()} ({token.pos_})"


def unproduced_lemmas(language: str = "es", verbs: list[str] | None = None
                      ) -> dict[str, list[str]]:
    """Return {lexicon verb key: the other readings the model gave its forms} for keys some
    form misses; keys no form reaches are logged as errors (the entry is dead)."""
    words = lexicon(language)
    keys = verbs or sorted(set(words.verbs) | words.light_verbs)  # "waged an offensive"
    nlp = load_pipeline(load_settings().model_for(language), language)
    sentences = [(key, form, text) for key in keys
                 for form, text in (english_forms(key) if language == "en" else forms(
                     key, any(t.reflexive for t in words.verbs.get(key, []))))]
    produced: dict[str, list[str]] = defaultdict(list)
    for (key, form, text), parsed in zip(sentences, nlp.pipe(t for _, _, t in sentences),
                                         strict=True):
        token = next((t for t in parsed if t.text.lower() == form), None)
        reading = read_as(token, words) if token is not None else "(split)"
        if reading == key and re.search(r"\bse\b", text) and not any(
                t.head.i == token.i and t.text.lower() == "se" for t in parsed):  # type: ignore[union-attr]
            reading = f"{key} (no reflexive clitic)"
        produced[key].append(reading)
    missing = {key: sorted({w for w in found if w != key}) for key, found in produced.items()
               if any(w != key for w in found)}
    for key, lemmas in missing.items():
        if key not in produced[key]:
            log.error("lexicon key %r: the model never gives it; its forms give %s", key, lemmas)
        else:
            log.warning("lexicon key %r: some of its forms give %s", key, lemmas)
    return missing


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    english = "--en" in sys.argv[1:]
    keys = [a for a in sys.argv[1:] if a != "--en"]
    missing = unproduced_lemmas("en" if english else "es", keys or None)
    print(f"{len(missing)} {'English' if english else 'Spanish'} lexicon verb keys are missed "
          "on some of their forms")


if __name__ == "__main__":
    main()
