"""The store's schema as numbered migrations; a store records the highest one applied."""

from __future__ import annotations

# What listing pages show, stored with the rows so that pages do not join per request: the
# strongest cue of a stance and the span of its sentence, a claim's kinds as a list. Run by
# the migration over stored rows and by each batch over its documents (`docs` selects them,
# `stances` the stances rows to update).
STANCE_EVIDENCE = """
    UPDATE stances SET cue_kind = x.kind, cue = x.cue, cue_weight = x.weight,
        cue_start = x.start_char, cue_end = x.end_char, evidence_start = x.sentence_start,
        evidence_end = x.sentence_end
    FROM (SELECT c.doc_id, c.actor_id, c.kind, c.cue, c.weight, c.start_char, c.end_char,
                 t.start_char AS sentence_start, t.end_char AS sentence_end
          FROM (SELECT * FROM stance_cues WHERE idx = 0 AND {docs}) c
          LEFT JOIN (SELECT doc_id, idx, start_char, end_char FROM sentences WHERE {docs}) t
          ON t.doc_id = c.doc_id AND t.idx = c.sentence) x
    WHERE x.doc_id = stances.doc_id AND x.actor_id = stances.actor_id AND {stances};
"""
CLAIM_KINDS = "UPDATE claims SET kind_list = string_split(kinds, ',') WHERE {docs};"
# Each document's own tone (its `tone` row of sentence -1) in a table of one row per document,
# which the documents listing joins for its page instead of scanning every sentence's tone.
# (The caller deletes these documents' rows first: a tone stage re-run may find none.)
DOCUMENT_TONE = """
    INSERT INTO document_tone SELECT doc_id, tone, positive, negative, polarity, activity,
        self_group FROM tone WHERE sentence = -1 AND {docs};
"""
# Each event once under every actor it names (source or target), with the key columns an
# actor's event pages filter and sort on, so they read that actor's rows only and fetch the
# page's full rows afterwards. Whether a document is a near-duplicate never changes once
# stored, so `original` is written with the event. (The caller deletes these documents'
# rows first.)
ACTOR_EVENTS = """
    INSERT INTO actor_events SELECT * FROM (SELECT DISTINCT unnest([e.source_id, e.target_id])
        AS actor_id, e.doc_id, e.idx, e.date, e.type, d.duplicate_of IS NULL AS original
        FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE {docs})
    WHERE actor_id IS NOT NULL;
"""
SENTENCE_SPANS = """
    INSERT OR REPLACE INTO sentence_spans SELECT doc_id, list(start_char ORDER BY idx),
        list(end_char ORDER BY idx) FROM sentences WHERE {docs} GROUP BY doc_id;
"""

# What a narratives update counts of each sentence (marea.opinion.narratives `_count`): its
# content lemmas (lowercased, with their occurrences), its linked mentions' actors as written,
# and its coded event types but STATEMENT, a bare "said". Recorded in `narrative_keys` when
# the sentence is written (its batch's rows: `{only}` empty) and kept while it waits in the
# inbox or the pool, so an update reads these rows instead of every token, mention and
# event of the store; read from the store's tables (`{only}` a semi-join on the sentences)
# by a full build and a recount.
NARRATIVE_KEYS = """
    SELECT x.doc_id, x.sentence, 'term' AS kind, lower(x.lemma) AS key, '' AS name,
        count(*) AS hits FROM {tokens} x {only}
        WHERE x.pos IN ('NOUN', 'PROPN', 'ADJ') AND length(x.lemma) > 2 GROUP BY ALL
    UNION ALL SELECT DISTINCT x.doc_id, x.sentence, 'written', x.actor_id, x.text, 1
        FROM {mentions} x {only} WHERE x.actor_id IS NOT NULL
    UNION ALL SELECT DISTINCT x.doc_id, x.sentence, 'event', x.type, lower(x.type), 1
        FROM {events} x {only} WHERE x.type <> 'STATEMENT'
"""
# NARRATIVE_KEYS of the sentences waiting for a narratives update, read from the store's tables
WAITING_KEYS = NARRATIVE_KEYS.format(
    tokens="tokens", mentions="mentions", events="events",
    only="SEMI JOIN (SELECT doc_id, sentence FROM narrative_inbox UNION SELECT doc_id, sentence "
         "FROM narrative_pool) w ON w.doc_id = x.doc_id AND w.sentence = x.sentence")

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE documents (
        doc_id VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        locator VARCHAR NOT NULL,
        raw_sha VARCHAR NOT NULL,
        raw BLOB NOT NULL,
        content_type VARCHAR NOT NULL,
        title VARCHAR,
        author VARCHAR,
        published VARCHAR,
        site VARCHAR,
        url VARCHAR,
        kind VARCHAR,
        language VARCHAR,
        language_detected VARCHAR,
        language_confidence DOUBLE,
        text VARCHAR NOT NULL,
        n_chars INTEGER NOT NULL,
        n_words INTEGER NOT NULL,
        duplicate_of VARCHAR,
        fingerprint BLOB,
        metadata JSON,
        run_id INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    );
    CREATE TABLE inputs (
        source VARCHAR NOT NULL,
        locator VARCHAR NOT NULL,
        raw_sha VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        outcome VARCHAR NOT NULL,
        run_id INTEGER NOT NULL,
        PRIMARY KEY (source, locator, raw_sha)
    );
    CREATE TABLE sentences (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL
    );
    CREATE TABLE tokens (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        lemma VARCHAR,
        pos VARCHAR,
        tag VARCHAR,
        dep VARCHAR,
        head INTEGER,
        morph VARCHAR
    );
    CREATE TABLE mentions (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        label VARCHAR NOT NULL
    );
    CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY,
        command VARCHAR,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL,
        stored INTEGER DEFAULT 0,
        near_duplicates INTEGER DEFAULT 0,
        duplicates INTEGER DEFAULT 0,
        unchanged INTEGER DEFAULT 0,
        failed INTEGER DEFAULT 0,
        skipped INTEGER DEFAULT 0
    );
    CREATE TABLE errors (
        run_id INTEGER NOT NULL,
        source VARCHAR NOT NULL,
        locator VARCHAR NOT NULL,
        stage VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        skipped BOOLEAN NOT NULL,
        logged_at TIMESTAMP NOT NULL
    );
    """,
    2: """
    ALTER TABLE mentions ADD COLUMN actor_id VARCHAR;
    ALTER TABLE mentions ADD COLUMN role VARCHAR;
    ALTER TABLE mentions ADD COLUMN link VARCHAR;
    CREATE TABLE actors (
        actor_id VARCHAR PRIMARY KEY,
        type VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        country VARCHAR,
        cameo VARCHAR,
        origin VARCHAR NOT NULL,
        aliases JSON,
        roles JSON
    );
    """,
    3: """
    CREATE TABLE events (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        trigger VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        cameo VARCHAR NOT NULL,
        goldstein DOUBLE NOT NULL,
        quad_class INTEGER NOT NULL,
        source_id VARCHAR,
        source_role VARCHAR,
        target_id VARCHAR,
        target_role VARCHAR,
        modality VARCHAR NOT NULL,
        date VARCHAR,
        date_text VARCHAR,
        date_basis VARCHAR NOT NULL,
        country VARCHAR,
        city VARCHAR,
        speaker_id VARCHAR
    );
    """,
    4: """
    CREATE TABLE actor_stats (
        actor_id VARCHAR PRIMARY KEY,
        mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL
    );
    INSERT INTO actor_stats SELECT actor_id, count(*), count(DISTINCT doc_id) FROM mentions
        WHERE actor_id IS NOT NULL GROUP BY actor_id;
    """,
    5: """
    ALTER TABLE documents ADD COLUMN opinion_score DOUBLE;
    CREATE TABLE tone (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
        tone DOUBLE, positive DOUBLE, negative DOUBLE, polarity DOUBLE, activity DOUBLE,
        self_group DOUBLE, words INTEGER
    );
    CREATE TABLE themes (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
        theme VARCHAR NOT NULL, score DOUBLE NOT NULL, terms VARCHAR
    );
    CREATE TABLE stances (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, actor_id VARCHAR NOT NULL,
        label VARCHAR NOT NULL, score DOUBLE NOT NULL, mentions INTEGER NOT NULL
    );
    CREATE TABLE stance_cues (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, actor_id VARCHAR NOT NULL,
        sentence INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        kind VARCHAR NOT NULL, cue VARCHAR, weight DOUBLE NOT NULL
    );
    CREATE TABLE frames (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, technique VARCHAR NOT NULL,
        score DOUBLE NOT NULL, method VARCHAR NOT NULL
    );
    CREATE TABLE claims (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, kinds VARCHAR NOT NULL,
        score DOUBLE NOT NULL, claimant VARCHAR, claimant_id VARCHAR
    );
    CREATE TABLE sentence_vectors (
        doc_id VARCHAR NOT NULL, sentence INTEGER NOT NULL, vector FLOAT[384] NOT NULL
    );
    CREATE TABLE doc_vectors (doc_id VARCHAR NOT NULL, vector FLOAT[384] NOT NULL);
    CREATE TABLE narratives (
        narrative_id INTEGER PRIMARY KEY, label VARCHAR NOT NULL, terms VARCHAR,
        sentences INTEGER NOT NULL, documents INTEGER NOT NULL, sources INTEGER NOT NULL,
        first_date VARCHAR, last_date VARCHAR, cohesion DOUBLE NOT NULL
    );
    CREATE TABLE narrative_sentences (
        narrative_id INTEGER NOT NULL, doc_id VARCHAR NOT NULL, sentence INTEGER NOT NULL,
        similarity DOUBLE NOT NULL
    );
    """,
    6: """
    CREATE TABLE refresh_state (
        step VARCHAR PRIMARY KEY, documents BIGINT NOT NULL, digest UBIGINT NOT NULL,
        refreshed_at TIMESTAMP NOT NULL
    );
    """,
    7: """
    ALTER TABLE documents ADD COLUMN domain VARCHAR;
    ALTER TABLE documents ADD COLUMN domain_score DOUBLE;
    CREATE TABLE event_mentions (
        doc_id VARCHAR NOT NULL, event INTEGER NOT NULL, idx INTEGER NOT NULL,
        sentence INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        trigger VARCHAR NOT NULL, date VARCHAR, date_basis VARCHAR NOT NULL
    );
    INSERT INTO event_mentions SELECT doc_id, idx, 0, sentence, start_char, end_char, trigger,
        date, date_basis FROM events;
    CREATE TABLE stories (
        story_id INTEGER PRIMARY KEY, type VARCHAR NOT NULL, source_id VARCHAR,
        target_id VARCHAR, modality VARCHAR NOT NULL, date VARCHAR,
        first_date VARCHAR, last_date VARCHAR, doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        mentions INTEGER NOT NULL, articles INTEGER NOT NULL, sources INTEGER NOT NULL,
        copies INTEGER NOT NULL
    );
    CREATE TABLE story_events (
        story_id INTEGER NOT NULL, doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL
    );
    """,
    8: """
    CREATE TABLE fetch_state (
        url VARCHAR PRIMARY KEY, final_url VARCHAR, status INTEGER NOT NULL, etag VARCHAR,
        last_modified VARCHAR, fetched_at VARCHAR NOT NULL
    );
    CREATE TABLE sources (
        name VARCHAR PRIMARY KEY, site VARCHAR, language VARCHAR, urls VARCHAR[] NOT NULL,
        interval_seconds DOUBLE NOT NULL, last_poll TIMESTAMP, polls INTEGER NOT NULL,
        items INTEGER NOT NULL, errors INTEGER NOT NULL, last_error VARCHAR
    );
    CREATE SEQUENCE alert_ids;
    CREATE TABLE alerts (
        alert_id BIGINT PRIMARY KEY DEFAULT nextval('alert_ids'), created_at TIMESTAMP NOT NULL,
        run_id INTEGER, kind VARCHAR NOT NULL, subject VARCHAR NOT NULL, message VARCHAR NOT NULL,
        doc_id VARCHAR, start_char INTEGER, end_char INTEGER, detail VARCHAR
    );
    """,
    9: """
    ALTER TABLE events ADD COLUMN method VARCHAR DEFAULT 'lexicon';
    ALTER TABLE events ADD COLUMN confidence DOUBLE DEFAULT 1.0;

    """,
    10: """
    CREATE TABLE reanalysed (
        task VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, PRIMARY KEY (task, doc_id)
    );
    CREATE TABLE merged_partitions (
        part VARCHAR PRIMARY KEY, run_id INTEGER NOT NULL, merged_at TIMESTAMP NOT NULL
    );
    """,
    11: """
    -- The full-text index in the store's own tables (marea.store.fulltext), updated per new
    -- document instead of the fts extension's whole-store rebuild; the next ingest fills it.
    DROP SCHEMA IF EXISTS fts_main_documents CASCADE;
    CREATE TABLE search_docs (doc_id VARCHAR NOT NULL, docno INTEGER NOT NULL,
                              length INTEGER NOT NULL);
    CREATE TABLE search_terms (term VARCHAR NOT NULL, termid INTEGER NOT NULL);
    CREATE TABLE search_postings (termid INTEGER NOT NULL, docno INTEGER NOT NULL,
                                  tf INTEGER NOT NULL);
    CREATE TABLE search_compacted (postings BIGINT NOT NULL);
    DELETE FROM refresh_state WHERE step = 'search_index';
    -- Near-duplicate LSH buckets of every original (marea.ingest.dedup), looked up per batch
    -- instead of loading every signature; the next ingest fills them from `fingerprint`.
    CREATE TABLE near_duplicate_buckets (bucket BIGINT NOT NULL, doc_id VARCHAR NOT NULL,
                                         seq BIGINT NOT NULL);
    CREATE TABLE near_duplicate_scheme (bands INTEGER NOT NULL, band_rows INTEGER NOT NULL);
    -- Narratives updated per run (marea.opinion.narratives): fixed centres new sentences are
    -- matched against, the vectors stored since the last update (written with their batch),
    -- and the unassigned sentences kept to form new narratives; the next ingest rebuilds
    -- them once, with these tables.
    CREATE TABLE narrative_centres (narrative_id INTEGER NOT NULL, centre FLOAT[384] NOT NULL);
    CREATE TABLE narrative_inbox (doc_id VARCHAR NOT NULL, sentence INTEGER NOT NULL,
                                  vector FLOAT[384] NOT NULL);
    CREATE TABLE narrative_pool (doc_id VARCHAR NOT NULL, sentence INTEGER NOT NULL,
                                 vector FLOAT[384] NOT NULL, seq BIGINT NOT NULL);
    DELETE FROM narratives;
    DELETE FROM narrative_sentences;
    DELETE FROM refresh_state WHERE step = 'narratives';
    """,
    12: """
    CREATE SEQUENCE doc_key_numbers START 1;
    -- A number per document with sentence vectors, in order of indexing: its sentences'
    -- keys in the vector index (marea.vectors) are number << 16 | sentence.
    CREATE TABLE doc_keys (
        doc_id VARCHAR PRIMARY KEY, number BIGINT NOT NULL, sentences INTEGER NOT NULL
    );
    ALTER TABLE stances ADD COLUMN cue_kind VARCHAR;
    ALTER TABLE stances ADD COLUMN cue VARCHAR;
    ALTER TABLE stances ADD COLUMN cue_weight DOUBLE;
    ALTER TABLE stances ADD COLUMN cue_start INTEGER;
    ALTER TABLE stances ADD COLUMN cue_end INTEGER;
    ALTER TABLE stances ADD COLUMN evidence_start INTEGER;
    ALTER TABLE stances ADD COLUMN evidence_end INTEGER;
    ALTER TABLE claims ADD COLUMN kind_list VARCHAR[];
    DROP TABLE doc_vectors;  -- mean vectors per document: semantic search uses doc_keys now
    """ + STANCE_EVIDENCE.format(docs="TRUE", stances="TRUE") + CLAIM_KINDS.format(docs="TRUE"),
    13: """
    -- Whether an event is its sentence's main one (marea.events.main_event); events stored
    -- before count as main until their documents are reanalysed.
    ALTER TABLE events ADD COLUMN main BOOLEAN DEFAULT TRUE;
    """,
    14: """
    -- Narrative labels a reader understands (marea.opinion.narratives): the actors and event
    -- types recurring in its sentences, and the sentence nearest its centre as an example;
    -- the next ingest labels the stored narratives this way, keeping their ids.
    ALTER TABLE narratives ADD COLUMN actor_ids VARCHAR[];
    ALTER TABLE narratives ADD COLUMN event_types VARCHAR[];
    ALTER TABLE narratives ADD COLUMN example_doc_id VARCHAR;
    ALTER TABLE narratives ADD COLUMN example_sentence INTEGER;
    DELETE FROM refresh_state WHERE step = 'narratives';
    """,
    15: """
    -- actor_stats follows each write in its transaction (Store.count_actors) instead of a
    -- recount after every run: count once more, in case a run died before its recount.
    DELETE FROM actor_stats;
    INSERT INTO actor_stats SELECT actor_id, count(*), count(DISTINCT doc_id) FROM mentions
        WHERE actor_id IS NOT NULL GROUP BY actor_id;
    DELETE FROM refresh_state WHERE step = 'actor_stats';
    """,
    16: """
    -- Each document's sentence offsets in one row found by its key: search snippets of a
    -- page read them instead of scanning `sentences` (a million rows at 50,000 documents).
    CREATE TABLE sentence_spans (
        doc_id VARCHAR PRIMARY KEY, starts INTEGER[] NOT NULL, ends INTEGER[] NOT NULL
    );
    """ + SENTENCE_SPANS.format(docs="TRUE"),
    17: """
    -- Which encoder made the store's sentence vectors: vectors of two encoders can't be
    -- compared, so later runs and searches use it (marea.pipeline.store_encoder). Stores
    -- with vectors before this migration were made by the packaged default of the time.
    CREATE TABLE store_encoder (name VARCHAR NOT NULL);
    INSERT INTO store_encoder SELECT 'minilm-l6-int8'
        WHERE EXISTS (SELECT 1 FROM sentence_vectors);
    """,
    18: """
    CREATE TABLE document_tone (
        doc_id VARCHAR NOT NULL, tone DOUBLE, positive DOUBLE, negative DOUBLE,
        polarity DOUBLE, activity DOUBLE, self_group DOUBLE
    );
    """ + DOCUMENT_TONE.format(docs="TRUE"),
    19: """
    CREATE TABLE actor_events (
        actor_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        date VARCHAR, type VARCHAR NOT NULL, original BOOLEAN NOT NULL
    );
    """ + ACTOR_EVENTS.format(docs="TRUE"),
    20: """
    -- The state an event with no named target is directed at (marea.events.extract,
    -- implied_targets) and how its target was obtained; events stored before have none
    -- until their documents are reanalysed.
    ALTER TABLE events ADD COLUMN implied_target_id VARCHAR;
    ALTER TABLE events ADD COLUMN target_basis VARCHAR;
    """,
    21: """
    -- The documents whose events were written or replaced since the stories were last
    -- brought up to date (marea.events.stories): the next refresh places these documents'
    -- events instead of looking for unplaced events among all of them. Stories are brought
    -- up to date once over every event, after which the inbox holds what arrives.
    CREATE TABLE story_inbox (doc_id VARCHAR NOT NULL);
    DELETE FROM refresh_state WHERE step = 'stories';
    """,
    22: """
    -- Running counts behind each narrative's figures and label (marea.opinion.narratives):
    -- an update adds its new members to them instead of reading every member again. The
    -- stored narratives are counted once more at the next update, keeping their ids.
    CREATE TABLE narrative_counts (
        narrative_id INTEGER NOT NULL, kind VARCHAR NOT NULL, key VARCHAR NOT NULL,
        name VARCHAR NOT NULL, hits BIGINT NOT NULL, documents BIGINT NOT NULL
    );
    ALTER TABLE narratives ADD COLUMN example_similarity DOUBLE;
    UPDATE narratives SET example_doc_id = NULL;
    DELETE FROM refresh_state WHERE step = 'narratives';
    """,
    23: """
    -- What a narratives update counts of the sentences waiting for it (NARRATIVE_KEYS),
    -- recorded with their batch from now on; here read once for those already waiting.
    CREATE TABLE narrative_keys (
        doc_id VARCHAR NOT NULL, sentence INTEGER NOT NULL, kind VARCHAR NOT NULL,
        key VARCHAR NOT NULL, name VARCHAR NOT NULL, hits BIGINT NOT NULL
    );
    INSERT INTO narrative_keys """ + WAITING_KEYS + """;
    """,
    24: """
    -- A story's events share their mode as the events merged within a document do (a
    -- SANCTION expelling and one breaking off ties are two stories): a story takes its
    -- lead event's mode, and the next refresh places again the members of another mode.
    ALTER TABLE stories ADD COLUMN mode VARCHAR;
    UPDATE stories SET mode = e.mode FROM events e
    WHERE e.doc_id = stories.doc_id AND e.idx = stories.idx;
    DELETE FROM story_events l WHERE EXISTS (SELECT 1 FROM stories s JOIN events e
        ON e.doc_id = l.doc_id AND e.idx = l.idx
        WHERE s.story_id = l.story_id AND e.mode IS DISTINCT FROM s.mode);
    DELETE FROM refresh_state WHERE step = 'stories';
    """,
    25: """
    -- The build of a packaged encoder (its weights' checksum, marea.nlp.encoder.build_of):
    -- a rebuilt graph keeps its name but moves every vector, so an ingest compares builds
    -- too (marea.pipeline.store_encoder). Vectors stored before were the builds shipped
    -- until then (per-tensor int8 activations, and the static vectors distilled from it).
    ALTER TABLE store_encoder ADD COLUMN build VARCHAR;
    UPDATE store_encoder SET build = CASE name
        WHEN 'minilm-l6-int8'
            THEN '71e06405ee545d89fbe66bc61759b747e3a408fa7f831f4ddcd6a0d32a296a07'
        WHEN 'minilm-l6-static'
            THEN '5f3e7338a90b16005e8237b50ccba31a2df63253b14f2230feca59a38eee3581' END;
    """,
}

LATEST = max(MIGRATIONS)
