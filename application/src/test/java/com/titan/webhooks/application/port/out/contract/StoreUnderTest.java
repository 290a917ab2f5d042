package com.titan.webhooks.application.port.out.contract;

import com.titan.webhooks.application.port.out.AggregateDocuments;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.PendingEvents;
import com.titan.webhooks.application.port.out.Publications;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.application.port.out.Transactions;

/**
 * The store ports the contract suites exercise, all on one store, and what closing it takes
 * (closing a pool, dropping a test database): what a store hands the contracts.
 */
public record StoreUnderTest(Transactions transactions, Inbox inbox, PendingEvents pendingEvents,
                             StoredEvents storedEvents, Connections connections, Cards cards, Reminders reminders,
                             Contacts contacts, ScoringJobs scoringJobs, AggregateDocuments documents,
                             ChangeFeed changes, Publications publications,
                             Runnable closing) implements AutoCloseable {

    @Override
    public void close() {
        closing.run();
    }
}
