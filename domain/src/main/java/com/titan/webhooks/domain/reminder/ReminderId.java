package com.titan.webhooks.domain.reminder;

import com.titan.webhooks.domain.Require;

/** TitanCard's id of a follow-up reminder. */
public record ReminderId(String value) implements Comparable<ReminderId> {

    public ReminderId {
        Require.identifier(value, "reminder id");
    }

    /** By value: the order in which a batch saves them, the same for every worker. */
    @Override
    public int compareTo(ReminderId other) {
        return value.compareTo(other.value);
    }
}
