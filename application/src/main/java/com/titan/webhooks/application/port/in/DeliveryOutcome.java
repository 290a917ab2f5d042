package com.titan.webhooks.application.port.in;

/**
 * Every way a delivery can end, in the order the status contract checks them. The transport maps
 * each to its status code; metrics count them by {@link #metricName()}.
 */
public enum DeliveryOutcome {
    NOT_CONFIGURED,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    /** The body did not arrive in time (the transport's deadline). */
    TIMED_OUT,
    /** The sender already has as many bodies still arriving as one address may. */
    TOO_MANY_PENDING,
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
            case NOT_CONFIGURED, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TIMED_OUT, TOO_MANY_PENDING, INVALID_SIGNATURE -> false;
        };
    }

    /** A 2xx answer: the provider counts it as delivered. */
    public boolean isSuccess() {
        return this == ACCEPTED || this == IGNORED || this == DUPLICATE;
    }
}
