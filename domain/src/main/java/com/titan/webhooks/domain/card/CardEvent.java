package com.titan.webhooks.domain.card;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Phase;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/** The TitanCard events that change a card; {@code fields} as in {@code ConnectionEvent}. */
public sealed interface CardEvent extends ProviderEvent {

    CardId cardId();

    Map<CardField, String> fields();

    /**
     * This event's own rule on {@code card}, beyond merging its fields: abstract, so that a new
     * event record without a rule does not compile. Called by {@link Card#apply}; call that instead.
     */
    void applyTo(Card card);

    /** {@code card.created}. */
    record Created(CardId cardId, Stamp stamp, Map<CardField, String> fields) implements CardEvent {
        public Created {
            stamp = Require.nonNull(stamp, "stamp").in(Phase.CREATION);
            fields = copy(fields);
        }

        @Override
        public void applyTo(Card card) {
            card.created(stamp);
        }
    }

    /** {@code card.updated}. */
    record Updated(CardId cardId, Stamp stamp, Map<CardField, String> fields) implements CardEvent {
        public Updated {
            fields = copy(fields);
        }

        /** Carries fields only, merged like every event's: no rule of its own. */
        @Override
        public void applyTo(Card card) {
        }
    }

    /** {@code card.deleted}. */
    record Deleted(CardId cardId, Stamp stamp, Map<CardField, String> fields) implements CardEvent {
        public Deleted {
            stamp = Require.nonNull(stamp, "stamp").in(Phase.DELETION);
            fields = copy(fields);
        }

        @Override
        public void applyTo(Card card) {
            card.deleted(stamp);
        }
    }

    /** {@code card.viewed} and {@code card.shared}: one activity and the provider's running totals. */
    record ActivityRecorded(CardId cardId, Stamp stamp, Map<CardField, String> fields, CardActivity activity,
                            OptionalLong totalViews, OptionalLong totalShares) implements CardEvent {
        public ActivityRecorded {
            fields = copy(fields);
        }

        @Override
        public void applyTo(Card card) {
            card.recordActivity(activity, totalViews, totalShares);
        }
    }

    private static Map<CardField, String> copy(Map<CardField, String> fields) {
        return fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fields));
    }
}
