"""Our framing annotations on shippable shared pages, and the script that places them.

    python benchmarks/gold/frames/shared_spans.py

The pages are opinion pieces and news reports from trafilatura-eval (Apache-2.0) and the
article-extraction benchmark (MIT) in ../shared/benchmarks, named as in benchmarks/_gold.py
(`traf-<page>`, `aeb-<hash prefix>`). The annotations below follow README.md's conventions and are
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
CAUSAL, SLOGAN = "Causal_Oversimplification", "Slogans"

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
    # Guardian editorial: Hong Kong, "a city on the brink" (2019)
    "aeb-5fa3154ec03": [
        (LL, "Hong Kong is burning", 0),
        (LL, "pour fuel on the fire", 0),
        (NC, "the mouthpiece of the Communist party", 0),
        (LL, "besieged", 0),
        (LL, "round after round of teargas", 0),
        (LL, "Excessive force and police brutality", 0),
        (LL, "far too little, too late", 0),
        (NC, "a radical minority of protesters", 0),
        (LL, "unacceptable violence", 0),
        (LL, "rightly repelled", 0),
        (LL, "dramatically eroded", 0),
        (DOUBT, "“voluntary clean-up activity”", 0),
        (LL, "the increasing repression", 0),
        (LL, "to Beijing’s chagrin", 0),
        (LL, "crushed the pro-reform protests", 0),
        (LL, "bloody suppression", 0),
        (LL, "angrily dismiss", 0),
    ],
    # Mercury News letters to the editor (January 2023)
    "traf-mercurynews.com.2023.01.16.letters-1119": [
        (LL, "coddling criminals", 0),
        (NC, "the likes of Misch", 0),
        (LL, "favors the perpetrator", 0),
        (EXAG, "If anybody now alive is here to see it", 0),
        (LL, "run out of the state", 0),
        (DOUBT, "“snafu”", 0),
        (LL, "very troubling", 0),
        (DOUBT, "they want us to believe they can predict global temperatures and sea levels "
                "years out", 0),
        (DOUBT, "Real science is never “settled.”", 0),
    ],
    # The Atlantic (Ideas): California's disasters are a warning about climate change (2020)
    "traf-theatlantic.com.disasters": [
        (FEAR, "And if we can’t plan for our trees’ future, how are we supposed to plan for our "
               "children’s?", 0),
        (LL, "staring down disaster after disaster", 0),
        (LL, "baked the West", 0),
        (CAUSAL, "The cause is climate change", 0),
        (DOUBT, "theoretically “safe”", 0),
        (LL, "air choked with smoke", 0),
        (FEAR, "Imagine what it will be like when we’ve doubled or tripled the warming", 0),
        (LL, "refuse to acknowledge", 0),
        (LL, "a misleading editorial", 0),
        (LL, "attacking rooftop-solar policy", 0),
        (LL, "poisoned communities", 0),
        (LL, "Dirtied our air", 0),
        (SLOGAN, "We are not going back.", 0),
        (SLOGAN, "A better world is possible.", 0),
    ],
    # The Space Review column: Congress and the SLS (2019); a measured analysis
    "aeb-c00962aabe7": [
        (LL, "long-delayed", 0),
    ],
    # New York magazine: review of Ezra Klein's Why We're Polarized (2020)
    "traf-nymag.com.polarization": [
        (NC, "a solipsistic reality star", 0),
        (NC, "the birther king", 0),
        (NC, "wonk man", 0),
        (NC, "an authoritarian insult-comic", 0),
        (LL, "to the brink of a debt default", 0),
        (LL, "unscrupulous tactics", 0),
        (LL, "fail to clear the thresholds of common decency", 0),
        (LL, "smells of undue charity", 0),
        (LL, "blitzkriegs of bile", 0),
        (LL, "blatant bigotry", 0),
        (LL, "the barbarous ideology", 0),
        (LL, "chauvinistic self-delusion", 0),
        (LL, "identitarian delusions", 0),
        (LL, "authoritarian white supremacy", 0),
        (NC, "Bible-thumping Western farmers", 0),
        (NC, "reactionary financiers", 0),
        (NC, "the white-supremacist South", 0),
        (LL, "stranglehold on Dixie", 0),
        (LL, "most invidious social divides", 0),
        (LL, "a recipe for something approaching civil war", 0),
        (LL, "pathologies", 0),
        (DOUBT, "supposed multiculturalism", 0),
        (EXAG, "an order of magnitude more dysfunctional", 0),
        (LL, "aberrantly right-wing", 0),
        (LL, "a threat to American democracy", 0),
        (LL, "anything short of ethnic cleansing", 0),
        (NC, "white revanchism", 0),
        (LL, "tenuous grip on power", 0),
        (LL, "procedural radicalism", 0),
        (NC, "the billionaire class", 0),
        (NC, "plutocratic donor base", 0),
        (LL, "increasingly maniacal appeals to white racial paranoia", 0),
        (LL, "working round the clock to stoke", 0),
        (LL, "incendiary programming choices", 0),
        (LL, "reactionary propaganda", 0),
        (LL, "self-righteous posture", 0),
        (LL, "chauvinistic impulses", 0),
        (LL, "Trump’s depravity", 0),
    ],
    # Wired opinion: neo-banks and "the future of banking is you're broke" (2019)
    "aeb-2f42ef1d3ea": [
        (LL, "monetize their brokeness", 0),
        (DOUBT, "So-called neo-banks", 0),
        (LL, "heaven help us", 0),
        (LL, "Cutting edge, I know.", 0),
        (LL, "Their come-on", 0),
        (LL, "the hot mess that is your finances", 0),
        (LL, "slap a slick veneer of tech", 0),
        (DOUBT, "call it a revolution in consumer banking?", 0),
        (EXAG, "destroyed the global economy", 0),
        (LL, "bilked consumers", 0),
        (LL, "well-earned consumer rage", 0),
        (LL, "deeply depressing", 0),
        (LL, "the sick state of the nation’s finances", 0),
    ],
    # RT news: three pro-Morales demonstrators killed in Bolivia (2019)
    "aeb-4a44ab3e4c4": [
        (DOUBT, "“interim”", 0),
        (LL, "purges socialist elements", 0),
    ],
    # Express news: Hong Kong, China deploys troops (2019)
    "aeb-624fcd903d5": [
        (LL, "Hong Kong chaos", 0),
        (LL, "SURRENDER", 0),
        (LL, "violent riots", 0),
        (LL, "spiral into chaos", 0),
        (NC, "These rioters, they are also criminals", 0),
        (LL, "laid siege", 0),
    ],
    # Deccan Herald news: the White House calls the impeachment hearings a sham (2019)
    "aeb-c90731f051d": [
        (FEAR, "we will win and save our Country from certain destruction", 0),
        (NC, "a sham", 0),
        (NC, "impeachment sham", 0),
        (LL, "completely debunked", 0),
        (LL, "pretense", 0),
        (DOUBT, "poll-tested ‘quid-pro-quo’ and ‘bribery’ narratives", 0),
        (LL, "in shambles", 0),
        (LL, "this charade", 0),
        (LL, "illegitimate", 0),
        (DOUBT, "‘impeachment’", 0),
        (LL, "blinded by their hatred", 0),
        (LL, "blinded by their hatred", 1),
        (LL, "rabid desire to overturn the outcome of a free and fair election", 0),
    ],
    # --- fresh held-out batch (session 13): annotated before marea was run on these pages ---
    # CNN analysis: the White House's account of Trump's Walter Reed visit (2019), opinion
    "aeb-ef4e67b66d6": [
        (DOUBT, "You shouldn't just believe them.", 0),
        (LL, "a standard of dishonesty and obfuscation", 0),
        (DOUBT, "should force any rational person to question the explanation currently being "
                "offered by the White House", 0),
        (DOUBT, "So, there's reason -- lots of it! -- to wonder.", 0),
        (LL, "shown little hesitation to doctor, um, doctor's reports", 0),
        (EXAG, "the healthiest individual ever elected to the presidency", 0),
        (LL, "paper-thin", 0),
        (DOUBT, "\"record\"", 0),
        (EXAG, "doing what he always does", 0),
        (LL, "making up a story to tell himself and the public", 0),
        (DOUBT, "there is every reason to suspect the original story the White House is telling "
                "doesn't paint the full picture", 0),
        (NC, "conspiracy theories", 0),
        (DOUBT, "Which, of course, means she has given some that, well aren't.", 0),
        (NC, "a White House that lies as easily as it tells the truth", 0),
        (DOUBT, "How can we take the White House's word for it when that word has, on so many "
                "occasions, been false.", 0),
        (DOUBT, "The answer is that we can't take their word for it.", 0),
    ],
    # Polygraph.info fact check: Russia and Syria on al-Tanf and the Rukban camp (2019), news
    "aeb-1ee91d1fce6": [
        (NC, "bandit formations", 0),
        (NC, "a Russian disinformation campaign", 0),
        (NC, "U.S.-controlled bandit formations", 0),
        (DOUBT, "‘control’", 0),
        (NC, "the Syrian regime", 0),
        (NC, "the Assad regime", 0),
        (LL, "facilitating the suffering of its own people", 0),
        (LL, "a propaganda tool", 0),
        (LL, "its own inhumane behavior", 0),
        (NC, "the [Syrian] Regime", 0),
        (NC, "The regime", 0),
        (LL, "its choice to starve its own people", 0),
    ],
    # Al Bawaba (AFP): criticism of the US decision on Israeli settlements (2019), news
    "aeb-833caf3bdba": [
        (LL, "tremendous achievement", 0),
        (LL, "corrected an historic injustice", 0),
        (LL, "force the Palestinians to capitulate", 0),
        (LL, "They wanted us on our knees", 0),
        (LL, "they used every trick", 0),
    ],
    # AP: the Conservatives' "factcheckUK" Twitter account (2019), news
    "aeb-e7994d55008": [
        (LL, "all the nonsense and lies", 0),
        (EXAG, "lighthearted satire", 0),
    ],
    # Los Angeles Times: Bloomberg's first debate and the attacks on his past (2020), news
    "traf-latimes.com.bloomberg": [
        (LL, "poured towering piles of cash", 0),
        (LL, "another ghost from his past", 0),
        (LL, "relentlessly inundating voters", 0),
        (NC, "Mini Mike", 0),
        (NC, "Mini Mike", 1),
        (NC, "a large scale illegal campaign contribution", 0),
        (LL, "let banks be more overtly racist", 0),
        (NC, "an egomaniac billionaire", 0),
    ],
    # Página/12: human-rights groups call a march against the Supreme Court (2022), news
    "traf-pagina12.com.ar-suprema": [
        (NC, "un partido Judicial", 0),
        (LL, "impartir injusticia", 0),
        (NC, "los genocidas impunes", 0),
        (NC, "presos políticos", 0),
        (NC, "la persecución del gobernador", 0),
        (NC, "los genocidas", 1),
        (SLOGAN, "el pueblo unido jamás será vencido", 0),
        (LL, "Esto ya no es justicia", 0),
        (LL, "calesita judicial", 0),
        (NC, "los genocidas", 2),
        (LL, "como brazo ejecutor", 0),
        (NC, "lawfare", 0),
        (NC, "los grupos dominantes de la Argentina", 0),
        (NC, "lawfare", 1),
        (NC, "el refugio de la impunidad del macrismo", 0),
        (LL, "lavarse la cara", 0),
        (LL, "las guerras intestinas", 0),
        (LL, "esa salida nada elegante", 0),
    ],
    # Infobae: Muratov on Russian propaganda and nuclear weapons (2022), news
    "traf-infobae.com-ucrania": [
        (NC, "la propaganda rusa", 0),
        (FEAR, "el fin de la humanidad", 0),
        (NC, "guerreros de la propaganda", 0),
        (LL, "estas horribles armas", 0),
        (FEAR, "el fin de la humanidad", 1),
        (LL, "un poder absoluto y sin restricciones", 0),
        (LL, "un poder absoluto y sin límites", 0),
        (NC, "el régimen de Putin", 0),
    ],
    # El Universal: Senator Rick Scott calls Biden "incapacitado" (2022), news
    "traf-eluniversal.com-senador": [
        (NC, "\"incapacitado\"", 0),
        (NC, "mentalmente \"incapacitado\"", 0),
        (NC, "extremistas", 0),
        (NC, "Es incoherente y está incapacitado y confundido", 0),
        (EXAG, "No sabe dónde está la mitad del tiempo", 0),
        (HITLER, "Todo el mundo lo sabe", 0),
        (NC, "está senil", 0),
        (NC, "la agenda ultra-MAGA", 0),
    ],
    # Últimas Noticias: Ukraine cuts a third of the Russian gas transit (2022), news
    "traf-ultimasnoticias.com.ve-ucraina": [
        (NC, "los ocupantes", 0),
        (NC, "engaño de los países europeos", 0),
    ],
    # El Faro: the Assembly's president tells critical journalists to leave (2022), news
    "traf-elfaro.net-asamblea": [
        (LL, "acoso a la prensa", 0),
        (NC, "ley mordaza", 0),
        (LL, "coronó a gritos", 0),
        (NC, "el bukelismo", 0),
        (NC, "terroristas o pandilleros", 0),
        (LL, "estridente", 0),
        (DOUBT, "‘incómodos’", 0),
        (NC, "cómplice de las pandillas", 0),
        (NC, "un sinvergüenza de esos", 0),
        (DOUBT, "Imagínense cuántas cosas se dio cuenta, cuántas cosas escuchó, de cuántos "
                "crímenes seguramente fue testigo", 0),
        (NC, "ley mordaza", 1),
        (NC, "voceros de las pandillas", 0),
        (NC, "“basura”", 0),
        (NC, "sobrino de un genocida", 0),
        (DOUBT, "Estos son los REFERENTES de la comunidad internacional", 0),
        (NC, "este es un terrorista, es uno más de ellos", 0),
        (LL, "el nivel de sinismo", 0),
        (NC, "los portavoces de las pandillas", 0),
        (NC, "unos mercenarios", 0),
        (LL, "diatriba", 0),
        (NC, "los terroristas", 0),
        (LL, "Si es que aquí no aportan nada", 0),
        (HITLER, "Podría haber sido el discurso de un funcionario del régimen de Maduro", 0),
        (NC, "el régimen de Maduro", 0),
        (NC, "ley mordaza", 2),
        (NC, "un claro intento de censura", 0),
        (NC, "reformas mordaza", 0),
        (LL, "una alarmante tendencia", 0),
        (LL, "el escándalo impune", 0),
        (NC, "ley mordaza", 3),
        (DOUBT, "este supuesto combate a la delincuencia", 0),
        (NC, "ley mordaza", 4),
        (FEAR, "El autoritarismo que hoy está en nuestra casa pronto podría tocar sus puertas", 0),
        (NC, "ley mordaza", 5),
        (NC, "la Fiscalía controlada por Bukele", 0),
        (NC, "ley mordaza", 6),
    ],
    # Session 14 tuning batch: news reports and analyses (no unannotated opinion pages were left
    # in the shared sets), annotated before marea's framing output on them was looked at.
    # El Espectador (Colombia): the JEP's three new macro-cases
    "traf-elespectador.com-orion": [
        (LL, "lo masivo del horror", 0),
        (LL, "una sombra de odio", 0),
        (NC, "enemigo interno", 0),
        (NC, "colaboradores del enemigo", 0),
        (NC, "colaboradoras de la guerrilla", 0),
    ],
    # Ámbito (Argentina): the food workers' union threatens a strike
    "traf-ambito.com-paritarias": [
        (LL, "Paritarias al rojo", 0),
        (LL, "niveles intolerables", 0),
    ],
    # Los Tiempos (Bolivia): the "golpe II" trial nears its verdict
    "traf-lostiempos.com-juicio": [
        (NC, "golpe II", 0),
        (NC, "golpe II", 1),
    ],
    # La Nación (Argentina): the ruling bloc's move against the single-ballot session
    "traf-lanacion.com.ar-jugada": [
        (LL, "maniobra burda", 0),
        (LL, "maniobra burda", 1),
        (NC, "El kirchnerismo", 0),
        (LL, "maniobra burda", 2),
        (LL, "No tienen códigos", 0),
        (LL, "operaciones de desgaste", 0),
    ],
    # El Mostrador (Chile): Congress and the new constitution's implementation
    "traf-elmostrador.cl-congreso": [
        (LL, "irresponsabilidad y un despropósito", 0),
        (LL, "trampear el mandato", 0),
        (LL, "alargar la mecha de una bomba", 0),
        (DOUBT, "“gradual”", 0),
    ],
    # El País (Uruguay): the government accuses Montecon of siding with the dockers' union
    "traf-elpais.com.uy-gobierno": [
        (LL, "máxima confrontación", 0),
        (LL, "generó confusión para armar lío", 0),
        (LL, "una propuesta generosa", 0),
    ],
    # El Tiempo (Colombia): a presidential debate at Eafit
    "traf-eltiempo.com-candidatos": [
        (NC, "corruptos", 0),
        (FEAR, "el país se va a una guerra civil, que ya está empezando", 0),
    ],
    # La Prensa Gráfica (El Salvador): the attorney general wants the state of exception
    # extended; read in full, nothing to mark
    "traf-laprensagrafica.com.fiscal": [],
    # Politico: Mark Meadows' retirement timing
    "traf-politico.com.retirement": [
        (LL, "shock retirement", 0),
        (DOUBT, "It doesn’t take a genius to figure out how this happened", 0),
        (DOUBT, "It just looks very suspicious", 0),
        (LL, "screwed everybody", 0),
        (LL, "threw Mark Walker off the boat", 0),
    ],
    # Snopes fact check: the Yovanovitch net-worth rumour
    "aeb-8380689f358": [
        (LL, "conjured out of thin air", 0),
        (DOUBT, "supposedly built her alleged fortune", 0),
        (LL, "made up out of whole cloth", 0),
    ],
    # New York Times (business, news analysis): Trump's showmanship in the China trade talks
    "aeb-702d1da63b8": [
        (LL, "characteristic love of show business", 0),
        (NC, "the insatiable negotiator", 0),
        (LL, "cliffhanger tactics", 0),
        (DOUBT, "“historic”", 0),
        (LL, "theatrical embrace", 0),
        (LL, "mercurial temperament and predilection to undercutting his own negotiating team", 0),
        (LL, "The roller-coaster ride", 0),
        (LL, "showmanship over substance", 0),
    ],
    # CBS News, key moments of the Volker and Morrison impeachment testimony (news)
    "aeb-7a664e40d25": [
        (LL, "self-serving", 0),
        (NC, "Three Amigos", 0),
        (NC, "the Gordon problem", 0),
        (NC, "Giuliani problem", 1),
    ],
    # Vox explainer on Delhi's air pollution (news analysis)
    "aeb-16c30add7e9": [
        (LL, "choking smoke", 0),
        (LL, "gas chamber", 0),
        (LL, "gas chamber", 1),
        (LL, "an alarmingly regular occurrence", 0),
        (LL, "horrific", 0),
        (LL, "depressingly predictable", 0),
        (LL, "every right to be outraged", 0),
        (LL, "a recipe for choking, dirty air", 0),
        (LL, "choking Delhi", 0),
        (LL, "devastating decline", 0),
        (LL, "stopgap measures", 0),
        (LL, "the loud, raucous table", 0),
        (LL, "reopen old sectarian wounds", 0),
    ],
    # PolitiFact's guide to tariffs, quoting a Trump rally (news)
    "aeb-b6906ca016b": [
        (NC, "the great betrayal", 0),
        (SLOGAN, "America is no longer for sale.", 0),
        (EXAG, "billions and billions of dollars", 0),
        (EXAG, "a country that never gave us 10 cents", 0),
    ],
    # VICE on the Amazon fires' smoke over São Paulo (news; read in full, nothing to mark)
    "traf-vice.com.amazon": [],
    # The Hill, a man pleads guilty to threatening Rep. Ilhan Omar (news)
    "aeb-6ebac05f637": [
        (NC, "radical Muslims", 0),
        (SLOGAN, "The answer to hate is not more hate; it is compassion.", 0),
    ],
    # PanARMENIAN.Net relaying Amnesty International on Iran's protests (news)
    "aeb-d90bda7ed14": [
        (LL, "a harrowing pattern of unlawful killings", 0),
        (LL, "crush largely peaceful protests", 0),
        (LL, "this brutal and deadly crackdown", 0),
        (LL, "systematic impunity", 0),
        (LL, "crush protests", 0),
    ],
    # Reuters, Hitler's birthplace to become a police station (news; read in full, nothing to
    # mark)
    "aeb-5a822960e9a": [],
}
# News reports among the pages (the rest are opinion): their quoted labels and scare quotes
# are marked as in the README, and the framing tagger is never asked about them.
NEWS = {"aeb-4a44ab3e4c4", "aeb-624fcd903d5", "aeb-c90731f051d", "aeb-1ee91d1fce6",
        "aeb-833caf3bdba", "aeb-e7994d55008", "traf-latimes.com.bloomberg",
        "traf-pagina12.com.ar-suprema", "traf-infobae.com-ucrania", "traf-eluniversal.com-senador",
        "traf-ultimasnoticias.com.ve-ucraina", "traf-elfaro.net-asamblea",
        "traf-elespectador.com-orion", "traf-ambito.com-paritarias", "traf-lostiempos.com-juicio",
        "traf-lanacion.com.ar-jugada", "traf-elmostrador.cl-congreso",
        "traf-elpais.com.uy-gobierno", "traf-eltiempo.com-candidatos",
        "traf-laprensagrafica.com.fiscal",
        "traf-politico.com.retirement", "aeb-8380689f358", "aeb-702d1da63b8",
        "aeb-7a664e40d25", "aeb-16c30add7e9", "aeb-b6906ca016b", "traf-vice.com.amazon",
        "aeb-6ebac05f637", "aeb-d90bda7ed14", "aeb-5a822960e9a"}
KINDS = {name: "news" if name in NEWS else "opinion" for name in SPANS}


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
