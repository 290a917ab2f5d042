-- The change feed: the transactional outbox of the projected state. Each row is one committed
-- change of one aggregate, written in the projection's own transaction, with the aggregate's
-- stored state before (NULL for a creation) and after it; readers render both as the aggregate's
-- route does. Times are epoch milliseconds.
CREATE TABLE changes (
    position      BIGINT PRIMARY KEY,
    aggregate     TEXT   NOT NULL,
    aggregate_id  TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    event_id      TEXT   NOT NULL,
    committed_at  BIGINT NOT NULL,
    before_state  TEXT,
    after_state   TEXT   NOT NULL
);
CREATE INDEX changes_committed ON changes (committed_at);

-- One row: the last position taken and the last one retention deleted. A projection transaction
-- takes its positions from it last, just before committing, and holds its row lock until the
-- commit: commits of changes are thereby serialised in position order, so a reader paging by
-- position never steps past one that commits a moment later.
CREATE TABLE change_positions (
    id      INTEGER PRIMARY KEY,
    last    BIGINT  NOT NULL,
    pruned  BIGINT  NOT NULL
);
INSERT INTO change_positions (id, last, pruned) VALUES (1, 0, 0);

-- When this service last changed each aggregate (what updated_since means), as the commit time of
-- its latest change. Rows that exist already count as changed now: a reader that syncs from a time
-- before this migration sees them, rather than missing them.
ALTER TABLE connections ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cards ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reminders ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
UPDATE connections SET changed_at = CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT);
UPDATE cards SET changed_at = CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT);
UPDATE reminders SET changed_at = CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT);
UPDATE contacts SET changed_at = CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT);
CREATE INDEX connections_changed_at ON connections (changed_at, id);
CREATE INDEX cards_changed_at ON cards (changed_at, id);
CREATE INDEX reminders_changed_at ON reminders (changed_at, id);
CREATE INDEX contacts_changed_at ON contacts (changed_at, contact_key);
-- the connections of a contact's phone, for the lead status a scored contact changes
CREATE INDEX connections_phone ON connections (phone_norm);
