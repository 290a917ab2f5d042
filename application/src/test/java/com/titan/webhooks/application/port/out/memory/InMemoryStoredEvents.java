package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The events the inbox holds, in memory. */
final class InMemoryStoredEvents implements StoredEvents {

    private static final Set<ProcessingStatus> SETTLED =
            EnumSet.of(ProcessingStatus.PROCESSED, ProcessingStatus.IGNORED, ProcessingStatus.MALFORMED);

    private final InMemoryStore store;
    private final IssuedCursors cursors;

    InMemoryStoredEvents(InMemoryStore store, IssuedCursors cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return store.read(state -> state.event(id).map(EventRow::event));
    }

    @Override
    public Page<StoredEvent> list(EventFilter filter, PageRequest page) {
        return store.read(state -> cursors.page(state.events, Long.class, page, row -> matches(row.event(), filter),
                EventRow::event));
    }

    private static boolean matches(StoredEvent event, EventFilter filter) {
        return filter.source().map(source -> source == event.source()).orElse(true)
                && filter.type().map(type -> event.eventType().equals(Optional.of(type))).orElse(true)
                && filter.status().map(status -> status == event.status()).orElse(true)
                && filter.since().map(since -> !event.receivedAt().isBefore(Millis.of(since))).orElse(true);
    }

    @Override
    public Map<ProcessingStatus, Long> countByStatus(EventFilter filter) {
        return store.read(state -> {
            Map<ProcessingStatus, Long> counts = new EnumMap<>(ProcessingStatus.class);
            for (ProcessingStatus status : ProcessingStatus.values()) {
                counts.put(status, 0L);
            }
            state.events.values().stream().filter(row -> matches(row.event(), filter))
                    .forEach(row -> counts.merge(row.event().status(), 1L, Long::sum));
            return counts;
        });
    }

    @Override
    public List<StoredEvent> mentioning(Source source, String text, int limit) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        return store.read(state -> {
            List<StoredEvent> all = state.events.values().stream()
                    .filter(row -> row.event().source() == source && contains(row.event().rawBody(), wanted))
                    .map(EventRow::event).toList();
            return all.subList(Math.max(0, all.size() - limit), all.size());
        });
    }

    /** Byte for byte, as the SQL stores search the raw body. */
    private static boolean contains(byte[] body, byte[] wanted) {
        outer:
        for (int start = 0; start <= body.length - wanted.length; start++) {
            for (int i = 0; i < wanted.length; i++) {
                if (body[start + i] != wanted[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public Map<Long, Long> acceptedPerMinute(Source source, Instant since) {
        Instant from = Millis.of(since);
        return store.read(state -> {
            Map<Long, Long> counts = new HashMap<>();
            state.events.values().stream().map(EventRow::event)
                    .filter(event -> event.source() == source && !event.receivedAt().isBefore(from)
                            && event.status() != ProcessingStatus.MALFORMED)
                    .forEach(event -> counts.merge(event.receivedAt().toEpochMilli() / 60_000, 1L, Long::sum));
            return counts;
        });
    }

    @Override
    public Optional<Instant> lastAcceptedAt(Source source) {
        return store.read(state -> state.events.descendingMap().values().stream()
                .map(EventRow::event)
                .filter(event -> event.source() == source && event.status() != ProcessingStatus.MALFORMED)
                .findFirst()
                .map(StoredEvent::receivedAt));
    }

    @Override
    public int blankPayloadsReceivedBefore(Instant before) {
        return store.write(state -> {
            List<EventRow> blanked = state.events.values().stream()
                    .filter(row -> row.event().receivedAt().isBefore(Millis.of(before)) && SETTLED.contains(row.event().status())
                            && row.event().rawBody().length > 0)
                    .map(EventRow::blanked)
                    .toList();
            blanked.forEach(row -> state.events.put(row.seq(), row));
            return blanked.size();
        });
    }
}
