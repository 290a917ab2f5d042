package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The example payload of every event type in the decoders' catalogue, shipped in the jar as
 * {@code samples/<event type>.json}: the 14 TitanCard examples from TitanCard's reference, and
 * TitanX's two. {@code send} and the tests use the same files; a test holds every catalogue entry
 * to having one.
 */
public final class Samples {

    /** Event type to provider, in the catalogue's order. */
    public static final Map<String, Source> EVENT_TYPES = eventTypes();

    private Samples() {
    }

    public static byte[] body(String eventType) {
        if (!EVENT_TYPES.containsKey(eventType)) {
            throw new IllegalArgumentException("no sample for event type '" + eventType + "'; known: "
                    + String.join(", ", EVENT_TYPES.keySet()));
        }
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + eventType + ".json")) {
            if (in == null) {
                throw new IllegalStateException("sample " + eventType + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Source> sourceOf(String eventType) {
        return Optional.ofNullable(EVENT_TYPES.get(eventType));
    }

    private static Map<String, Source> eventTypes() {
        Map<String, Source> types = new LinkedHashMap<>();
        new JacksonEventDecoder().catalogue().forEach(entry -> types.put(entry.eventType(), entry.source()));
        return Collections.unmodifiableMap(types);
    }
}
