package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.List;

/**
 * Outbound port: told about every event the worker settles, for metrics and the event log, and
 * about the changes each batch committed, for the metrics and the readers waiting for them.
 */
public interface ProjectionListener {

    ProjectionListener NONE = (event, result, at) -> { };

    /**
     * @param result {@code processed}, {@code ignored}, {@code failed} or {@code parked}
     * @param at     when the batch that settled it committed
     */
    void settled(StoredEvent event, String result, Instant at);

    /** Told once per committed batch that recorded changes, after the commit. */
    default void changesCommitted(List<NewChange> changes) {
    }
}
