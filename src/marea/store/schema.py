"""The store's schema as numbered migrations; a store records the highest one applied."""

from __future__ import annotations

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
    CREATE SEQUENCE doc_key_numbers START 1;
    -- A number per document with sentence vectors, in order of indexing: its sentences'
    -- keys in the vector index (marea.vectors) are number << 16 | sentence.
    CREATE TABLE doc_keys (
        doc_id VARCHAR PRIMARY KEY, number BIGINT NOT NULL, sentences INTEGER NOT NULL
    );
    """,
}

LATEST = max(MIGRATIONS)
