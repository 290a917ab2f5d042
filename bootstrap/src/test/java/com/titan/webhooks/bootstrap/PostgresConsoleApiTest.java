package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The console's API on PostgreSQL. */
class PostgresConsoleApiTest extends ConsoleApiContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
