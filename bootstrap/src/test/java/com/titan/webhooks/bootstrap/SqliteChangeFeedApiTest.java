package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The change feed contract on SQLite. */
class SqliteChangeFeedApiTest extends ChangeFeedApiContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
