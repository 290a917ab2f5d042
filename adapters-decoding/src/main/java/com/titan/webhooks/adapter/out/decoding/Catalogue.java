package com.titan.webhooks.adapter.out.decoding;

import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.event.ProviderEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's event catalogue: every event type it sends that the service handles, each once,
 * with the domain event it becomes and the reader that makes it. The only place in main code where
 * an event type's wire name appears; the samples, the {@code send} command and the projection's
 * start-up check all read it from here.
 */
final class Catalogue {

    /** One line of the catalogue. */
    record Line<E extends ProviderEvent>(String eventType, Class<E> decodesTo, EventReader<? extends E> reader) {
    }

    private final Source source;
    private final String payloadField;
    private final Map<String, Line<?>> lines = new LinkedHashMap<>();

    /**
     * @param payloadField the envelope's field that holds the event's own data
     * @throws IllegalArgumentException if a type is listed twice
     */
    Catalogue(Source source, String payloadField, List<Line<?>> lines) {
        this.source = source;
        this.payloadField = payloadField;
        for (Line<?> line : lines) {
            if (this.lines.put(line.eventType(), line) != null) {
                throw new IllegalArgumentException(source.wireName() + " lists " + line.eventType() + " twice");
            }
        }
    }

    static <E extends ProviderEvent> Line<E> line(String eventType, Class<E> decodesTo, EventReader<? extends E> reader) {
        return new Line<>(eventType, decodesTo, reader);
    }

    Source source() {
        return source;
    }

    String payloadField() {
        return payloadField;
    }

    Optional<Line<?>> find(String eventType) {
        return Optional.ofNullable(lines.get(eventType));
    }

    /** The catalogue as the application sees it, in the order it is written. */
    List<CatalogueEntry> entries() {
        return lines.values().stream().map(line -> new CatalogueEntry(source, line.eventType(), line.decodesTo()))
                .toList();
    }
}
