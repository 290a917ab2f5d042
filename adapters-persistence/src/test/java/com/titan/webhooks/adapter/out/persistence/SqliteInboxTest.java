package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.InboxContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The inbox contract on SQLite. */
class SqliteInboxTest extends InboxContract {

    private TestDatabase database;

    @Override
    protected StoreUnderTest openStore() {
        database = TestDatabase.sqlite();
        return SqlStore.open(database);
    }

    /** A second pool on the store under test, closed: quicker than a new store. */
    @Override
    protected StoreUnderTest closedStore() {
        return SqlStore.closedOn(database);
    }
}
