package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The ports of a migrated SQL store, for the store contracts; closing it closes the pool and drops the store. */
final class SqlStore {

    private SqlStore() {
    }

    static StoreUnderTest open(TestDatabase store) {
        Database database;
        try {
            database = store.openMigrated();
        } catch (RuntimeException failure) {
            store.close();
            throw failure;
        }
        return ports(database, () -> {
            database.close();
            store.close();
        });
    }

    /** Ports on {@code store} through a pool already closed: every use fails as the store being unreachable does. */
    static StoreUnderTest closedOn(TestDatabase store) {
        Database database = store.openMigrated();
        database.close();
        return ports(database, () -> { });
    }

    private static StoreUnderTest ports(Database database, Runnable closing) {
        return new StoreUnderTest(database.transactions(), database.inbox(), database.pendingEvents(),
                database.storedEvents(), database.connections(), database.cards(), database.reminders(),
                database.contacts(), database.scoringJobs(), database.documents(), database.changes(),
                database.publications(), closing);
    }
}
