package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.connection.ConnectionId;
import java.util.Optional;

/** What links a connection to scored contacts: its email and phone digits, normalised as {@code LinkKeys} does. */
public record ConnectionLink(ConnectionId id, Optional<String> email, Optional<String> phone) {

    public ConnectionLink {
        Require.nonNull(id, "id");
        Require.nonNull(email, "email");
        Require.nonNull(phone, "phone");
    }
}
