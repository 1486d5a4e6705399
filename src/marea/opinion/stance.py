"""Targeted stance: whom the author sides with, per actor the document mentions, with evidence.

Direct cues on an actor's mentions (weights in WEIGHTS):
- label: evaluative words attached to the mention ("far-right Bolsonaro", "the legitimate
  President Castillo", "X is a dictator"): the word's valence. Praise in scare quotes ("the
  'democratic' junta") is irony and counts reversed; words for people the author feels for
  ("the poor") count as sympathy. A campaign hashtag ("#StopHillary"; a candidate's
  slogan, "#MakeAmericaGreatAgain", or name with a year or an office, "#Trump2016",
  "#TrumpForPresident", is for them; otherwise the tag's strongest judging word beside the
  name decides, "#HillaryLies", "#ITrustHillary") is a label too, and so is what a copular
  verb or a relative clause says the actor is ("Trump, who represents a real threat to
  democracy", "Merino, que es un usurpador"). Feelings
  ("angry voters": EMOTIONS) are no label. A label denied ("no es un presidente legítimo",
  "is not a dictator") counts half, reversed; a servile word denied ("no tiene nada de
  títere") none.
- verdict: the author says the actor is right or wrong ("Sosa is right", "Tiene razón"), or
  says it should make amends or never made them ("Biden should apologize", "la OEA nunca
  rectificó", "refused to apologize": REMEDY_VERBS; told not to, "@X Don't apologize", it
  owes none: for it), or calls what it just did a mistake
  ("... . Es un error.": VERDICT_NOUNS), or says how it acted ("Sanders rightly argues",
  "was wrongly accused": VERDICT_ADVERBS), or cites it as an authority ("As Chomsky has
  pointed out", "Como bien señala Borón": CREDITING; "Como bien dice X": CREDIT_ADVERBS), or
  holds it or its plan up as the solution ("Lula es la salida", "X is not the answer":
  SOLUTION_NOUNS).
- endorsement: the author declares for the actor in the first person, or in an impersonal
  must ("hay que seguir el ejemplo de México": OBLIGATION_ADJECTIVES) ("I will vote for
  Hillary", "Apoyamos a Castillo", "I agree with Sanders": ENDORSE_VERBS; "I disagree with
  X" is against: DISSENT_VERBS; in a social post also a call that opens its sentence, "Vote
  @realDonaldTrump", a name put forward, "Trump for president?", or the author's vote given,
  "You have my vote", the actor wished into office, "we want you as our next president"
  ("rather X than Y" against Y), or its name with its election's year, "my Hillary 2016
  sticker": _campaign_calls) or holds it up as the one to follow ("we
  should follow the example of Mexico", "debemos escuchar a Lula": FOLLOW_VERBS); negated,
  against it.
- attribute: a valenced noun the actor owns ("Washington's aggression", "US imperialism"),
  or one an evaluative adjective judges ("Biden's reckless policy"); a government in a
  place is the place's own ("the authoritarian governments in Turkey": GOVERNING_NOUNS);
  victim: a wrong done to it ("the blockade against Venezuela", "sanctions on Cuba", "a
  devastating effect on the population") or refuge given to it ("ofreció asilo a Evo
  Morales": REFUGE), or an act the author's adverb condemns done to it or its things
  ("apropiarse ilegalmente del avión de Martinelli"; its doer gets a predicate cue against).
- predicate: the verb the actor is subject or object of, by class (harm, benefit, triumph,
  praise, blame, succeed, fail, advocate), also in a relative clause on the mention ("the
  Puebla Group, which defends ..."), reached through "has reserved the right to
  intervene and overthrow" and the like; a verb that only says the subject did what its
  object names takes the object's valence ("made a mistake", "did an excellent job":
  DOING_VERBS); the doer of a wrong a noun names is opposed ("the repression under Xi",
  "the crimes committed by the army": DOER_PREPS). Triumph and
  advocate take their sign from the object: "Chile has abandoned its Pinochet-era
  constitution" favours Chile, "the isolation of Venezuela promoted by the United States"
  does not favour the US; ending what fights a wrong is a wrong ("dismantled the commission
  against impunity": the thing a noun aims against turns sign; "puso fin a" is "end"). A
  verb of making or paying (MAKING_VERBS) and a doing verb take their sign from what was
  made or done, also when it stands before them ("the coup Washington backed", "lo que hizo
  X es una vergüenza"), and an actor made is its maker's creature (an alliance); who lends
  an act support ("con el apoyo de la OEA") is a party to it. Negated verbs count half,
  reversed. A victim of the same state
  ("the US ... overthrow any government") is none. Winning or losing a contest ("beat
  Bevin in the election", "was elected") is no predicate and sets no sides (CONTEST_VERBS).
- event: coded conflict events with the actor as source (its Goldstein value) or as the
  target (sympathy), scaled by how the author's own words in the sentence judge them. A
  protest other than a riot is judged by the author's words on it alone ("heroic mass
  protests": its doer is sided with, the one protested against opposed; no words, no
  cue), and so is what a protest does ("the protests forced Piñera to ..." makes Piñera no
  victim); troops or ships sent
  to a country or its people ("two naval vessels with supplies to Havana") harm it only
  when the author's words condemn the sending, and set the two on no opposite sides.
- context: the polarity of the author's words in the actor's own clause when the actor is
  not the object of what is told (weak); the cue is the clause's strongest evaluative word.
  None when the actor's own verb praises, blames, reports, urges or promises (that clause is
  the actor's view), when the actor or its thing is the object, or when the mention only
  places or qualifies what is told ("the coup in Brazil", "the Peruvian oligarchy", "the
  Ukraine scandal": a country's name that says which scandal).
- post: in a social post (SOCIAL_WORDS words or fewer) an actor with no cue of its own takes
  the tone of the whole post. There "you" is the actor the post addresses by @handle and
  "he"/"she" the one person of that gender it names: their cues count for that actor.
Voice: words inside quotations or reported speech ("X said ...", "according to X") are the
speaker's, not the author's, and count QUOTED of their weight; in a news report every cue
counts less (REPORT_VOICE; in full when the source declares the kind news), in a social post
with a #hashtag or @handle none does (it is its author's own utterance); "it is worth
recalling that" or "hay que decir que" (an infinitive with no subject) is the author
speaking. A capitalised word inside running text is part of a name ("the Democratic
nominee") and a preposition ("countries like Brazil") no liking: neither judges. Headline
cues count WEIGHTS["headline"] times and lead cues WEIGHTS["lead"] times
(both fitted to 1.0: no extra weight). A court's, judge's or prosecutor's legal act
("charged X with bribery", "ordenó prisión para X": LEGAL_ACTS) states the case: what it
says counts as reported, and the case's tone is no view of the bench (no context or post cue;
no side taken from the accused it opposes); the author's own words on it still count.

The police and the bench enforce the law: their arrests, bans and charges (LEGAL_ACTS,
ENFORCEMENT) are no wrong by themselves; only the author's words on them condemn them.

Against the author's explicit evaluation of an actor (a label, verdict, hashtag or
endorsement), an outcome of the other sign ("was elected", "won", an event) does not count.
An owned "administration" ("her administration", "su gestión") is its owner's, unless the
owner holds a government role at the date (then it is the national government, as linked).

An act the author approves of makes no victim of its target, and a wrong done to an actor
the author's own cues oppose makes no villain of its doer ("sanctions on the dictator
Maduro"), unless the author's words condemn the act itself ("cruel sanctions"): the act's
cue turns sign (see _approved_acts). The same words read twice for one actor count once.

Siding (second pass): an alliance the text states ("the American favorite, Lourdes Flores",
"Maduro's ally Ortega", "aliado de Maduro", "Humala aligned himself with Chavez", "X praised
Y") pulls an actor toward the author's view
of the other one; a speaker whose quoted words judge an actor as the author does (by the
author's own cues on it) is on the author's side, and against it when they judge it the
other way (WEIGHTS["voice"]); an opposition (X harms, blames or defeats Y) pushes them
apart (weight fitted to 0); a state takes part of the author's view of its government,
armed forces and office holders (by their role at the date; once per organ) when the text
has the state act (a subject or agent: not a place, people or owner only); an author who
favours one candidate of a decisive election (actors/kb/contests.yaml), or that candidate's
party, opposes the other, named or not (a stance with 0 mentions; favour does not flow back
from opposition).

The author's side (third pass, WEIGHTS["side"]): the main actors (named MAIN_MENTIONS times)
the author's cues already side with or against make two sides; an actor with no view of its
own joins the side of one it is named together with ("Porras y Curruchiche lograron ...",
"met Evo Morales and Nicolás Maduro"; not places in a list) or belongs to
(its party in the knowledge base, named too; the government both serve in at the date),
and the other side from one it opposes, harms, blames or is harmed by: the victim of the
author's villain is sided with, the hero's critic is opposed (as the author tells it: a harm
only a quoted speaker tells sets no sides).

The document score is tanh(sum / max(1, sqrt(mentions) / 2)). Every stance keeps at least one
cue with its span: an actor with no evidence keeps its first mention, with weight 0.
"""

from __future__ import annotations

import copy
import math
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from marea.actors.gender import person_genders
from marea.actors.kb import KnowledgeBase, load_kb, parse_day, rivals, slogan_candidate
from marea.actors.spans import HANDLE, PERSON_LABELS, SOCIAL_WORDS, name_blend, tag_words
from marea.events.arguments import resolve_pronouns
from marea.events.lexicon import lexicon as event_lexicon
from marea.events.modality import QUOTES, quotations, quote_speakers
from marea.events.roles import FORCE_TYPES
from marea.events.tree import KIN_NOUNS, DependencyTree, actor_tokens
from marea.model import Document, Mention, Stance, StanceCue
from marea.opinion.lexicon import NEGATORS, Lexicon, find, lexicon, sentence_words
from marea.opinion.tone import statement_start
from marea.settings import Settings

# Fitted by benchmarks/fit_stance.py on the tuning half of benchmarks/gold/stance restricted to
# shippable documents (seeds, bundled examples, our own texts, trafilatura-eval): FNC-1 and PTC
# documents are evaluation-only. benchmarks/stance.py reports both halves.
WEIGHTS = {"label": 1.5, "attribute": 0.8, "predicate": 0.75, "event": 1.0, "context": 0.75,
           "quoted": 0.25, "ally": 0.5, "oppose": 0.0, "state": 1.0, "headline": 1.0, "lead": 1.0,
           "victim": 0.4, "rival": 1.0, "voice": 1.0, "side": 2.0}
THRESHOLD = 0.2  # |score| below this is neutral
OWNER_SCALE = 0.5  # weight of a predicate reached through a noun the actor owns
STRONG = 1.5  # |valence| from which a general polarity word judges what it is attached to
# A news report's verbs and events describe; an opinion piece's judge. Cues count in full in
# a document scored as pure opinion and this much in a pure news report.
REPORT_VOICE = 0.1
# One factor for every cue kind: a larger one for the report's own judging words (label,
# attribute, verdict cues) was fitted in session 28 and lost on the tuning half at every value
# (macro-F1 .767 at 0.1, .758 at 0.35, .719 at 1.0; in its 36 news documents 19 of 376 pairs
# take a side, and those words there are descriptors a reader calls neutral: "opositora",
# "capo", "skeptical", "civic"). The sided news pairs marea misses have no cue at all.
LEAD_SENTENCES = 3  # sentences after the first that count as the lead
TITLE_CASE_SHORT = 3  # letters of the words a title-case headline leaves lower-case ("of")
# Parts of speech whose words judge nothing ("cities like Beijing": "like" is no liking)
FUNCTION_POS = {"ADP", "SCONJ", "CCONJ", "DET", "PART", "AUX"}
# Lemmas of adjectives that only point back to a noun named before ("dicha institucionalidad",
# "dito projeto": the said one), whose forms the polarity list knows as another word (the
# noun "dicha", happiness): in that sense, tagged an adjective or determiner, they judge nothing.
POINTING_ADJECTIVES = frozenset({"dicho", "dito"})
MODIFIERS = {"amod", "compound", "flat", "flat:name", "nn", "advmod", "npadvmod"}
ATTACHED = MODIFIERS | {"appos", "nmod", "acl"}
HEADED_BY = {"appos"}  # "the far-right president, X"; not "Bolivia coup" (a compound)
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj", "iobj", "nsubjpass", "nsubj:pass"}
AGENT_PREPS = {"by", "por"}
TARGET_PREPS = {"against", "on", "upon", "contra", "sobre"}
AGAINST = {"against", "contra"}
# predicate class -> (weight for the subject, weight for the object)
CLASS_WEIGHTS = {"harm": (-1.0, 0.5), "benefit": (0.6, 0.0), "triumph": (0.0, -0.6),
                 "praise": (0.0, 0.5), "blame": (0.0, -0.5), "succeed": (0.4, 0.0),
                 "fail": (-0.6, 0.0), "advocate": (0.0, 0.0), "contest": (0.0, 0.0)}
# Winning or losing a contest ("beat incumbent Gov. Bevin", "won in a landslide", "derrotó a
# Keiko en la segunda vuelta", "was elected") is an outcome told, no harm and no merit: a verb
# of ELECTING, or of CONTEST_VERBS in a sentence naming a contest (CONTEST_WORDS), weighs
# nothing for either side ("contest" in CLASS_WEIGHTS) and sets them on no sides (a rival is
# no enemy).
CONTEST_VERBS = frozenset({"beat", "defeat", "crush", "rout", "trounce", "thrash", "unseat",
                           "oust", "win", "outvote", "derrotar", "vencer", "ganar", "aplastar"})
ELECTING = frozenset({"elect", "reelect", "re-elect"})  # contests by themselves ("was elected")
# Nouns of a contest's outcome: in a sentence naming a contest they and their adjectives tell
# who won, and give no context cue ("voters handed Trump an unambiguous defeat"; not "the
# defeat of fascism").
OUTCOME_NOUNS = frozenset({"defeat", "victory", "win", "loss", "triumph", "landslide", "rout",
                           "upset", "derrota", "victoria", "triunfo"})
# Words that name an election, a vote or a match in any sentence. Words of war news are left
# out: "point" ("a key point on the front"), "final" ("in the final weeks of the war"), "vuelta"
# alone ("de vuelta en Caracas": back in), which is a contest only as a round of voting
# (CONTEST_ROUNDS).
CONTEST_WORDS = frozenset({  # folded, as sentence words are
    "election", "vote", "ballot", "poll", "runoff", "nomination", "nominee", "incumbent",
    "caucus", "referendum", "landslide", "tournament", "championship", "reelection", "voter",
    "electorate",
    "eleccion", "voto", "votacion", "comicios", "balotaje", "primaria", "candidatura", "escano",
    "plebiscito", "torneo", "%", "votante", "elector"})
# English words that name a contest only beside another such word ("won the race for the
# seat by a wide margin") and mean something else alone: "an arms race", "the seat of
# government", "a primary concern", "a political game", "inflation rose 5 percent", "to
# match the rhetoric", "to contest the claims".
CONTEST_HINTS = frozenset({"race", "seat", "primary", "margin", "game", "match", "percent",
                           "contest"})
CONTEST_ROUNDS = frozenset({("primera", "vuelta"), ("segunda", "vuelta")})  # folded words
# classes whose subject and object stand on opposite sides (harm, blame, defeat) or together
OPPOSING, ALLYING = {"harm", "blame", "triumph"}, {"praise"}
ATTITUDES = {"praise", "blame"}  # classes whose subject voices a view
# Words that put the actor they are attached to on the side of another actor named with
# them: "the American favorite", "a US-backed coup leader", "el candidato de Washington".
ALLIANCE_WORDS = frozenset({
    "favorite", "favourite", "ally", "backed", "sponsored", "puppet", "protege", "proxy",
    "client", "friend", "partner", "candidate", "man", "stooge", "lackey", "henchman",
    "associate", "crony", "accomplice", "minion", "surrogate",
    "aliado", "respaldado", "apoyado", "titere", "favorito", "candidato", "socio", "amigo",
    "patrocinado", "lacayo", "peon"})
# Of these, the ones that also despise whom they name: "Milei no es más que un títere de los
# mercados" sides him with the markets and is against him (labels_en/labels_es give the
# value), where "the American favorite" judges no one.
SERVILE_WORDS = frozenset({"puppet", "stooge", "lackey", "henchman", "titere", "lacayo"})
NEUTRAL_ALLIANCE_WORDS = ALLIANCE_WORDS - SERVILE_WORDS
NOTHING = frozenset({"nothing", "nada"})  # "no tiene nada de títere": no part of one
EXCEPTIONS = frozenset({"but", "than", "que", "sino"})  # "no es sino": a denial that asserts
SIDE_NOUNS = frozenset({"side", "camp", "lado", "bando"})  # "on the side of X"
ALIGN_VERBS = frozenset({"align", "ally", "side", "support", "back", "endorse", "defend",
                         "join", "alinear", "aliar", "apoyar", "respaldar", "defender", "unir"})
# Verbs by which the author declares for an actor ("I will vote for Hillary", "apoyamos a
# Castillo", "we stand with Cuba"); the actor is their object or comes after ENDORSE_PREPS.
ENDORSE_VERBS = frozenset({"support", "back", "endorse", "vote", "stand", "trust", "agree",
                           "campaign", "side", "apoyar", "respaldar", "votar", "confiar",
                           "coincidir", "concordar", "defender", "solidarizar", "acompañar"})
DISSENT_VERBS = frozenset({"disagree", "discrepar", "disentir"})  # "I disagree with X": against
ENDORSE_PREPS = {"for", "with", "behind", "by", "por", "a", "con", "en", "junto"}
# Verbs by which the author holds an actor up as the one to follow ("we should follow the
# example of Mexico", "learn from AMLO", "escuchemos a Lula"): the actor may be named anywhere
# in their object ("Mexico's lead") or after FOLLOW_PREPS.
FOLLOW_VERBS = frozenset({"follow", "emulate", "imitate", "heed", "learn", "listen", "seguir",
                          "imitar", "emular", "escuchar", "aprender"})
FOLLOW_PREPS = {"to", "from", "de", "a"}
# Adverbs by which the author says an actor did right or wrong ("Sanders rightly argues",
# "acertadamente advierte"); value on the label scale. On a passive verb only a wrong counts,
# for its victim ("was wrongly accused"); "rightly convicted" or "rightly praised" say
# nothing certain of the one it was done to.
VERDICT_ADVERBS = {"rightly": 2.0, "correctly": 2.0, "wisely": 2.0, "rightfully": 2.0,
                   "justly": 2.0, "aptly": 2.0, "presciently": 2.0, "wrongly": -2.0,
                   "mistakenly": -2.0, "foolishly": -2.0, "falsely": -2.0, "wrongfully": -2.0,
                   "unjustly": -2.0, "unfairly": -2.0,
                   "acertadamente": 2.0, "sabiamente": 2.0, "atinadamente": 2.0,
                   "equivocadamente": -2.0, "erróneamente": -2.0, "erroneamente": -2.0,
                   "falsamente": -2.0, "injustamente": -2.0}
# Reporting verbs the author cites an actor with as an authority: "as Chomsky has pointed
# out", "como bien señala Borón" (the "as"/"como" makes the words the author's own too).
CREDIT_MARKS = {"as", "como"}
CREDIT_VALUE = 1.5  # on the label scale
# Verbs that report somebody else's words: a cue in their complement is the speaker's view.
REPORTING = frozenset({
    "say", "tell", "claim", "allege", "argue", "assert", "insist", "state", "add", "warn",
    "accuse", "contend", "maintain", "write", "tweet", "believe", "think", "suggest",
    "decir", "afirmar", "asegurar", "señalar", "senalar", "declarar", "sostener", "acusar",
    "advertir", "denunciar", "agregar", "añadir", "anadir", "indicar", "considerar", "creer",
    "explain", "announce", "stress", "emphasize", "acknowledge", "admit", "declare", "reply",
    "respond", "deny", "confirm", "reiterate", "complain", "predict", "concede", "recall",
    "explicar", "expresar", "manifestar", "reiterar", "destacar", "recordar", "insistir",
    "alertar", "opinar", "reconocer", "admitir", "lamentar", "comentar", "precisar",
    "enfatizar", "resaltar", "aseverar", "confirmar", "responder", "replicar", "anunciar",
    "subrayar", "apuntar", "dizer", "ressaltar", "lembrar", "avaliar"})
# Verbs whose "that" clause the author takes as true or as found ("Schiff knows that ...",
# "the rapporteur concluded that the sanctions had a devastating effect"): every other
# verb an actor is the subject of gives that clause as the actor's words, wish or belief
# ("Schiff is lecturing the nation that its president is a criminal"; see _voice).
FACTIVE = frozenset({
    "know", "realize", "realise", "regret", "forget", "discover", "learn", "notice",
    "understand", "see", "prove", "show", "reveal", "demonstrate", "find", "conclude",
    "establish", "saber", "concluir", "constatar", "establecer", "hallar", "encontrar",
    "descubrir", "demostrar", "probar", "revelar", "comprobar", "entender", "olvidar", "notar",
    "lograr", "conseguir", "hacer"})
THAT_MARKS = {"that", "que"}
COPULAS = frozenset({"be", "ser", "estar"})
# Verbs an author cites an authority with ("as X has pointed out", "como recuerda X").
# Plain saying ("as X said", "como dijo X") only cites.
CREDITING = frozenset({"point", "note", "remind", "show", "observe", "demonstrate", "señalar",
                       "senalar", "recordar", "observar", "apuntar", "subrayar", "demostrar"})
# Plain saying cites with praise when the author adds "bien": "como bien dice Lula".
CREDIT_ADVERBS = frozenset({"bien"})
# Impersonal obligation is the author's own first person: "hay que seguir el ejemplo de
# México" (haber + que + infinitive), "es necesario apoyar a Castillo" (the infinitive is the
# subject of one of OBLIGATION_ADJECTIVES).
OBLIGATION_ADJECTIVES = frozenset({"necesario", "preciso", "imprescindible", "urgente",
                                   "fundamental", "necessary", "essential", "imperative"})
# The author's verdict that an actor or its proposal solves a problem: "Sanders's plan is the
# answer", "Lula es la solución", "Bolivia tiene la respuesta" (as the predicate of a copula or
# the object of SOLUTION_VERBS). The problem it solves ("to the crisis") is no fault of its own.
SOLUTION_NOUNS = frozenset({"solution", "answer", "remedy", "cure", "antidote", "solución",
                            "solucion", "respuesta", "remedio", "salida", "cura", "antídoto"})
SOLUTION_VERBS = frozenset({"have", "offer", "hold", "provide", "propose", "tener", "ofrecer",
                            "proponer", "traer", "aportar"})
# Verbs that urge or promise: what follows them is what their subject wants or pledges
# ("Díaz-Canel insta a debatir los problemas", "prometió una transición ordenada"), the
# subject's view, not the author's.
DIRECTIVES = frozenset({"urge", "exhort", "implore", "promise", "pledge", "vow", "instar",
                        "exhortar", "llamar", "urgir", "conminar", "prometer", "jurar"})
# Events whose source only asks, accuses or refuses: the source voices its view (as ATTITUDES
# and DIRECTIVES verbs do) and is not judged by doing them; their target is no victim.
VOICED_EVENTS = frozenset({"REQUEST", "ACCUSE", "REJECT"})
TAGGED = re.compile(r"(?<!\w)[#@]\w")  # a hashtag or handle: the marks of a social post
# Adjuncts that give a sentence as somebody's view: "according to X", "según X", and the view
# named as a third party's ("in his view", "en su opinión", "a juicio de X"; not the
# author's own "en mi opinión").
ATTRIBUTION = re.compile(
    r"\b(?:according to|in (?:his|her|their) (?:view|opinion)|in the (?:view|opinion) of|"
    r"según|segun|de acuerdo (?:con|a)|conforme a|a decir de|en (?:opinión|opinion|palabras) de|"
    r"en (?:su|sus) (?:opinión|opinion|palabras)|a (?:su|sus) (?:juicio|entender|parecer|criterio)|"
    r"a (?:juicio|entender|criterio) de)\b", re.IGNORECASE)
# A sentence opened by "for"/"para" and an actor before a comma is that actor's view ("Para
# la Fiscalía, el daño fue de...", "For Sanders, the plan is..."); "Para el subsidio
# aprobaron..." names no actor and stays the author's.
VIEW_HOLDER = re.compile(r"\s*(?:for|para)\s", re.IGNORECASE)
HOLDER_WORDS = 6  # words from "para" to the comma at most
# A dash right before a verb of saying opens the Spanish aside that tells who speaks ("Nada
# —agregó— puede atentar contra el Código", "—Es un golpe —dijo el ministro."): the rest of
# the sentence is the speaker's words, given without quotation marks. A participle ("— announced
# last week —") is no aside of saying.
SPEECH_ASIDE = re.compile(r"[—–]\s*(?=\w)")
# Wrongs whose "of" names the victim ("the blockade of Cuba"; "the aggression of the US" names
# the aggressor); any strongly negative noun names its victim with "against", "on", "contra".
WRONGS_DONE = frozenset({
    "blockade", "embargo", "sanction", "invasion", "occupation", "bombing", "persecution",
    "siege", "isolation", "harassment", "destabilization", "overthrow", "ouster", "killing",
    "murder", "assassination", "massacre", "torture", "kidnapping", "repression",
    "bloqueo", "sanción", "sancion", "invasión", "ocupación", "ocupacion",
    "bombardeo", "persecución", "persecucion", "asedio", "aislamiento", "hostigamiento",
    "desestabilización", "desestabilizacion", "derrocamiento", "asesinato", "masacre",
    "tortura", "secuestro", "represión", "represion"})
# Wrongs only a state's force carries out: owned by a police, army, intelligence service or
# government, they are its acts ("la represión de la Policía"), not done to it.
FORCE_WRONGS = frozenset({"repression", "persecution", "harassment", "represión", "represion",
                          "persecución", "persecucion", "hostigamiento"})
# Prepositions naming the one who carries out a wrong named by a noun ("the repression under
# Xi", "the massacres committed by the army", "la represión bajo Pinochet"): issue 15 item 1,
# the doer of an act the author condemns is opposed (see _doer_cues).
DOER_PREPS = {"under", "by", "bajo", "por"}
WRONG_VALUE = -2.0  # on the polarity scale: a wrong in WRONGS_DONE that no word judges
# Acts of force whose "of"/"de" names the one they are done to: the events lexicon's ASSAULT
# and COERCE nouns with that target preposition and no required modifier ("the illegal
# detention of X", "el secuestro de X"). X is not their owner; a word that condemns the act
# ("illegal", "arbitraria") gives X sympathy as its victim (see _victim_cues).


@lru_cache(maxsize=1)
def _force_acts() -> frozenset[str]:
    return frozenset(noun for language in ("en", "es")
                     for noun, triggers in event_lexicon(language).nouns.items()
                     if any(t.type in FORCE_TYPES and not t.compound and
                            {"of", "de"} & set(t.target_prep) for t in triggers))


# Refuge given to somebody in danger: the one sheltered or rescued has the author's sympathy
# like a victim ("ofreció asilo a Evo Morales", "Mexico's rescue of Evo Morales").
REFUGE = frozenset({"asylum", "refuge", "sanctuary", "rescue", "asilo", "refugio", "rescate",
                    "salvoconducto", "rescatar", "asilar"})
REFUGE_VALUE = 2.0  # on the polarity scale, as a wrong done
RECIPIENT_PREPS = {"to", "for", "of", "a", "para", "de"}
# Words that describe people the author feels for, not faults: "the poor", "los humildes".
SYMPATHY = frozenset({"poor", "vulnerable", "humble", "oppressed", "marginalized", "exploited",
                      "defenseless", "innocent", "impoverished", "pobre", "humilde",
                      "oprimido", "marginado", "explotado", "indefenso",
                      "inocente", "empobrecido"})
# Spanish prepositions naming what a noun's act is aimed at ("la política hacia Cuba", "la
# campaña contra Evo"): the clause's tone judges the act, not its target (see _context_cues).
AIMED_PREPS = {"hacia", "contra"}
PLACE_PREPS = {"in", "at", "from", "across", "throughout", "within", "en", "desde"}
# Prepositions whose coordinated objects are opposing sides, not allies (see _coagents).
SIDES_MARKS = {"between", "versus", "vs", "against", "entre", "contra"}
# Nouns that say what an actor suffers: "Cuba es víctima de un bloqueo criminal", "Castillo
# fue blanco de una persecución" (Spanish parses make the wrong an nmod of the noun, so it
# was read as the actor's own label). The wrong's words are sympathy for the actor.
SUFFERER_NOUNS = frozenset({"victim", "target", "víctima", "victima", "blanco"})
# Verbs whose subject undergoes what its object names ("California suffers blackouts",
# "Chile sufre una sequía"): the subject is the patient, judged by nothing it suffers.
UNDERGOING_VERBS = frozenset({"suffer", "undergo", "face", "experience", "sufrir", "padecer",
                              "atravesar", "experimentar"})
# Misfortunes nobody does: a disaster or an accident befalls the place or actor that owns it
# ("California's drought", "la sequía de Chile"), which is no doer of it (see _done_to), and
# the words that tell one ("during the blackouts", "intense lightning strikes") judge nobody
# in the clause (see _misfortune_words).
MISFORTUNES = frozenset({
    "drought", "flood", "flooding", "earthquake", "hurricane", "storm", "wildfire", "blackout",
    "lightning",
    "famine", "epidemic", "pandemic", "outbreak", "crash", "accident", "heatwave", "landslide",
    "tsunami", "eruption", "sequía", "sequia", "inundación", "inundacion", "terremoto", "sismo",
    "huracán", "huracan", "tormenta", "incendio", "apagón", "apagon", "hambruna", "epidemia",
    "pandemia", "brote", "accidente", "deslave", "alud", "erupción", "erupcion"})
# A change of state out of something ("lifted millions out of poverty", "sacó de la pobreza
# a millones", "rescued families from misery"): what the actor takes someone out of is what
# it ends, so its badness is the act's merit (see _left_behind). "out of" marks the source
# after any verb; "from", "de", "desde" only after a verb of taking out (REMOVAL_VERBS).
REMOVAL_VERBS = frozenset({
    "lift", "pull", "rescue", "free", "save", "deliver", "liberate", "emerge", "escape",
    "sacar", "rescatar", "liberar", "salvar", "librar", "salir", "emerger", "escapar",
    "arrancar"})
SOURCE_PREPS = {"from", "de", "desde"}
# Words that make an actor the doer of the wrong they govern: "el Gobierno es responsable de
# la muerte de decenas de manifestantes", "culpable de la masacre", "X is the architect of
# the coup". The wrong's words judge the actor as its label (they are no label of their own:
# "muerte").
DOER_WORDS = frozenset({"responsable", "culpable", "autor", "autora", "artífice", "artifice",
                        "responsible", "guilty", "architect", "mastermind", "author",
                        "perpetrator", "instigator", "orchestrator", "culprit"})
# Feelings the text gives an actor ("angry voters", "los votantes indignados") are the
# actor's state of mind, not the author's judgement of it: no label.
EMOTIONS = frozenset({"angry", "furious", "frustrated", "disappointed", "worried", "afraid",
                      "scared", "fearful", "anxious", "outraged", "upset", "sad", "disillusioned",
                      "disenchanted", "happy", "hopeful", "enojado", "enfadado", "furioso",
                      "frustrado", "decepcionado", "preocupado", "asustado", "temeroso",
                      "indignado", "triste", "desencantado", "harto", "contento", "feliz",
                      "esperanzado", "molesto"})
# What befell an actor ("el fallecido exlegislador Moisés Mamani", "the wounded soldiers") is
# its condition, no judgement of it: no label (the tone lexicon scores these words as sad).
CONDITIONS = frozenset({"dead", "late", "deceased", "wounded", "injured", "sick", "ill",
                        "missing", "muerto", "fallecido", "difunto", "finado", "herido",
                        "lesionado", "enfermo", "desaparecido", "morto", "falecido", "ferido"})
# Adjectives that say how someone fares or feels, not how good they are ("Venezuela's poor
# families" is no fault of Venezuela's).
UNJUDGING = SYMPATHY | EMOTIONS | CONDITIONS
RELATION_PREPS = {"at", "to", "with", "a", "con"}  # "lashed out at", "se alió con"
VICTIM_PREPS = {"against", "on", "upon", "contra", "sobre", "a", "hacia"}
# Hashtags that campaign against or for the actor they name.
HASHTAG_AGAINST = frozenset({"stop", "no", "never", "dump", "anti", "impeach", "lock", "defeat",
                             "fire", "not", "dont", "fuera", "nunca"})
HASHTAG_FOR = frozenset({"vote", "go", "support", "with", "yes", "ready", "love", "vota",
                         "fuerza", "todos"})
OFFICES = frozenset({"president", "potus", "prez", "senate", "governor", "mayor", "presidente"})
TAG_FILLERS = frozenset({"i", "im", "we", "for", "the", "to", "is", "a", "in", "on", "of", "and",
                         "por", "para"})  # words a lower-case tag runs together ("readyfor")
CALL_VERBS = frozenset({"vote", "elect", "reelect", "support", "back", "nominate", "vota",
                        "elige", "apoya"})  # "Vote @X", "Vote for Hillary": a post's call
CALL_OPENERS = frozenset({"please", "so", "just", "go", "never", "dont", "do", "not", "nt",
                          "no", "nunca"})  # words that may stand before the call's verb
CALL_NEGATORS = frozenset({"never", "dont", "not", "nt", "no", "nunca"})
FIRST_PERSON_WORDS = frozenset({"i", "id", "im", "we", "wed", "me", "us", "yo", "nosotros"})
TAG_VALENCE = 1.0  # |polarity| from which a word of a tag judges the actor ("#HillaryLies")
# The author's verdict on somebody's words or judgement: "Sosa is right", "Xicará tiene razón",
# "se equivoca". English: the adjective predicated of the actor; Spanish: the verb and, for
# "tener razón" and "estar en lo cierto", the noun it needs. Value on the label scale.
VERDICT_ADJECTIVES = {"right": 2.0, "correct": 2.0, "wrong": -2.0, "mistaken": -2.0,
                      "equivocado": -2.0, "acertado": 2.0}
# A verdict noun on what the sentence before told ("... no serán bienvenidos. Es un error.",
# "That was a mistake."): its subject is a pronoun or missing, the verdict is on the doer.
VERDICT_NOUNS = {"mistake": -2.0, "error": -2.0, "blunder": -2.0, "equivocación": -2.0,
                 "equivocacion": -2.0, "acierto": 2.0}
DEICTIC = frozenset({"this", "that", "it", "esto", "eso", "ello", "este", "ese"})
VERDICT_PHRASES = {("tener", "razón"): 2.0, ("tener", "razon"): 2.0, ("estar", "cierto"): 2.0,
                   ("equivocar", ""): -2.0, ("acertar", ""): 2.0}
# Amends that only the wrong need make: the author who says an actor should make them ("Biden
# should apologize", "tiene todavía tiempo de corregir", "debe rectificar") or never made
# them ("La OEA nunca rectificó") says the actor is wrong: a verdict (value on the label scale).
REMEDY_VERBS = frozenset({"apologize", "apologise", "resign", "reconsider", "rectify", "correct",
                          "retract", "recant", "repent", "atone", "reverse", "undo", "corregir",
                          "rectificar", "disculpar", "dimitir", "reconsiderar", "retractar",
                          "enmendar", "arrepentir", "revertir", "deshacer"})
# "pedir perdón", "did not respond with contrition": the noun is the verb's object or "with" it
REMEDY_NOUNS = frozenset({"perdón", "perdon", "disculpa", "amends", "apology", "contrition",
                          "remorse", "contrición", "contricion", "arrepentimiento",
                          "autocrítica", "autocritica"})
WITH_PREPS = {"with", "con"}
SUPPORT_NOUNS = frozenset({"support", "backing", "help", "complicity", "blessing", "apoyo",
                           "respaldo", "ayuda", "complicidad", "venia", "aval", "beneplácito"})
# Nouns by which the author, as their first-person owner, declares for an actor: "nuestro
# respaldo a Lula", "nuestra solidaridad con Cuba", "our support for Petro".
OWN_SUPPORT_NOUNS = frozenset({"support", "backing", "solidarity", "apoyo", "respaldo",
                               "solidaridad", "adhesión", "adhesion"})
FIRST_PERSON_OWNERS = frozenset({"my", "our", "mi", "mío", "nuestro", "nuestra"})
# Verbs that deny the one they govern: "refused to apologize", "se negó a rectificar".
REFUSAL_VERBS = frozenset({"refuse", "decline", "rehusar", "negar", "resistir"})
REMEDY_VERDICT = -2.0
OBLIGATION = frozenset({"should", "must", "ought", "need", "deber", "tener", "have", "time",
                        "tiempo", "hora"})  # "must", "debe", "tiene que", "time to"
# Verbs that only say their subject did what their object names: the object's valence is the
# doer's ("X made a mistake", "is making a resurgent comeback", "cometió un crimen",
# "ha sostenido una diplomacia admirable").
DOING_VERBS = frozenset({"do", "make", "commit", "perpetrate", "stage", "mount", "score", "pursue",
                         "hacer", "cometer", "perpetrar", "protagonizar", "sostener",
                         "realizar", "llevar", "desplegar", "ejercer", "dirigir", "encabezar",
                         "comandar", "liderar", "capitanear"})
# Verbs of making or paying for a thing: its maker answers for it, so they are DOING_VERBS,
# and an actor made is its maker's creature ("the Lima Group, created by Washington", "la
# guerrilla que financió la CIA": an alliance, see _side).
MAKING_VERBS = frozenset({"create", "found", "orchestrate", "engineer", "mastermind",
                          "instigate", "sponsor", "finance", "fund", "bankroll", "install",
                          "plot", "hatch", "devise", "organize", "organise", "plan", "design",
                          "crear", "fundar", "orquestar", "instigar", "patrocinar", "financiar",
                          "instalar", "fraguar", "urdir", "tramar", "maquinar", "planear",
                          "planificar", "organizar", "diseñar", "montar", "auspiciar"})
# A verb and an end put to something say that it ended it ("puso fin a la CICIG", "put an end
# to the talks"): read as "end" (triumph), the sign from what was ended.
ENDING_VERBS = frozenset({"put", "bring", "poner", "dar"})
END_NOUNS = frozenset({"end", "halt", "stop", "fin", "término", "termino", "final"})
# Verbs that say what their subject is, like a copula: "X represents a threat to democracy".
COPULAR_VERBS = frozenset({"represent", "constitute", "pose", "remain", "become", "seem",
                           "representar", "constituir", "suponer", "parecer", "resultar",
                           "seguir", "convertir", "embody", "personify", "symbolize",
                           "encarnar", "personificar", "simbolizar"})
OWNING_RELATIVES = frozenset({"whose", "cuyo", "cuya", "cuyos", "cuyas"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "que", "quien", "quienes", "cual"})
# Spanish words (labels_es.yaml and tone_es.yaml, where framing and tone read them) that give
# a case's standing, not the author's judgement, so stance gives them and the charge after
# them no valence: "está acusado de terrorismo", "presuntos pandilleros" tell what
# prosecutors say and hedge it, and the gold keeps such news pairs neutral (all four label
# cues these words gave on the tuning half's Spanish pages fell on neutral pairs). A
# conviction (condenado) stays a judgement.
CASE_STANDING = frozenset(stem + ending for stem in (
    "acusad", "imputad", "investigad", "procesad", "sospechos", "presunt")
    for ending in ("o", "a", "os", "as"))  # read by word form: every gender and number
CHARGE_PREPS = {"de", "por"}  # "acusado de terrorismo", "investigado por corrupción": the charge
# Harm verbs that mean "carry out" when their object is a thing: "ejecutar un plan, las
# capturas, el presupuesto" harms nobody; "ejecutar a los presos" kills (see _thing_done).
CARRY_OUT_VERBS = frozenset({"ejecutar"})
# Spanish words that put the praise of what they modify in doubt, like scare quotes: "la
# supuesta democracia de Bukele", "el pretendido salvador": the praise counts reversed.
IRONY_MARKERS = frozenset({"supuesto", "supuesta", "pretendido", "pretendida"})
SCARE_QUOTE_WORDS = 3  # a quotation this short, with no verb, is the author's scare quotes
# An author's exclamation of praise ("Oh how very noble and principled of X!", "How
# chivalrous!") mocks what it praises, as scare quotes do.
EXCLAMATIVE_PRAISE = re.compile(r"(?:oh,?\s+)?how\s+(?:very\s+|so\s+)?[a-z-]+(?:\s+and\s+[a-z-]+)?"
                                r"(?:\s+of\b|\s*!)", re.IGNORECASE)
ORGANS = {"GOV", "MIL", "SPY"}  # role sectors that act for their state
STATE = 2.0  # relation sign of a state organ: only the state takes from the organ (see _side)
RIVAL = 3.0  # relation sign of election rivals: only favour for one makes the other opposed
CLAUSES = {"relcl", "advcl", "ccomp", "acl", "conj", "parataxis", "acl:relcl"}
PRONOUN = "PRONOUN"  # the label of a pronoun read as a mention of an actor (_post_pronouns)
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "u", "ur"})
THIRD_PERSON = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                "hers": "f", "herself": "f"}
MAIN_MENTIONS = 2  # mentions from which a sided actor is one of the document's main actors
# Courts, judges and prosecutors (role sector JUD, or named right after a JUD title: "la
# fiscal Rosa Pérez"). Their legal acts state the case: what follows "charged X with
# bribery" or "ordenó prisión preventiva para X" is the charge, the bench's words, not the
# author's (it counts as reported speech), and the crime's words judge neither the bench nor,
# in full, the accused. The bench takes no side by opposing the accused: only the author's
# own words on it (a label, a verdict, its verb) make it favoured or opposed.
BENCH = "JUD"
# How many heads up from a protest's trigger the threat of it may be ("threatened to go on
# [strike]": strike, on, go, threatened).
THREAT_DEPTH = 3
LEGAL_ACTS = frozenset({
    "charge", "indict", "accuse", "convict", "sentence", "prosecute", "investigate", "try",
    "order", "rule", "find", "arrest", "detain", "jail", "fine", "acquit", "summon", "review",
    "request", "seek", "file", "acusar", "imputar", "procesar", "condenar", "investigar",
    "ordenar", "dictar", "juzgar", "sentenciar", "detener", "revisar", "formalizar",
    "solicitar", "pedir", "absolver", "citar", "allanar", "denunciar", "multar", "encarcelar"})
OTHER_CLAUSES = {"advcl", "conj", "parataxis", "cc"}  # a legal act's sentence may go on
# The police (role sector COP) and the bench enforce the law: an arrest or a charge they make
# is their office, no wrong the author condemns by telling it ("la Policía detuvo a tres
# campesinos", "courts enforce bans on burning"): neither its doer is opposed nor the one
# arrested pitied unless the author's own words condemn it ("arbitrarily detained": see
# _condemned_act_cues). ENFORCEMENT adds to LEGAL_ACTS what only the police or a court does so.
POLICE = "COP"
ENFORCEMENT = frozenset({"capture", "apprehend", "imprison", "ban", "prohibit", "arrestar",
                         "capturar", "aprehender", "apresar", "prohibir"})
BENCH_NEUTRAL = ("context", "post")  # the case's tone: no evaluation of the bench
# Issue 15 item 2: a news report that names what somebody is accused of or investigated for
# states the allegation without siding ("the investigation into rape allegations in Sweden",
# "he is charged with fraud"): the crime's words are the accusers', not the author's. In a
# document read as news (opinion score below NEWS_CUT, the cut benchmarks/stance.py uses for
# the document kind) the words of an allegation count as somebody else's. English words.
NEWS_CUT = 0.5
ALLEGING_VERBS = frozenset({"accuse", "charge", "suspect", "allege", "indict", "investigate",
                            "probe"})
ALLEGATION_NOUNS = frozenset({"allegation", "accusation", "charge", "investigation", "probe",
                              "inquiry", "suspicion", "indictment"})
ALLEGED = frozenset({"alleged", "suspected", "purported", "reported", "allegedly"})
ALLEGATION_PREPS = {"of", "with", "into", "over", "for", "about", "on"}
EXAMPLE_MARKS = frozenset({"as", "like", "include"})  # "such as", "like", "including" X
# A range of examples set off by a dash: "the front-runners grew crazier — from X's plan to
# Y's tax", "sus cómplices —desde X hasta Y—": what the author says of the phrase before the
# dash, the author says of the range's members (_range_of).
RANGE_MARKS = frozenset({"from", "desde"})
RANGE_ENDS = frozenset({"to", "hasta"})
DASHES = frozenset({"—", "–", "-", "--"})
RANGE_DEPTH = 8  # heads a member may sit below the range's "from" ("to Y's dreaming up a tax")
# Groups of places, whose examples are where something happens, not who does it ("cities
# like Beijing have cleaned their air" is no praise of China's state)
PLACE_GROUPS = frozenset({"city", "town", "capital", "region", "province", "area", "place"})
# Nouns for who governs a place: "the authoritarian governments in Turkey", "the regime in
# Caracas", "el gobierno en Managua" are the place's own, as "of"/"de" would say (see _owner).
GOVERNING_NOUNS = frozenset({"government", "regime", "junta", "dictatorship", "gobierno",
                             "régimen", "regimen", "dictadura", "governo"})
PLACE_OWNER_PREPS = {"in", "en", "em"}
# An owned "administration" is its owner's unless the owner heads a government: "her
# administration" of a district attorney is hers, "his administration" of a president is
# the national government (the owner's role at the date is in a GOV sector).
ADMINISTRATION = frozenset({"administration", "administración", "administracion",
                            "administração", "administracao", "gestión", "gestion"})
# Cues that are the author's explicit evaluation of an actor; against them, an outcome the
# actor reached or was given (an event, a verb of OUTCOMES: "was elected", "won") does not
# weigh. A verb of another class ("failed", "made a remarkable effort") is the author's telling.
EVALUATIONS = ("label", "irony label", "sympathy label", "denied label", "hashtag", "verdict",
               "endorsement")
OUTCOMES = {"succeed", "triumph", "praise"}


def stance(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: fill `stances` from mentions, the parse, the events and the tone."""
    for doc in batch:
        doc.stances = document_stances(doc, settings.kb_files)
    return batch


@dataclass
class _Sentence:
    seq: list[tuple[int, str, str]]
    valence: dict[int, tuple[float, str, int, int]]  # token -> (valence, term, first, last)


@dataclass
class _Voice:
    """Whose words each token is: the author's, a quoted or reported speaker's, or scare
    quotes (the author's, ironic)."""

    attributed: set[int]
    scare: set[int]
    speakers: dict[int, str]  # attributed token -> the actor whose words it is, when known


def document_stances(doc: Document, kb_files: tuple[str, ...] = ()) -> list[Stance]:
    """Return one Stance per actor mentioned, strongest evidence first; `kb_files` are the
    user's knowledge-base files (the parties and genders of their people)."""
    if not doc.tokens:
        return []
    kb = load_kb(kb_files)
    lex = lexicon(doc.language)
    tree = DependencyTree(doc, {})
    doc = _owned_administrations(doc, tree)
    sentences = _sentences(doc, lex, tree)
    pronouns = _post_pronouns(doc, kb, tree)
    heads = _mention_heads(doc, tree, pronouns)
    bench = _bench(doc)
    voice = _voice(doc, tree, heads, bench)
    enforcers = _enforcers(doc, bench)
    cues: dict[str, list[StanceCue]] = defaultdict(list)
    mentions: dict[str, int] = defaultdict(int)
    first_mention: dict[str, Mention] = {}
    read_verbs: set[tuple[str, int]] = set()
    relations: list[tuple[str, str, float, StanceCue]] = []
    for mention in [*doc.mentions, *pronouns]:
        if not mention.actor_id:
            continue
        if mention.label != PRONOUN:  # a pronoun is read, not counted
            mentions[mention.actor_id] += 1
            first_mention.setdefault(mention.actor_id, mention)
        head = _head(tree, mention)
        if head is None:
            continue
        told = len(relations)
        found = _label_cues(doc, tree, head, mention, sentences, lex, voice, kb)
        found += _owned_cues(doc, tree, head, sentences, lex)
        found += _victim_cues(doc, tree, head, sentences)
        found += _predicate_cues(doc, tree, head, sentences, lex, read_verbs, mention.actor_id,
                                 heads, relations, enforcers)
        found += _condemned_act_cues(doc, tree, head, sentences, voice)
        found += _doer_cues(doc, tree, head, sentences, voice, read_verbs, mention.actor_id)
        # "corrupt leaders such as X jailed critics": so did X; "corrupt rulers — from X to
        # Y — jailed critics": so did both
        groups = {_group_of(doc, tree, head, heads), _range_of(doc, tree, head, heads)}
        for group in [g for g in groups if g is not None]:
            found += _label_cues(doc, tree, group, mention, sentences, lex, voice, kb)
            found += _predicate_cues(doc, tree, group, sentences, lex, read_verbs,
                                     mention.actor_id, heads, relations, enforcers)
            relations += _alliances(doc, tree, group, mention, heads)
        relations += _alliances(doc, tree, head, mention, heads)
        if head in voice.attributed:
            for cue in [c for c in found if not c.kind.startswith("quoted ")]:
                cue.weight *= WEIGHTS["quoted"]
                cue.kind = f"quoted {cue.kind}"
            for *_, cue in relations[told:]:
                cue.kind = f"quoted {cue.kind}"
        cues[mention.actor_id].extend(found)
    for actor_id, found in _event_cues(doc, tree, heads, read_verbs, sentences, voice,
                                       relations, enforcers).items():
        cues[actor_id].extend(found)
    for actor_id, cue in [*_verdict_cues(doc, tree, voice, heads),
                          *_remedy_cues(doc, tree, voice, heads),
                          *_credit_cues(doc, tree, voice, heads),
                          *_solution_cues(doc, tree, voice, heads),
                          *_endorsement_cues(doc, tree, voice, heads),
                          *_campaign_calls(doc, voice, pronouns)]:
        cues[actor_id].append(cue)
    _context_cues(doc, tree, sentences, lex, voice, cues)
    _post_cues(doc, tree, sentences, lex, voice, cues)
    _outcomes_under_evaluation(tree, lex, cues)
    _unjudged_bench(cues, bench)
    judged = [(speaker, actor, cue) for actor, found in cues.items() for cue in found
              if cue.weight and (speaker := voice.speakers.get(tree.first_at(cue.start)))
              and speaker != actor]  # (speaker, actor, the speaker's cue on it)
    report = _author_voice(doc)
    totals = {}
    for actor_id, found in cues.items():
        found[:] = _distinct(found)
        for cue in found:
            cue.weight = round(cue.weight * _position(cue.sentence), 4)
        totals[actor_id] = report * sum(c.weight for c in found)
    _approved_acts(totals, relations, cues, mentions, report,
                   _condemned_acts(tree, relations, sentences, voice))
    relations += _state_organs(doc, _acting_states(doc, tree))
    relations += _rival_relations(doc, mentions, kb)
    links = [*relations, *_coagents(doc, tree, heads), *_party_links(doc, mentions, kb),
             *_government_links(doc)]
    _side(totals, relations, cues, mentions)
    _author_side(totals, links, cues, mentions, bench)
    for speaker, cue in _agreements(judged, cues, mentions, report):
        cues[speaker].append(cue)
    result = []
    inferred = [actor for actor, found in cues.items()  # rivals the document never names
                if actor not in mentions and any(c.weight for c in found)]
    for actor_id, count in [*mentions.items(), *((a, 0) for a in inferred)]:
        found = sorted(cues[actor_id], key=lambda c: -abs(c.weight))
        total = report * sum(c.weight for c in found)
        score = _score(total, count)
        label = "favor" if score >= THRESHOLD else "against" if score <= -THRESHOLD else "neutral"
        if not found:
            mention = first_mention[actor_id]
            found = [StanceCue(mention.sentence, mention.start, mention.end, "mention",
                               doc.text[mention.start:mention.end], 0.0)]
        result.append(Stance(actor_id, label, round(score, 4), count, found))
    return sorted(result, key=lambda s: (-s.mentions, s.actor_id))


def _distinct(found: list[StanceCue]) -> list[StanceCue]:
    """One cue per kind and span: the same words read twice (two events coded on one trigger,
    a label reached from two mentions of the actor) are one piece of evidence."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for cue in found:
        key = (cue.kind, cue.start, cue.end)
        if key not in seen:
            seen.add(key)
            kept.append(cue)
    return kept


def _score(total: float, mentions: int) -> float:
    """An actor's score in [-1, 1] from the sum of its cues: an actor named often needs more
    evidence (the sum is divided by sqrt(mentions) / 2, at least 1; a fourth root or no
    division scored lower on the tuning half)."""
    return math.tanh(total / max(1.0, math.sqrt(mentions) / 2))


def _author_voice(doc: Document) -> float:
    """How much the author's cues count: REPORT_VOICE in a report its source declares news,
    else by the opinion score (in full in pure opinion). A declared opinion piece keeps its
    score: how much of it is the author's own voice still varies. A social post (short, with
    a #hashtag or an @handle) is its author's own utterance: in full."""
    if doc.metadata.get("kind") != "news" and _social_post(doc) and TAGGED.search(doc.text):
        return 1.0
    opinion = 0.0 if doc.metadata.get("kind") == "news" else doc.opinion_score or 0.0
    return REPORT_VOICE + (1 - REPORT_VOICE) * opinion


def _social_post(doc: Document) -> bool:
    """Whether a text is as short as a social post (SOCIAL_WORDS words or fewer)."""
    return sum(t.pos != "PUNCT" for t in doc.tokens) <= SOCIAL_WORDS


def _position(sentence: int) -> float:
    """Headline and lead weigh more: that is where a piece says what it thinks."""
    if sentence == 0:
        return WEIGHTS["headline"]
    return WEIGHTS["lead"] if sentence <= LEAD_SENTENCES else 1.0


def _sentences(doc: Document, lex: Lexicon, tree: DependencyTree) -> list[_Sentence]:
    """Per sentence: its words and the valenced terms on each token. An actor's name judges
    nothing ("United States", "Partido de la Liberación Dominicana"): its words have none;
    nor does a charge ("acusado de terrorismo": the prosecutors' words, see CASE_STANDING)."""
    starts = [t.start for t in doc.tokens]
    named = {i for m in doc.mentions if m.actor_id
             for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))
             if doc.tokens[i].pos == "PROPN"}
    found = []
    social = _social_post(doc)  # capitals stress in a post ("So Sad"), name nothing
    for _, _, _, seq in sentence_words(doc):
        valence: dict[int, tuple[float, str, int, int]] = {}
        address = _forms_of_address(doc, seq)
        unjudging = (set() if social else _name_words(doc, seq)) | {
            i for i, _, lemma in seq if doc.tokens[i].pos in FUNCTION_POS or (
                lemma in POINTING_ADJECTIVES and doc.tokens[i].pos == "ADJ")}
        charges = {t for i, word, _ in seq if word in CASE_STANDING
                   for o in tree.kids(i, {"obj", "obl", "nmod"})
                   if {tree.lemma(c) for c in tree.kids(o, {"case"})} & CHARGE_PREPS
                   for t in tree.subtree(o)}
        idioms: set[int] = set()  # words of a phrase listed neutral ("sin embargo": however)
        phrases: dict[int, int] = {}  # word -> length of the polarity phrase it is part of
        for table in (lex.polarity, lex.labels):  # labels win where both know a term
            for hit in find(seq, table, lex.longest):
                if table is lex.polarity:
                    if not table[hit.term]:
                        idioms.update(range(hit.first, hit.last + 1))
                    phrases.update(dict.fromkeys(range(hit.first, hit.last + 1),
                                                 hit.last - hit.first + 1))
                elif phrases.get(hit.first, 0) > hit.last - hit.first + 1:
                    continue  # a label inside a longer phrase: "crisis humanitaria" is no aid
                if hit.term in NEUTRAL_ALLIANCE_WORDS or hit.term in CASE_STANDING or (
                        hit.term in SERVILE_WORDS and _denied(tree, hit.first)) or \
                        hit.first in named or hit.first in charges or hit.first in address or (
                        table is lex.labels and hit.first in idioms):
                    continue  # "favorite" says whose side, "acusado" the case's standing
                if table is lex.polarity and hit.first == hit.last and hit.first in unjudging:
                    continue  # "the Democratic candidate", "cities like Beijing"
                for index in range(hit.first, hit.last + 1):
                    valence[index] = (table[hit.term], hit.term, hit.first, hit.last)
        for index, word, lemma in seq:  # "la supuesta democracia de Bukele": irony
            judged = doc.tokens[index].head
            if IRONY_MARKERS & {word, lemma} and judged in valence and valence[judged][0] > 0:
                value, term, first, last = valence[judged]
                valence.update(dict.fromkeys(range(first, last + 1), (-value, term, first, last)))
        found.append(_Sentence(seq, valence))
    return found


def _forms_of_address(doc: Document, seq: list[tuple[int, str, str]]) -> set[int]:
    """Capitalised words heading a name or title in running text ("the Honourable Premier
    Fahie", "His Excellency President Lula"): a form of address, no judgement."""
    words, upper = [w[0] for w in seq], _capitals(doc, seq)
    return {one for one, two in zip(words[1:], words[2:], strict=False)
            if one in upper and two in upper}


def _name_words(doc: Document, seq: list[tuple[int, str, str]]) -> set[int]:
    """Capitalised words inside running text: part of a name ("the Democratic candidate",
    "the Justice Department"), not the author's judgement. Not a sentence's or quotation's
    first word (one after punctuation) nor a word in capitals ("a LIAR")."""
    return {i for i in _capitals(doc, seq) if i != seq[0][0] and doc.tokens[i - 1].pos != "PUNCT"
            and not doc.text[doc.tokens[i].start:doc.tokens[i].end].isupper()}


def _capitals(doc: Document, seq: list[tuple[int, str, str]]) -> set[int]:
    """The capitalised words of a sentence in running text; none in a title-case headline,
    where every word but short ones is capitalised."""
    upper = {w[0] for w in seq if doc.text[doc.tokens[w[0]].start].isupper()}
    if all(w[0] in upper or len(w[1]) <= TITLE_CASE_SHORT for w in seq):
        return set()
    return upper


def _voice(doc: Document, tree: DependencyTree, heads: dict[int, str], bench: set[str]
           ) -> _Voice:
    """Tokens in quotations, in reported speech, in "according to" or "in his view"
    sentences, after "Para <actor>," opening a sentence, in a sentence with a Spanish dash
    aside of saying ("—dijo—") or in a statement reproduced after its heading are somebody
    else's words; a short verbless quotation is the author's scare quotes. The speaker is
    the actor that is the subject of the reporting verb (for a quotation: of a reporting verb
    of its sentence outside it), the one named right after "according to" or the view
    holder after "para". What a court or prosecutor's legal act says
    (LEGAL_ACTS: "charged X with bribery") is the charge: the bench's words, though no view
    it voices (no speaker)."""
    attributed: set[int] = set()
    scare: set[int] = set()
    speakers: dict[int, str] = {}
    reporters = {}  # reporting verb -> the actor that is its subject
    for index, token in enumerate(doc.tokens):
        if token.dep in SUBJECT_DEPS and index in heads and (
                tree.lemma(token.head) in REPORTING or _holds_that(tree, token.head)):
            reporters[token.head] = heads[index]
    for match in QUOTES.finditer(doc.text):
        first, end = tree.first_at(match.start(1)), tree.first_at(match.end(1))
        tokens = [i for i in range(first, end) if doc.tokens[i].pos != "PUNCT"]
        if len(tokens) <= SCARE_QUOTE_WORDS and all(doc.tokens[i].pos not in ("VERB", "AUX")
                                                    for i in tokens):
            scare.update(tokens)
            continue
        attributed.update(range(first, end))
        sentence = doc.tokens[first].sentence if first < len(doc.tokens) else -1
        outside = [actor for verb, actor in reporters.items()
                   if doc.tokens[verb].sentence == sentence and not first <= verb < end]
        if outside:
            speakers.update(dict.fromkeys(range(first, end), outside[0]))
    for index, token in enumerate(doc.tokens):
        if token.dep in ("ccomp", "parataxis") and token.head != index and (
                tree.lemma(token.head) in REPORTING or _holds_that(tree, token.head, index)
        ) and not (_first_person_subject(tree, token.head) or _impersonal(tree, token.head)):
            said = tree.subtree(index)
            attributed.update(said)
            if token.head in reporters:
                speakers.update(dict.fromkeys(said, reporters[token.head]))
    for line in doc.sentences:
        for dash in SPEECH_ASIDE.finditer(doc.text, line.start, line.end):
            saying = tree.first_at(dash.end())
            if saying < len(doc.tokens) and doc.tokens[saying].start == dash.end() and \
                    tree.lemma(saying) in REPORTING and "VerbForm=Fin" in doc.tokens[saying].morph:
                last = tree.first_at(line.end)
                closing = next((i for i in range(saying + 1, last)
                                if doc.text[doc.tokens[i].start] in "—–"), last)
                said = [i for i in range(tree.first_at(line.start), last)
                        if not tree.first_at(dash.start()) <= i <= closing]
                attributed.update(said)
                if saying in reporters:
                    speakers.update(dict.fromkeys(said, reporters[saying]))
    for line in doc.sentences:  # "Oh how very noble of Prince Andrew!": praise as mockery
        if doc.text[line.start:line.end].rstrip().endswith("!") and \
                EXCLAMATIVE_PRAISE.match(doc.text, line.start, line.end):
            scare.update(range(tree.first_at(line.start), tree.first_at(line.end)))
    if (statement := statement_start(doc.text)) is not None:  # a statement reproduced in full
        attributed.update(range(tree.first_at(statement), len(doc.tokens)))
    for line in doc.sentences:
        if according := ATTRIBUTION.search(doc.text, line.start, line.end):
            said = list(range(tree.first_at(line.start), tree.first_at(line.end)))
            attributed.update(said)
            source = heads.get(tree.first_at(according.end() + 1))  # "según Xicará"
            if source:
                speakers.update(dict.fromkeys(said, source))
        elif holder := VIEW_HOLDER.match(doc.text, line.start, line.end):
            first, last = tree.first_at(holder.end()), tree.first_at(line.end)
            comma = next((i for i in range(first, min(first + HOLDER_WORDS, last))
                          if doc.tokens[i].pos == "PUNCT"), None)
            holders = [heads[i] for i in range(first, comma or first) if i in heads]
            if comma is not None and doc.text[doc.tokens[comma].start] == "," and holders:
                said = list(range(comma + 1, last))
                attributed.update(said)
                speakers.update(dict.fromkeys(said, holders[0]))
    for head, actor in heads.items():
        role, verb = _role(doc, tree, head)
        if actor in bench and role == "subject" and verb is not None and \
                tree.lemma(verb) in LEGAL_ACTS:
            charge = set(tree.subtree(verb)).difference(tree.subtree(head), *(
                tree.subtree(c) for c in tree.kids(verb, OTHER_CLAUSES)))
            attributed.update(charge - {verb})
    if doc.metadata.get("kind") == "news" or (doc.metadata.get("kind") != "opinion" and
                                               (doc.opinion_score or 0.0) < NEWS_CUT):
        attributed.update(_allegations(doc, tree))
    return _Voice(attributed, scare, speakers)


def _holds_that(tree: DependencyTree, verb: int, clause: int | None = None) -> bool:
    """Whether a verb gives a "that" clause (`clause`, else any of its clauses) as the words,
    wish or belief of its subject, somebody (a name, a noun or a pronoun but "it"; shared
    with the verb it is coordinated with): any verb but a FACTIVE one or a copula ("they
    never cite crimes but feel that Trump is dangerous", "exigió que renuncie")."""
    doc = tree.doc
    if tree.lemma(verb) in FACTIVE | COPULAS:
        return False
    subjects = _subjects(tree, verb)
    if not subjects or doc.tokens[subjects[0]].pos not in ("PROPN", "NOUN", "PRON") or \
            tree.lemma(subjects[0]) in DEICTIC:
        return False
    clauses = tree.kids(verb, {"ccomp"}) if clause is None else [clause]
    return any(doc.tokens[c].dep == "ccomp" and
               {tree.lemma(m) for m in tree.kids(c, {"mark"})} & THAT_MARKS for c in clauses)


def _allegations(doc: Document, tree: DependencyTree) -> set[int]:
    """The words of what an allegation frame says somebody did: what follows "accused of",
    "charged with", "investigation into", "allegations of", and the noun an "alleged" or
    "suspected" qualifies with its words ("the alleged rape", "rape allegations"); not the
    owner of the frame ("Sweden's investigation": Sweden is no allegation)."""
    found: set[int] = set()
    for index, token in enumerate(doc.tokens):
        lemma = tree.lemma(index)
        if doc.text[token.start:token.end].lower() in ALLEGED and token.dep in (
                "amod", "advmod") and token.head != index:
            found.update(_without_owners(tree, token.head))
        elif lemma in ALLEGATION_NOUNS and token.pos == "NOUN":
            found.update(_without_owners(tree, index))
            after = index + 1  # "reopened its investigation into X": "into" may hang on the verb
            if after < len(doc.tokens) and doc.tokens[after].dep == "prep" and \
                    tree.lemma(after) in ALLEGATION_PREPS:
                found.update(tree.subtree(after))
        elif lemma in ALLEGING_VERBS and token.pos == "VERB":
            for prep in tree.kids(index, {"prep", "obl"}):
                if tree.lemma(prep) in ALLEGATION_PREPS or {tree.lemma(c) for c in tree.kids(
                        prep, {"case"})} & ALLEGATION_PREPS:
                    found.update(tree.subtree(prep))
    return found


def _without_owners(tree: DependencyTree, noun: int) -> set[int]:
    """A noun's words without its owner's ("Sweden's investigation")."""
    return set(tree.subtree(noun)).difference(*(tree.subtree(c) for c in tree.kids(
        noun, {"poss", "nmod:poss"})))


def _bench(doc: Document) -> set[str]:
    """The courts, judges and prosecutors a document names: actors of the JUD sector, and
    people named right after a JUD title ("la fiscal Rosa Pérez", "la fiscal general,
    Consuelo Porras")."""
    found, titles = set(), set()
    for mention in doc.mentions:
        actor = mention.actor_id
        if not actor:
            continue
        after = mention.start
        while after > 0 and doc.text[after - 1] in " ,":
            after -= 1
        if BENCH in ((mention.role or "")[3:], actor[-3:]) or after in titles:
            found.add(actor)
        if actor.endswith(BENCH) and actor.isupper():
            titles.add(mention.end)
    return found


def _enforcers(doc: Document, bench: set[str]) -> set[str]:
    """The bench and the police a document names (see POLICE)."""
    return bench | {m.actor_id for m in doc.mentions if m.actor_id and POLICE in (
        (m.role or "")[3:], m.actor_id[-3:])}


def _enforced(tree: DependencyTree, verb: int, doer: str | None, enforcers: set[str]) -> bool:
    """Whether a verb is a legal act or an arrest that the police or the bench carries out."""
    return doer in enforcers and (tree.lemma(verb) in LEGAL_ACTS or
                                  tree.lemma(verb) in ENFORCEMENT)


def _unjudged_bench(cues: dict[str, list[StanceCue]], bench: set[str]) -> None:
    """The case's tone is no view of the court (BENCH_NEUTRAL): the bench keeps what the
    author says of it."""
    for actor in bench:
        cues[actor] = [c for c in cues[actor] if not c.kind.startswith(BENCH_NEUTRAL)]


def _outcomes_under_evaluation(tree: DependencyTree, lex: Lexicon,
                               cues: dict[str, list[StanceCue]]) -> None:
    """Where the author evaluates an actor in so many words (EVALUATIONS), an outcome with
    the other sign ("Price was elected" in a letter calling her reckless) tells what
    happened, not what the author thinks of her: such cues (events, OUTCOMES verbs) go."""
    def outcome(cue: StanceCue) -> bool:
        return cue.kind.startswith("event:") or cue.kind.startswith("predicate:") and \
            lex.verbs.get(tree.lemma(tree.first_at(cue.start))) in OUTCOMES

    for actor, found in cues.items():
        judged = sum(c.weight for c in found if c.kind in EVALUATIONS)
        if judged:
            cues[actor] = [c for c in found if c.weight * judged >= 0 or not outcome(c)]


def _owned_administrations(doc: Document, tree: DependencyTree) -> Document:
    """The document with each owned "administration" (ADMINISTRATION) linked to its owner
    when the owner governs no state: the nearest person named up to the possessive ("her
    administration", "Kowalski's administration", "su gestión"), unless that person's role
    at the date is in a government (then it is the national government, as linked)."""
    people = [m for m in doc.mentions if m.actor_id and m.label in PERSON_LABELS]
    governing = {m.actor_id for m in people if (m.role or "").endswith("GOV")}
    mentions = []
    for mention in doc.mentions:
        head = _head(tree, mention)
        if head is not None and (mention.role or "").endswith("GOV") and \
                tree.lemma(head) in ADMINISTRATION:
            owners = [doc.tokens[k].end for k in tree.children[head]
                      if doc.tokens[k].dep in ("poss", "nmod:poss") or
                      "Poss=Yes" in doc.tokens[k].morph]
            before = [m for m in people if owners and m.end <= owners[0]]
            if before and before[-1].actor_id not in governing:
                mention = replace(mention, actor_id=before[-1].actor_id, role=before[-1].role,
                                  link="owner")
        mentions.append(mention)
    owned = copy.copy(doc)
    owned.mentions = mentions
    return owned


def _impersonal(tree: DependencyTree, verb: int) -> bool:
    """Whether a verb is an infinitive with no subject: nobody else speaks in "conviene
    recordar que ...", "it is worth recalling that ..."; the author does."""
    return "VerbForm=Inf" in tree.doc.tokens[verb].morph and not _subjects(tree, verb)


def _subjects(tree: DependencyTree, verb: int) -> list[int]:
    """A verb's subjects, or those of the verb it is coordinated with ("they never cite
    crimes but feel that ...": they feel)."""
    subjects = tree.kids(verb, SUBJECT_DEPS)
    token = tree.doc.tokens[verb]
    if not subjects and token.dep == "conj" and token.head != verb:
        subjects = tree.kids(token.head, SUBJECT_DEPS)
    return subjects


def _voiced_by_another(tree: DependencyTree, verb: int, heads: dict[int, str]) -> bool:
    """Whether somebody other than the author blames, so that the blame is a quoted view: a
    named subject or agent ("Milei critica a Lula", "fue criticado por Trump"), not
    "criticamos a Milei" nor "hay que criticar a Milei". (Reported praise still counts in
    full: on the tuning half's inner check part, quoting it lost gold-es-09's winner.)"""
    if _agent(tree, verb, heads) is not None:
        return True
    return bool(_subjects(tree, verb)) and not _first_person_subject(tree, verb)


def _first_person_subject(tree: DependencyTree, verb: int) -> bool:
    """Whether the author speaks: "I think", "we say", "creo" (no subject, first person)."""
    subjects = tree.kids(verb, SUBJECT_DEPS)
    if not subjects:
        return "Person=1" in tree.doc.tokens[verb].morph
    return tree.doc.text[tree.doc.tokens[subjects[0]].start:tree.doc.tokens[subjects[0]].end
                         ].lower() in ("i", "we", "yo", "nosotros")


def _mention_heads(doc: Document, tree: DependencyTree, pronouns: list[Mention]
                   ) -> dict[int, str]:
    """The head token of each actor mention (and pronoun standing for one) -> its actor."""
    found = {}
    for mention in [*doc.mentions, *pronouns]:
        if mention.actor_id:
            head = _head(tree, mention)
            if head is not None:
                found[head] = mention.actor_id
    return found


def _post_pronouns(doc: Document, kb: KnowledgeBase, tree: DependencyTree) -> list[Mention]:
    """In a social post, "you" stands for the one actor it addresses by @handle ("@X You're
    FIRED!") and "he"/"she" for the one person of that gender it names ("Does the public trust
    her?"): mentions for this stage to read, labelled PRONOUN, not stored or counted."""
    if not _social_post(doc):
        return _possessive_pronouns(doc, kb, tree)
    handles = {m.actor_id for m in doc.mentions if m.actor_id and m.text.startswith("@")}
    people: dict[str | None, set[str]] = defaultdict(set)
    for actor_id, gender in person_genders(doc, kb).items():
        people[gender].add(actor_id)
    named = [(m.start, m.end) for m in doc.mentions]
    found = []
    for token in doc.tokens:
        word = doc.text[token.start:token.end].lower()
        if word in SECOND_PERSON:
            actors = handles
        elif word in THIRD_PERSON:
            actors = people[THIRD_PERSON[word]]
        else:
            continue
        if len(actors) == 1 and not any(s <= token.start < e for s, e in named):
            found.append(Mention(token.start, token.end, doc.text[token.start:token.end],
                                 PRONOUN, token.sentence, next(iter(actors))))
    return found


def _possessive_pronouns(doc: Document, kb: KnowledgeBase, tree: DependencyTree
                         ) -> list[Mention]:
    """In a longer text, a possessive pronoun ("his crackdown", "their lies") stands for
    the actor the event stage's pronoun resolution points it at: what it owns is that
    actor's (issue 15 item 1). Not what the actor itself acts on: "Chile has abandoned its
    constitution" is no harm done to Chile. `tree` is the document's, read for its
    children and quotations (in a speaker's own quote "our" is the speaker's, "his" not)."""
    actor_at = actor_tokens(doc)
    named = set(actor_at)
    words = event_lexicon(doc.language or "en")
    tree.quotations = quotations(doc, tree, words)
    resolve_pronouns(doc, tree.children, actor_at, words, kb, quote_speakers(tree))
    found = []
    for index, token in enumerate(doc.tokens):
        if index not in actor_at or index in named or token.dep != "poss":
            continue
        owned = doc.tokens[token.head]
        doers = {actor_at[s].actor_id for s in tree.kids(owned.head, SUBJECT_DEPS)
                 if s in actor_at} if owned.dep in OBJECT_DEPS else set()
        if actor_at[index].actor_id not in doers:
            found.append(Mention(token.start, token.end, doc.text[token.start:token.end],
                                 PRONOUN, token.sentence, actor_at[index].actor_id))
    return found


def _head(tree: DependencyTree, mention: Mention) -> int | None:
    """Return the token of a mention whose syntactic head lies outside it."""
    first, last = tree.first_at(mention.start), tree.first_at(mention.end)
    for index in range(first, last):
        head = tree.doc.tokens[index].head
        if head == index or not first <= head < last:
            return index
    return None


def _cue(doc: Document, sentence: int, first: int, last: int, kind: str, weight: float
         ) -> StanceCue:
    start, end = doc.tokens[first].start, doc.tokens[last].end
    return StanceCue(sentence, start, end, kind, doc.text[start:end], round(weight, 4))


def _predicates(doc: Document, tree: DependencyTree, head: int) -> set[int]:
    """What the text says a mention is: the predicate of a copula it is the subject of ("X is
    a dictator", "Boluarte es una usurpadora"), the object of a copular verb ("X represents a
    threat", "representa un peligro"), and the same in a relative clause on it ("Trump, who
    represents a real threat", "Merino, que es un usurpador")."""
    if doc.tokens[head].dep in HEADED_BY and doc.tokens[head].head != head:
        head = doc.tokens[head].head  # "el candidato Keiko Fujimori representa ..."
    token = doc.tokens[head]
    verbs = [token.head] if token.dep in SUBJECT_DEPS and token.head != head else []
    verbs += [c for v in verbs for c in tree.kids(v, {"conj"})  # "gobernó ... y encarna ..."
              if doc.tokens[c].pos in ("VERB", "AUX") and not tree.kids(c, SUBJECT_DEPS)]
    for clause in tree.kids(head, {"relcl", "acl:relcl", "acl"}):
        if any(tree.lemma(s) in RELATIVE_PRONOUNS for s in tree.kids(clause, SUBJECT_DEPS)):
            verbs.append(clause)
    found: set[int] = set()
    for verb in verbs:
        if tree.kids(verb, {"cop"}):
            found.add(verb)
        found.update(tree.kids(verb, {"attr", "acomp"}))
        if tree.lemma(verb) in COPULAR_VERBS:
            found.update(tree.kids(verb, {"dobj", "obj", "xcomp"}))
    return found


def _attached(doc: Document, tree: DependencyTree, head: int) -> set[int]:
    """The words that describe a mention: its modifiers, appositions and its predicates (see
    _predicates)."""
    nouns = {head} | _predicates(doc, tree, head)
    token = doc.tokens[head]
    if token.dep in HEADED_BY and token.head != head:
        nouns.add(token.head)
    for prep in tree.children[head]:  # "allegiance to Castillo as the legitimate President"
        if doc.tokens[prep].dep in ("prep", "case") and tree.lemma(prep) in ("as", "como"):
            nouns.update(tree.kids(prep, {"pobj"}))
    attached: set[int] = set()
    for doer in [n for n in nouns if tree.lemma(n) in DOER_WORDS]:  # "architect of the coup"
        for prep in tree.kids(doer, {"prep"}):
            nouns.update(tree.kids(prep, {"pobj"}))
    for noun in list(nouns):
        attached.add(noun)
        for child in tree.kids(noun, ATTACHED):
            if doc.tokens[child].dep in MODIFIERS:
                attached.update(tree.subtree(child))
            else:  # an apposition or nested noun: itself and its own modifiers, no deeper
                attached.add(child)
                for grandchild in tree.kids(child, MODIFIERS):
                    attached.update(tree.subtree(grandchild))
    return attached


def _label_cues(doc: Document, tree: DependencyTree, head: int, mention: Mention,
                sentences: list[_Sentence], lex: Lexicon, voice: _Voice, kb: KnowledgeBase
                ) -> list[StanceCue]:
    """Valenced words attached to the mention; praise in scare quotes counts reversed."""
    own = set(range(tree.first_at(mention.start), tree.first_at(mention.end)))
    sentence = sentences[mention.sentence]
    seen: set[tuple[int, int]] = set()
    found = []
    if "#" in doc.text[max(mention.start - 1, 0):mention.start + 1]:  # "#StopHillary"
        sign = _hashtag_sign(mention.text.lstrip("#"), mention.actor_id, doc, kb, lex)
        if sign:
            found.append(StanceCue(mention.sentence, mention.start, mention.end, "hashtag",
                                   mention.text, round(WEIGHTS["label"] * sign * 2 / 3, 4)))
    if mention.actor_id and any(name_blend(word, kb) == mention.actor_id
                                for word in tag_words(mention.text.lstrip("#@"), kb)):
        found.append(StanceCue(mention.sentence, mention.start, mention.end, "label",
                               mention.text, -WEIGHTS["label"]))  # "Killary": mockery
    predicates = _predicates(doc, tree, head)
    suffered, done = ({t for noun in predicates if tree.lemma(noun) in words
                       for wrong in tree.kids(noun, {"nmod", "prep"})
                       for t in tree.subtree(wrong)} for words in (SUFFERER_NOUNS, DOER_WORDS))
    for index in sorted(_attached(doc, tree, head) - own):
        if index not in sentence.valence:
            continue
        value, term, first, last = sentence.valence[index]
        strong_predicate = index in predicates and abs(value) >= STRONG  # "is a threat"
        if index in predicates and term in VERDICT_ADJECTIVES:
            continue  # "X is wrong" is a verdict (see _verdict_cues), not also a label
        if tree.lemma(index) in DOER_WORDS and tree.kids(index, {"nmod", "prep"}):
            continue  # "responsable de la muerte" is no praise of a responsible actor
        if doc.tokens[index].dep == "amod" and tree.lemma(doc.tokens[index].head) in KIN_NOUNS:
            continue  # "the younger brother of Charles": a relative's age, no judgement
        if (first, last) in seen or term in NEUTRAL_ALLIANCE_WORDS or term in EMOTIONS or \
                term in CONDITIONS or (
                term not in lex.labels and doc.tokens[index].pos != "ADJ" and
                not strong_predicate and not (index in done and value < 0)):
            continue
        seen.add((first, last))
        kind = "label"
        if term in SYMPATHY or index in suffered:
            value, kind = abs(value), "sympathy label"
        elif index in voice.scare and value > 0:
            value, kind = -value, "irony label"
        elif any(_denied(tree, i) for i in (
                index, *([doc.tokens[index].head] if doc.tokens[index].dep == "amod" else []))):
            value, kind = -0.5 * value, "denied label"  # "no es un presidente legítimo"
        found.append(_cue(doc, mention.sentence, first, last, kind,
                          WEIGHTS["label"] * value / 3.0))
    return found


def _hashtag_sign(tag: str, actor: str | None, doc: Document, kb: KnowledgeBase, lex: Lexicon
                  ) -> float:
    """Whether a hashtag that names an actor campaigns for it (+1), against it (-1) or neither
    (0): by a campaign word ("#StopHillary", "#ReadyForHillary"), its slogan, its name with a
    year ("#Trump2016") or an office ("#TrumpForPresident"), else by the strongest judging word
    beside the name ("#HillaryLies", "#ITrustHillary"; not an acronym: "#HillaryInNH"). A
    lower-case tag's run-together words are split ("readyfor": ready, for)."""
    day = parse_day(doc.metadata.get("published"))
    every = tag_words(tag, kb)
    words = [w.lower() for w in every
             if not any(e.actor_id == actor for e in kb.lookup(w)) and name_blend(w, kb) is None]
    acronyms = {w.lower() for w in every if w.isupper() and len(w) > 1}  # "NH"
    words = ["for" if w == "4" else part for w in words for part in _run_together(w, lex)]
    pairs = zip(words, words[1:], strict=False)
    campaign = slogan_candidate(tag, day) == actor or (
        any(w.isdigit() and len(w) == 4 for w in words) and rivals(actor or "", day)) or any(
        first == "for" and second in OFFICES for first, second in pairs)
    if set(words) & HASHTAG_AGAINST:
        return -1.0
    if set(words) & HASHTAG_FOR or campaign:
        return 1.0
    if len(words) == len(every):
        return 0.0  # no word of the tag is the name ("#Resistance"): nothing stands beside it
    values = [VERDICT_ADJECTIVES.get(w) or lex.polarity.get(w, 0.0) for w in words
              if len(w) > 2 and w not in acronyms]  # "#TrumpIsRight": a verdict
    strongest = max(values, key=abs, default=0.0)
    return math.copysign(1.0, strongest) if abs(strongest) >= TAG_VALENCE else 0.0


def _run_together(word: str, lex: Lexicon) -> list[str]:
    """A lower-case word of a tag split into the known words it runs together ("readyfor":
    ready, for; "itrust": i, trust), the fewest pieces; the word itself when it is one word
    or no split covers it."""
    known = HASHTAG_AGAINST | HASHTAG_FOR | OFFICES | TAG_FILLERS
    if word in lex.polarity or word in known or not word.isalpha():
        return [word]
    best: dict[int, list[str]] = {0: []}  # prefix length -> fewest pieces covering it
    for end in range(1, len(word) + 1):
        options = [best[start] + [word[start:end]] for start in range(end) if start in best
                   and (word[start:end] in known or (end - start > 2
                                                     and word[start:end] in lex.polarity))]
        if options:
            best[end] = min(options, key=len)
    return best.get(len(word), [word])


def _group_of(doc: Document, tree: DependencyTree, head: int, heads: dict[int, str]
              ) -> int | None:
    """The common noun of a group a mention is named as an example of ("leaders such as
    X", "autocrats like X", "politicians including X and Y"): what the author says of the
    group, the author says of its examples (issue 15 item 1)."""
    while doc.tokens[head].dep == "conj" and doc.tokens[head].head != head:
        head = doc.tokens[head].head
    marker = doc.tokens[head].head
    if doc.tokens[head].dep != "pobj" or doc.tokens[marker].dep != "prep" or \
            tree.lemma(marker) not in EXAMPLE_MARKS:
        return None
    if tree.lemma(marker) == "as" and "such" not in {tree.lemma(c) for c in tree.children[
            marker]} | {tree.lemma(marker - 1)}:
        return None  # "as" alone is a role ("served as X"), not an example
    group = doc.tokens[marker].head
    return group if doc.tokens[group].pos == "NOUN" and group not in heads and \
        tree.lemma(group) not in PLACE_GROUPS else None


def _range_of(doc: Document, tree: DependencyTree, head: int, heads: dict[int, str]
              ) -> int | None:
    """The noun a dash-set range of examples a mention belongs to elaborates: "Epstein's
    associates — from politicians such as X to media figures such as Y", "the front-runners
    must become crazier — from X's declaring ... to Y's dreaming up ...", "sus cómplices
    corruptos — desde X hasta Y". Before the dash stands that noun, an adjective on it, or a
    predicate whose subject it is. The range's members are examples of it, as with "such as".
    The member after "to"/"hasta" may hang anywhere: it counts when the "from" before it has
    the dash."""
    index = head
    for _ in range(RANGE_DEPTH):
        for marker in [index, *tree.kids(index, {"case"})]:
            start = marker if tree.lemma(marker) in RANGE_MARKS else \
                _range_start(doc, tree, marker) if tree.lemma(marker) in RANGE_ENDS else None
            if start is not None and _dash(doc, start - 1):
                return _phrase_noun(doc, tree, start - 2, heads)
        token = doc.tokens[index]
        if token.head == index or token.dep in CLAUSES - {"conj"}:
            return None
        index = token.head
    return None


def _dash(doc: Document, index: int) -> bool:
    return index > 0 and doc.text[doc.tokens[index].start:doc.tokens[index].end] in DASHES


def _range_start(doc: Document, tree: DependencyTree, end: int) -> int | None:
    """The "from"/"desde" a range's "to"/"hasta" closes, in its sentence with no dash
    between."""
    sentence = doc.tokens[end].sentence
    for index in range(end - 1, -1, -1):
        if doc.tokens[index].sentence != sentence or _dash(doc, index):
            return None
        if tree.lemma(index) in RANGE_MARKS:
            return index
    return None


def _phrase_noun(doc: Document, tree: DependencyTree, last: int, heads: dict[int, str]
                 ) -> int | None:
    """The common noun a phrase ending at token `last` is about: the noun itself, the noun an
    adjective qualifies, or the subject of a predicate ("the front-runners must become
    crazier")."""
    token = doc.tokens[last]
    if token.pos == "ADJ" and token.dep == "amod":
        last = token.head
    elif token.pos in ("ADJ", "VERB"):
        while doc.tokens[last].pos != "VERB" and doc.tokens[last].head != last:
            last = doc.tokens[last].head
        subjects = [i for i in _subjects(tree, last) if doc.tokens[i].pos == "NOUN"]
        if not subjects:
            return None
        last = subjects[0]
    noun = doc.tokens[last]
    return last if noun.pos == "NOUN" and last not in heads else None


def _verdict_cues(doc: Document, tree: DependencyTree, voice: _Voice, heads: dict[int, str]
                  ) -> list[tuple[str, StanceCue]]:
    """The author says an actor is right or wrong ("Sosa is right", "Tiene razón", "se
    equivoca"): siding with or against what the actor said. A verdict without a subject
    ("Tiene razón.") judges the speaker the sentence before reported."""
    found = []
    for index, token in enumerate(doc.tokens):
        if index in voice.attributed:
            continue
        lemma = tree.lemma(index)
        verb, value = None, 0.0
        if lemma in VERDICT_ADJECTIVES and token.dep in ("acomp", "attr", "ROOT", "root") and \
                (tree.kids(index, {"cop"}) or tree.lemma(token.head) in ("be", "estar", "ser")):
            verb, value = (index if tree.kids(index, {"cop"}) else token.head), \
                VERDICT_ADJECTIVES[lemma]
        elif (lemma, "") in VERDICT_PHRASES and token.pos == "VERB":
            verb, value = index, VERDICT_PHRASES[(lemma, "")]
        elif token.pos in ("NOUN", "ADJ") and (tree.lemma(token.head), lemma) in VERDICT_PHRASES \
                and token.head != index:  # "tiene razón", "está en lo cierto"
            verb, value = token.head, VERDICT_PHRASES[(tree.lemma(token.head), lemma)]
        elif lemma in VERDICT_NOUNS and token.pos == "NOUN" and (
                tree.kids(index, {"cop"}) or token.dep == "attr" and
                tree.lemma(token.head) in ("be", "ser")):  # "Es un error", "That was a mistake"
            verb = index if tree.kids(index, {"cop"}) else token.head
            actor = _previous_doer(doc, tree, verb, heads)
            if actor:
                found.append((actor, _verdict(doc, verb, index, VERDICT_NOUNS[lemma])))
            continue
        if verb is None:
            continue
        if any(tree.lemma(c) in NEGATORS for c in tree.kids(verb, {"neg", "advmod"})):
            value = -value
        actor = _verdict_subject(doc, tree, verb, heads)
        if actor:
            found.append((actor, _verdict(doc, verb, index, value)))
    return found


def _verdict(doc: Document, one: int, other: int, value: float) -> StanceCue:
    """The author's verdict on an actor, on the tokens from `one` to `other` (either order):
    `value` on the label scale, weighed as a label."""
    first, last = min(one, other), max(one, other)
    return _cue(doc, doc.tokens[first].sentence, first, last, "verdict",
                WEIGHTS["label"] * value / 3.0)


def _remedy_cues(doc: Document, tree: DependencyTree, voice: _Voice, heads: dict[int, str]
                 ) -> list[tuple[str, StanceCue]]:
    """The author says an actor should make amends or never made them (see REMEDY_VERBS):
    a verdict against it. Amends made ("the minister apologized") say nothing."""
    found = []
    for verb, token in enumerate(doc.tokens):
        lemma = tree.lemma(verb)
        if verb in voice.attributed or token.pos != "VERB" or not (
                lemma in REMEDY_VERBS or any(tree.lemma(o) in REMEDY_NOUNS
                                             for o in _remedy_objects(tree, verb))):
            continue
        negated = _negated(tree, verb)
        called_for = any(tree.lemma(c) in OBLIGATION for c in tree.kids(verb, {"aux"}))
        chain = [verb]  # "Biden tiene tiempo de corregir", "Petro tiene que pedir perdón"
        while len(chain) < 3 and doc.tokens[chain[-1]].head != chain[-1]:
            chain.append(doc.tokens[chain[-1]].head)
        called_for = called_for or any(tree.lemma(i) in OBLIGATION for i in chain[1:])
        if any(tree.lemma(i) in OBLIGATION and _negated(tree, i) for i in chain[1:]):
            continue  # "did not have to apologize", "no tiene que rectificar"
        if token.dep == "xcomp" and not called_for:  # "nunca quiso revertir", "refused to"
            governor = chain[1]
            negated = negated or _negated(tree, governor) or \
                tree.lemma(governor) in REFUSAL_VERBS
        subjects = next((tree.kids(i, SUBJECT_DEPS) for i in chain
                         if tree.kids(i, SUBJECT_DEPS)), [])
        actor = _actor_at(tree, subjects[0], heads) if subjects else None
        if actor and negated and _told_not_to(doc, tree, verb):  # "@X Don't apologize":
            found.append((actor, _verdict(doc, subjects[0], verb, -REMEDY_VERDICT)))  # no need
        elif actor and negated != called_for:  # "should not resign" is no verdict
            found.append((actor, _verdict(doc, subjects[0], verb, REMEDY_VERDICT)))
    return found


def _told_not_to(doc: Document, tree: DependencyTree, verb: int) -> bool:
    """Whether a negated verb is a command that opens its sentence, after the @handles a
    post addresses ("@X Don't apologize", "Never resign"): the author tells the actor it owes
    nothing, where "X did not apologize" says it never made amends."""
    opener = min([verb, *tree.kids(verb, {"aux", "neg", "advmod"})])
    if opener != verb and tree.lemma(opener) not in ("do", *NEGATORS):
        return False
    handles = [(m.start(), m.end()) for m in HANDLE.finditer(doc.text)]
    sentence = doc.tokens[verb].sentence
    return all(any(a <= t.start < b for a, b in handles) for t in doc.tokens[:opener]
               if t.sentence == sentence and t.pos != "PUNCT")


def _endorsement_cues(doc: Document, tree: DependencyTree, voice: _Voice,
                      heads: dict[int, str]) -> list[tuple[str, StanceCue]]:
    """The author who declares for an actor ("I can't wait to vote for Hillary", "Apoyamos a
    Castillo") sides with it; a negated declaration ("I will never vote for Hillary") is
    against it. Only the author's own first person counts ("hay que seguir a X" too: one
    must is the author's must), not a quoted speaker's."""
    found = []
    for verb, token in enumerate(doc.tokens):
        if token.pos != "VERB" or verb in voice.attributed or \
                tree.lemma(verb) not in ENDORSE_VERBS | FOLLOW_VERBS | DISSENT_VERBS:
            continue
        speaker = token.head if token.dep in ("xcomp", "conj") and \
            not tree.kids(verb, SUBJECT_DEPS) else verb  # "I can't wait to vote for"
        if not (_first_person_subject(tree, speaker) or _impersonal_obligation(tree, verb)):
            continue
        follow = tree.lemma(verb) in FOLLOW_VERBS
        objects = [o for o in tree.kids(verb, {"dobj", "obj", "iobj"})]
        if follow:  # "follow the example of Mexico", "Mexico's lead"
            objects = [t for o in objects for t in tree.subtree(o)]
        for other in tree.kids(verb, {"obl", "prep"}):
            if ({tree.lemma(c) for c in tree.kids(other, {"case"})} | {tree.lemma(other)}
                    ) & (FOLLOW_PREPS if follow else ENDORSE_PREPS):
                objects += tree.subtree(other)
        sign = -1.0 if _negated(tree, verb) else 1.0  # not "can't wait to vote for"
        if tree.lemma(verb) in DISSENT_VERBS:
            sign = -sign
        for index in objects:
            if index in heads:
                found.append((heads[index], _cue(doc, token.sentence, verb, verb, "endorsement",
                                                 WEIGHTS["label"] * sign * 2 / 3)))
    for noun, token in enumerate(doc.tokens):  # "nuestro respaldo a Lula", "our support for"
        if token.pos != "NOUN" or noun in voice.attributed or \
                tree.lemma(noun) not in OWN_SUPPORT_NOUNS or not any(
                    tree.lemma(k) in FIRST_PERSON_OWNERS
                    for k in tree.kids(noun, {"det", "poss", "nmod:poss"})):
            continue
        for other in tree.kids(noun, {"nmod", "prep"}):
            marks = {tree.lemma(c) for c in tree.kids(other, {"case"})} | {tree.lemma(other)}
            for index in (tree.subtree(other) if marks & ENDORSE_PREPS else []):
                if index in heads:
                    found.append((heads[index], _cue(doc, token.sentence, noun, noun,
                                                     "endorsement", WEIGHTS["label"] * 2 / 3)))
    return found


def _campaign_calls(doc: Document, voice: _Voice, pronouns: list[Mention]
                    ) -> list[tuple[str, StanceCue]]:
    """A social post's call to vote for an actor, read from the words, as a tagger misreads
    a post ("Vote @realDonaldTrump", "Please vote for Hillary", "Don't vote for X": against
    it), its name put forward for an office ("Donald Trump for president?") or the author's
    vote given to it ("You have my vote", "Sanders has my support"). The call opens its
    sentence; the author's own words only."""
    if not _social_post(doc):
        return []
    tags = [(m.start(), m.end()) for m in HANDLE.finditer(doc.text)]
    words = ["" if any(a <= t.start < b for a, b in tags) else  # tags and handles: no words
             re.sub(r"\W", "", doc.text[t.start:t.end].lower()) for t in doc.tokens]
    starts = [t.start for t in doc.tokens]
    found = []
    for mention in [*doc.mentions, *pronouns]:
        first, last = bisect_left(starts, mention.start), bisect_left(starts, mention.end)
        if not mention.actor_id or first >= len(doc.tokens) or first in voice.attributed:
            continue
        verb = first - 1 - (first > 0 and words[first - 1] == "for")
        before = [i for i in range(max(verb, 0)) if words[i]
                  and doc.tokens[i].sentence == doc.tokens[first].sentence]
        if verb >= 0 and words[verb] in CALL_VERBS and \
                doc.tokens[verb].sentence == mention.sentence and \
                all(words[i] in CALL_OPENERS for i in before):
            sign = -1.0 if any(words[i] in CALL_NEGATORS for i in before) else 1.0
            found.append((mention.actor_id, _cue(doc, mention.sentence, verb, verb,
                                                 "endorsement", WEIGHTS["label"] * sign * 2 / 3)))
        elif (sign := _office_wish(words, doc, first, last, mention.sentence)):
            found.append((mention.actor_id, _cue(doc, mention.sentence, first, last,
                                                 "endorsement", WEIGHTS["label"] * sign * 2 / 3)))
        elif words[last:last + 1] and len(words[last]) == 4 and words[last].isdigit() and \
                doc.tokens[last].sentence == mention.sentence and \
                rivals(mention.actor_id, parse_day(doc.metadata.get("published"))):
            sign = -1.0 if words[first - 1:first] and words[first - 1] in HASHTAG_AGAINST else 1.0
            found.append((mention.actor_id, _cue(doc, mention.sentence, first, last,  # "my
                                                 "endorsement", WEIGHTS["label"] * sign * 2 / 3)))
            # Hillary 2016 sticker", written out as the campaign's tag is
        elif words[last:last + 2] in (["for", office] for office in OFFICES) or (
                words[last:last + 1] in (["have"], ["has"], ["got"], ["get"], ["gets"])
                and words[last + 1:last + 2] in (["my"], ["our"])
                and words[last + 2:last + 3] in (["vote"], ["support"])):
            end = last + (1 if words[last] == "for" else 2)
            if doc.tokens[end].sentence == mention.sentence:
                found.append((mention.actor_id, _cue(doc, mention.sentence, last, end,
                                                     "endorsement", WEIGHTS["label"] * 2 / 3)))
    return found


def _office_wish(words: list[str], doc: Document, first: int, last: int, sentence: int
                 ) -> float:
    """Whether the author of a post wishes an actor into an office (+1: "I'd love to see
    Bernie as president", "we want you as our next president") or not (-1: "never want her as
    president", "rather see X as president than Clinton"), in the first person; else 0."""
    before = [words[i] for i in range(first) if doc.tokens[i].sentence == sentence]
    if not FIRST_PERSON_WORDS & set(before):
        return 0.0
    if "than" in before[-2:] and "rather" in before:  # "than (Mrs.) Clinton"
        return -1.0
    after = [w for w in words[last:last + 4] if w not in ("the", "our", "my", "next")]
    if words[last:last + 1] != ["as"] or len(after) < 2 or after[1] not in OFFICES:
        return 0.0
    return -1.0 if CALL_NEGATORS & set(before) else 1.0


def _credit_cues(doc: Document, tree: DependencyTree, voice: _Voice, heads: dict[int, str]
                 ) -> list[tuple[str, StanceCue]]:
    """The author's verdict on how an actor acted, by an adverb ("Sanders rightly argues",
    "was wrongly accused": VERDICT_ADVERBS), and the actor the author cites as an authority
    ("As Chomsky has pointed out, ...", "Como bien señala Borón": CREDIT_MARKS)."""
    found = []
    for index, token in enumerate(doc.tokens):
        if index in voice.attributed:
            continue
        verb, value = None, 0.0
        if tree.lemma(index) in VERDICT_ADVERBS and token.dep == "advmod" and \
                doc.tokens[token.head].pos in ("VERB", "AUX"):
            verb, value = token.head, VERDICT_ADVERBS[tree.lemma(index)]
            if any(doc.tokens[c].dep in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass")
                   for c in tree.children[verb]):
                value = -value if value < 0 else 0.0  # "was wrongly accused": its victim
        elif token.pos == "VERB" and _credited(tree, index):
            verb, value = index, CREDIT_VALUE
        if verb is None or not value or _negated(tree, verb):
            continue
        subjects = tree.kids(verb, SUBJECT_DEPS | {"nsubjpass", "nsubj:pass"})
        if not subjects and doc.tokens[verb].dep == "conj":  # "tiene razón y ... advierte"
            subjects = tree.kids(doc.tokens[verb].head, SUBJECT_DEPS)
        actor = _actor_at(tree, subjects[0], heads) if subjects else None
        if actor:
            found.append((actor, _verdict(doc, verb, index, value)))
    return found


def _solution_cues(doc: Document, tree: DependencyTree, voice: _Voice, heads: dict[int, str]
                   ) -> list[tuple[str, StanceCue]]:
    """The actor the author holds up as the solution, or whose plan is (SOLUTION_NOUNS): the
    subject names it, or names a thing of its ("the plan of Lula"), or, with the solution as
    subject, the predicate does ("the answer is Sanders"); "is not the answer" is against."""
    found = []
    for index, token in enumerate(doc.tokens):
        if token.pos != "NOUN" or tree.lemma(index) not in SOLUTION_NOUNS or \
                index in voice.attributed:
            continue
        if token.dep in ("attr", "ROOT", "root") and (
                token.dep == "attr" or tree.kids(index, {"cop"})):
            verb = token.head if token.dep == "attr" else index
        elif (token.dep in ("dobj", "obj") and tree.lemma(token.head) in SOLUTION_VERBS) or (
                token.dep in SUBJECT_DEPS and token.head != index):  # "the answer is Sanders"
            verb = token.head
        else:
            continue
        subjects = tree.kids(verb, SUBJECT_DEPS)
        if token.dep in SUBJECT_DEPS:  # the predicate names the actor: its attr, or itself
            subjects = tree.kids(verb, {"attr"}) or ([verb] if tree.kids(verb, {"cop"}) else [])
        if not subjects:
            continue
        actor = _actor_at(tree, subjects[0], heads) or next(
            (heads[i] for i in tree.subtree(subjects[0]) if i in heads), None)
        if actor is None:
            continue
        negated = _negated(tree, verb) or any(tree.lemma(c) in NEGATORS
                                              for c in tree.kids(index, {"neg", "advmod"}))
        found.append((actor, _verdict(doc, index, index, -2.0 if negated else 2.0)))
    return found


def _credited(tree: DependencyTree, verb: int) -> bool:
    """Whether the author cites a verb's subject as an authority: "as X has pointed out", "como
    señala X", or plain saying with praise, "como bien dice X"."""
    doc = tree.doc
    before = [i for i in range(max(verb - 2, 0), verb)
              if doc.tokens[i].sentence == doc.tokens[verb].sentence]
    if not any(tree.lemma(i) in CREDIT_MARKS for i in [*tree.kids(verb, {"mark"}), *before]):
        return False
    return tree.lemma(verb) in CREDITING or (
        tree.lemma(verb) in REPORTING and any(tree.lemma(i) in CREDIT_ADVERBS for i in before))


def _impersonal_obligation(tree: DependencyTree, verb: int) -> bool:
    """Whether an infinitive is what "one must" do, in the author's voice: "hay que seguir el
    ejemplo de México", "es necesario apoyar a Castillo"."""
    doc = tree.doc
    if "VerbForm=Inf" not in doc.tokens[verb].morph or tree.kids(verb, SUBJECT_DEPS):
        return False
    if verb >= 2 and tree.lemma(verb - 1) == "que" and tree.lemma(verb - 2) == "haber":
        return True
    head = doc.tokens[verb].head
    return doc.tokens[verb].dep == "csubj" and tree.lemma(head) in OBLIGATION_ADJECTIVES


def _remedy_objects(tree: DependencyTree, verb: int) -> list[int]:
    """A verb's objects and what it is done "with" ("respond with contrition")."""
    found = tree.kids(verb, OBJECT_DEPS)
    for other in tree.kids(verb, {"prep", "obl"}):
        if tree.lemma(other) in WITH_PREPS:
            found += tree.kids(other, {"pobj"})
        elif {tree.lemma(c) for c in tree.kids(other, {"case"})} & WITH_PREPS:
            found.append(other)
    return found


def _negated(tree: DependencyTree, verb: int) -> bool:
    """Whether a negator ("not", "nunca") modifies a verb or the verb is what is done
    "without" ("sin nombrar al ganador", "without naming the winner": nobody was named)."""
    token = tree.doc.tokens[verb]
    return any(tree.lemma(c) in NEGATORS for c in tree.kids(verb, {"neg", "advmod", "mark"})
               ) or (token.dep == "pcomp" and tree.lemma(token.head) in NEGATORS)


def _denied(tree: DependencyTree, noun: int) -> bool:
    """Whether what a noun names is denied of its subject: "no es un títere", "is no puppet",
    "is not a puppet", "no tiene nada de títere". An exception after the negator asserts it:
    "no es otra cosa que un títere", "no es sino un títere", "nothing but a puppet"."""
    doc = tree.doc
    token = doc.tokens[noun]
    negators = [c for c in tree.kids(noun, {"neg", "advmod", "det"}) if tree.lemma(c) in NEGATORS]
    if token.dep in ("attr", "acomp", "xcomp") and token.head != noun:
        negators += [c for c in tree.kids(token.head, {"neg", "advmod"})
                     if tree.lemma(c) in NEGATORS]  # "is not a puppet": on the copula
    holder = token.head
    if token.dep == "pobj" and holder != noun and tree.lemma(holder) in ("of", "de"):
        holder = doc.tokens[holder].head
    if holder != noun and tree.lemma(holder) in NOTHING:
        negators.append(holder)
    return any(not EXCEPTIONS & {tree.lemma(i) for i in range(negator + 1, noun)}
               for negator in negators)


def _verdict_subject(doc: Document, tree: DependencyTree, verb: int, heads: dict[int, str]
                     ) -> str | None:
    """The actor a verdict is about: its subject, or, with no subject, the actor whose words
    the previous sentence reports ("..., resume la economista Laura Benedetti. Tiene razón.")."""
    subjects = tree.kids(verb, SUBJECT_DEPS)
    if subjects:
        return _actor_at(tree, subjects[0], heads)
    sentence = doc.tokens[verb].sentence
    if sentence == 0 or "Person=3" not in doc.tokens[verb].morph:
        return None
    previous = doc.sentences[sentence - 1]
    first, end = tree.first_at(previous.start), tree.first_at(previous.end)
    for index in range(first, end):
        token = doc.tokens[index]
        if token.dep in SUBJECT_DEPS and tree.lemma(token.head) in REPORTING | {"resumir"}:
            return _actor_at(tree, index, heads)
    return None


def _previous_doer(doc: Document, tree: DependencyTree, verb: int, heads: dict[int, str]
                   ) -> str | None:
    """The actor a verdict noun judges: none when its clause names a subject of its own or
    is negated; else the last actor subject of the sentence before ("funcionarios del
    Departamento de Estado han dejado entrever ... . Es un error.")."""
    subjects = tree.kids(verb, SUBJECT_DEPS)
    if subjects and tree.lemma(subjects[0]) not in DEICTIC or _negated(tree, verb):
        return None
    sentence = doc.tokens[verb].sentence
    if sentence == 0:
        return None
    previous = doc.sentences[sentence - 1]
    first, end = tree.first_at(previous.start), tree.first_at(previous.end)
    doers = [_actor_at(tree, i, heads) for i in range(first, end)
             if doc.tokens[i].dep in SUBJECT_DEPS and _role(doc, tree, i)[0] != "object"]
    return next((actor for actor in reversed(doers) if actor), None)


def _actor_at(tree: DependencyTree, index: int, heads: dict[int, str]) -> str | None:
    """The actor a noun phrase names: its head, or a name in apposition to it ("la
    economista Laura Benedetti")."""
    if index in heads:
        return heads[index]
    for child in tree.kids(index, {"appos", "flat", "flat:name", "compound"}):
        if child in heads:
            return heads[child]
    return None


def _alliances(doc: Document, tree: DependencyTree, head: int, mention: Mention,
               heads: dict[int, str]) -> list[tuple[str, str, float, StanceCue]]:
    """Alliances the text states between this mention's actor and another actor:
    "the American favorite, Lourdes Flores" and "Humala aligned himself with Chavez"."""
    actor = mention.actor_id or ""
    found = []
    attached = _attached(doc, tree, head)
    words = [i for i in attached if tree.lemma(i) in ALLIANCE_WORDS and not _denied(tree, i)]
    if words:
        owners = {o for word in words for o in _owners_of(doc, tree, word)}
        for index in attached | owners:  # "the American favorite", "Maduro's ally Ortega"
            other = heads.get(index)
            if other and other != actor:
                found.append((actor, other, 1.0, _cue(doc, mention.sentence, words[0], words[0],
                                                      "alliance", 0.0)))
    token = doc.tokens[head]
    verb = token.head
    if token.dep in SUBJECT_DEPS and verb != head and tree.lemma(verb) in ALIGN_VERBS:
        for child in tree.children[verb]:
            for index in tree.subtree(child):
                other = heads.get(index)
                if other and other != actor:
                    found.append((actor, other, 1.0, _cue(doc, mention.sentence, verb, verb,
                                                          "alliance", 0.0)))
    side = _side_noun(doc, tree, head)
    if side is not None:  # "Castillo shows himself on the side of the Puebla Group"
        other = _agent(tree, side, heads)
        if other and other != actor:
            found.append((actor, other, 1.0, _cue(doc, mention.sentence, side, side,
                                                  "alliance", 0.0)))
    return found


def _owners_of(doc: Document, tree: DependencyTree, noun: int) -> list[int]:
    """The nouns that own `noun`: "Maduro's ally", "the ally of Maduro", "aliado de Maduro"
    (whose ally it is: a relational noun's other end)."""
    owners = tree.kids(noun, {"poss", "nmod:poss"})
    for prep in tree.kids(noun, {"prep"}):
        if tree.lemma(prep) in ("of", "de"):
            owners += tree.kids(prep, {"pobj"})
    owners += [n for n in tree.kids(noun, {"nmod"})
               if "de" in {tree.lemma(c) for c in tree.kids(n, {"case"})}]
    return owners


def _side_noun(doc: Document, tree: DependencyTree, head: int) -> int | None:
    """The "side" a mention names the owner of: "on the side of X", "del lado de X"."""
    token = doc.tokens[head]
    if token.dep == "pobj" and tree.lemma(token.head) in ("of", "de"):
        noun = doc.tokens[token.head].head
    elif token.dep == "nmod" and {"de"} & {tree.lemma(c) for c in tree.kids(head, {"case"})}:
        noun = token.head
    else:
        return None
    return noun if tree.lemma(noun) in SIDE_NOUNS and noun != head else None


def _owner(doc: Document, tree: DependencyTree, head: int) -> int | None:
    """The noun a mention is the owner of: "Washington's X", "X of the US", "US X", "X de EEUU",
    and a government in a place: "the regime in Caracas" (GOVERNING_NOUNS)."""
    token = doc.tokens[head]
    parent = token.head
    noun = None
    if token.dep in ("poss", "nmod:poss", "compound") and parent != head:
        noun = parent
    elif token.dep == "pobj" and tree.lemma(parent) in ("of", "de"):
        noun = doc.tokens[parent].head
    elif token.dep == "nmod" and "de" in {tree.lemma(c) for c in tree.kids(head, {"case"})}:
        noun = parent
    elif token.dep == "pobj" and tree.lemma(parent) in PLACE_OWNER_PREPS and \
            tree.lemma(doc.tokens[parent].head) in GOVERNING_NOUNS:
        noun = doc.tokens[parent].head  # "the regime in Caracas"
    elif token.dep == "nmod" and tree.lemma(parent) in GOVERNING_NOUNS and \
            PLACE_OWNER_PREPS & {tree.lemma(c) for c in tree.kids(head, {"case"})}:
        noun = parent  # "el régimen en Managua"
    return noun if noun is not None and doc.tokens[noun].pos == "NOUN" else None


def _supported_act(tree: DependencyTree, noun: int) -> int | None:
    """The verb of the act an owned noun of support goes with ("overthrew Evo with the
    support of the OAS", "lo derrocaron con el apoyo de la OEA"): its owner is an accomplice,
    judged by the act, not by the support's good name."""
    token = tree.doc.tokens[noun]
    if tree.lemma(noun) not in SUPPORT_NOUNS:
        return None
    if token.dep == "pobj" and tree.lemma(token.head) in WITH_PREPS:
        verb = tree.doc.tokens[token.head].head
    elif token.dep == "obl" and {tree.lemma(c) for c in tree.kids(noun, {"case"})} & WITH_PREPS:
        verb = token.head
    else:
        return None
    return verb if tree.doc.tokens[verb].pos == "VERB" else None


def _done_to(doc: Document, tree: DependencyTree, head: int, noun: int) -> bool:
    """Whether the noun a mention is the owner of (see _owner) is done to it: a wrong ("the
    blockade of Cuba"), a misfortune that befalls it ("California's drought") or an act of
    force through "of"/"de" ("the arrest of X"; "Washington's arrest of X" is Washington's
    act)."""
    if _victim_elsewhere(tree, head, noun):
        return False  # "Cuba sufre el bloqueo criminal de Estados Unidos": the US does it
    return tree.lemma(noun) in WRONGS_DONE | MISFORTUNES or (
        tree.lemma(noun) in _force_acts() and doc.tokens[head].dep in ("pobj", "nmod"))


def _victim_elsewhere(tree: DependencyTree, head: int, noun: int) -> bool:
    """Whether a wrong the mention owns names its victim in other words, so that its "of"/"de"
    names the doer: "el bloqueo de EEUU contra Cuba", "Cuba sufre el bloqueo de EEUU",
    "víctima del bloqueo de EEUU" (Spanish "de" names either; the victim decides); or is a
    wrong only a state's force does, owned by one ("la represión de la Policía")."""
    if tree.lemma(noun) not in WRONGS_DONE:
        return False
    if tree.lemma(noun) in FORCE_WRONGS and any(
            m.actor_id and m.actor_id[-3:] in ORGANS | {POLICE} and m.start <= tree.doc.tokens[
                head].start < m.end for m in tree.doc.mentions):
        return True
    aimed = [k for k in tree.kids(noun, {"nmod", "obl"}) if k != head and
             VICTIM_PREPS & {tree.lemma(c) for c in tree.kids(k, {"case"})}]
    aimed += [p for p in tree.kids(noun, {"prep"}) if tree.lemma(p) in VICTIM_PREPS]
    parent = tree.doc.tokens[noun].head
    undergone = parent != noun and tree.lemma(parent) in UNDERGOING_VERBS and any(
        k != noun for k in tree.kids(parent, SUBJECT_DEPS | OBJECT_DEPS))
    acts_on = tree.doc.tokens[noun].dep in SUBJECT_DEPS and any(  # "el bloqueo asfixia a Cuba"
        k != noun and "a" in _case_lemmas(tree, k)
        for k in tree.kids(parent, OBJECT_DEPS | {"obl"}))
    return bool(aimed) or undergone or acts_on or (
        parent != noun and tree.lemma(parent) in SUFFERER_NOUNS)


def _victim_cues(doc: Document, tree: DependencyTree, head: int, sentences: list[_Sentence]
                 ) -> list[StanceCue]:
    """A wrong done to the actor: "the blockade against Venezuela", "sanctions on Cuba",
    "el bloqueo a Cuba", "the invasion of Iraq"; or refuge given to it (see REFUGE). The
    victim has the author's sympathy."""
    token = doc.tokens[head]
    refuge = _refuge(tree, head)
    if refuge is not None:
        return [_cue(doc, token.sentence, refuge, refuge, "victim",
                     WEIGHTS["victim"] * REFUGE_VALUE / 3.0)]
    suffered = _suffered_wrong(tree, head)
    if suffered is not None:  # "Cuba sufre el bloqueo criminal de Estados Unidos"
        valence = sentences[token.sentence].valence
        judged = [i for i in tree.kids(suffered, {"amod"}) if i in valence]
        value = min([WRONG_VALUE, *(valence[i][0] for i in judged)])
        return [_cue(doc, token.sentence, min(suffered, *judged), max(suffered, *judged),
                     "victim", WEIGHTS["victim"] * -value / 3.0)]
    case = token.head if token.dep == "pobj" else next(
        iter(tree.kids(head, {"case"})), None) if token.dep in ("nmod", "obl") else None
    if case is None or case == head:
        return []
    noun = doc.tokens[case].head if token.dep == "pobj" else token.head
    preposition = _case_lemma(tree, case)
    if preposition not in VICTIM_PREPS and not (preposition in ("of", "de") and
                                                _done_to(doc, tree, head, noun)):
        return []
    sentence = sentences[token.sentence]
    force = preposition in ("of", "de") and tree.lemma(noun) not in WRONGS_DONE
    judges = tree.kids(noun, {"amod"}) if force else [noun, *tree.kids(noun, {"amod"})]
    judged = [i for i in judges if i in sentence.valence]  # "the arrest of X": only words judge
    worst = min(judged, key=lambda i: sentence.valence[i][0], default=None)
    value = sentence.valence[worst][0] if worst is not None else 0.0  # "devastating effect on"
    if tree.lemma(noun) not in WRONGS_DONE and (value > -STRONG or
                                                doc.tokens[noun].pos != "NOUN"):
        return []
    value = value if worst is not None else -2.0  # a wrong done that no word judges
    ends = (noun,) if worst is None else (worst, noun)  # "la detención arbitraria de X"
    return [_cue(doc, token.sentence, min(ends), max(ends), "victim",
                 WEIGHTS["victim"] * abs(value) / 3.0)]


def _case_lemma(tree: DependencyTree, case: int) -> str:
    """A preposition's lemma; "a manos de X" (parsed "a" + fixed "manos de") names the doer,
    as "por X" does: "masacres a manos de paramilitares" are the paramilitaries' acts."""
    if tree.lemma(case) == "a" and any(tree.lemma(k) in ("mano", "manos")
                                       for k in tree.kids(case, {"fixed"})):
        return "por"
    return tree.lemma(case)


def _case_lemmas(tree: DependencyTree, index: int) -> set[str]:
    """The lemmas of a noun's prepositions (see _case_lemma)."""
    return {_case_lemma(tree, c) for c in tree.kids(index, {"case"})}


def _suffered_wrong(tree: DependencyTree, head: int) -> int | None:
    """The wrong (WRONGS_DONE) the mention undergoes as the subject of an undergoing verb:
    "Cuba sufre el bloqueo", "Venezuela padece las sanciones" (the parser may make the wrong a
    second subject). A misfortune undergone judges nobody (see _befallen)."""
    token = tree.doc.tokens[head]
    if token.dep not in SUBJECT_DEPS or tree.lemma(token.head) not in UNDERGOING_VERBS:
        return None
    return next((k for k in tree.kids(token.head, SUBJECT_DEPS | OBJECT_DEPS)
                 if k != head and tree.lemma(k) in WRONGS_DONE), None)


def _refuge(tree: DependencyTree, head: int) -> int | None:
    """The word of refuge a mention receives: "asylum to X", "the rescue of X", "asilo a X",
    "rescató a X" (as the noun's or the verb's recipient or object), else None."""
    doc = tree.doc
    token = doc.tokens[head]
    if token.dep == "pobj":  # "the rescue of X", "granted asylum to X"
        preposition, governor = token.head, doc.tokens[token.head].head
    elif token.dep in ("nmod", "obl", "obj", "iobj", "dobj"):  # "el rescate de X", "asilo a X"
        cases = tree.kids(head, {"case"})
        preposition, governor = (cases[0] if cases else head), token.head
    else:
        return None
    if governor == head or (preposition != head and
                            tree.lemma(preposition) not in RECIPIENT_PREPS):
        return None
    if tree.lemma(governor) in REFUGE:  # "the rescue of X", "rescató a X"
        return governor
    if doc.tokens[governor].pos == "VERB":  # "ofreció asilo a X", "granted asylum to X"
        given = [o for o in tree.kids(governor, {"dobj", "obj"}) if o != head]
        return next((o for o in given if tree.lemma(o) in REFUGE), None)
    return None


def _owned_cues(doc: Document, tree: DependencyTree, head: int, sentences: list[_Sentence],
                lex: Lexicon) -> list[StanceCue]:
    """A valenced noun the actor owns: "Washington's aggression", "the aggression of the
    United States", "US imperialism" (a compound only with a label-lexicon noun); or what the
    text says the owned thing is: "Biden's decision was a disgrace" condemns Biden's act, and
    so does an evaluative adjective on it: "Biden's reckless policy" (not a compound owner:
    "the Trumpian Florida mafia" only places the mafia)."""
    noun = _owner(doc, tree, head)
    if noun is None or _done_to(doc, tree, head, noun) or _supported_act(tree, noun) is not None:
        return []  # "the blockade of Cuba" is done to Cuba: see _victim_cues
    token = doc.tokens[head]
    sentence = sentences[token.sentence]
    if noun not in sentence.valence and token.dep != "compound":
        judged = [sentence.valence[p] for p in sorted(_predicates(doc, tree, noun))
                  if p in sentence.valence and abs(sentence.valence[p][0]) >= STRONG]
        judged += [(value, term, first, noun) for a in tree.kids(noun, {"amod"})
                   if a in sentence.valence and tree.lemma(a) not in UNJUDGING
                   for value, term, first, _ in [sentence.valence[a]]
                   if abs(value) >= STRONG and first < noun]  # "Biden's reckless policy"
        if judged:
            value, _, first, last = judged[0]
            return [_cue(doc, token.sentence, first, last, "attribute",
                         WEIGHTS["attribute"] * value / 3.0)]
    if noun not in sentence.valence:
        return []
    value, term, first, last = sentence.valence[noun]
    if term not in lex.labels and (token.dep == "compound" or abs(value) < STRONG):
        return []  # "Bolivia coup" places a coup, "Bush's approval rating" is a figure
    return [_cue(doc, token.sentence, first, last, "attribute",
                 WEIGHTS["attribute"] * value / 3.0)]


def _thing_done(tree: DependencyTree, verb: int, heads: dict[int, str]) -> bool:
    """Whether the verb's direct object is a thing: no actor, and no Spanish personal "a"
    ("ejecutó el plan", not "ejecutó a los detenidos")."""
    return any(o not in heads and not any(tree.lemma(c) == "a" for c in tree.kids(o, {"case"}))
               for o in tree.kids(verb, {"dobj", "obj"}))


def _classed_verb(tree: DependencyTree, verb: int, lex: Lexicon) -> tuple[int, str | None]:
    """The verb that carries the meaning: itself when it has a class, else the first classed
    verb among its open complements, the clauses on its object and their conjuncts ("tried
    to destroy", "reserved the right to intervene and overthrow", "surprised observers by
    defeating")."""
    if tree.lemma(verb) in ENDING_VERBS and any(
            tree.lemma(k) in END_NOUNS for k in tree.kids(verb, {"dobj", "obj", "compound"})):
        return verb, "triumph"  # "puso fin a la CICIG", "put an end to the talks": ended
    own = _phrasal_class(tree, verb, lex) or lex.verbs.get(tree.lemma(verb))
    if own is not None and own != "advocate":  # "sought to impose": impose says what
        return verb, own
    frontier = tree.kids(verb, {"xcomp"})
    for prep in tree.kids(verb, {"prep", "mark"}):  # "surprised observers by defeating X"
        frontier += tree.kids(prep, {"pcomp"})
    for obj in tree.kids(verb, {"dobj", "obj"}):
        frontier += tree.kids(obj, {"acl", "relcl"})
    for candidate in frontier:
        for index in tree.conjuncts(candidate):
            if tree.lemma(index) in lex.verbs:
                return index, lex.verbs[tree.lemma(index)]
    return verb, own


def _phrasal_class(tree: DependencyTree, verb: int, lex: Lexicon) -> str | None:
    """The class of a verb listed with its particle or preposition ("lash out", "call for",
    "romper con", "acabar con", "cargar contra"), which the verb's lemma alone does not
    find: the particle is the verb's own word, the preposition heads or marks its
    complement. A Spanish pronominal verb is listed with its "se" ("burlarse", "oponerse"),
    which the model's lemma drops ("se burló": burlar)."""
    doc = tree.doc
    if any(doc.text[doc.tokens[k].start:doc.tokens[k].end].lower() == "se"
           for k in tree.children[verb]):  # "se burló de", "se opuso a"
        found = lex.verbs.get(f"{tree.lemma(verb)}se")
        if found is not None:
            return found
    words = [*tree.kids(verb, {"prt", "compound:prt", "prep"}),
             *(case for other in tree.kids(verb, {"obl", "obl:arg", "obj", "iobj"})
               for case in tree.kids(other, {"case"}))]
    for word in words:
        found = lex.verbs.get(f"{tree.lemma(verb)} {tree.lemma(word)}")
        if found is not None:
            return found
    return None


def _predicate_cues(doc: Document, tree: DependencyTree, head: int,
                    sentences: list[_Sentence], lex: Lexicon,
                    read_verbs: set[tuple[str, int]], actor_id: str, heads: dict[int, str],
                    relations: list[tuple[str, str, float, StanceCue]], enforcers: set[str]
                    ) -> list[StanceCue]:
    """The verb the actor is subject or object of, weighted by its class.

    When the actor only owns the verb's argument ("rejected U.S. attempts", "campaigned
    against Washington's policies") the owning noun takes its place, at OWNER_SCALE. A verb
    whose subject and object are both actors also records how they stand to each other.
    """
    scale = 1.0
    role, verb = _role(doc, tree, head)
    owner = _owner(doc, tree, head)
    if verb is None and owner is not None and not _done_to(doc, tree, head, owner):
        scale = OWNER_SCALE
        role, verb = _role(doc, tree, owner)
    verbs = [(role, verb, scale)] if verb is not None else []
    verbs += _relative_clauses(tree, head)
    return [cue for role, verb, scale in verbs for cue in _verb_cues(
        doc, tree, role, verb, scale, sentences, lex, read_verbs, actor_id, heads, relations,
        enforcers)]


def _doer_cues(doc: Document, tree: DependencyTree, head: int, sentences: list[_Sentence],
               voice: _Voice, read_verbs: set[tuple[str, int]], actor_id: str
               ) -> list[StanceCue]:
    """The actor carries out a wrong a noun names, through DOER_PREPS on the noun or on a
    participle on it: "the increasing repression seen under Xi", "the crimes committed by the
    junta", "la represión bajo Pinochet". A wrong (WRONGS_DONE) or a noun the author's own
    words condemn makes its doer opposed, weighed as a predicate; the victim of the wrong is
    read by _victim_cues. A legal act ("the conviction by the court") is no wrong, and a
    coded event with the actor as source is judged by _event_cues."""
    token = doc.tokens[head]
    if token.dep in ("pobj", "agent"):
        preposition = token.head
    elif token.dep in ("nmod", "obl"):
        preposition = next(iter(tree.kids(head, {"case"})), head)
    else:
        return []
    if preposition == head or _case_lemma(tree, preposition) not in DOER_PREPS:
        return []
    governor = token.head if token.dep in ("nmod", "obl") else doc.tokens[preposition].head
    noun = governor
    if doc.tokens[governor].pos == "VERB" and doc.tokens[governor].dep == "acl":
        noun = doc.tokens[governor].head  # "the repression seen under Xi"
    coded = any(e.source_id == actor_id and e.start == doc.tokens[noun].start
                for e in doc.events)  # a coded event is read, judged, by _event_cues
    if doc.tokens[noun].pos != "NOUN" or noun in voice.attributed or coded or \
            tree.lemma(noun) in LEGAL_ACTS or (actor_id, noun) in read_verbs:
        return []
    sentence = sentences[token.sentence]
    judged = [i for i in (noun, *tree.kids(noun, {"amod"})) if i in sentence.valence and
              sentence.valence[i][0] <= -STRONG]
    if not judged and tree.lemma(noun) not in WRONGS_DONE:
        return []
    value = min((sentence.valence[i][0] for i in judged), default=WRONG_VALUE)
    read_verbs.add((actor_id, noun))
    first = min([noun, *judged])
    return [_cue(doc, token.sentence, first, max([noun, *judged]), "predicate:subject",
                 WEIGHTS["predicate"] * value / 3.0)]


def _condemned_act_cues(doc: Document, tree: DependencyTree, head: int,
                        sentences: list[_Sentence], voice: _Voice) -> list[StanceCue]:
    """An act the author's adverb condemns ("buscan apropiarse ilegalmente del avión de
    Martinelli", "brutally beat the protesters"): its doer is against, the one it is done to,
    or whose thing it takes, has sympathy as a victim. Weighed as a predicate and a victim."""
    target = head
    if doc.tokens[head].dep not in SUBJECT_DEPS | OBJECT_DEPS:
        owner = _owner(doc, tree, head)
        target = head if owner is None else owner  # "del avión de Martinelli"
    token = doc.tokens[target]
    verb = token.head
    if token.dep == "pobj" and verb != target:  # "seized the plane of X", "beat up on X"
        verb = doc.tokens[verb].head
    if verb == target or doc.tokens[verb].pos not in ("VERB", "AUX") or \
            token.dep not in SUBJECT_DEPS | OBJECT_DEPS | {"obl", "pobj"}:
        return []
    sentence = sentences[token.sentence]
    judged = [i for i in tree.kids(verb, {"advmod"}) if i in sentence.valence and
              i not in voice.attributed and sentence.valence[i][0] <= -STRONG]
    if not judged:
        return []
    value = sentence.valence[judged[0]][0]
    passive = _passive(tree, verb)
    if token.dep in SUBJECT_DEPS and not passive:
        return [_cue(doc, token.sentence, min(verb, judged[0]), max(verb, judged[0]),
                     "predicate:subject", WEIGHTS["predicate"] * value / 3.0)]
    return [_cue(doc, token.sentence, min(verb, judged[0]), max(verb, judged[0]), "victim",
                 WEIGHTS["victim"] * -value / 3.0)]


def _relative_clauses(tree: DependencyTree, head: int) -> list[tuple[str, int, float]]:
    """The relative clauses on a mention, or on the noun it is in apposition to, with the
    mention's role in each and its scale: "the Puebla Group, which defends ..." (subject),
    "el Grupo de Lima, que fue creado por EEUU" (object); through a thing it owns at
    OWNER_SCALE ("Maduro, cuyo régimen ha arruinado Venezuela", "whose regime")."""
    found = []
    clauses = tree.kids(head, {"relcl", "acl:relcl", "acl"})
    token = tree.doc.tokens[head]
    if token.dep == "appos":  # "su antecesor, Jimmy Morales, que puso fin a ...": the same one
        clauses += [c for c in tree.kids(token.head, {"relcl", "acl:relcl", "acl"}) if c > head]
    for clause in clauses:
        for pronoun in tree.kids(clause, SUBJECT_DEPS | OBJECT_DEPS):
            owned = {tree.lemma(k) for k in tree.children[pronoun]} & OWNING_RELATIVES
            if tree.lemma(pronoun) not in RELATIVE_PRONOUNS and not owned:
                continue
            passive = _passive(tree, clause)
            subject = tree.doc.tokens[pronoun].dep in SUBJECT_DEPS and not passive or \
                bool(owned) and _fronted_subject(tree, clause, pronoun)
            found.append(("subject" if subject else "object", clause,
                          OWNER_SCALE if owned else 1.0))
    return found


def _fronted_subject(tree: DependencyTree, verb: int, noun: int) -> bool:
    """Whether a relative's owned noun parsed as an object is the clause's subject: it stands
    before an active verb that has no subject and another object after it ("Maduro, cuyo
    gobierno arruinó Venezuela": the government ruined Venezuela, so the judgement is
    Maduro's as its owner)."""
    return noun < verb and not _passive(tree, verb) and not tree.kids(verb, SUBJECT_DEPS) \
        and any(o > verb for o in tree.kids(verb, OBJECT_DEPS))


def _verb_cues(doc: Document, tree: DependencyTree, role: str, verb: int, scale: float,
               sentences: list[_Sentence], lex: Lexicon, read_verbs: set[tuple[str, int]],
               actor_id: str, heads: dict[int, str],
               relations: list[tuple[str, str, float, StanceCue]], enforcers: set[str]
               ) -> list[StanceCue]:
    """The cue of one verb the actor is the subject or object of (see _predicate_cues)."""
    verb, cls = _classed_verb(tree, verb, lex)
    if cls == "harm" and tree.lemma(verb) in CARRY_OUT_VERBS and _thing_done(tree, verb, heads):
        cls = None  # "la Policía ha ejecutado 14.571 capturas" carries out, kills nobody
    if cls == "harm" and _enforced(tree, verb, actor_id if role == "subject" else
                                   _agent(tree, verb, heads), enforcers):
        return []  # "la Policía detuvo a tres campesinos": the law enforced (see POLICE)
    sentence = sentences[doc.tokens[verb].sentence]
    last = verb
    negated = _negated(tree, verb)
    if (tree.lemma(verb) in MAKING_VERBS or cls == "advocate") and role == "subject" and \
            not negated:  # "the Free Trade Area of the Americas that Washington promotes"
        made = [*tree.kids(verb, {"dobj", "obj"}), _gap_object(tree, verb)]
        for creature in {heads[i] for i in made if i is not None and i in heads} - {actor_id}:
            if not _state_and_organ(actor_id, creature):
                relations.append((actor_id, creature, 1.0, _cue(
                    doc, doc.tokens[verb].sentence, verb, verb, "alliance", 0.0)))
    if tree.lemma(verb) in ELECTING or tree.lemma(verb) in CONTEST_VERBS and \
            _names_contest(sentence):
        cls = "contest"
    if cls is not None:
        subject_weight, object_weight = CLASS_WEIGHTS[cls]
        weight = subject_weight if role == "subject" else object_weight
        if cls == "triumph" and role == "subject":  # what is resisted, not how: "Cuba
            value = _object_valence(tree, verb, sentence, nested=False) or \
                _object_valence(tree, verb, sentence)  # resiste con dignidad el bloqueo"
            if value:
                weight = -value / 3.0
        elif cls == "advocate" and role == "subject":
            weight = _object_valence(tree, verb, sentence) / 3.0
        elif cls == "harm" and role == "subject" and \
                _object_valence(tree, verb, sentence, nested=False) > 0:
            weight = 0.0  # "impose a sovereign position" harms nobody
        elif cls == "praise" and role == "subject" and \
                _object_valence(tree, verb, sentence, nested=False) <= -STRONG:
            weight = _object_valence(tree, verb, sentence, nested=False) / 3.0  # "avaló el golpe"
        elif cls == "benefit" and role == "subject" and _object_valence(tree, verb, sentence) < 0:
            weight = _object_valence(tree, verb, sentence) / 3.0  # "promotes austerity"
        elif cls == "harm" and role == "object" and _same_country(actor_id, _agent(tree, verb,
                                                                                    heads)):
            weight = 0.0  # "the United States ... overthrow any government" is not the US's
    elif (verb in sentence.valence and doc.tokens[verb].pos == "VERB" and role == "subject"
          and abs(sentence.valence[verb][0]) >= STRONG and tree.lemma(verb) not in MAKING_VERBS):
        weight = 0.7 * sentence.valence[verb][0] / 3.0  # "X lied", "X thrived"
    elif tree.lemma(verb) in DOING_VERBS | MAKING_VERBS and role == "subject" and \
            _object_valence(tree, verb, sentence, nested=False):
        weight = _object_valence(tree, verb, sentence, nested=False) / 3.0  # "made a mistake"
        objects = tree.kids(verb, {"dobj", "obj"})  # the cue runs through what was done
        last = max([verb] + [t for o in objects for t in tree.subtree(o) if t in sentence.valence])
    else:
        return []
    if cls is not None and role == "subject" and scale == 1.0 and not negated:
        sign = -1.0 if cls in OPPOSING else 1.0 if cls in ALLYING else 0.0
        wronged = _wronged(tree, verb)
        for index in _objects(tree, verb, relation=True):
            other = heads.get(index)
            if sign and other and other != actor_id and not _state_and_organ(actor_id, other):
                sign = -abs(sign) if index in wronged else sign
                relations.append((actor_id, other, sign,
                                  _cue(doc, doc.tokens[verb].sentence, verb, verb,
                                       "opposition" if sign < 0 else "alliance", 0.0)))
    if not weight:
        return []
    if negated:
        weight *= -0.5
    read_verbs.add((actor_id, verb))
    if cls == "blame" and role == "object" and _voiced_by_another(tree, verb, heads):
        # "Milei critica a Lula": Milei's view of Lula, reported as a quoted one
        return [_cue(doc, doc.tokens[verb].sentence, verb, last, "quoted predicate:object",
                     WEIGHTS["predicate"] * weight * scale * WEIGHTS["quoted"])]
    return [_cue(doc, doc.tokens[verb].sentence, verb, last, f"predicate:{role}",
                 WEIGHTS["predicate"] * weight * scale)]


def _names_contest(sentence: _Sentence) -> bool:
    """Whether a sentence names an election, a vote or a match: a word of CONTEST_WORDS, two
    of CONTEST_HINTS or a round of CONTEST_ROUNDS."""
    words = [word for _, word, _ in sentence.seq]
    hints = {lemma for _, word, lemma in sentence.seq if word in CONTEST_HINTS or
             lemma in CONTEST_HINTS}
    return any(word in CONTEST_WORDS or lemma in CONTEST_WORDS for _, word, lemma in sentence.seq
               ) or len(hints) >= 2 or bool(CONTEST_ROUNDS & set(zip(words, words[1:],
                                                                       strict=False)))


def _objects(tree: DependencyTree, verb: int, relation: bool = False) -> list[int]:
    """The tokens of a verb's objects, with the nouns coordinated with them; a participle
    on a noun has that noun as its object ("the isolation of Venezuela promoted by ...").
    For a relation between actors only objects and targets count ("praised Lula", "lashed out
    at Lula"), not a place or time ("celebró desde Estados Unidos")."""
    found = [t for o in tree.kids(verb, {"dobj", "obj", "iobj"}) for t in tree.subtree(o)]
    for other in tree.kids(verb, {"obl", "prep"}):
        cases = {tree.lemma(c) for c in tree.kids(other, {"case"})} | {tree.lemma(other)}
        if not relation or cases & (TARGET_PREPS | RELATION_PREPS):
            found += tree.subtree(other)
    noun = _gap_object(tree, verb)
    if noun is not None:
        found.append(noun)
        found += [t for m in tree.kids(noun, MODIFIERS) for t in tree.subtree(m)]
    return found


def _gap_object(tree: DependencyTree, verb: int) -> int | None:
    """The noun a participle or a relative clause stands on when that noun is what the verb
    acts on: "the isolation of Venezuela promoted by ...", "the coup Washington backed", "el
    golpe que Washington respaldó" (a relative pronoun as object), not "the troops who
    fled"."""
    token = tree.doc.tokens[verb]
    if token.dep in ("acl", "amod") and token.tag == "VBN" or \
            token.dep == "acl" and "VerbForm=Part" in token.morph:
        return token.head
    if token.dep not in ("relcl", "acl:relcl", "acl") or token.head == verb:
        return None
    objects = tree.kids(verb, {"dobj", "obj"})
    if objects:
        return token.head if all(tree.lemma(o) in RELATIVE_PRONOUNS for o in objects) else None
    subjects = tree.kids(verb, SUBJECT_DEPS)
    if subjects and not _passive(tree, verb) and token.dep != "acl" and \
            not any(tree.lemma(s) in RELATIVE_PRONOUNS for s in subjects):
        return token.head  # "the coup Washington backed": the object is the gap
    return None


def _wronged(tree: DependencyTree, verb: int) -> set[int]:
    """The tokens of the one an act in the verb's object is aimed at: who backs "the coup
    against Evo Morales" ("avaló el golpe contra Evo") is no ally of Evo but his opponent."""
    found: set[int] = set()
    for obj in tree.kids(verb, {"dobj", "obj"}):
        for index in tree.subtree(obj):
            aimed = tree.lemma(index) in TARGET_PREPS and tree.doc.tokens[index].dep == "prep" \
                or {tree.lemma(c) for c in tree.kids(index, {"case"})} & TARGET_PREPS
            if index != obj and aimed:
                found.update(tree.subtree(index))
    return found


def _agent(tree: DependencyTree, verb: int, heads: dict[int, str]) -> str | None:
    """The actor that does what a verb says: its subject, or the subject of the verbs it
    complements ("the United States has reserved the right to ... overthrow")."""
    index = verb
    for _ in range(4):
        if _passive(tree, index):  # "fue detenido por la Policía", "was arrested by police"
            for child in tree.kids(index, {"agent", "obl", "obl:agent", "obj", "nmod"}):
                named = [child, *tree.kids(child, {"pobj"})]
                if AGENT_PREPS & ({tree.lemma(child)} | _case_lemmas(tree, child)):
                    return next((heads[i] for i in named if i in heads), None)
            return None
        for subject in tree.kids(index, SUBJECT_DEPS):
            if subject in heads:
                return heads[subject]
        token = tree.doc.tokens[index]
        if token.head == index:
            return None
        index = token.head
    return None


def _state_and_organ(first: str, second: str) -> bool:
    """Whether one actor id is a state and the other one of its agencies ("USA", "USAGOV"):
    they act as one. Two agencies of one state ("BRAJUD", "BRAMIL") can be opponents."""
    return _same_country(first, second) and 3 in (len(first), len(second))


def _same_country(first: str | None, second: str | None) -> bool:
    """Whether two actor ids are the same state and its agencies ("USA" and "USAGOV")."""
    if not first or not second:
        return False
    return first[:3] == second[:3] and first[:3].isupper() and second[:3].isupper()


def _object_valence(tree: DependencyTree, verb: int, sentence: _Sentence, nested: bool = True
                    ) -> float:
    """The strongest valence among the words of a verb's objects (0 when none is valenced);
    with nested=False only the objects and their modifiers, not clauses on them ("any
    government it didn't like")."""
    if nested:
        words = _objects(tree, verb)
    else:
        objects = [o for o in tree.kids(verb, {"dobj", "obj"})
                   if tree.lemma(o) not in RELATIVE_PRONOUNS]
        gap = _gap_object(tree, verb)
        objects += [gap] if gap is not None else []
        objects += _what_the_clause_is(tree, verb)
        words = objects + [t for o in objects for m in tree.kids(o, MODIFIERS)
                           for t in tree.subtree(m)]
    turned = _aimed_at_a_wrong(tree, words) | _left_behind(tree, verb)
    values = [value * (-1.0 if first in turned else 1.0) for t in words if t in sentence.valence
              for value, _, first, last in [sentence.valence[t]]
              if not first <= verb <= last]  # "fight against corruption" is the verb's phrase
    return max(values, key=abs) if values else 0.0


def _what_the_clause_is(tree: DependencyTree, verb: int) -> list[int]:
    """What a copula says a headless relative clause is, when the clause is its subject: the
    thing done, named by the clause ("lo que hizo Boluarte es una vergüenza", "what Boluarte
    did was a crime")."""
    token = tree.doc.tokens[verb]
    if token.dep != "csubj" or token.head == verb:
        return []
    if tree.kids(token.head, {"cop"}):
        return [token.head]
    return tree.kids(token.head, {"attr", "acomp"})


def _aimed_at_a_wrong(tree: DependencyTree, words: list[int]) -> set[int]:
    """The words of a phrase a noun aims against something ("the commission against
    impunity", "la lucha contra la corrupción"): the thing is what the noun opposes, so its
    badness is the noun's merit. Not a verb's own "against" ("fought against corruption")."""
    found: set[int] = set()
    for index in words:
        token = tree.doc.tokens[index]
        english = token.dep == "prep" and tree.lemma(index) in AGAINST
        if not english and not (token.dep in ("nmod", "obl") and {
                tree.lemma(c) for c in tree.kids(index, {"case"})} & AGAINST):
            continue
        phrase = tree.subtree(index)
        before = min(phrase) - 1  # right after a noun, though parsed onto the verb
        if tree.doc.tokens[token.head].pos == "NOUN" or \
                before >= 0 and tree.doc.tokens[before].pos == "NOUN":
            found.update(phrase)
    return found


def _left_behind(tree: DependencyTree, verb: int) -> set[int]:
    """The words of what a verb takes someone out of ("lifted millions out of poverty", "sacó
    de la pobreza a millones", "rescued them from misery"): see REMOVAL_VERBS."""
    found: set[int] = set()
    removal = tree.lemma(verb) in REMOVAL_VERBS
    phrases = tree.kids(verb, {"prep", "obl", "nmod"})
    if removal:  # "sacó a millones de brasileños de la pobreza": parsed onto the people
        phrases += [n for o in tree.kids(verb, {"obj", "obl"}) for n in tree.subtree(o)
                    if tree.doc.tokens[n].dep == "nmod" and n != o]
    for child in phrases:
        marks = {tree.lemma(child)} | {tree.lemma(c) for c in tree.kids(child, {"case"})}
        out_of = tree.lemma(child) == "out" and any(
            tree.lemma(k) == "of" for k in tree.kids(child, {"prep"}))
        if out_of or removal and marks & SOURCE_PREPS:
            found.update(tree.subtree(child))
    return found


def _passive(tree: DependencyTree, verb: int) -> bool:
    """Whether a verb is passive: a passive auxiliary, or "ser" before a participle ("fue
    detenido", which the Spanish parser may give a plain auxiliary)."""
    return any(tree.doc.tokens[c].dep in ("auxpass", "aux:pass") or (
        tree.lemma(c) == "ser" and "VerbForm=Part" in tree.doc.tokens[verb].morph)
        for c in tree.children[verb])


def _role(doc: Document, tree: DependencyTree, head: int) -> tuple[str, int | None]:
    """Return ("subject" | "object", verb) for a mention's head token, or (.., None)."""
    index = _first_conjunct(doc, head)  # coordinated actors take the first one's role
    token = doc.tokens[index]
    parent = token.head
    if parent == index:
        return "subject", None
    dep = token.dep
    if dep in SUBJECT_DEPS:  # "California suffers blackouts": it undergoes them
        undergoes = _passive(tree, parent) or tree.lemma(parent) in UNDERGOING_VERBS
        return ("object" if undergoes else "subject"), parent
    if dep in OBJECT_DEPS:
        if AGENT_PREPS & _case_lemmas(tree, index):
            return "subject", parent  # "detenido por la Policía" parsed as an object
        if {tree.lemma(k) for k in tree.children[index]} & OWNING_RELATIVES and \
                _fronted_subject(tree, parent, index):
            return "subject", parent  # "Maduro, cuyo gobierno arruinó Venezuela"
        return "object", parent
    if dep == "pobj":  # English prepositional object: "by X" (agent) or "against X"
        prep = doc.tokens[parent]
        if prep.head == parent:
            return "object", None
        lemma = tree.lemma(parent)
        if lemma in AGENT_PREPS:
            return "subject", prep.head
        if lemma in TARGET_PREPS:
            return "object", prep.head
    if _supported_act(tree, index) is not None:  # "with the support of X": see _predicate_cues
        return "subject", _supported_act(tree, index)
    if dep in ("obl", "obl:agent", "nmod"):  # Spanish: "destituido por el Congreso"
        cases = _case_lemmas(tree, index)
        if cases & AGENT_PREPS:
            return "subject", parent
        if cases & TARGET_PREPS or "a" in cases and not tree.kids(parent, {"obj", "dobj"}) \
                and doc.tokens[parent].pos == "VERB":
            return "object", parent  # "asfixia a Cuba": the personal "a" parsed as obl
    return "object", None


def _setting(doc: Document, tree: DependencyTree, head: int) -> bool:
    """Whether a mention only places what the clause tells: a place after a locative
    preposition ("the coup in Brazil", "en Ecuador") or a nationality adjective ("the
    Peruvian oligarchy")."""
    token = doc.tokens[head]
    if token.dep == "amod" and token.pos == "ADJ":
        return True
    if token.dep == "pobj":  # not "Luis Arce in Bolivia": a name's "in" says whose it is
        return tree.lemma(token.head) in PLACE_PREPS and \
            doc.tokens[doc.tokens[token.head].head].pos != "PROPN"
    if token.dep in ("nmod", "obl"):
        return bool({tree.lemma(c) for c in tree.kids(head, {"case"})} & PLACE_PREPS)
    return False


def _misfortune_words(tree: DependencyTree, words: set[int]) -> set[int]:
    """The words that tell a misfortune among `words`: a noun of MISFORTUNES, or one such a
    noun qualifies ("lightning strikes"), with its modifiers ("unusually intense")."""
    found: set[int] = set()
    for index in words:
        if tree.lemma(index) in MISFORTUNES or any(
                tree.lemma(k) in MISFORTUNES for k in tree.kids(index, {"compound"})):
            found.add(index)
            found.update(t for m in tree.kids(index, MODIFIERS) for t in tree.subtree(m))
    return found


def _befallen(doc: Document, tree: DependencyTree, head: int) -> bool:
    """Whether a mention only undergoes what the clause tells: the owner of a misfortune or a
    wrong done to it ("California's drought", "la sequía de Chile") or the subject of an
    undergoing verb ("Chile sufre una sequía"). The clause's tone is no judgement of it."""
    owner = _owner(doc, tree, head)
    if owner is not None and _done_to(doc, tree, head, owner):
        return True
    token = doc.tokens[head]
    return token.dep in SUBJECT_DEPS and tree.lemma(token.head) in UNDERGOING_VERBS


def _names_which(doc: Document, head: int, actor: str) -> bool:
    """Whether a country's name only says which thing is told of ("the Ukraine scandal"); a
    person's or body's says whose ("the Biden campaign", "the IPCC report")."""
    token = doc.tokens[head]
    return token.dep == "compound" and token.pos == "PROPN" and \
        doc.tokens[token.head].pos == "NOUN" and _place_or_people(actor)


def _authorial_valence(sentence: _Sentence, voice: _Voice, skip: set[int]) -> float:
    """How the author's own words in a sentence judge what it tells, in [-1, 1]."""
    spans = {(first, last): value for index, (value, _, first, last) in sentence.valence.items()
             if index not in voice.attributed and index not in skip}
    return max(-1.0, min(1.0, sum(spans.values()) / 3.0))


def _place_or_people(actor: str | None) -> bool:
    """Whether an actor id is a country ("CUB", also for "Havana") or its people ("CUBCVL"):
    troops or ships sent there are no harm done to it by themselves."""
    if not actor:
        return False
    return len(actor) == 3 and actor.isupper() or actor[:3].isupper() and actor.endswith("CVL")


def _protest_view(doc: Document, tree: DependencyTree, trigger: int, sentence: _Sentence,
                  voice: _Voice) -> float:
    """How the author's words on a protest judge it, in [-1, 1]: "heroic mass protests" (1),
    "violent riots" (-1), "sustained mass protest" (0: a protest is no wrong in itself). Its
    doer takes this view and the one protested against the opposite. A phrase that is the
    protest's own name ("paro nacional", a strike's tone in the lexicon) judges nothing."""
    words = _attached(doc, tree, trigger) - {trigger}
    spans = {(first, last): value for index, (value, _, first, last) in sentence.valence.items()
             if index in words and index not in voice.attributed and not first <= trigger <= last}
    return max(-1.0, min(1.0, sum(spans.values()) / 3.0))


def _event_cues(doc: Document, tree: DependencyTree, heads: dict[int, str],
                read_verbs: set[tuple[str, int]], sentences: list[_Sentence], voice: _Voice,
                relations: list[tuple[str, str, float, StanceCue]], enforcers: set[str]
                ) -> dict[str, list[StanceCue]]:
    """Coded conflict events: the source loses, the target gains sympathy, the more so the
    more the author's words in the sentence condemn it (none when they approve of it). A
    legal act ("fue condenada", "was arrested": LEGAL_ACTS) is no wrong done to its target by
    itself: only the author's words on it ("unjustly arrested") make the target a victim."""
    found: dict[str, list[StanceCue]] = defaultdict(list)
    starts = [t.start for t in doc.tokens]
    protests = {bisect_left(starts, e.start) for e in doc.events
                if e.type == "PROTEST" and e.mode != "riot"}  # a riot is violence
    triggers = {bisect_left(starts, e.start) for e in doc.events}
    for event in doc.events:  # cooperation says little of the author's view; conflict does
        if event.modality == "negated" or event.goldstein >= 0:
            continue
        trigger = bisect_left(starts, event.start)
        sentence = sentences[event.sentence]
        deployment = event.type == "MOBILIZE" and _place_or_people(event.target_id)
        # a misfortune is nobody's act: "Haiti's earthquake killed thousands" blames no Haiti
        befallen = any(tree.lemma(s) in MISFORTUNES for s in tree.kids(trigger, SUBJECT_DEPS))
        # an arrest the police or the bench makes is enforcement, whichever word tells it
        # ("14.571 capturas", "the arrests"), as its verb is (_enforced)
        enforced = _enforced(tree, trigger, event.source_id, enforcers) or (
            event.mode == "arrest" and event.source_id in enforcers)
        # a threatened strike is judged as the strike, and the state it would be directed
        # at, which the events stage infers from its place, is no opponent the text names
        threatened = _threatened_protest(tree, trigger, protests, triggers) if (
            event.type == "THREATEN") else []
        by_protest = [s for s in tree.kids(trigger, SUBJECT_DEPS) if s in protests] or threatened
        if trigger in protests or by_protest:  # "the protests forced Piñera to": as the protest
            judged = -_protest_view(doc, tree, (by_protest or [trigger])[0], sentence, voice)
        elif deployment or enforced:  # "sending two naval vessels with supplies to Havana" or
            # "police arrested three farmers" harms nobody unless the author's words condemn it
            judged = max(0.0, -_authorial_valence(sentence, voice, {trigger}))
        else:
            judged = 1.0 - _authorial_valence(sentence, voice, {trigger})
        scale = WEIGHTS["event"] * judged * (0.5 if event.modality != "asserted" else 1.0)
        quoted = "quoted " if trigger in voice.attributed else ""
        if quoted:
            scale *= WEIGHTS["quoted"]
        label = f"event:{event.type}"
        cue = StanceCue(event.sentence, event.start, event.end, f"{quoted}{label}:source",
                        event.trigger, 0.0)
        if event.source_id and event.target_id and not deployment and not befallen and \
                not threatened and not _state_and_organ(event.source_id, event.target_id) and \
                event.source_id != event.target_id:
            relations.append((event.source_id, event.target_id, -1.0, cue))
        if not scale:
            continue
        if event.source_id and (event.source_id, trigger) not in read_verbs and \
                event.type not in VOICED_EVENTS and not befallen:

            weight = scale * event.goldstein / 10.0
            found[event.source_id].append(StanceCue(event.sentence, event.start, event.end,
                                                    f"{label}:source", event.trigger,
                                                    round(weight, 4)))
        doer = event.source_id or _agent(tree, trigger, heads)
        doers = {actor for t, actor in heads.items()  # "el bloqueo de EEUU contra Cuba"
                 if _owner(doc, tree, t) == trigger and _victim_elsewhere(tree, t, trigger)}
        if event.target_id and event.target_id not in doers and \
                (event.target_id, trigger) not in read_verbs and \
                not _same_country(doer, event.target_id) and not deployment and \
                event.type not in VOICED_EVENTS and tree.lemma(trigger) not in LEGAL_ACTS and \
                not enforced:
            weight = scale * 0.5 * -event.goldstein / 10.0
            found[event.target_id].append(StanceCue(event.sentence, event.start, event.end,
                                                    f"{label}:target", event.trigger,
                                                    round(weight, 4)))
    return found


def _threatened_protest(tree: DependencyTree, threat: int, protests: set[int],
                        triggers: set[int]) -> list[int]:
    """The protest a threat threatens, as a list of its trigger (empty when none): one that
    hangs from the threat through words that are no event ("amenazan con [paro]", "amenaza
    con ir al [paro]", "threatened to go on [strike]"; not "threatened to crush the
    protests")."""
    for protest in protests:
        index = protest
        for _ in range(THREAT_DEPTH):
            index = tree.doc.tokens[index].head
            if index == threat:
                return [protest]
            if index in triggers:
                break
    return []


def _context_cues(doc: Document, tree: DependencyTree, sentences: list[_Sentence],
                  lex: Lexicon, voice: _Voice, cues: dict[str, list[StanceCue]]) -> None:
    """The tone of sentences that mention an actor but carry no other cue for it; the cue is
    the sentence's strongest evaluative word in the author's voice. The actor's own classed
    verb decides: a clause in which the actor praises, blames or speaks tells the actor's view
    ("Trump celebró el triunfo"), not the author's, and gives no context cue. A language with
    no parser (Portuguese) has no clauses: the whole sentence counts."""
    covered = {(actor, cue.sentence) for actor, found in cues.items() for cue in found}
    parsed = any(t.dep for t in doc.tokens)  # no parser for the language (Portuguese)
    starts = [t.start for t in doc.tokens]
    named = {i for m in doc.mentions
             for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))}
    # a place the knowledge base lacks that the gazetteer puts in a state ("California",
    # "Araraquara") is where things happen: the tone of its blackouts is no view of it
    places = {a.actor_id for a in doc.actors if a.origin == "unknown" and a.type == "place"
              and a.country}
    for mention in doc.mentions:
        actor = mention.actor_id
        if not actor or actor in places or (actor, mention.sentence) in covered:
            continue
        head = _head(tree, mention)
        if head is None:
            continue
        role, verb = _role(doc, tree, head)
        owner = _owner(doc, tree, head)
        if _befallen(doc, tree, head):
            continue  # "California's drought has become a catastrophe": what befalls it
        if owner is not None and verb is None:  # "apropiarse del avión de Martinelli"
            role, verb = _role(doc, tree, owner)
        if role == "object" and verb is not None:
            continue  # what is done to an actor or its things is no fault of its own
        if _setting(doc, tree, head) or _names_which(doc, head, actor):
            continue  # "the coup in Brazil", "the Peruvian left": a place or a nationality
        if doc.tokens[head].dep in ("nmod", "obl") and \
                {tree.lemma(c) for c in tree.kids(head, {"case"})} & AIMED_PREPS:
            continue  # "la política de Washington hacia Cuba es un fracaso": not Cuba's
        covered.add((actor, mention.sentence))
        if _speaks(doc, tree, lex, head):
            continue  # "Trump celebró el triunfo": the clause is Trump's view, not the author's
        sentence = sentences[mention.sentence]
        clause = _clause(tree, head) if parsed else {index for index, _, _ in sentence.seq}
        # the actor's own classed verb was read as a predicate, its sign set by what it is
        # done to, and the events it is the source of were read as events: "Evo Morales
        # rechazó la oferta", "Colombia's rejection of ..." are no fault for being refusals
        read = {verb} if verb is not None and (  # a maker is judged by what it made
            tree.lemma(verb) in lex.verbs or tree.lemma(verb) in MAKING_VERBS) else set()
        read.update(bisect_left(starts, e.start) for e in doc.events if e.source_id == actor)
        if _names_contest(sentence):  # "handed Trump a humiliating defeat": an outcome
            read.update(j for i, _, lemma in sentence.seq if lemma in OUTCOME_NOUNS
                        for j in (i, *tree.kids(i, {"amod"})))
        turned = {i for v in clause for i in _left_behind(tree, v)}  # "sacó de la pobreza"
        told = _misfortune_words(tree, clause)  # "During the blackouts, California had ..."
        spans = {(first, last): -value if index in turned or index in voice.scare and value > 0
                 else value
                 for index, (value, _, first, last) in sentence.valence.items()
                 if index in clause and index not in voice.attributed | named | read | told}
        if not spans:
            continue
        tone = sum(spans.values()) / max(len(sentence.seq), 1)
        first, last = max(spans, key=lambda span: abs(spans[span]))
        weight = WEIGHTS["context"] * max(-1.0, min(1.0, tone * 6.0))
        if any(tree.lemma(p) in SUFFERER_NOUNS for p in _predicates(doc, tree, head)):
            weight = abs(weight)  # "X fue blanco de una campaña de difamación": sympathy
        if weight:
            cues[actor].append(_cue(doc, mention.sentence, first, last, "context", weight))


def _post_cues(doc: Document, tree: DependencyTree, sentences: list[_Sentence], lex: Lexicon,
               voice: _Voice, cues: dict[str, list[StanceCue]]) -> None:
    """A social post is one utterance about what it names: an actor it names with no cue
    of its own takes the tone of the author's words in the whole post ("@HillaryClinton
    #Benghazi liar"), at the context weight, unless the actor is the one praising, blaming or
    speaking there or only a place or nationality (as in _context_cues). Longer texts keep
    to the actor's clause."""
    if not _social_post(doc):
        return
    spans = {(number, first, last): value for number, sentence in enumerate(sentences)
             for index, (value, _, first, last) in sentence.valence.items()
             if index not in voice.attributed}
    if not spans:
        return
    words = sum(len(sentence.seq) for sentence in sentences)
    tone = sum(spans.values()) / max(words, 1)
    number, first, last = max(spans, key=lambda span: abs(spans[span]))
    weight = WEIGHTS["context"] * max(-1.0, min(1.0, tone * 6.0))
    speakers = set()  # and actors that only place or qualify what is told (see _setting)
    for mention in doc.mentions:
        head = _head(tree, mention)
        if head is not None and (_speaks(doc, tree, lex, head) or _setting(doc, tree, head)
                                 or _befallen(doc, tree, head)):
            speakers.add(mention.actor_id)
    for mention in doc.mentions:
        actor = mention.actor_id
        if actor and weight and actor not in speakers and not any(c.weight for c in cues[actor]):
            cues[actor].append(_cue(doc, number, first, last, "post", weight))


def _speaks(doc: Document, tree: DependencyTree, lex: Lexicon, head: int) -> bool:
    """Whether the actor a mention names praises, blames or speaks in its clause, as the
    subject or as a name in apposition to it ("El presidente Alejandro Giammattei felicitó
    al ganador")."""
    verb = _role(doc, tree, head)[1]
    if verb is None and doc.tokens[head].dep == "appos" and doc.tokens[head].head != head:
        role, verb = _role(doc, tree, doc.tokens[head].head)
        verb = verb if role == "subject" else None
    return verb is not None and _voices_a_view(tree, lex, verb)


def _voices_a_view(tree: DependencyTree, lex: Lexicon, verb: int) -> bool:
    """Whether a verb's subject praises, blames or speaks: what follows is its view. A
    reporting verb speaks only with a clause for what is said ("Ebrard sostuvo que ...", not
    "Ebrard ha sostenido una diplomacia activa")."""
    if lex.verbs.get(tree.lemma(verb)) in ATTITUDES or tree.lemma(verb) in DIRECTIVES:
        return True
    return tree.lemma(verb) in REPORTING and bool(tree.kids(verb, {"ccomp", "parataxis"}))


def _state_organs(doc: Document, acting: set[str]) -> list[tuple[str, str, float, StanceCue]]:
    """A state's government, armed forces and office holders (by their role at the date:
    "USAGOV" for the Treasury or a sitting president) act for it: the state takes part of
    what the author thinks of them, when the text has the state act too (`acting`). A state
    named only as a place, a people or an owner ("Venezuela's oil output", "socio de
    Argentina") is the country, not its government."""
    found = []
    for mention in doc.mentions:
        role, actor = mention.role or "", mention.actor_id
        state = role[:3]
        if actor and state != actor and role[3:] in ORGANS and state in acting:
            cue = StanceCue(mention.sentence, mention.start, mention.end, "state organ",
                            doc.text[mention.start:mention.end], 0.0)
            found.append((state, actor, STATE, cue))
    return found


def _acting_states(doc: Document, tree: DependencyTree) -> set[str]:
    """The states the text has act: named as the subject or agent of a verb ("Washington
    would take an honest look", "Cuba rechazó"), where the name stands for its government;
    a demonym ("Venezuelans allowed themselves a hope") is its people."""
    found = set()
    for mention in doc.mentions:
        actor, head = mention.actor_id, _head(tree, mention)
        if actor and len(actor) == 3 and actor.isupper() and head is not None and \
                mention.label != "NORP" and (
                    role := _role(doc, tree, head))[0] == "subject" and role[1] is not None:
            found.add(actor)
    return found


def _rival_relations(doc: Document, mentions: dict[str, int], kb: KnowledgeBase
                     ) -> list[tuple[str, str, float, StanceCue]]:
    """Rival candidates of one election (actors/kb/contests.yaml, by the document's date):
    an author who favours one opposes the other, named or not ("#MakeAmericaGreatAgain"
    is against Hillary Clinton), and so does one who favours a candidate's party ("Vote
    Republican!"). Favour does not flow back: opposing one candidate need not mean
    supporting the other."""
    day = parse_day(doc.metadata.get("published"))
    found = []
    parties = {actor for actor in mentions if actor in kb.actors
               and kb.actors[actor].type == "party"}
    running: dict[str, list[str]] = defaultdict(list)  # party -> its candidates that day
    for person in kb.actors.values() if parties else ():
        if person.party in parties and rivals(person.id, day):
            running[person.party].append(person.id)
    for actor in mentions:
        for candidate in running.get(actor, [actor]):
            for rival in rivals(candidate, day):
                # a party's own primary takes no side, nor its candidate's rival of no party
                if actor not in parties or kb.actors[rival].party not in (None, actor):
                    found.append((rival, actor, RIVAL, StanceCue(0, 0, 0, "rival", "", 0.0)))
    return found


def _clause(tree: DependencyTree, head: int) -> set[int]:
    """The words of the clause a mention stands in: its verb's subtree without the other
    clauses hanging from it ("..., where a brutal dictatorship ..." is not about the actor)."""
    doc = tree.doc
    verb = head
    while doc.tokens[verb].pos not in ("VERB", "AUX") and doc.tokens[verb].head != verb:
        verb = doc.tokens[verb].head
    found: set[int] = set()
    stack = [verb]
    while stack:
        node = stack.pop()
        found.add(node)
        stack.extend(c for c in tree.children[node] if c == head or
                     doc.tokens[c].dep not in CLAUSES)
    return found


def _condemned_acts(tree: DependencyTree, relations: list[tuple[str, str, float, StanceCue]],
                    sentences: list[_Sentence], voice: _Voice) -> set[int]:
    """The starts of the acts between actors that the author's own words on the act condemn:
    an adverb or adjective on its word or on what it imposes ("brutally crushed", "imposed
    cruel sanctions on", "las sanciones ilegales contra")."""
    found = set()
    for *_, act in relations:
        trigger = tree.first_at(act.start)
        valence = sentences[act.sentence].valence
        objects = tree.kids(trigger, {"dobj", "obj"})
        words = [m for i in (trigger, *objects) for m in tree.kids(i, MODIFIERS)]
        if any(w in valence and w not in voice.attributed and valence[w][0] <= -1.0
               for w in words):
            found.add(act.start)
    return found


def _approved_acts(totals: dict[str, float], relations: list[tuple[str, str, float, StanceCue]],
                   cues: dict[str, list[StanceCue]], mentions: dict[str, int],
                   report: float, condemned: set[int]) -> None:
    """An act the author approves of has no victim, and an act against the author's
    opponent no villain. Where the author sides with the one who harms, defeats or blames
    another (by the author's cues on it other than this act), the sympathy the act gave the
    one it was done to turns into opposition ("the heroic resistance drove the junta out":
    the junta is opposed, not pitied); where the author is against the one it was done to,
    the opposition the act gave its doer turns into favour ("sanctions on the dictator
    Maduro": who imposes them is no villain), unless the author's words on the act condemn
    it (`condemned`: "cruel sanctions on the dictator Maduro" are still a wrong); there the
    tone of the target's sentences (context and post cues) is no opposition to it."""
    def view(actor: str, act: StanceCue, tone: bool = True) -> float:
        return _score(report * sum(c.weight for c in cues[actor] if c.start != act.start and (
            tone or not c.kind.startswith(BENCH_NEUTRAL))), mentions.get(actor, 1))

    for doer, target, sign, act in relations:
        if sign != -1.0 or doer == target:
            continue
        turned = [(target, 1.0, "approved")] if view(doer, act) >= THRESHOLD else []
        if view(target, act, tone=False) <= -THRESHOLD and act.start not in condemned:
            turned.append((doer, -1.0, "deserved"))
        for actor, was, why in turned:
            for cue in cues[actor]:
                if cue.start == act.start and cue.weight * was > 0:
                    cue.weight, cue.kind = -cue.weight, f"{cue.kind}:{why}"
            totals[actor] = report * sum(c.weight for c in cues[actor])


def _side(totals: dict[str, float], relations: list[tuple[str, str, float, StanceCue]],
          cues: dict[str, list[StanceCue]], mentions: dict[str, int]) -> None:
    """Second pass: each actor in a stated alliance or opposition moves by what the author
    thinks of the other (its first-pass score), as one more cue."""
    first = {actor: _score(total, mentions.get(actor, 1)) for actor, total in totals.items()}
    seen: set[tuple[str, str, int]] = set()
    for actor, other, sign, cue in relations:
        if sign == RIVAL:
            _oppose_rival(actor, other, first.get(other, 0.0), cues)
            continue
        pairs = ((actor, other),) if sign == STATE else ((actor, other), (other, actor))
        for one, two in pairs:
            key = (one, two, -1 if sign == STATE else cue.start)  # one organ counts once
            if key in seen or not first.get(two):
                continue
            seen.add(key)
            weight_key, kind = (("state", "state organ") if sign == STATE else
                                ("ally", "alliance") if sign > 0 else ("oppose", "opposition"))
            weight = round(WEIGHTS[weight_key] * (1.0 if sign == STATE else sign) * first[two], 4)
            if weight:
                kind = f"{kind}:{two}"
                cues[one].append(StanceCue(cue.sentence, cue.start, cue.end, kind, cue.cue,
                                           weight))


def _agreements(judged: list[tuple[str, str, StanceCue]], cues: dict[str, list[StanceCue]],
                mentions: dict[str, int], report: float) -> list[tuple[str, StanceCue]]:
    """A speaker whose quoted words judge an actor as the author does ("the US blockade",
    then "'the blockade is a crime', said Xicará") is on the author's side; one who judges it
    the other way is not. The author's view is the actor's score from unquoted cues outside
    the sentence of the speaker's words, sides taken (so that the speaker's own words cannot
    make it: an event told after "según X" is X's); one cue per speaker and actor."""
    found, seen = [], set()
    for speaker, actor, cue in judged:
        if (speaker, actor) in seen or not WEIGHTS["voice"]:
            continue
        own = report * sum(c.weight for c in cues[actor]
                           if not c.kind.startswith("quoted") and c.sentence != cue.sentence)
        view = _score(own, mentions.get(actor, 1))
        if abs(view) < THRESHOLD:
            continue
        seen.add((speaker, actor))
        weight = round(WEIGHTS["voice"] * math.copysign(1.0, cue.weight) * view, 4)
        found.append((speaker, StanceCue(cue.sentence, cue.start, cue.end,
                                         f"agreement:{actor}", cue.cue, weight)))
    return found


def _oppose_rival(actor: str, rival: str, rival_score: float,
                  cues: dict[str, list[StanceCue]]) -> None:
    """An actor whose election rival the author favours is opposed, as one more cue on the
    span of the rival's strongest cue."""
    if rival_score < THRESHOLD or not WEIGHTS["rival"]:
        return
    strongest = max((c for c in cues[rival] if c.weight), key=lambda c: abs(c.weight))
    cues[actor].append(StanceCue(strongest.sentence, strongest.start, strongest.end,
                                 f"rival:{rival}", strongest.cue,
                                 round(-WEIGHTS["rival"] * rival_score, 4)))


def _author_side(totals: dict[str, float], links: list[tuple[str, str, float, StanceCue]],
                 cues: dict[str, list[StanceCue]], mentions: dict[str, int], bench: set[str]
                 ) -> None:
    """Third pass: the side the piece is written for. Its main actors (named MAIN_MENTIONS
    times) that the author's own cues already side with or against
    make the two sides; an actor the author gives no view of its own joins the side of a main
    actor it acts with or belongs to, and the other side from the one it opposes or is harmed
    by ("the enemy of the author's enemy"), as the author tells it (not in a quotation).
    One cue per actor and main actor, on the span of the link; it counts as the author's
    voice does (nothing much in a news report). The bench takes no side from the accused it
    opposes (the accused may from the bench)."""
    first = {actor: _score(total, mentions.get(actor, 1)) for actor, total in totals.items()}
    sides = {actor: score for actor, score in first.items() if abs(score) >= THRESHOLD and
             mentions.get(actor, 0) >= MAIN_MENTIONS}
    seen: set[tuple[str, str]] = set()
    for one, two, sign, cue in links:
        if sign != -1.0 and cue.kind not in ("co-agent", "party", "government"):
            continue  # stated alliances, state organs and rivals are weighed in _side
        if cue.kind.startswith("quoted "):
            continue  # a harm or clash only a speaker tells is the speaker's account
        pairs = ((one, two),) if cue.kind == "government" else ((one, two), (two, one))
        for actor, main in pairs:  # a government link is given once each way, cue its own
            if main not in sides or actor == main or (actor, main) in seen or \
                    abs(first.get(actor, 0.0)) >= THRESHOLD or (sign < 0 and actor in bench):
                continue
            seen.add((actor, main))
            weight = round(WEIGHTS["side"] * sign * sides[main], 4)
            if weight:
                cues[actor].append(StanceCue(cue.sentence, cue.start, cue.end, f"side:{main}",
                                             cue.cue, weight))


def _phrase_actors(tree: DependencyTree, index: int, heads: dict[int, str]) -> set[str]:
    """The actors a noun phrase names: its head and names in apposition to it ("el fiscal
    Rafael Curruchiche")."""
    found = {heads[index]} if index in heads else set()
    found.update(heads[c] for c in tree.kids(index, {"appos", "flat", "flat:name", "compound"})
                 if c in heads)
    return found


def _coagents(doc: Document, tree: DependencyTree, heads: dict[int, str]
              ) -> list[tuple[str, str, float, StanceCue]]:
    """Actors coordinated in one phrase go together ("Consuelo Porras ... y el fiscal Rafael
    Curruchiche lograron ...", "spoke with Evo Morales and Nicolás Maduro"): an alliance on the
    span of the coordination. Not places listed as a setting ("in Peru, Chile and Colombia").
    Subjects only scored lower on the tuning half (.826 against .828)."""
    found = []
    for index, token in enumerate(doc.tokens):
        first = token.head
        lead = _first_conjunct(doc, first)
        if token.dep != "conj" or first == index or _setting(doc, tree, lead) or (
                _opposed_sides(tree, lead)):
            continue
        for actor in _phrase_actors(tree, index, heads):
            for other in _phrase_actors(tree, first, heads) - {actor}:
                found.append((actor, other, 1.0, _cue(doc, token.sentence, first, index,
                                                      "co-agent", 0.0)))
    return found


def _opposed_sides(tree: DependencyTree, index: int) -> bool:
    """Whether coordinated actors are the two sides of something ("talks between Evo Morales
    and Luis Arce", "la pugna entre X e Y", "X versus Y"), not allies."""
    head = tree.doc.tokens[index].head
    marks = {tree.lemma(c) for c in tree.kids(index, {"case"})} | (
        {tree.lemma(head)} if tree.doc.tokens[index].dep == "pobj" else set())
    return bool(marks & SIDES_MARKS)


def _first_conjunct(doc: Document, index: int) -> int:
    """The first of the coordinated words a token is one of ("Chile" in "Peru, Chile and
    Colombia" leads back to "Peru")."""
    for _ in range(8):
        token = doc.tokens[index]
        if token.dep != "conj" or token.head == index:
            break
        index = token.head
    return index


def _party_links(doc: Document, mentions: dict[str, int], kb: KnowledgeBase
                 ) -> list[tuple[str, str, float, StanceCue]]:
    """A person and the party the knowledge base says they belong to, both named: an
    alliance on the span of the party's first mention ("Arévalo, de Movimiento Semilla")."""
    first: dict[str, Mention] = {}
    for mention in doc.mentions:
        if mention.actor_id:
            first.setdefault(mention.actor_id, mention)
    found = []
    for actor in mentions:
        person = kb.actors.get(actor)
        party = person.party if person else None
        if party and party in first:
            mention = first[party]
            found.append((actor, party, 1.0, StanceCue(mention.sentence, mention.start,
                                                       mention.end, "party", mention.text, 0.0)))
    return found


def _government_links(doc: Document) -> list[tuple[str, str, float, StanceCue]]:
    """Members of one government (by their role at the date, "ARGGOV") and the government
    itself stand together: "el canciller Marcelo Ebrard" of a government the author defends.
    One link each way, on the first mention of the one that joins the other's side.
    Opposition and parties are no one side."""
    members: dict[str, dict[str, Mention]] = defaultdict(dict)
    for mention in doc.mentions:
        role, actor = mention.role or "", mention.actor_id
        if actor and role[3:] == "GOV":
            members[role].setdefault(actor, mention)
    found = []
    for government in members.values():
        for actor, mention in government.items():
            for other in government:
                if other != actor:
                    found.append((actor, other, 1.0, StanceCue(
                        mention.sentence, mention.start, mention.end, "government",
                        mention.text, 0.0)))
    return found
