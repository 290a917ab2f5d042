-- The inbox: one row per verified delivery. Times are epoch milliseconds in both dialects.
CREATE TABLE inbox_events (
    seq              BIGSERIAL PRIMARY KEY,
    id               VARCHAR(36)  NOT NULL UNIQUE,
    source           VARCHAR(16)  NOT NULL,
    event_type       VARCHAR(200),
    idempotency_key  VARCHAR(200),
    occurred_at      BIGINT,
    received_at      BIGINT       NOT NULL,
    raw_body         BYTEA        NOT NULL,
    headers          TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_error       TEXT,
    next_attempt_at  BIGINT       NOT NULL,
    -- the store, not the code, makes a delivery count once (malformed rows have no key)
    CONSTRAINT inbox_events_once UNIQUE (source, idempotency_key)
);
CREATE INDEX inbox_events_due ON inbox_events (seq) WHERE status IN ('received', 'failed');
CREATE INDEX inbox_events_status ON inbox_events (status, seq);

-- Aggregates: the whole state as JSON, plus the columns the query API filters on.
CREATE TABLE connections (
    id               VARCHAR(200) PRIMARY KEY,
    version          BIGINT       NOT NULL,
    state            TEXT         NOT NULL,
    status           VARCHAR(200),
    email_norm       VARCHAR(320),
    phone_norm       VARCHAR(40),
    tags             TEXT         NOT NULL,
    deleted          BOOLEAN      NOT NULL,
    last_changed_at  BIGINT       NOT NULL
);
CREATE INDEX connections_email ON connections (email_norm);
CREATE INDEX connections_changed ON connections (last_changed_at, id);

CREATE TABLE cards (
    id               VARCHAR(200) PRIMARY KEY,
    version          BIGINT       NOT NULL,
    state            TEXT         NOT NULL,
    deleted          BOOLEAN      NOT NULL
);

CREATE TABLE reminders (
    id               VARCHAR(200) PRIMARY KEY,
    version          BIGINT       NOT NULL,
    state            TEXT         NOT NULL,
    status           VARCHAR(200),
    connection_id    VARCHAR(200),
    scheduled_for    BIGINT
);
CREATE INDEX reminders_connection ON reminders (connection_id);

CREATE TABLE contacts (
    contact_key      VARCHAR(320) PRIMARY KEY,
    version          BIGINT       NOT NULL,
    state            TEXT         NOT NULL,
    lead_status      VARCHAR(200),
    email_norm       VARCHAR(320),
    phone_norms      TEXT         NOT NULL
);
CREATE INDEX contacts_email ON contacts (email_norm);

CREATE TABLE scoring_jobs (
    job_key          VARCHAR(200) PRIMARY KEY,
    version          BIGINT       NOT NULL,
    state            TEXT         NOT NULL
);
