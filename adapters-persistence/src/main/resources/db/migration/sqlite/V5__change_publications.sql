-- Where the change feed is published (a broker's exchange, say), one row per destination: which
-- instance holds the lease to publish it and until when (epoch milliseconds; another instance takes
-- it over once it has expired), and the last position the destination confirmed. A publisher starts
-- after that position, so a restart or an outage resumes where publishing stopped, without a gap.
CREATE TABLE change_publications (
    destination  VARCHAR(300) PRIMARY KEY,
    holder       VARCHAR(200),
    expires_at   BIGINT       NOT NULL,
    confirmed    BIGINT       NOT NULL
);
