package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;

/** Outbound port: told about every event the worker settles, for metrics and the event log. */
public interface ProjectionListener {

    ProjectionListener NONE = (event, result, at) -> { };

    /**
     * @param result {@code processed}, {@code ignored}, {@code failed} or {@code parked}
     * @param at     when the batch that settled it committed
     */
    void settled(StoredEvent event, String result, Instant at);
}
