package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.ChangeFeedContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The change feed contract on PostgreSQL, in a database of its own. */
class PostgresChangeFeedTest extends ChangeFeedContract {

    @Override
    protected StoreUnderTest openStore() {
        return SqlStore.open(TestDatabase.postgres());
    }
}
