package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The query API on the embedded SQLite store. */
class SqliteQueryApiTest extends QueryApiContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
