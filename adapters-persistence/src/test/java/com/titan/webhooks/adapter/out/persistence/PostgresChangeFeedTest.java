package com.titan.webhooks.adapter.out.persistence;

/** The change feed contract on PostgreSQL, in a database of its own. */
class PostgresChangeFeedTest extends ChangeFeedContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
