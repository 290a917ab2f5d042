package com.titan.webhooks.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.in.ChangePage;
import com.titan.webhooks.application.port.in.ChangeQuery;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.ChangeWindow;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.memory.InMemoryStore;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading the change feed through the use case: a page the store cut short never makes a reader skip changes. */
class ChangeFeedServiceTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aPageTheStoreCutShort_forTheSizeOfItsStates_continuesAfterItsLastChange() {
        InMemoryStore store = new InMemoryStore();
        for (int i = 0; i < 5; i++) {
            int n = i;
            store.transactions().inTransaction(() -> {
                store.changes().record(List.of(new NewChange(Optional.empty(),
                        new CardSnapshot(TestEvents.aCard("card-" + n)), new EventId("e" + n))), Instant.now());
                return null;
            });
        }
        ChangeFeedService service = new ChangeFeedService(new CuttingAtTwo(store.changes()), scheduler,
                Duration.ofSeconds(1), 4);

        List<Long> read = new ArrayList<>();
        ChangePage page = service.read(new ChangeQuery(OptionalLong.empty(), Set.of(), 100));
        for (int reads = 0; reads < 10 && !page.changes().isEmpty(); reads++) {
            page.changes().forEach(change -> read.add(change.position()));
            page = service.read(new ChangeQuery(OptionalLong.of(page.next()), Set.of(), 100));
        }

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), read, "every change, none skipped");
        assertTrue(page.next() >= 5);
    }

    /** A store whose pages stop at two changes, as a SQL store's stop at their states' size. */
    private record CuttingAtTwo(ChangeFeed feed) implements ChangeFeed {

        @Override
        public void record(List<NewChange> changes, Instant committedAt) {
            feed.record(changes, committedAt);
        }

        @Override
        public ChangeWindow window() {
            return feed.window();
        }

        @Override
        public List<Change> after(long position, Set<AggregateType> types, Optional<String> aggregateId, int limit) {
            return feed.after(position, types, aggregateId, Math.min(limit, 2));
        }

        @Override
        public int pruneCommittedBefore(Instant before) {
            return feed.pruneCommittedBefore(before);
        }

        @Override
        public Optional<Instant> oldestCommittedAt() {
            return feed.oldestCommittedAt();
        }
    }
}
