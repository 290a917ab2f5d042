package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;

/**
 * An aggregate's answer with a {@code provenance} member, for {@code ?provenance=true}. A record
 * of its own rather than a nullable member of every aggregate's, because without the flag the
 * member is absent, and with it null when the aggregate vanished in between.
 */
public record WithProvenanceResponse<T extends AggregateResponse>(@JsonUnwrapped T aggregate,
                                                                  ProvenanceResponse provenance)
        implements AggregateResponse {

    /** {@code aggregate}, with its provenance when the flag asks for it. */
    static AggregateResponse asked(AggregateResponse aggregate, String flag, TraceProvenanceUseCase provenance,
                                   AggregateRef ref) {
        if (!QueryParameters.flag("provenance", flag)) {
            return aggregate;
        }
        // the aggregate was just read: only a concurrent purge could make it vanish in between
        return new WithProvenanceResponse<>(aggregate, provenance.trace(ref).map(ProvenanceResponse::from).orElse(null));
    }
}
