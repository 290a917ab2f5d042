package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's error vocabulary, webhook endpoints and API alike: each code with its status and,
 * where the client should come back later, its {@code Retry-After}. The webhook endpoints and the
 * front door answer without Jersey, the API through Jersey's mappers; both take status, header and
 * body from here, so the two cannot drift apart. The body is {@link ErrorResponse}.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    INVALID_PARAMETER(400),
    MALFORMED_PAYLOAD(400),
    UNAUTHORIZED(401),
    INVALID_SIGNATURE(401),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    // both providers retry a 408
    REQUEST_TIMEOUT(408),
    NOT_REPLAYABLE(409),
    CURSOR_EXPIRED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429, 5),
    INTERNAL_ERROR(500),
    UNAVAILABLE(503, 5),
    // long enough for an operator to add the secret; a provider keeps retrying meanwhile
    SOURCE_NOT_CONFIGURED(503, 60),
    // a waiting reader frees its place within a wait; come back soon
    TOO_MANY_WAITERS(503, 1);

    private final int status;
    private final Optional<Integer> retryAfterSeconds;
    private final String body;

    ErrorCode(int status) {
        this(status, null);
    }

    ErrorCode(int status, Integer retryAfterSeconds) {
        this.status = status;
        this.retryAfterSeconds = Optional.ofNullable(retryAfterSeconds);
        // written once: most answers carry no detail
        this.body = ErrorResponse.json(code(), null);
    }

    public int status() {
        return status;
    }

    /** The machine-readable code in the body, e.g. {@code invalid_signature}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code {"error":"<code>"}}, or with {@code "detail"} when one is given. */
    String body(String detail) {
        return detail == null ? body : ErrorResponse.json(code(), detail);
    }

    /** The headers every answer with this code carries. */
    Map<String, String> headers() {
        return retryAfterSeconds.map(seconds -> Map.of("Retry-After", Integer.toString(seconds))).orElse(Map.of());
    }

    /** The answer as Jersey sends it. */
    Response response(String detail) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(code(), detail));
        headers().forEach(response::header);
        return response.build();
    }

    Response response() {
        return response(null);
    }
}
