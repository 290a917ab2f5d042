package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.service.Projections;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's own projection registry against the decoders' own catalogue: it takes every
 * event type the service decodes, and a catalogue line whose record no aggregate takes stops the
 * start-up with a message naming it, before any delivery could be parked for it.
 */
class ProjectedAggregatesTest {

    /** An event no aggregate is registered for, as a catalogue line added without its registration would name. */
    private record Teleported(Stamp stamp) implements ProviderEvent {
    }

    @Test
    void theServicesRegistry_takesEveryCatalogueEntry() {
        try (TestDatabase test = TestDatabase.sqlite(); Database store = test.openMigrated()) {
            registry(store).requireAll(new JacksonEventDecoder().catalogue());
        }
    }

    @Test
    void aCatalogueEntryWithoutItsAggregate_stopsTheStart_namingIt() {
        try (TestDatabase test = TestDatabase.sqlite(); Database store = test.openMigrated()) {
            EventDecoder decoder = new WithOneMoreEntry(new JacksonEventDecoder(),
                    new CatalogueEntry(Source.TITANCARD, "card.teleported", Teleported.class));

            // the projection as the service builds it at start-up
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TitanWebhooks.projection(
                    Settings.from(Map.of()), store, decoder, Clock.systemUTC(), ProjectionListener.NONE));

            assertEquals("no projection takes titancard card.teleported (" + Teleported.class.getName()
                    + "): register the aggregate they change with its Projection", refused.getMessage());
        }
    }

    /** The real decoder, with one more catalogue line than it has readers for. */
    private record WithOneMoreEntry(EventDecoder real, CatalogueEntry extra) implements EventDecoder {

        @Override
        public Envelope decodeEnvelope(Source source, byte[] body) {
            return real.decodeEnvelope(source, body);
        }

        @Override
        public List<CatalogueEntry> catalogue() {
            List<CatalogueEntry> entries = new ArrayList<>(real.catalogue());
            entries.add(extra);
            return entries;
        }

        @Override
        public ProviderEvent decodeEvent(StoredEvent event) {
            return real.decodeEvent(event);
        }
    }

    private static Projections registry(Database store) {
        return TitanWebhooks.registry(store);
    }
}
