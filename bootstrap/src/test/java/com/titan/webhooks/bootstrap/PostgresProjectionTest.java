package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** Every event type of the catalogue, end to end, on PostgreSQL. */
class PostgresProjectionTest extends ProjectionContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
