package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The decoder of the projection tests: a stored event decodes to whatever the test said its
 * idempotency key stands for (a domain event, or a failure), so that the tests need no provider
 * JSON. The real decoder is an adapter, which {@code application} cannot depend on.
 */
final class KnownEvents implements EventDecoder {

    /** The event types with a handler; any other is ignored, as an unknown type is. */
    static final Set<String> HANDLED = Set.of("connection.created", "connection.status_changed", "contact.scored",
            "booking.changed");

    private final Map<String, Supplier<ProviderEvent>> byKey = new ConcurrentHashMap<>();

    /** From now on, the event stored under {@code key} decodes as {@code decoding} answers or throws. */
    void decode(String key, Supplier<ProviderEvent> decoding) {
        byKey.put(key, decoding);
    }

    @Override
    public Envelope decodeEnvelope(Source source, byte[] body) {
        throw new UnsupportedOperationException("the projection never reads an envelope");
    }

    @Override
    public List<CatalogueEntry> catalogue() {
        return List.of(new CatalogueEntry(Source.TITANCARD, "connection.created", ConnectionEvent.Created.class),
                new CatalogueEntry(Source.TITANCARD, "connection.status_changed", ConnectionEvent.StatusChanged.class),
                new CatalogueEntry(Source.TITANX, "contact.scored", ContactScored.class),
                new CatalogueEntry(Source.TITANCARD, "booking.changed", BookingChanged.class));
    }

    /** By type alone: the tests store their events under either provider. */
    @Override
    public boolean handles(Source source, String eventType) {
        return HANDLED.contains(eventType);
    }

    @Override
    public ProviderEvent decodeEvent(StoredEvent event) {
        String key = event.idempotencyKey().orElseThrow().value();
        Supplier<ProviderEvent> decoding = byKey.get(key);
        if (decoding == null) {
            throw new IllegalStateException("the test gave no event for " + key);
        }
        return decoding.get();
    }
}
