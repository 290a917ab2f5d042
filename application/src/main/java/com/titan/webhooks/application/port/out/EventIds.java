package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.EventId;

/** Outbound port: where the ids of stored events come from (random UUIDs in production). */
public interface EventIds {

    EventId next();
}
