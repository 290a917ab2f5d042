package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The receiving contract on the embedded SQLite store. */
class SqliteReceiveTest extends ReceiveContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.sqlite();
    }

    @Override
    String[] breakInserts() {
        return new String[] {"CREATE TRIGGER inbox_down BEFORE INSERT ON inbox_events BEGIN SELECT RAISE(ABORT, 'injected failure'); END"};
    }

    @Override
    String[] repairInserts() {
        return new String[] {"DROP TRIGGER inbox_down"};
    }
}
