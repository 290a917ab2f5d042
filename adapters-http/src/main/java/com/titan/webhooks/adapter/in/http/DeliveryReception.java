package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound adapter: {@code POST /webhooks/titanx} or {@code POST /webhooks/titancard}, the part a
 * provider sees. The status contract is checked in this order: configuration, size, media type,
 * then (in the use case) signature and envelope. The body is read as raw bytes and handed over
 * unparsed, because the signature covers exactly those bytes.
 *
 * <p>Served by Grizzly directly rather than through Jersey: measured under load, Jersey's request
 * and response pipelines cost three times what receiving the delivery does. The request thread
 * only reads and verifies; the answer is written once the delivery is committed, never before.
 */
public final class DeliveryReception extends HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger("com.titan.webhooks.delivery");
    // credentials are never stored with the delivery
    private static final Set<String> UNSTORED_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");
    private static final String JSON = "application/json";

    private final Source source;
    private final ReceiveDeliveryUseCase receiver;
    private final int maxBodyBytes;
    private final DeliveryCounter counter;
    private final Executor responder;

    /**
     * @param responder where answers are written once deliveries are committed, so that the
     *                  committing thread goes straight back to committing
     */
    public DeliveryReception(Source source, ReceiveDeliveryUseCase receiver, int maxBodyBytes, DeliveryCounter counter,
                             Executor responder) {
        this.source = source;
        this.receiver = receiver;
        this.maxBodyBytes = maxBodyBytes;
        this.counter = counter;
        this.responder = responder;
    }

    /** Where this endpoint is served. */
    public String path() {
        return "/webhooks/" + source.wireName();
    }

    @Override
    public void service(Request request, Response response) {
        long started = System.nanoTime();
        try {
            if (!path().equals(request.getRequestURI())) {
                write(response, 404, "{\"error\":\"not_found\"}", Map.of());
                return;
            }
            if (request.getMethod() != Method.POST) {
                write(response, 405, "{\"error\":\"method_not_allowed\"}", Map.of("Allow", "POST"));
                return;
            }
            if (!receiver.isConfigured(source)) {
                answer(response, ReceiveResult.of(DeliveryOutcome.NOT_CONFIGURED), started);
                return;
            }
            if (request.getContentLengthLong() > maxBodyBytes) {
                answer(response, ReceiveResult.of(DeliveryOutcome.TOO_LARGE), started);
                return;
            }
            if (!isJson(request.getContentType())) {
                answer(response, ReceiveResult.of(DeliveryOutcome.UNSUPPORTED_MEDIA_TYPE), started);
                return;
            }
            byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
            if (body == null) {
                answer(response, ReceiveResult.of(DeliveryOutcome.TOO_LARGE), started);
                return;
            }
            ReceiveDeliveryCommand command = new ReceiveDeliveryCommand(source, body, signature(request),
                    storedHeaders(request));
            response.suspend();
            receiver.receive(command).whenCompleteAsync((result, failure) -> {
                try {
                    answer(response, failure == null ? result : ReceiveResult.of(DeliveryOutcome.UNAVAILABLE), started);
                } finally {
                    response.resume();
                }
            }, responder);
        } catch (IOException bodyNeverArrived) {
            // both providers retry a 408
            write(response, 408, "{\"error\":\"request_timeout\"}", Map.of("Connection", "close"));
        } catch (RuntimeException unexpected) {
            LOG.error("unexpected failure receiving a {} delivery", source.wireName(), unexpected);
            write(response, 500, "{\"error\":\"internal_error\"}", Map.of());
        }
    }

    private void answer(Response response, ReceiveResult result, long started) {
        String id = result.eventId().map(Object::toString).orElse(null);
        int status = switch (result.outcome()) {
            case ACCEPTED, IGNORED -> write(response, 202, receipt("accepted", id), Map.of());
            case DUPLICATE -> write(response, 200, receipt("duplicate", id), Map.of());
            case INVALID_SIGNATURE -> write(response, 401, "{\"error\":\"invalid_signature\"}", Map.of());
            case MALFORMED -> write(response, 400, ErrorResponse.json("malformed_payload",
                    result.detail().orElse("malformed")), Map.of());
            // closed, so that the unread rest of the body is never parsed as a request
            case TOO_LARGE -> write(response, 413, "{\"error\":\"payload_too_large\"}", Map.of("Connection", "close"));
            case UNSUPPORTED_MEDIA_TYPE -> write(response, 415, "{\"error\":\"unsupported_media_type\"}", Map.of());
            case NOT_CONFIGURED -> write(response, 503, "{\"error\":\"source_not_configured\"}",
                    Map.of("Retry-After", "60"));
            case UNAVAILABLE -> write(response, 503, "{\"error\":\"unavailable\"}", Map.of("Retry-After", "5"));
        };
        counter.count(source, result, System.nanoTime() - started);
        LOG.atInfo().addKeyValue("source", source.wireName()).addKeyValue("outcome", result.outcome().metricName())
                .addKeyValue("status", status).addKeyValue("event_id", id)
                .addKeyValue("secret", result.secretUsed().map(DeliveryReception::secretLabel).orElse(null))
                .log("delivery");
    }

    /** Which configured secret verified the delivery: position and fingerprint, e.g. {@code 2:d0d87160}. */
    static String secretLabel(SecretUsed used) {
        return used.position() + ":" + used.fingerprint();
    }

    /** The status is a constant and the id a UUID the service made: nothing needs escaping. */
    private static String receipt(String status, String eventId) {
        return "{\"status\":\"" + status + "\",\"event_id\":\"" + eventId + "\"}";
    }

    private static int write(Response response, int status, String json, Map<String, String> headers) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(JSON);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            LOG.debug("the client left before its answer: {}", clientGone.getMessage());
        }
        return status;
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(JSON) || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The body, or null as soon as it exceeds {@code limit}: an oversized body is never buffered whole. */
    private static byte[] readAtMost(InputStream body, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        int read;
        while ((read = body.read(buffer)) != -1) {
            if (out.size() + read > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /**
     * The signature header's value. Sent twice, the values are joined, which no policy parses: an
     * ambiguous signature is answered like a wrong one, never resolved by picking one.
     */
    private String signature(Request request) {
        List<String> values = new ArrayList<>();
        request.getHeaders(source.signatureHeader()).forEach(values::add);
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** The headers to keep with the delivery; the command normalises their names. */
    private static Map<String, String> storedHeaders(Request request) {
        Map<String, String> stored = new HashMap<>();
        for (String name : request.getHeaderNames()) {
            if (!UNSTORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                stored.put(name, String.join(", ", request.getHeaders(name)));
            }
        }
        return stored;
    }

}
