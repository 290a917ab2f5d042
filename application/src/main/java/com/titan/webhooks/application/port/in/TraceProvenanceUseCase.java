package com.titan.webhooks.application.port.in;

import java.util.Optional;

/** Inbound port: tell why an aggregate's fields hold what they hold; empty when it is not stored. */
public interface TraceProvenanceUseCase {

    Optional<Provenance> trace(AggregateRef aggregate);
}
