package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.event.ProviderEvent;

/**
 * One event type a provider sends, as the decoder's catalogue lists it: its name on the wire and
 * the domain event it decodes to, so that the projection can check at start-up that it takes
 * every event the decoder can produce.
 */
public record CatalogueEntry(Source source, String eventType, Class<? extends ProviderEvent> decodesTo) {

    public CatalogueEntry {
        Require.nonNull(source, "source");
        Require.nonBlank(eventType, "eventType");
        Require.nonNull(decodesTo, "decodesTo");
    }
}
