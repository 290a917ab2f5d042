package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The 16 event types, end to end, on PostgreSQL. */
class PostgresProjectionTest extends ProjectionContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
