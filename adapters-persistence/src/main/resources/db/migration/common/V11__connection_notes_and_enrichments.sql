-- A connection's notes and enrichments, a row each instead of arrays in its state, which every
-- note.added rewrote whole (O(n^2) bytes over a connection's life). Keyed by (connection, note id
-- or enrichment event key): a delivery applied again writes nothing. page_key is the time the member
-- came as fixed-width digits, then its id: the order a connection's route pages them in, by keyset.
-- V12 moves what the stored states hold into these tables.
-- (No V10: no release ever had one; the numbers need not be consecutive.)
CREATE TABLE connection_notes (
    connection_id  TEXT NOT NULL,
    note_id        TEXT NOT NULL,
    content        TEXT NOT NULL,
    added_at       TEXT NOT NULL,
    page_key       TEXT NOT NULL,
    PRIMARY KEY (connection_id, note_id)
);
CREATE INDEX connection_notes_page ON connection_notes (connection_id, page_key);

CREATE TABLE connection_enrichments (
    connection_id    TEXT NOT NULL,
    event_key        TEXT NOT NULL,
    enriched_fields  TEXT NOT NULL,
    status           TEXT,
    provider         TEXT,
    completed_at     TEXT NOT NULL,
    page_key         TEXT NOT NULL,
    PRIMARY KEY (connection_id, event_key)
);
CREATE INDEX connection_enrichments_page ON connection_enrichments (connection_id, page_key);
