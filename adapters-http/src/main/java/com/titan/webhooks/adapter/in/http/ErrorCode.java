package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's error vocabulary, webhook endpoints and API alike: each code with its status and
 * the headers every answer with it carries ({@code Retry-After} where the client should come back
 * later, the challenge of a 401 {@code unauthorized}). The webhook endpoints and the front door
 * answer without Jersey ({@link Answer}), the API through Jersey's mappers; both take status,
 * headers and body bytes from here, so the two cannot drift apart. The body is {@link ErrorResponse}.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    INVALID_PARAMETER(400),
    MALFORMED_PAYLOAD(400),
    UNAUTHORIZED(401, Map.of("WWW-Authenticate", "Bearer")),
    INVALID_SIGNATURE(401),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    // both providers retry a 408
    REQUEST_TIMEOUT(408),
    NOT_REPLAYABLE(409),
    CURSOR_EXPIRED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429, RetryAfter.SOON),
    INTERNAL_ERROR(500),
    UNAVAILABLE(503, RetryAfter.SOON),
    // long enough for an operator to add the secret; a provider keeps retrying meanwhile
    SOURCE_NOT_CONFIGURED(503, RetryAfter.OPERATOR),
    // a waiting reader frees its place within a wait; come back soon
    TOO_MANY_WAITERS(503, RetryAfter.AT_ONCE);

    /** How long a client is asked to wait before it tries again, in seconds. */
    private static final class RetryAfter {
        static final int AT_ONCE = 1;
        static final int SOON = 5;
        static final int OPERATOR = 60;
    }

    private final int status;
    private final Map<String, String> headers;
    // written once: most answers carry no detail
    private final byte[] body;

    ErrorCode(int status) {
        this(status, Map.of());
    }

    ErrorCode(int status, int retryAfterSeconds) {
        this(status, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    ErrorCode(int status, Map<String, String> headers) {
        this.status = status;
        this.headers = headers;
        this.body = ErrorResponse.bytes(code(), null);
    }

    public int status() {
        return status;
    }

    /** The machine-readable code in the body, e.g. {@code invalid_signature}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code of the vocabulary that says what a bare {@code status} of Jersey's own says, if there is one. */
    static Optional<ErrorCode> ofJerseys(int status) {
        return switch (status) {
            case 400 -> Optional.of(BAD_REQUEST);
            case 404 -> Optional.of(NOT_FOUND);
            case 405 -> Optional.of(METHOD_NOT_ALLOWED);
            case 406 -> Optional.of(NOT_ACCEPTABLE);
            case 413 -> Optional.of(PAYLOAD_TOO_LARGE);
            case 415 -> Optional.of(UNSUPPORTED_MEDIA_TYPE);
            case 500 -> Optional.of(INTERNAL_ERROR);
            case 503 -> Optional.of(UNAVAILABLE);
            default -> Optional.empty();
        };
    }

    /** {@code {"error":"<code>"}}, or with {@code "detail"} when one is given, as UTF-8; not to be changed. */
    byte[] body(String detail) {
        return detail == null ? body : ErrorResponse.bytes(code(), detail);
    }

    /** The headers every answer with this code carries. */
    Map<String, String> headers() {
        return headers;
    }

    /** The answer as Jersey sends it: the same status, headers and bytes as {@link Answer#error}. */
    Response response(String detail) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body(detail));
        headers.forEach(response::header);
        return response.build();
    }

    Response response() {
        return response(null);
    }
}
