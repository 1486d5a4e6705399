"""Our framing annotations on shippable shared pages, and the script that places them.

    python benchmarks/gold/frames/shared_spans.py

The pages are opinion pieces from trafilatura-eval (Apache-2.0) and the article-extraction
benchmark (MIT) in ../shared/benchmarks, named as in benchmarks/_gold.py (`traf-<page>`,
`aeb-<hash prefix>`). The annotations below follow README.md's conventions and are
exhaustive for Loaded_Language and Name_Calling,Labeling over each whole page. The script
ingests the pages, finds each (technique, exact text, occurrence) in marea's clean text, checks
it, and rewrites these documents' rows of spans.jsonl with offsets and a hash of the span
(no page text is copied here beyond the quoted spans themselves).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from _gold import gold_corpus  # noqa: E402

from marea.settings import load_settings  # noqa: E402

LL, NC, DOUBT = "Loaded_Language", "Name_Calling,Labeling", "Doubt"
FEAR, BW, EXAG = "Appeal_to_fear-prejudice", "Black-and-White_Fallacy", "Exaggeration,Minimisation"
HITLER = "Bandwagon,Reductio_ad_hitlerum"
WHATABOUT = "Whataboutism,Straw_Men,Red_Herring"

# document -> [(technique, exact text, occurrence)]
SPANS: dict[str, list[tuple[str, str, int]]] = {
    # Sputnik column on Prince Andrew's BBC interview (2019)
    "aeb-1f765c48780": [
        (LL, "notorious for sex parties", 0),
        (LL, "detached from reality", 0),
        (NC, "this scion of the British monarchy", 0),
        (LL, "a torrent of derision and disgust", 0),
        (LL, "an articulated lorry crash", 0),
        (LL, "sordid crimes", 0),
        (LL, "self-indicting words and evasions", 0),
        (LL, "rife with implausibilities and contradictions", 0),
        (LL, "classic aloof royal understatement", 0),
        (LL, "laser-like memory", 0),
        (NC, "madame-procurer", 0),
        (NC, "the pedophile", 0),
        (DOUBT, "This purported severance of friendship", 0),
        (LL, "orgy mansion", 0),
        (DOUBT, "Must have been complicated conversations?", 0),
        (DOUBT, "Was this to find out how vulnerable the royal was from potential scandal "
                "fall-out?", 0),
        (LL, "Oh how very noble and principled of Prince Andrew!", 0),
        (LL, "How chivalrous!", 0),
        (DOUBT, "this purported meticulous effort", 0),
        (DOUBT, "His seeming principled concern", 0),
        (LL, "sex abuse empire", 0),
        (LL, "tantamount to self-indictment", 0),
        (LL, "astounding", 0),
        (LL, "out-of-touch and arrogant", 0),
        (NC, "the pampered, no-work, publicly-funded royals", 0),
        (DOUBT, "The experience allegedly resulted in him losing the physiological function "
                "of his body sweating", 0),
        (LL, "keep his royal pants dry", 0),
    ],
    # Washington Examiner opinion: Beijing and the Hong Kong protests (2019)
    "aeb-e4c6a3b4824": [
        (LL, "exploding to new levels", 0),
        (FEAR, "And that means a slaughter of some degree", 0),
        (LL, "political incompetence and security impotence", 0),
        (LL, "an existential threat", 0),
        (NC, "Xi's regime", 0),
        (LL, "a divine right of power", 0),
        (NC, "his comrades", 0),
        (NC, "China-sympathetic Western interests", 0),
        (LL, "this chaos", 0),
        (LL, "an obvious and manifest failure", 0),
        (LL, "diktats", 0),
        (LL, "nothing but chaos", 0),
        (LL, "Propaganda efforts", 0),
        (LL, "catastrophic", 0),
        (BW, "this great struggle between authoritarian aggression and the democratic rule "
             "of law", 0),
        (LL, "authoritarian aggression", 0),
        (LL, "deluding themselves", 0),
        (LL, "usurp", 0),
        (LL, "collapse into anarchy", 0),
        (FEAR, "In short, slaughter is likely coming to Hong Kong", 0),
    ],
    # Washington Examiner opinion: Prince Andrew's "dumpster fire" interview (2019)
    "aeb-87bf60570e6": [
        (LL, "a more sinister style of royal drama", 0),
        (NC, "billionaire pedophile", 0),
        (DOUBT, "Andrew doesn’t remember any raping, but he definitely remembers going to get "
                "pizza that night", 0),
        (LL, "to cover his tracks", 0),
        (DOUBT, "he simply can’t remember", 0),
        (LL, "swanky", 0),
        (LL, "a devastating irony", 0),
        (LL, "all of this hedging", 0),
        (NC, "a sex-trafficking pedophile", 0),
        (LL, "a nail in the coffin", 0),
        (LL, "flustered and incoherent denials", 0),
        (LL, "so foolish", 0),
    ],
    # New York Times opinion: the November 2019 elections and impeachment
    "aeb-04a6711caa7": [
        (LL, "the president’s wrongdoing", 0),
        (LL, "even more corruption", 0),
        (LL, "under the guise of making America great again", 0),
    ],
    # DiEM25: the EU's Green Deal is not enough
    "traf-diem25.org.climate": [
        (BW, "Only radical political action can hope to redress the climate crisis", 0),
        (LL, "(in)action", 0),
        (LL, "literally stealing our future right in front of our eyes", 0),
        (EXAG, "the only credible plan", 0),
        (EXAG, "the most ambitious investment plan ever presented by a european party", 0),
        (BW, "A policy maker that does not take sufficient action against climate breakdown "
             "is implicitly choosing between two options: not believing in science, or "
             "accepting the catastrophic consequences of the climate crisis", 0),
    ],
    # Village Voice: Hitler, Nixon and Trump as memoirists (2023)
    "traf-villagevoice.com-Party": [
        (LL, "violent power grab", 0),
        (HITLER, "in an echo of the violence of Hitler’s insurgence a century ago", 0),
        (LL, "nefarious bag of tricks", 0),
        (NC, "a loyal flunkie", 0),
        (LL, "savage war", 0),
        (LL, "petulant", 0),
        (NC, "the disgraced president", 0),
        (NC, "those rapists from Mexico", 0),
        (LL, "bromanced", 0),
        (HITLER, "Like Mein Kampf, it gave a regional megalomaniac a much bigger stage to "
                 "strut upon", 0),
        (NC, "a regional megalomaniac", 0),
        (NC, "a brazen liar", 0),
        (NC, "a one-dimensional blowhard", 0),
        (LL, "lipstick on a pig", 0),
        (LL, "his tiny hands", 0),
        (NC, "this master prevaricator", 0),
        (DOUBT, "“write”", 0),
        (LL, "his aversion to the truth", 0),
        (LL, "spouted", 0),
    ],
    # Harper's: "A Letter on Justice and Open Debate" (2020)
    "traf-harpers.org.justice": [
        (NC, "The forces of illiberalism", 0),
        (LL, "a real threat to democracy", 0),
        (NC, "right-wing demagogues", 0),
        (LL, "the intolerant climate", 0),
        (NC, "the radical right", 0),
        (LL, "censoriousness", 0),
        (LL, "a vogue for public shaming and ostracism", 0),
        (LL, "a blinding moral certainty", 0),
        (LL, "panicked damage control", 0),
        (LL, "hasty and disproportionate punishments", 0),
        (LL, "This stifling atmosphere", 0),
    ],
    # Pamela Anderson Foundation: "Yellow Vests and I" (2018)
    "traf-pamelaandersonfoundation.org.yellow": [
        (LL, "so biased", 0),
        (LL, "hypnotized", 0),
        (LL, "colludes with the elite and despises its own citizens", 0),
        (LL, "a total betrayal", 0),
        (NC, "forces of destruction", 0),
        (DOUBT, "\"violent riots\"", 0),
        (WHATABOUT, "So what is the violence of all these people and burned luxurious cars "
                    "compared to the structural violence of the French and global elites?", 0),
        (NC, "the French and global elites", 0),
        (NC, "repressive state forces", 0),
        (DOUBT, "the stated fight against climate change", 0),
        (LL, "used merely as a screen", 0),
        (BW, "The only solution is to create such a system", 0),
    ],
    # National Review: "Time is not on Adam Schiff's side" (2019)
    "aeb-f5c90a6d525": [
        (LL, "incoherent", 0),
        (LL, "incoherent", 1),
        (LL, "taint the president with the brand of impeachment", 0),
        (LL, "Schiff extravaganza", 0),
        (LL, "farce", 0),
        (NC, "Ukrainian caper", 0),
        (LL, "licking his wounds in hibernation", 0),
        (LL, "Mueller implosion", 0),
        (LL, "insidiously", 0),
        (NC, "a rank partisan and sloppy leaker", 0),
        (LL, "machinations", 0),
        (LL, "this present circus", 0),
        (NC, "the deep-state intelligence-agency miscreants", 0),
        (LL, "acted unethically and illegally", 0),
        (LL, "dishonest efforts", 0),
        (LL, "previously lying", 0),
        (LL, "astounding assertion", 0),
        (LL, "collusion fantasy", 0),
        (EXAG, "a veritable exoneration", 0),
        (LL, "ill-starred", 0),
        (LL, "non-crime", 0),
        (LL, "enfeebled, deer-in-the-headlights", 0),
        (DOUBT, "“Ukrainian collusion.”", 0),
        (DOUBT, "“wise man”", 0),
        (LL, "bought-and-paid-for", 0),
        (DOUBT, "supposedly reckless policy", 0),
        (LL, "empty charges", 0),
        (DOUBT, "supposedly superior ancestries", 0),
        (LL, "abjectly silent", 0),
        (LL, "virtual appeasement", 0),
        (LL, "morally compromised", 0),
        (NC, "hired Russian thugs", 0),
        (LL, "warped", 0),
        (WHATABOUT, "What would have been the reaction in 2012 had an anonymous Bush holdover "
                    "at the Obama National Security Council gone to the IG", 0),
        (DOUBT, "“whistleblower’s”", 0),
        (NC, "star-chamber impeachment", 0),
        (LL, "abort", 0),
        (LL, "ginned-up media hysteria", 0),
        (LL, "a strange bunch", 0),
        (NC, "an incompetent buffoon", 0),
        (LL, "even shriller and crazier", 0),
        (LL, "unhinged", 0),
        (LL, "impeachment farce", 0),
        (LL, "serial psychodramas", 0),
        (LL, "ruse", 0),
        (LL, "gambit", 0),
        (LL, "these serial whines", 0),
        (LL, "fall into a fetal position", 0),
        (LL, "a three-year-long presidential abortion", 0),
        (LL, "unhinged vituperation", 0),
        (LL, "the more he lies, habitually proves unethical, and becomes morally compromised", 0),
        (LL, "repulsed", 0),
        (DOUBT, "“whistleblower,”", 0),
        (NC, "the off-putting Schiff", 0),
        (NC, "Democratic inquisitors", 0),
        (LL, "pack up the circus and leave town", 0),
    ],
}
KINDS = {name: "opinion" for name in SPANS}


def main() -> None:
    gold = HERE / "spans.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        store, docs = gold_corpus(Path(tmp) / "pages.duckdb", load_settings(), SPANS, KINDS)
        store.close()
    rows = []
    for doc, spans in SPANS.items():
        if doc not in docs:
            raise SystemExit(f"{doc}: page not found (is ../shared/benchmarks there?)")
        text = docs[doc][1]
        seen = set()
        for technique, words, occurrence in spans:
            start = -1
            for _ in range(occurrence + 1):
                start = text.find(words, start + 1)
                if start < 0:
                    raise SystemExit(f"{doc}: {words!r} occurrence {occurrence} not found")
            key = (technique, start, start + len(words))
            if key in seen:
                raise SystemExit(f"{doc}: {words!r} twice")
            seen.add(key)
            rows.append({"doc": doc, "technique": technique, "text": None,
                         "occurrence": occurrence, "start": start, "end": start + len(words),
                         "check": hashlib.sha1(words.encode()).hexdigest()[:10]})
    kept = [line for line in gold.read_text("utf-8").splitlines()
            if line.strip() and json.loads(line)["doc"] not in SPANS]
    gold.write_text("\n".join(kept + [json.dumps(r, ensure_ascii=False) for r in rows]) + "\n",
                    "utf-8")
    print(f"{len(rows)} spans on {len(SPANS)} pages written to {gold}")


if __name__ == "__main__":
    main()
