package com.titan.webhooks.application.port;

import java.util.Locale;
import java.util.Optional;

/** The kinds of aggregate the change feed reports, by the names its clients filter on. */
public enum AggregateType {
    CONNECTION, CARD, REMINDER, CONTACT, SCORING_JOB;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AggregateType> fromWireName(String name) {
        for (AggregateType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
