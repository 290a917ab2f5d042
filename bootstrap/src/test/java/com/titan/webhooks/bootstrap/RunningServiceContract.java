package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the end-to-end contracts: one store of the subclass's kind and the real service on it,
 * shared by the tests of a class and dropped after them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningServiceContract {

    TestDatabase database;
    RunningService service;
    StoreQueries rows;

    abstract TestDatabase createStore();

    @BeforeAll
    void startService() {
        database = createStore();
        service = RunningService.start(database);
        rows = new StoreQueries(database);
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
