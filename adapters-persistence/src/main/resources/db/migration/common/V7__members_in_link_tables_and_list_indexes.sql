-- From V7 on the two dialects share this folder; Flyway puts in what differs by placeholder
-- (Dialect.placeholders()), and a dialect's own folder holds only what cannot be shared.

-- A connection's tags and a contact's phone digits, one row per member: a filter on one is an
-- index look-up by the whole value, instead of a LIKE '%|member|%' over every row (which also
-- needed the members escaped, and matched wrongly when they were not).
CREATE TABLE connection_tags (
    tag            TEXT NOT NULL,
    connection_id  TEXT NOT NULL
);
-- Keyed by the member's first 200 characters, not the whole of it: a provider may send a tag of any
-- length, and PostgreSQL refuses a B-tree entry over about 2.7 KB. A filter reads the range of the
-- prefix, in owner order, and keeps the rows whose whole member is equal.
CREATE INDEX connection_tags_tag ON connection_tags (substr(tag, 1, 200), connection_id);
-- a connection's tags are replaced whole when it is saved
CREATE INDEX connection_tags_connection ON connection_tags (connection_id);

CREATE TABLE contact_phones (
    digits       TEXT NOT NULL,
    contact_key  TEXT NOT NULL
);
CREATE INDEX contact_phones_digits ON contact_phones (substr(digits, 1, 200), contact_key);
CREATE INDEX contact_phones_contact ON contact_phones (contact_key);

-- The phones stored so far, split out of their '|a|b|' column. Phone digits hold nothing but
-- digits, so the split is exact. The tags are taken from the connections' state instead (V8),
-- where they are stored unescaped.
WITH RECURSIVE split (contact_key, rest, digits) AS (
    SELECT contact_key, substr(phone_norms, 2), CAST(NULL AS TEXT) FROM contacts WHERE phone_norms <> ''
    UNION ALL
    SELECT contact_key, substr(rest, ${strpos}(rest, '|') + 1), substr(rest, 1, ${strpos}(rest, '|') - 1)
    FROM split WHERE rest <> ''
)
INSERT INTO contact_phones (digits, contact_key)
SELECT DISTINCT digits, contact_key FROM split WHERE digits IS NOT NULL AND digits <> '';

-- One index per filter of each list query, ending in the query's keyset order, so that a page is
-- one range of one index: the first rows of "status = x AND id > cursor ORDER BY id" are read in
-- order, never sorted. (Unfiltered pages walk the primary key; updated_since uses the changed_at
-- indexes of V4; a tag filter walks connection_tags_tag.)
CREATE INDEX connections_status_id ON connections (status, id);
CREATE INDEX connections_email_id ON connections (email_norm, id);
DROP INDEX connections_email;
CREATE INDEX reminders_status_id ON reminders (status, id);
CREATE INDEX reminders_connection_id ON reminders (connection_id, id);
DROP INDEX reminders_connection;
CREATE INDEX reminders_due ON reminders (scheduled_for, id);
CREATE INDEX contacts_lead_status_key ON contacts (lead_status, contact_key);
CREATE INDEX contacts_email_key ON contacts (email_norm, contact_key);
DROP INDEX contacts_email;
-- the events' list: by source (V2) and by status (V1) exist; by type and by time of receipt here
CREATE INDEX inbox_events_type_seq ON inbox_events (event_type, seq);
CREATE INDEX inbox_events_received ON inbox_events (received_at);
