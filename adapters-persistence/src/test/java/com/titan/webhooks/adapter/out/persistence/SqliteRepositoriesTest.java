package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.RepositoriesContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The repositories contract on SQLite. */
class SqliteRepositoriesTest extends RepositoriesContract {

    @Override
    protected StoreUnderTest openStore() {
        return SqlStore.open(TestDatabase.sqlite());
    }
}
