package com.titan.webhooks.adapter.out.persistence;

/** The repositories contract on SQLite. */
class SqliteRepositoriesTest extends RepositoriesContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
