package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * What a provider hears for a delivery that was stored: {@code accepted} the first time,
 * {@code duplicate} (with the first delivery's event id) for every repeat.
 */
public record ReceiptResponse(String status, String eventId) {

    private static final ObjectWriter WRITER = JsonMapping.MAPPER.writerFor(ReceiptResponse.class);

    static ReceiptResponse accepted(String eventId) {
        return new ReceiptResponse("accepted", eventId);
    }

    static ReceiptResponse duplicate(String eventId) {
        return new ReceiptResponse("duplicate", eventId);
    }

    /** The body as UTF-8, for the webhook endpoints, which answer without Jersey. */
    byte[] bytes() {
        try {
            return WRITER.writeValueAsBytes(this);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a receipt could not be written", impossible);
        }
    }
}
