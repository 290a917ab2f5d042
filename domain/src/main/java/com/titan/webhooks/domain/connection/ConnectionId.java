package com.titan.webhooks.domain.connection;

import com.titan.webhooks.domain.Require;

/** TitanCard's id of a connection ({@code data.id}, or {@code connection_id} on related events). */
public record ConnectionId(String value) implements Comparable<ConnectionId> {

    public ConnectionId {
        Require.identifier(value, "connection id");
    }

    /** By value: the order in which a batch saves them, the same for every worker. */
    @Override
    public int compareTo(ConnectionId other) {
        return value.compareTo(other.value);
    }
}
