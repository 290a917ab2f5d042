-- A provider decides how long its values are, not this schema: a status, email or event type
-- longer than a VARCHAR bound failed the whole transaction that carried it (a delivery answered
-- 503 on every retry, a projection batch rolled back for good). Text columns have no bound; the
-- identifiers that keys and indexes hold are bounded by the domain instead (200 characters).
ALTER TABLE inbox_events ALTER COLUMN event_type TYPE TEXT, ALTER COLUMN idempotency_key TYPE TEXT;
ALTER TABLE connections ALTER COLUMN id TYPE TEXT, ALTER COLUMN status TYPE TEXT,
                        ALTER COLUMN email_norm TYPE TEXT, ALTER COLUMN phone_norm TYPE TEXT;
ALTER TABLE cards ALTER COLUMN id TYPE TEXT;
ALTER TABLE reminders ALTER COLUMN id TYPE TEXT, ALTER COLUMN status TYPE TEXT,
                      ALTER COLUMN connection_id TYPE TEXT;
ALTER TABLE contacts ALTER COLUMN contact_key TYPE TEXT, ALTER COLUMN lead_status TYPE TEXT,
                     ALTER COLUMN email_norm TYPE TEXT;
ALTER TABLE scoring_jobs ALTER COLUMN job_key TYPE TEXT;

-- the latest accepted delivery per provider, read at start-up so that silence is measured across restarts
CREATE INDEX inbox_events_source_seq ON inbox_events (source, seq);
