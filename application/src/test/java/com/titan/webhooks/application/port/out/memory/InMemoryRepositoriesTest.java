package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.contract.RepositoriesContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The repositories contract on the in-memory store, which the application's tests use as their store. */
class InMemoryRepositoriesTest extends RepositoriesContract {

    @Override
    protected StoreUnderTest openStore() {
        return new InMemoryStore().underTest();
    }
}
