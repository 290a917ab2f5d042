package com.titan.webhooks.adapter.out.persistence;

/** The inbox contract on SQLite. */
class SqliteInboxTest extends InboxContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
