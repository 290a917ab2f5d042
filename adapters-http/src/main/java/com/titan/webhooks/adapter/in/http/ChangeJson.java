package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.titan.webhooks.application.port.Change;

/**
 * One change as {@code GET /api/changes} renders it, for whoever else publishes the feed (the
 * composition root hands it to the broker's adapter): the JSON is defined once, here.
 */
public final class ChangeJson {

    private ChangeJson() {
    }

    /** The JSON object of the change's entry in {@code GET /api/changes}, as UTF-8. */
    public static byte[] entry(Change change) {
        try {
            return JsonMapping.MAPPER.writeValueAsBytes(ChangeResponse.from(change));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a change could not be rendered as JSON", impossible);
        }
    }

    /** The change's cursor, as the entry's {@code cursor} says it. */
    public static String cursor(Change change) {
        return ChangeCursor.of(change.position());
    }
}
