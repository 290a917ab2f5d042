package com.titan.webhooks.application.port.in;

/**
 * Every way the receive use case can end a delivery, in the order it checks them. The transport maps
 * each to its answer (a status code, an acknowledgement); metrics count them by {@link #metricName()}.
 * What a transport refuses before the use case sees a delivery (a body too large, not JSON, too
 * slow) is the transport's own and not here.
 */
public enum DeliveryOutcome {
    NOT_CONFIGURED,
    INVALID_SIGNATURE,
    MALFORMED,
    /** Stored; an event type with a handler. */
    ACCEPTED,
    /** Stored with status ignored: authentic, well-formed, but of a type no handler knows yet. */
    IGNORED,
    DUPLICATE,
    UNAVAILABLE;

    public String metricName() {
        return this == IGNORED ? "accepted" : name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the signature was verified before this outcome: only then is it known to come from
     * the provider. Everything else could be anyone's.
     */
    public boolean isAuthenticated() {
        return switch (this) {
            case MALFORMED, ACCEPTED, IGNORED, DUPLICATE, UNAVAILABLE -> true;
            case NOT_CONFIGURED, INVALID_SIGNATURE -> false;
        };
    }

    /** A 2xx answer: the provider counts it as delivered. */
    public boolean isSuccess() {
        return this == ACCEPTED || this == IGNORED || this == DUPLICATE;
    }
}
