package com.titan.webhooks.domain.delivery;

import com.titan.webhooks.domain.Require;

/** The service's own id of a stored event (a UUID chosen at receipt), never the provider's. */
public record EventId(String value) {

    public EventId {
        Require.nonBlank(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
