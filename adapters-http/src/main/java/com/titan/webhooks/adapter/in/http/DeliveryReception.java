package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.domain.delivery.Source;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status contract of both webhook endpoints, checked in this order: configuration, size,
 * media type, then (in the use case) signature and envelope. The body is read as raw bytes and
 * handed over unparsed, because the signature covers exactly those bytes.
 */
final class DeliveryReception {

    private static final Logger LOG = LoggerFactory.getLogger("com.titan.webhooks.delivery");
    // credentials are never stored with the delivery
    private static final Set<String> UNSTORED_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private final ReceiveDeliveryUseCase receiver;
    private final int maxBodyBytes;
    private final DeliveryCounter counter;

    DeliveryReception(ReceiveDeliveryUseCase receiver, int maxBodyBytes, DeliveryCounter counter) {
        this.receiver = receiver;
        this.maxBodyBytes = maxBodyBytes;
        this.counter = counter;
    }

    Response receive(Source source, HttpHeaders headers, InputStream body) {
        long started = System.nanoTime();
        Response response;
        DeliveryOutcome outcome;
        String eventId = null;
        if (!receiver.isConfigured(source)) {
            outcome = DeliveryOutcome.NOT_CONFIGURED;
            response = Response.fromResponse(ErrorResponse.of(503, "source_not_configured"))
                    .header("Retry-After", "60").build();
        } else if (declaredLength(headers) > maxBodyBytes) {
            outcome = DeliveryOutcome.TOO_LARGE;
            response = tooLarge();
        } else if (!isJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            outcome = DeliveryOutcome.UNSUPPORTED_MEDIA_TYPE;
            response = ErrorResponse.of(415, "unsupported_media_type");
        } else {
            byte[] bytes = readAtMost(body, maxBodyBytes);
            if (bytes == null) {
                outcome = DeliveryOutcome.TOO_LARGE;
                response = tooLarge();
            } else {
                ReceiveResult result = receiver.receive(new ReceiveDeliveryCommand(source, bytes,
                        headers.getHeaderString(source.signatureHeader()), storedHeaders(headers)));
                outcome = result.outcome();
                eventId = result.eventId().map(Object::toString).orElse(null);
                response = respond(result);
            }
        }
        counter.count(source, outcome, System.nanoTime() - started);
        LOG.atInfo().addKeyValue("source", source.wireName()).addKeyValue("outcome", outcome.metricName())
                .addKeyValue("status", response.getStatus()).addKeyValue("event_id", eventId)
                .log("delivery");
        return response;
    }

    private static Response respond(ReceiveResult result) {
        String id = result.eventId().map(Object::toString).orElse(null);
        switch (result.outcome()) {
            case ACCEPTED:
            case IGNORED:
                return Response.status(202).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ReceiptResponse("accepted", id)).build();
            case DUPLICATE:
                return Response.ok(new ReceiptResponse("duplicate", id), MediaType.APPLICATION_JSON_TYPE).build();
            case INVALID_SIGNATURE:
                return ErrorResponse.of(401, "invalid_signature");
            case MALFORMED:
                return ErrorResponse.of(400, "malformed_payload", result.detail().orElse("malformed"));
            case NOT_CONFIGURED:
                return Response.fromResponse(ErrorResponse.of(503, "source_not_configured"))
                        .header("Retry-After", "60").build();
            default:
                return Response.fromResponse(ErrorResponse.of(503, "unavailable")).header("Retry-After", "5").build();
        }
    }

    /** The connection is closed after a 413 so that the unread rest of the body is never parsed as a request. */
    private static Response tooLarge() {
        return Response.fromResponse(ErrorResponse.of(413, "payload_too_large")).header("Connection", "close").build();
    }

    private static long declaredLength(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException unparsable) {
            return -1;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The body, or null as soon as it exceeds {@code limit}: an oversized body is never buffered whole. */
    private static byte[] readAtMost(InputStream body, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = body.read(buffer)) != -1) {
                if (out.size() + read > limit) {
                    return null;
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException broken) {
            throw new BodyUnreadableException(broken);
        }
        return out.toByteArray();
    }

    private static Map<String, String> storedHeaders(HttpHeaders headers) {
        Map<String, String> stored = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!UNSTORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                stored.put(name.toLowerCase(Locale.ROOT), String.join(", ", values == null ? List.of() : values));
            }
        });
        return stored;
    }
}
