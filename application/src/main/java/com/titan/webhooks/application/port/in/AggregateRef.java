package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.domain.Require;

/** One aggregate by its kind and its id (a contact's key), as its route names it. */
public record AggregateRef(AggregateType type, String id) {

    public AggregateRef {
        Require.nonNull(type, "type");
        Require.nonBlank(id, "id");
    }
}
