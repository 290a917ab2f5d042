package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;

/** The receiving contract on PostgreSQL. */
class PostgresReceiveTest extends ReceiveContract {

    @Override
    TestDatabase createStore() {
        return TestDatabase.postgres();
    }

    @Override
    String[] breakInserts() {
        return new String[] {
            "CREATE FUNCTION inbox_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER inbox_down BEFORE INSERT ON inbox_events FOR EACH ROW EXECUTE FUNCTION inbox_down()"};
    }

    @Override
    String[] repairInserts() {
        return new String[] {"DROP TRIGGER inbox_down ON inbox_events", "DROP FUNCTION inbox_down()"};
    }
}
