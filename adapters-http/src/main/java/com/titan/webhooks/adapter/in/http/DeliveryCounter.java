package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.domain.delivery.Source;

/** Where the HTTP adapter reports each delivery's outcome and how long it took (metrics, signals). */
@FunctionalInterface
public interface DeliveryCounter {

    void count(Source source, DeliveryOutcome outcome, long elapsedNanos);
}
