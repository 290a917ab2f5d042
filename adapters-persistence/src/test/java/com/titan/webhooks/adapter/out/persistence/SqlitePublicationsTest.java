package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.PublicationsContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The publications contract on SQLite. */
class SqlitePublicationsTest extends PublicationsContract {

    @Override
    protected StoreUnderTest openStore() {
        return SqlStore.open(TestDatabase.sqlite());
    }
}
