package com.titan.webhooks.bootstrap;

import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The example payload of every event type the service handles, shipped in the jar under
 * {@code samples/}: the 14 TitanCard examples from TitanCard's reference, and TitanX's two.
 * {@code send} and the tests use the same files.
 */
public final class Samples {

    /** Event type to provider, in the order the README lists them. */
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
        for (String type : new String[] {"card.created", "card.updated", "card.deleted", "card.viewed", "card.shared",
                "connection.created", "connection.updated", "connection.deleted", "connection.tagged",
                "connection.status_changed", "reminder.created", "reminder.due", "note.added",
                "enrichment.completed"}) {
            types.put(type, Source.TITANCARD);
        }
        types.put("job.contact.scored", Source.TITANX);
        types.put("job.completed", Source.TITANX);
        return Collections.unmodifiableMap(types);
    }
}
