package com.titan.webhooks.adapter.out.persistence;

/** The change feed contract on SQLite. */
class SqliteChangeFeedTest extends ChangeFeedContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
