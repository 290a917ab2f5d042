package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.DecodeEventUseCase;
import com.titan.webhooks.application.port.in.DecodedEvent;
import com.titan.webhooks.application.port.in.EventOrigin;
import com.titan.webhooks.application.port.in.Provenance;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.event.TombstoneClock;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Use cases: why an aggregate looks as it does, and what a stored event says. The winners of each
 * field are the stored aggregate's own stamps; the losers are found by replaying the aggregate's
 * processed events, in the order they arrived, through the aggregate's {@code apply}: a field an
 * event carried that does not bear the event's stamp afterwards lost to a newer value already there.
 */
public final class ProvenanceService implements TraceProvenanceUseCase, DecodeEventUseCase {

    /** The most inbox events read for one aggregate: an operator's view, not an export. */
    public static final int MAX_EVENTS = 2_000;

    private final Connections connections;
    private final Cards cards;
    private final Reminders reminders;
    private final Contacts contacts;
    private final StoredEvents storedEvents;
    private final EventDecoder decoder;
    private final Projections projections;

    /** @param projections what tells which aggregate an event changes */
    public ProvenanceService(Connections connections, Cards cards, Reminders reminders, Contacts contacts,
                             StoredEvents storedEvents, EventDecoder decoder, Projections projections) {
        this.connections = connections;
        this.cards = cards;
        this.reminders = reminders;
        this.contacts = contacts;
        this.storedEvents = storedEvents;
        this.decoder = decoder;
        this.projections = projections;
    }

    @Override
    public Optional<Provenance> trace(AggregateRef aggregate) {
        Optional<AggregateReplay> replay = replayOf(aggregate);
        if (replay.isEmpty()) {
            return Optional.empty();
        }
        Optional<AggregateReplay.Stored> stored = replay.get().stored().get();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        // the body names the aggregate's id: a cheap first cut, which decoding then makes exact
        List<StoredEvent> candidates = storedEvents.mentioning(replay.get().source(), aggregate.id(), MAX_EVENTS + 1);
        boolean complete = candidates.size() <= MAX_EVENTS;
        List<StoredEvent> events = new ArrayList<>();
        Map<String, EventId> idsByKey = new HashMap<>();
        List<Applied> applied = new ArrayList<>();
        // over the bound, the oldest goes: the newest events are the ones that set the values shown
        for (StoredEvent event : candidates.subList(Math.max(0, candidates.size() - MAX_EVENTS), candidates.size())) {
            Optional<ProviderEvent> decoded = decodeQuietly(event).filter(replay.get().targets());
            if (decoded.isEmpty()) {
                continue;
            }
            events.add(event);
            idsByKey.put(decoded.get().stamp().eventKey(), event.id());
            if (event.status() == ProcessingStatus.PROCESSED) {
                applied.add(new Applied(event, decoded.get()));
            }
        }
        List<Provenance.LostValue> lost = lostValues(replay.get(), applied, idsByKey);
        List<Provenance.FieldOrigin> fields = new ArrayList<>();
        new TreeMap<>(stored.get().fields()).forEach((name, value) ->
                fields.add(new Provenance.FieldOrigin(name, value.value(), origin(value.stamp(), idsByKey))));
        TombstoneClock lifecycle = stored.get().lifecycle();
        return Optional.of(new Provenance(fields, lost,
                Optional.ofNullable(lifecycle.created()).map(stamp -> origin(stamp, idsByKey)),
                Optional.ofNullable(lifecycle.deleted()).map(stamp -> origin(stamp, idsByKey)),
                lifecycle.isDeleted(), events, complete));
    }

    private static List<Provenance.LostValue> lostValues(AggregateReplay replay, List<Applied> applied,
                                                         Map<String, EventId> idsByKey) {
        List<Provenance.LostValue> lost = new ArrayList<>();
        for (Applied one : applied) {
            try {
                replay.apply().accept(one.decoded());
            } catch (RuntimeException refused) {
                // the projection refused it too (a bound reached); it set nothing, so it lost nothing
                continue;
            }
            Map<String, Stamped<String>> after = replay.rebuilt().get();
            Stamp stamp = one.decoded().stamp();
            new TreeMap<>(AggregateReplay.carried(one.decoded())).forEach((field, value) -> {
                Stamped<String> holder = after.get(field);
                if (holder != null && !holder.stamp().eventKey().equals(stamp.eventKey())) {
                    lost.add(new Provenance.LostValue(field, value, one.event(), origin(holder.stamp(), idsByKey)));
                }
            });
        }
        return lost;
    }

    private static EventOrigin origin(Stamp stamp, Map<String, EventId> idsByKey) {
        return new EventOrigin(stamp.eventKey(), stamp.at(), Optional.ofNullable(idsByKey.get(stamp.eventKey())));
    }

    /** The replay of a kind whose fields carry their own stamps; an aggregate stored as a document has none. */
    private Optional<AggregateReplay> replayOf(AggregateRef aggregate) {
        AggregateType type = aggregate.type();
        String id = aggregate.id();
        try {
            if (type.equals(AggregateType.CONNECTION)) {
                return Optional.of(AggregateReplay.connection(connections, new ConnectionId(id)));
            } else if (type.equals(AggregateType.CARD)) {
                return Optional.of(AggregateReplay.card(cards, new CardId(id)));
            } else if (type.equals(AggregateType.REMINDER)) {
                return Optional.of(AggregateReplay.reminder(reminders, new ReminderId(id)));
            } else if (type.equals(AggregateType.CONTACT)) {
                return Optional.of(AggregateReplay.contact(contacts, new ContactKey(id)));
            }
            return Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<DecodedEvent> decode(StoredEvent event) {
        return decodeQuietly(event).flatMap(this::described);
    }

    private Optional<ProviderEvent> decodeQuietly(StoredEvent event) {
        if (event.eventType().isEmpty() || event.rawBody().length == 0
                || !decoder.handles(event.source(), event.eventType().get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decodeEvent(event));
        } catch (MalformedPayloadException | IllegalArgumentException undecodable) {
            return Optional.empty();
        }
    }

    private Optional<DecodedEvent> described(ProviderEvent event) {
        Map<String, String> fields = new HashMap<>(AggregateReplay.carried(event));
        if (event instanceof ConnectionEvent.NoteAdded added) {
            fields.put("note", added.note().content());
        }
        return projections.find(event.getClass())
                .map(projection -> new AggregateRef(projection.type(), projection.aggregateId(event)))
                .map(ref -> new DecodedEvent(ref, kind(event), event.stamp().at(), fields));
    }

    /** {@code Created} becomes {@code created}, {@code StatusChanged} {@code status_changed}. */
    private static String kind(ProviderEvent event) {
        return event.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private record Applied(StoredEvent event, ProviderEvent decoded) {
    }
}
