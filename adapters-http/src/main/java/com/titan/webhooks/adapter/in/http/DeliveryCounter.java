package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.domain.delivery.Source;

/**
 * Where the HTTP adapter reports each delivery's outcome, which secret verified it, and how long it
 * took (metrics, signals).
 */
public interface DeliveryCounter {

    /** A delivery the receive use case answered. */
    void count(Source source, ReceiveResult result, long elapsedNanos);

    /** A delivery HTTP turned away before the use case saw it: anyone's, never the provider's for sure. */
    void refused(Source source, Refusal refusal, long elapsedNanos);
}
