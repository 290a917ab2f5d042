package com.titan.webhooks.adapter.in.http;

import java.util.Locale;
import java.util.Map;

/**
 * Why the HTTP endpoint turned a delivery away before the receive use case saw it: what HTTP itself
 * decides (size, media type, a body that does not arrive). Another transport has refusals of its
 * own; the use case's outcomes are the application's.
 */
public enum Refusal {
    TOO_LARGE(ErrorCode.PAYLOAD_TOO_LARGE, null, true),
    UNSUPPORTED_MEDIA_TYPE(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "the body must be JSON (application/json or application/*+json), sent without Content-Encoding", false),
    /** The body did not arrive in time. */
    TIMED_OUT(ErrorCode.REQUEST_TIMEOUT, null, true),
    /** The sender already has as many bodies still arriving as one address may. */
    TOO_MANY_PENDING(ErrorCode.TOO_MANY_REQUESTS, null, true);

    // closed, so that the unread rest of the body is never parsed as a request
    private static final Map<String, String> CLOSE = Map.of("Connection", "close");

    private final ErrorCode code;
    private final String detail;
    private final boolean closes;
    private final String metricName = name().toLowerCase(Locale.ROOT);

    Refusal(ErrorCode code, String detail, boolean closes) {
        this.code = code;
        this.detail = detail;
        this.closes = closes;
    }

    ErrorCode code() {
        return code;
    }

    String detail() {
        return detail;
    }

    Map<String, String> headers() {
        return closes ? CLOSE : Map.of();
    }

    /** As counted in metrics and logged, beside the use case's outcomes. */
    public String metricName() {
        return metricName;
    }
}
