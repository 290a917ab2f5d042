package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.domain.event.ProviderEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projection registry: every kind of aggregate the worker projects events into, each
 * registered once, in the order a batch saves them. It answers which one takes an event, and
 * checks at start-up that every event the decoders' catalogue can produce is taken by one, so
 * that a forgotten registration stops the boot instead of parking events in production.
 */
public final class Projections {

    private final List<Projection<?, ?, ?>> all;
    private final Map<Class<?>, Projection<?, ?, ?>> byEvent = new ConcurrentHashMap<>();

    public Projections(List<Projection<?, ?, ?>> all) {
        this.all = List.copyOf(all);
        for (Projection<?, ?, ?> one : this.all) {
            for (Projection<?, ?, ?> other : this.all) {
                if (one != other && other.takes(one.family())) {
                    throw new IllegalArgumentException("two projections take " + one.family().getSimpleName()
                            + ": register each event family once");
                }
                if (one != other && one.type().equals(other.type())) {
                    throw new IllegalArgumentException("two projections are named " + one.type().wireName()
                            + ": give each aggregate a name of its own");
                }
            }
        }
    }

    /**
     * The names of every registered aggregate, in registration order: what the change feed
     * reports, and all that a reader may filter it on.
     */
    public Set<AggregateType> types() {
        Set<AggregateType> types = new LinkedHashSet<>();
        all.forEach(projection -> types.add(projection.type()));
        return Collections.unmodifiableSet(types);
    }

    /**
     * Checks that every entry of {@code catalogue} decodes to an event some projection takes.
     *
     * @throws IllegalStateException naming every entry that none takes
     */
    public void requireAll(List<CatalogueEntry> catalogue) {
        List<String> untaken = new ArrayList<>();
        for (CatalogueEntry entry : catalogue) {
            if (find(entry.decodesTo()).isEmpty()) {
                untaken.add(entry.source().wireName() + " " + entry.eventType() + " ("
                        + entry.decodesTo().getName() + ")");
            }
        }
        if (!untaken.isEmpty()) {
            throw new IllegalStateException("no projection takes " + String.join(", ", untaken)
                    + ": register the aggregate they change with its Projection");
        }
    }

    /** Every projection, in registration order. */
    List<Projection<?, ?, ?>> all() {
        return all;
    }

    /** The projection of the family {@code family}, typed; the caller names one that must be registered. */
    @SuppressWarnings("unchecked")
    <P extends Projection<?, ?, ?>> P ofFamily(Class<? extends ProviderEvent> family) {
        return (P) all.stream().filter(projection -> projection.family() == family).findFirst()
                .orElseThrow(() -> new IllegalStateException("no projection registered for " + family.getSimpleName()));
    }

    /** The projection that takes {@code event}. */
    Optional<Projection<?, ?, ?>> find(Class<? extends ProviderEvent> event) {
        Projection<?, ?, ?> known = byEvent.get(event);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Projection<?, ?, ?>> found = all.stream().filter(projection -> projection.takes(event)).findFirst();
        found.ifPresent(projection -> byEvent.put(event, projection));
        return found;
    }
}
