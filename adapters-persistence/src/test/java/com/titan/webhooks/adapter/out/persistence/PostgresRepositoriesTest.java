package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.RepositoriesContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The repositories contract on PostgreSQL, in a database of its own. */
class PostgresRepositoriesTest extends RepositoriesContract {

    @Override
    protected StoreUnderTest openStore() {
        return SqlStore.open(TestDatabase.postgres());
    }
}
