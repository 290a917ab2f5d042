package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page of the change feed is cut by the size of its states as well as by its limit, in the SQL
 * stores, which read the sizes before the states: twelve changes of 900,000 characters each do not
 * come back in one read of 100, yet paging returns every one of them, in order.
 */
class LargeChangePagesTest {

    static Stream<Supplier<TestDatabase>> stores() {
        return Stream.of(TestDatabase::sqlite, TestDatabase::postgres);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void largeStates_comeInSeveralPages_noneMissing_inPositionOrder(Supplier<TestDatabase> kind) {
        try (StoreUnderTest store = SqlStore.open(kind.get())) {
            long before = store.changes().window().last();
            List<Long> recorded = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "large-" + UUID.randomUUID();
                Connection connection = TestEvents.aConnection(id);
                connection.apply(TestEvents.connectionUpdated(id, TestEvents.stamp(9_000 + i),
                        Map.of(ConnectionField.NOTES, "x".repeat(900_000))));
                int n = i;
                store.transactions().inTransaction(() -> {
                    store.changes().record(List.of(new NewChange(Optional.empty(),
                            new ConnectionDetails(connection, List.of(), Optional.empty()), new EventId("e" + n))),
                            Instant.now());
                    return null;
                });
                recorded.add(store.changes().window().last());
            }

            List<Change> first = store.changes().after(before, Set.of(), 100);
            assertTrue(first.size() >= 1 && first.size() <= ChangeFeed.PAGE_CHARACTERS / 900_000,
                    "one read of 12 large changes held " + first.size());
            List<Long> seen = new ArrayList<>();
            long position = before;
            for (int reads = 0; reads < 20; reads++) {
                List<Change> page = store.changes().after(position, Set.of(), 100);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(change -> seen.add(change.position()));
                position = page.get(page.size() - 1).position();
            }
            assertEquals(recorded, seen, "every change, once, in position order");
        }
    }
}
