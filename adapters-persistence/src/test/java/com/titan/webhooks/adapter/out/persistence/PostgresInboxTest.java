package com.titan.webhooks.adapter.out.persistence;

/** The inbox contract on PostgreSQL, in a database of its own. */
class PostgresInboxTest extends InboxContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
