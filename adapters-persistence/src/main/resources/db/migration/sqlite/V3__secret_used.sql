-- Which configured secret verified each delivery (its position in the provider's list, 1 for the
-- first, and the first 8 hex digits of its SHA-256), so that a rotation can tell when the old
-- secret stops being used. Never the secret. Empty for events stored before this migration.
ALTER TABLE inbox_events ADD COLUMN secret_position INTEGER;
ALTER TABLE inbox_events ADD COLUMN secret_fingerprint VARCHAR(8);
