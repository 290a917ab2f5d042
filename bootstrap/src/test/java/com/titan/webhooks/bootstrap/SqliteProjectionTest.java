package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The 16 event types, end to end, on the embedded SQLite store. */
class SqliteProjectionTest extends ProjectionContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
