package com.titan.webhooks.application.port;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kind of aggregate, by the name the change feed reports it under and its clients filter on.
 * An open value, not an enum: the five built-in kinds are constants, and an aggregate stored as a
 * document brings its own name with its registration, without an edit here. Which names the
 * service knows is the projection registry's to say.
 */
public record AggregateType(String wireName) {

    private static final Pattern WIRE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public static final AggregateType CONNECTION = new AggregateType("connection");
    public static final AggregateType CARD = new AggregateType("card");
    public static final AggregateType REMINDER = new AggregateType("reminder");
    public static final AggregateType CONTACT = new AggregateType("contact");
    public static final AggregateType SCORING_JOB = new AggregateType("scoring_job");

    /** @throws IllegalArgumentException unless the name is lower-case letters, digits and underscores, from a letter */
    public AggregateType {
        if (wireName == null || !WIRE_NAME.matcher(wireName).matches()) {
            throw new IllegalArgumentException("an aggregate type is lower-case letters, digits and _, from a letter"
                    + " (at most 63 characters)");
        }
    }

    /** The type named {@code name}, if it is a well-formed name; whether it is registered is another question. */
    public static Optional<AggregateType> fromWireName(String name) {
        return name != null && WIRE_NAME.matcher(name).matches() ? Optional.of(new AggregateType(name)) : Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
