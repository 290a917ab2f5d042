package com.titan.webhooks.application.port.in;

/**
 * Every way a delivery can end, in the order the status contract checks them. The transport maps
 * each to its status code; metrics count them by {@link #metricName()}.
 */
public enum DeliveryOutcome {
    NOT_CONFIGURED,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
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
}
