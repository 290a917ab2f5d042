package com.titan.webhooks.domain.connection;

import com.titan.webhooks.domain.Require;

/** TitanCard's id of a connection ({@code data.id}, or {@code connection_id} on related events). */
public record ConnectionId(String value) {

    public ConnectionId {
        Require.identifier(value, "connection id");
    }
}
