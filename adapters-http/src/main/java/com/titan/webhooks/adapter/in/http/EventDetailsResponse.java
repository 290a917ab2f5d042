package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.titan.webhooks.application.port.in.DecodedEvent;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One stored event in full: its headers (the signature was never stored), its raw payload as
 * text and as its exact bytes, and what the domain reads in it ({@code decoded}, null when it
 * cannot).
 */
public record EventDetailsResponse(@JsonUnwrapped EventResponse event, Map<String, String> headers, String rawPayload,
                                   String rawPayloadBase64, DecodedResponse decoded) {

    static EventDetailsResponse from(StoredEvent event, Optional<DecodedEvent> decoded) {
        byte[] raw = event.rawBody();
        return new EventDetailsResponse(EventResponse.from(event), event.headers(),
                new String(raw, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(raw),
                decoded.map(DecodedResponse::from).orElse(null));
    }

    /** A stored event as the domain reads it: the aggregate it changes, how, when, and the fields it carries. */
    public record DecodedResponse(String aggregate, String aggregateId, String change, Instant occurredAt,
                                  Map<String, String> fields) {

        static DecodedResponse from(DecodedEvent event) {
            return new DecodedResponse(event.aggregate().type().wireName(), event.aggregate().id(), event.change(),
                    event.occurredAt(), event.fields());
        }
    }
}
