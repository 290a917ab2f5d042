package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** Odd values in every field, on the Sqlite store. */
class SqliteOddValuesTest extends OddValuesContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }
}
