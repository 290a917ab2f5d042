package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The change feed contract on PostgreSQL. */
class PostgresChangeFeedTest extends ChangeFeedContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
