package com.titan.webhooks.adapter.out.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Instant;
import java.util.Map;

/**
 * Anti-corruption layer: reads TitanX and TitanCard JSON with Jackson into the domain's envelopes
 * and events. A new event type is one entry in {@link TitanCardEvents} or {@link TitanXEvents}.
 *
 * <p>Envelope fields required: TitanCard {@code event} (string), {@code timestamp} (integer ms),
 * {@code data} (object); TitanX {@code id} (string), {@code eventType} (string), {@code timestamp}
 * (integer ms), {@code payload} (object). TitanX's {@code apiVersion} must be a string when
 * present but may be missing or other than {@code v2}: TitanX drops a delivery for good on a 4xx.
 */
public final class JacksonEventDecoder implements EventDecoder {

    @Override
    public Envelope decodeEnvelope(Source source, byte[] body) {
        JsonNode root = JsonPayload.parse(body);
        return source == Source.TITANX ? titanXEnvelope(root) : titanCardEnvelope(root, body);
    }

    @Override
    public boolean handles(Source source, String eventType) {
        return readers(source).containsKey(eventType);
    }

    @Override
    public ProviderEvent decodeEvent(StoredEvent event) {
        byte[] body = event.rawBody();
        JsonNode root = JsonPayload.parse(body);
        Envelope envelope = event.source() == Source.TITANX ? titanXEnvelope(root) : titanCardEnvelope(root, body);
        EventReader reader = readers(event.source()).get(envelope.eventType());
        if (reader == null) {
            // the type is the sender's text: it is stored in its own column, never copied into the error
            throw new MalformedPayloadException("no handler for this event type");
        }
        Stamp stamp = new Stamp(envelope.occurredAt(), envelope.idempotencyKey().value());
        JsonNode payload = root.get(event.source() == Source.TITANX ? "payload" : "data");
        try {
            return reader.read(payload, stamp);
        } catch (IllegalArgumentException refusedByTheDomain) {
            // a value the domain cannot take (an identifier it refuses): the event can never apply as sent
            throw new MalformedPayloadException(refusedByTheDomain.getMessage());
        }
    }

    private static Map<String, EventReader> readers(Source source) {
        return source == Source.TITANX ? TitanXEvents.READERS : TitanCardEvents.READERS;
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
