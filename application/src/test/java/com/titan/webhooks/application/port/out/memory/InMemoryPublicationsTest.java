package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.contract.PublicationsContract;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;

/** The publications contract on the in-memory store. */
class InMemoryPublicationsTest extends PublicationsContract {

    @Override
    protected StoreUnderTest openStore() {
        return new InMemoryStore().underTest();
    }
}
