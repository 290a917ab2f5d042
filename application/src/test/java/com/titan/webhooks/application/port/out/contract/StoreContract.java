package com.titan.webhooks.application.port.out.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the store contracts, typed against the outbound ports only: one new store of the
 * subclass's kind, shared by the tests of a class and closed after them. A new store passes the
 * contracts by extending each of them with {@link #openStore()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {

    protected StoreUnderTest store;

    /** A new, empty store of the kind under test, ready to use (migrated, for a SQL store). */
    protected abstract StoreUnderTest openStore();

    @BeforeAll
    void openSharedStore() {
        store = openStore();
    }

    @AfterAll
    void closeSharedStore() {
        if (store != null) {
            store.close();
        }
    }
}
