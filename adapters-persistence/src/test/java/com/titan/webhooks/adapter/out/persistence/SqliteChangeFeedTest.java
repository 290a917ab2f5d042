package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.ChangeFeedContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The change feed contract on SQLite. */
class SqliteChangeFeedTest extends ChangeFeedContract {

    @Override
    protected StoreUnderTest openStore() {
        return SqlStore.open(TestDatabase.sqlite());
    }
}
