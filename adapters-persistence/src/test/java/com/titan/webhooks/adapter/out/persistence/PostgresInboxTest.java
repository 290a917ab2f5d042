package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.InboxContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The inbox contract on PostgreSQL, in a database of its own. */
class PostgresInboxTest extends InboxContract {

    // the store the class's tests share (the first opened): a test that opens a store of its own
    // must not make closedStore() open a pool on that one, dropped by then (re-created, for SQLite)
    private TestDatabase database;

    @Override
    protected StoreUnderTest openStore() {
        TestDatabase created = TestDatabase.postgres();
        if (database == null) {
            database = created;
        }
        return SqlStore.open(created);
    }

    /** A second pool on the store under test, closed: quicker than a new store. */
    @Override
    protected StoreUnderTest closedStore() {
        return SqlStore.closedOn(database);
    }
}
