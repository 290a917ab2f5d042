package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.domain.delivery.Source;

/**
 * Where the HTTP adapter reports each delivery's outcome, which secret verified it, and how long it
 * took (metrics, signals).
 */
@FunctionalInterface
public interface DeliveryCounter {

    void count(Source source, ReceiveResult result, long elapsedNanos);
}
