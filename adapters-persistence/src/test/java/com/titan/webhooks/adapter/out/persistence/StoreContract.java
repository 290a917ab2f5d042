package com.titan.webhooks.adapter.out.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the persistence contracts: one migrated store of the subclass's kind, shared by the
 * tests of a class and dropped after them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    TestDatabase store;
    Database database;

    abstract TestDatabase createStore();

    @BeforeAll
    void openStore() {
        store = createStore();
        database = store.openMigrated();
    }

    @AfterAll
    void dropStore() {
        if (database != null) {
            database.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
