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

    /** {@code card.created}. */
    record Created(CardId cardId, Stamp stamp, Map<CardField, String> fields) implements CardEvent {
        public Created {
            stamp = Require.nonNull(stamp, "stamp").in(Phase.CREATION);
            fields = copy(fields);
        }
    }

    /** {@code card.updated}. */
    record Updated(CardId cardId, Stamp stamp, Map<CardField, String> fields) implements CardEvent {
        public Updated {
            fields = copy(fields);
        }
    }

    /** {@code card.deleted}. */
    record Deleted(CardId cardId, Stamp stamp, Map<CardField, String> fields) implements CardEvent {
        public Deleted {
            stamp = Require.nonNull(stamp, "stamp").in(Phase.DELETION);
            fields = copy(fields);
        }
    }

    /** {@code card.viewed} and {@code card.shared}: one activity and the provider's running totals. */
    record ActivityRecorded(CardId cardId, Stamp stamp, Map<CardField, String> fields, CardActivity activity,
                            OptionalLong totalViews, OptionalLong totalShares) implements CardEvent {
        public ActivityRecorded {
            fields = copy(fields);
        }
    }

    private static Map<CardField, String> copy(Map<CardField, String> fields) {
        return fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fields));
    }
}
