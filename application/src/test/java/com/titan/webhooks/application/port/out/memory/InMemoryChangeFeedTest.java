package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.contract.ChangeFeedContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The change feed contract on the in-memory store, which the application's tests use as their store. */
class InMemoryChangeFeedTest extends ChangeFeedContract {

    @Override
    protected StoreUnderTest openStore() {
        return new InMemoryStore().underTest();
    }
}
