package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.StoreUnavailableException;
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
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A store of the application's outbound ports held in memory, for tests that need the ports to
 * behave as a real store does without one: one event per (source, idempotency key), optimistic
 * versions, keyset pages with opaque cursors, change positions, and units of work that commit
 * whole or not at all. It passes the same contract suites as the SQL stores.
 *
 * <p>One writer at a time, as in SQLite: a unit of work holds the store's one lock and works on a
 * copy of the committed state, which replaces it when the work returns. Reads outside a unit of
 * work see the last committed state without waiting.
 */
public final class InMemoryStore implements AutoCloseable {

    private final ReentrantLock writer = new ReentrantLock();
    private final ThreadLocal<StoreState> working = new ThreadLocal<>();
    private final IssuedCursors cursors = new IssuedCursors();
    private volatile StoreState committed = new StoreState();
    private volatile boolean closed;

    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return InMemoryStore.this.inTransaction(work);
        }
    };
    private final Inbox inbox = new InMemoryInbox(this);
    private final PendingEvents pendingEvents = new InMemoryPendingEvents(this);
    private final StoredEvents storedEvents = new InMemoryStoredEvents(this, cursors);
    private final Connections connections = new InMemoryConnections(this, cursors);
    private final Cards cards = new InMemoryCards(this, cursors);
    private final Reminders reminders = new InMemoryReminders(this, cursors);
    private final Contacts contacts = new InMemoryContacts(this, cursors);
    private final ScoringJobs scoringJobs = new InMemoryScoringJobs(this);
    private final AggregateDocuments documents = new InMemoryAggregateDocuments(this);
    private final ChangeFeed changes = new InMemoryChangeFeed(this);
    private final Publications publications = new InMemoryPublications(this);

    public Transactions transactions() {
        return transactions;
    }

    public Inbox inbox() {
        return inbox;
    }

    public PendingEvents pendingEvents() {
        return pendingEvents;
    }

    public StoredEvents storedEvents() {
        return storedEvents;
    }

    public Connections connections() {
        return connections;
    }

    public Cards cards() {
        return cards;
    }

    public Reminders reminders() {
        return reminders;
    }

    public Contacts contacts() {
        return contacts;
    }

    public ScoringJobs scoringJobs() {
        return scoringJobs;
    }

    public AggregateDocuments documents() {
        return documents;
    }

    public ChangeFeed changes() {
        return changes;
    }

    public Publications publications() {
        return publications;
    }

    /** Its ports, for the store contracts; closing them closes the store. */
    public StoreUnderTest underTest() {
        return new StoreUnderTest(transactions, inbox, pendingEvents, storedEvents, connections, cards, reminders,
                contacts, scoringJobs, documents, changes, publications, this::close);
    }

    /** From now on every use fails as a store that cannot be reached does. */
    @Override
    public void close() {
        closed = true;
    }

    private <T> T inTransaction(Supplier<T> work) {
        if (working.get() != null) {
            return work.get();
        }
        requireOpen();
        writer.lock();
        try {
            StoreState copy = committed.copy();
            working.set(copy);
            T result = work.get();
            requireOpen();
            committed = copy;
            return result;
        } finally {
            working.remove();
            writer.unlock();
        }
    }

    /** Whether the calling thread is inside a unit of work. */
    boolean inUnitOfWork() {
        return working.get() != null;
    }

    /** Reads the state the caller's unit of work sees: its own copy inside one, the committed state outside. */
    <T> T read(Function<StoreState, T> query) {
        requireOpen();
        StoreState own = working.get();
        return query.apply(own != null ? own : committed);
    }

    /** Changes the state inside the caller's unit of work, or in one of its own outside one. */
    <T> T write(Function<StoreState, T> change) {
        return inTransaction(() -> change.apply(working.get()));
    }

    void update(Consumer<StoreState> change) {
        write(state -> {
            change.accept(state);
            return null;
        });
    }

    void requireOpen() {
        if (closed) {
            throw new StoreUnavailableException("the in-memory store is closed", null);
        }
    }
}
