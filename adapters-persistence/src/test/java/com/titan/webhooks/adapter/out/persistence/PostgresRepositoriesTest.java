package com.titan.webhooks.adapter.out.persistence;

/** The repositories contract on PostgreSQL, in a database of its own. */
class PostgresRepositoriesTest extends RepositoriesContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
