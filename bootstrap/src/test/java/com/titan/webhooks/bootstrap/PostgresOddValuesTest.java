package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** Odd values in every field, on the PostgreSQL store. */
class PostgresOddValuesTest extends OddValuesContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }
}
