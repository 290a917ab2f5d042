package com.titan.webhooks.adapter.out.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Anti-corruption layer: reads TitanX and TitanCard JSON with Jackson into the domain's envelopes
 * and events. A new event type is one line in {@link TitanCardCatalogue} or {@link TitanXCatalogue}.
 *
 * <p>Envelope fields required: TitanCard {@code event} (string), {@code timestamp} (integer ms),
 * {@code data} (object); TitanX {@code id} (string), {@code eventType} (string), {@code timestamp}
 * (integer ms), {@code payload} (object). TitanX's {@code apiVersion} must be a string when
 * present but may be missing or other than {@code v2}: TitanX drops a delivery for good on a 4xx.
 */
public final class JacksonEventDecoder implements EventDecoder {

    private static final List<CatalogueEntry> ENTRIES = Stream.concat(
            TitanCardCatalogue.CATALOGUE.entries().stream(), TitanXCatalogue.CATALOGUE.entries().stream()).toList();

    @Override
    public Envelope decodeEnvelope(Source source, byte[] body) {
        JsonNode root = JsonPayload.parse(body);
        return source == Source.TITANX ? titanXEnvelope(root) : titanCardEnvelope(root, body);
    }

    @Override
    public List<CatalogueEntry> catalogue() {
        return ENTRIES;
    }

    @Override
    public boolean handles(Source source, String eventType) {
        return catalogue(source).find(eventType).isPresent();
    }

    /**
     * Decodes from what the inbox stored: its type, key and time were read from the envelope once,
     * on receipt, so only the payload is read here, and the body is not hashed again.
     */
    @Override
    public ProviderEvent decodeEvent(StoredEvent event) {
        Catalogue catalogue = catalogue(event.source());
        String type = event.eventType().orElseThrow(() -> new MalformedPayloadException("the envelope was never read"));
        // the type is the sender's text: it is stored in its own column, never copied into the error
        Catalogue.Line<?> line = catalogue.find(type).orElseThrow(
                () -> new MalformedPayloadException("no handler for this event type"));
        Stamp stamp = new Stamp(event.occurredAt().orElseThrow(() -> new MalformedPayloadException("no event time")),
                event.idempotencyKey().orElseThrow(() -> new MalformedPayloadException("no idempotency key")).value());
        JsonNode payload = JsonPayload.requiredObject(JsonPayload.parse(event.rawBody()), catalogue.payloadField(),
                catalogue.payloadField());
        try {
            return line.reader().read(payload, stamp, type);
        } catch (IllegalArgumentException refusedByTheDomain) {
            // a value the domain cannot take (an identifier it refuses): the event can never apply as sent
            throw new MalformedPayloadException(refusedByTheDomain.getMessage());
        }
    }

    private static Catalogue catalogue(Source source) {
        return source == Source.TITANX ? TitanXCatalogue.CATALOGUE : TitanCardCatalogue.CATALOGUE;
    }

    private static Envelope titanCardEnvelope(JsonNode root, byte[] body) {
        String type = JsonPayload.requiredText(root, "event", "event");
        Instant at = JsonPayload.requiredMillis(root, "timestamp", "timestamp");
        JsonPayload.requiredObject(root, "data", "data");
        return new Envelope(Source.TITANCARD, type, at, IdempotencyKey.ofTitanCardBody(body));
    }

    private static Envelope titanXEnvelope(JsonNode root) {
        String id = JsonPayload.requiredText(root, "id", "id");
        String type = JsonPayload.requiredText(root, "eventType", "eventType");
        Instant at = JsonPayload.requiredMillis(root, "timestamp", "timestamp");
        JsonPayload.requiredObject(root, "payload", "payload");
        JsonNode version = root.get("apiVersion");
        if (version != null && !version.isNull() && !version.isTextual()) {
            throw new MalformedPayloadException("apiVersion must be a string");
        }
        return new Envelope(Source.TITANX, type, at, IdempotencyKey.ofTitanXEventId(id));
    }
}
