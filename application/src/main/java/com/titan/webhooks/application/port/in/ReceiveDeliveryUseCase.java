package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.delivery.Source;
import java.util.concurrent.CompletionStage;

/**
 * Inbound port: receive one webhook delivery: verify it, then store it exactly once. Any transport
 * (HTTP, a queue consumer) drives the service through this port.
 */
public interface ReceiveDeliveryUseCase {

    /**
     * Whether {@code source} has at least one secret. The status contract checks this first, before
     * the transport even reads the body, so that an unconfigured source is retried, never lost.
     */
    boolean isConfigured(Source source);

    /**
     * Verifies and stores one delivery. The answer completes when the delivery is committed (or
     * at once when it is rejected); it never completes exceptionally.
     */
    CompletionStage<ReceiveResult> receive(ReceiveDeliveryCommand command);
}
