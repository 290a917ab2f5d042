package com.titan.webhooks.domain.connection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scalar fields of a connection, named as in TitanCard's field reference. Time fields hold
 * ISO-8601 instants.
 */
public enum ConnectionField {
    FIRST_NAME,
    LAST_NAME,
    FULL_NAME,
    EMAIL,
    PHONE,
    COMPANY,
    TITLE,
    WEBSITE,
    LINKEDIN,
    TWITTER,
    ADDRESS,
    NOTES,
    SOURCE,
    DIRECTION,
    STATUS,
    MESSAGE,
    MEETING_EVENT,
    MEETING_LOCATION,
    MEETING_DATE(true),
    MEETING_METHOD,
    CREATED_AT(true),
    UPDATED_AT(true),
    LAST_CONTACTED_AT(true);

    // asked for on every field of every aggregate saved: computed once
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    private final boolean time;

    ConnectionField() {
        this(false);
    }

    ConnectionField(boolean time) {
        this.time = time;
    }

    /** The provider's field name, e.g. {@code last_contacted_at}. */
    public String wireName() {
        return wireName;
    }

    public boolean isTime() {
        return time;
    }

    public static Optional<ConnectionField> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }
}
