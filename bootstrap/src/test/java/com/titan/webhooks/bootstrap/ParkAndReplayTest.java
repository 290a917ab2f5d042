package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.application.port.in.ReplayCommand;
import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.service.PendingWork;
import com.titan.webhooks.application.service.ProjectionService;
import com.titan.webhooks.application.service.ReceiveDeliveryService;
import com.titan.webhooks.application.service.ReplayService;
import com.titan.webhooks.application.service.RetryPolicy;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A handler that fails: its event is retried with backoff, parked after the configured number of
 * attempts without holding up other events, and applied by a replay once the handler is fixed.
 */
class ParkAndReplayTest {

    private static final String SECRET = "whsec_park";

    @Test
    void failingHandler_isParkedAfterItsAttempts_andAppliedByReplayAfterTheFix() {
        AtomicBoolean broken = new AtomicBoolean(true);
        try (TestDatabase test = TestDatabase.sqlite(); Database store = test.openMigrated()) {
            EventDecoder decoder = new BrokenForCardViews(new JacksonEventDecoder(), broken);
            Clock clock = Clock.systemUTC();
            PendingWork work = new PendingWork();
            ReceiveDeliveryService receive = new ReceiveDeliveryService(source -> List.of(new SigningSecret(SECRET)),
                    decoder, store.inbox(), () -> new EventId(UUID.randomUUID().toString()), clock, work);
            ProjectionService projection = new ProjectionService(store.transactions(), store.pendingEvents(), decoder,
                    TitanWebhooks.registry(store), store.changes(),
                    new RetryPolicy(3, Duration.ZERO, Duration.ZERO), clock, ProjectionListener.NONE);

            EventId view = receive(receive, "card.viewed");
            EventId connection = receive(receive, "connection.created");

            projection.projectNextBatch(100);
            assertEquals(ProcessingStatus.PROCESSED, status(store, connection), "the healthy event is not held up");
            assertEquals(ProcessingStatus.FAILED, status(store, view));
            projection.projectNextBatch(100);
            assertEquals(ProcessingStatus.FAILED, status(store, view));
            projection.projectNextBatch(100);
            StoredEvent parked = store.storedEvents().find(view).orElseThrow();
            assertEquals(ProcessingStatus.PARKED, parked.status());
            assertEquals(3, parked.attempts());
            assertTrue(parked.lastError().orElseThrow().contains("handler bug"), parked.lastError().toString());
            assertEquals(0, projection.projectNextBatch(100).claimed(), "a parked event is not retried forever");

            broken.set(false);
            List<EventId> queued = new ReplayService(store.pendingEvents(), clock, work)
                    .replay(ReplayCommand.status(ProcessingStatus.PARKED));
            assertEquals(List.of(view), queued);
            projection.projectNextBatch(100);

            assertEquals(ProcessingStatus.PROCESSED, status(store, view));
            assertEquals(142, store.cards().find(new CardId("k57abc123def")).orElseThrow().totalViews());
            assertTrue(store.connections().find(new ConnectionId("j57xyz789ghi")).isPresent());
        }
    }

    private static EventId receive(ReceiveDeliveryService receive, String type) {
        byte[] body = Samples.body(type);
        ReceiveResult result = receive.receive(new ReceiveDeliveryCommand(Source.TITANCARD, body,
                Source.TITANCARD.signaturePolicy().sign(body, new SigningSecret(SECRET)), Map.of()))
                .toCompletableFuture().join();
        assertEquals(DeliveryOutcome.ACCEPTED, result.outcome());
        return result.eventId().orElseThrow();
    }

    private static ProcessingStatus status(Database store, EventId id) {
        return store.storedEvents().find(id).orElseThrow().status();
    }

    /** The real decoder, except that card views fail while {@code broken} is set. */
    private record BrokenForCardViews(EventDecoder real, AtomicBoolean broken) implements EventDecoder {

        @Override
        public Envelope decodeEnvelope(Source source, byte[] body) {
            return real.decodeEnvelope(source, body);
        }

        @Override
        public List<CatalogueEntry> catalogue() {
            return real.catalogue();
        }

        @Override
        public ProviderEvent decodeEvent(StoredEvent event) {
            if (broken.get() && event.eventType().orElseThrow().equals("card.viewed")) {
                throw new IllegalStateException("handler bug");
            }
            return real.decodeEvent(event);
        }
    }
}
