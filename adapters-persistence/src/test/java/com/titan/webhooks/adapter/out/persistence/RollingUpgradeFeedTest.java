package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.in.ChangePage;
import com.titan.webhooks.application.port.in.ChangeQuery;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.service.ChangeFeedService;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.booking.Booking;
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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rolling upgrade that adds an aggregate stored as a document (README: "an instance of the
 * previous release keeps serving during a rolling upgrade"; "Resume from next_cursor: nothing is
 * repeated and nothing skipped, also with several instances"). A reader of every kind behind a
 * load balancer reads one page from an instance that does not register the new kind yet, and the
 * next from one that does: it must still see every change.
 */
class RollingUpgradeFeedTest {

    private static final DocumentKind<Booking, Booking.Document> BOOKINGS =
            new DocumentKind<>(new AggregateType("booking"), Booking.Document.class, Booking::reconstitute);

    static Stream<Supplier<TestDatabase>> stores() {
        return Stream.of(TestDatabase::sqlite, TestDatabase::postgres);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aReaderOfEveryKind_missesNoChange_whenItsPagesComeFromInstancesOfBothReleases(Supplier<TestDatabase> kind) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (TestDatabase store = kind.get(); Database upgraded = store.openMigrated();
             Database previous = Database.open(store.settings())) {
            upgraded.documents().store(BOOKINGS);
            Booking booking = Booking.aBooking("b1");
            upgraded.transactions().inTransaction(() -> {
                upgraded.changes().record(List.of(
                        new NewChange(Optional.empty(), new CardSnapshot(TestEvents.aCard("c1")), new EventId("e1")),
                        new NewChange(Optional.empty(), new DocumentSnapshot(BOOKINGS.type(), "b1", booking.document(),
                                false), new EventId("e2"))), Instant.now());
                return null;
            });
            ChangeFeedService previousInstance = new ChangeFeedService(previous.changes(), scheduler, Duration.ofSeconds(1), 8);
            ChangeFeedService upgradedInstance = new ChangeFeedService(upgraded.changes(), scheduler, Duration.ofSeconds(1), 8);

            List<EventId> seen = new ArrayList<>();
            ChangePage first = previousInstance.read(new ChangeQuery(OptionalLong.empty(), Set.of(), 100));
            first.changes().stream().map(Change::eventId).forEach(seen::add);
            ChangePage second = upgradedInstance.read(new ChangeQuery(OptionalLong.of(first.next()), Set.of(), 100));
            second.changes().stream().map(Change::eventId).forEach(seen::add);

            assertEquals(List.of(new EventId("e1"), new EventId("e2")), seen,
                    "the previous release handed out next_cursor " + first.next() + ", past the booking's change");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
