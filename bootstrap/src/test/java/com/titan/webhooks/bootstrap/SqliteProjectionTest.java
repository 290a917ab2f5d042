package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** Every event type of the catalogue, end to end, on the embedded SQLite store. */
class SqliteProjectionTest extends ProjectionContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
