-- SQLite never bounded text lengths; PostgreSQL's V2 removes its bounds, so that both stores
-- accept the same values.

-- the latest accepted delivery per provider, read at start-up so that silence is measured across restarts
CREATE INDEX inbox_events_source_seq ON inbox_events (source, seq);
