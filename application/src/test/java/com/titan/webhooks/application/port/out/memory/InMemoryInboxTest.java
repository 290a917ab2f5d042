package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.contract.InboxContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The inbox contract on the in-memory store, which the application's tests use as their store. */
class InMemoryInboxTest extends InboxContract {

    @Override
    protected StoreUnderTest openStore() {
        return new InMemoryStore().underTest();
    }
}
