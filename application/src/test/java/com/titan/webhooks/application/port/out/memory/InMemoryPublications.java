package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.Publications;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The publishers' leases and confirmed positions, one entry per destination, kept apart from the projected state. */
final class InMemoryPublications implements Publications {

    private record Entry(Optional<String> holder, Instant expires, long confirmed) {
    }

    private final InMemoryStore store;
    private final Map<String, Entry> entries = new HashMap<>();

    InMemoryPublications(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public synchronized boolean lease(String destination, String holder, Instant now, Instant until) {
        store.requireOpen();
        Entry entry = entries.getOrDefault(destination, new Entry(Optional.empty(), Instant.EPOCH, 0));
        boolean free = entry.holder().isEmpty() || entry.holder().get().equals(holder)
                || entry.expires().isBefore(Millis.of(now));
        if (free) {
            entries.put(destination, new Entry(Optional.of(holder), Millis.of(until), entry.confirmed()));
        }
        return free;
    }

    @Override
    public synchronized long confirmed(String destination) {
        store.requireOpen();
        return entries.containsKey(destination) ? entries.get(destination).confirmed() : 0;
    }

    @Override
    public synchronized boolean confirm(String destination, String holder, long position) {
        store.requireOpen();
        Entry entry = entries.get(destination);
        if (entry == null || !entry.holder().equals(Optional.of(holder))) {
            return false;
        }
        entries.put(destination, new Entry(entry.holder(), entry.expires(), Math.max(entry.confirmed(), position)));
        return true;
    }

    @Override
    public synchronized void release(String destination, String holder) {
        store.requireOpen();
        Entry entry = entries.get(destination);
        if (entry != null && entry.holder().equals(Optional.of(holder))) {
            entries.put(destination, new Entry(Optional.empty(), Instant.EPOCH, entry.confirmed()));
        }
    }
}
