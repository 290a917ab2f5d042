package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The change feed contract on PostgreSQL. */
class PostgresChangeFeedApiTest extends ChangeFeedApiContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
