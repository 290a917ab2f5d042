package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The query API on PostgreSQL. */
class PostgresQueryApiTest extends QueryApiContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
