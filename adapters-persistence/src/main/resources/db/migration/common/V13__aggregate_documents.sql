-- Every aggregate stored as a document (DocumentAggregate): one table for all of their kinds, keyed
-- by the kind's name and the aggregate's id, so that a new kind needs no migration. The state is the
-- aggregate's document, as JSON (JSONB on PostgreSQL); the version guards saves as in every other
-- aggregate's table. Read by key only: no list route, so no other index.
CREATE TABLE aggregate_documents (
    aggregate  TEXT   NOT NULL,
    id         TEXT   NOT NULL,
    version    BIGINT NOT NULL,
    state      ${json} NOT NULL,
    PRIMARY KEY (aggregate, id)
);
