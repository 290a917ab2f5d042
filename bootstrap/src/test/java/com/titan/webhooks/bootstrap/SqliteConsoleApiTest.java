package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The console's API on the embedded SQLite store. */
class SqliteConsoleApiTest extends ConsoleApiContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
