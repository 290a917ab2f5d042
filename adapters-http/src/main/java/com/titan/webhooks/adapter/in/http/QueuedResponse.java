package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.delivery.EventId;
import java.util.List;

/** The events a replay queued for the worker. */
public record QueuedResponse(List<String> queued, int count) {

    static QueuedResponse from(List<EventId> ids) {
        return new QueuedResponse(ids.stream().map(EventId::value).toList(), ids.size());
    }
}
