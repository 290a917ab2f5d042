-- An aggregate's state is JSON: stored as JSONB, PostgreSQL checks it on the way in and can read
-- into it. (SQLite keeps TEXT: it has no JSON column type.) JSONB refuses the escape \u0000, which
-- a provider's value may hold; as in the columns queries filter on (StorableText), it becomes
-- U+FFFD, and the raw body keeps the original. The adapter binds state the same way (JsonState).
ALTER TABLE connections ALTER COLUMN state TYPE JSONB USING CAST(regexp_replace(state, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') AS JSONB);
ALTER TABLE cards ALTER COLUMN state TYPE JSONB USING CAST(regexp_replace(state, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') AS JSONB);
ALTER TABLE reminders ALTER COLUMN state TYPE JSONB USING CAST(regexp_replace(state, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') AS JSONB);
ALTER TABLE contacts ALTER COLUMN state TYPE JSONB USING CAST(regexp_replace(state, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') AS JSONB);
ALTER TABLE scoring_jobs ALTER COLUMN state TYPE JSONB USING CAST(regexp_replace(state, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') AS JSONB);
