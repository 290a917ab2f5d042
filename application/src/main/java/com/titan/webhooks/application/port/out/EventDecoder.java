package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import java.util.List;

/**
 * Outbound port: the anti-corruption layer that reads a provider's JSON. The receiving path asks
 * it for the envelope; the worker (and replay) for the typed event. The core never sees JSON.
 */
public interface EventDecoder {

    /**
     * Reads the envelope of an authentic body.
     *
     * @throws MalformedPayloadException if the body is not JSON, or an envelope field is missing
     *         or of the wrong type
     */
    Envelope decodeEnvelope(Source source, byte[] body);

    /** Every event type it decodes, each once: the providers' catalogues. */
    List<CatalogueEntry> catalogue();

    /** Whether an event type has a handler; an authentic event of another type is stored as ignored. */
    default boolean handles(Source source, String eventType) {
        return catalogue().stream().anyMatch(entry -> entry.source() == source && entry.eventType().equals(eventType));
    }

    /**
     * Decodes a stored event of a handled type into its domain event.
     *
     * @throws MalformedPayloadException if the payload lacks what the event needs (e.g. an id)
     */
    ProviderEvent decodeEvent(StoredEvent event);
}
