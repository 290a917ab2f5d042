package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.DeliveryHeaders;
import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound adapter: {@code POST /webhooks/titanx} or {@code POST /webhooks/titancard}, the part a
 * provider sees. The status contract is checked in this order: configuration, size, media type,
 * then (in the use case) signature and envelope. The body is read as raw bytes and handed over
 * unparsed, because the signature covers exactly those bytes.
 *
 * <p>Served by Grizzly directly rather than through Jersey: measured under load, Jersey's request
 * and response pipelines cost three times what receiving the delivery does. The body is read
 * without blocking, so a sender that trickles it in holds no thread, only one of the places its
 * address may have ({@link UnfinishedBodies}) until the deadline; the answer is written once the
 * delivery is committed, never before.
 */
public final class DeliveryReception extends HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger("com.titan.webhooks.delivery");
    // credentials are never stored with the delivery
    private static final Set<String> UNSTORED_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private final Source source;
    private final ReceiveDeliveryUseCase receiver;
    private final int maxBodyBytes;
    private final DeliveryCounter counter;
    private final Executor responder;
    private final UnfinishedBodies unfinished;

    /**
     * @param responder where answers are written once deliveries are committed, so that the
     *                  committing thread goes straight back to committing
     */
    public DeliveryReception(Source source, ReceiveDeliveryUseCase receiver, int maxBodyBytes, DeliveryCounter counter,
                             Executor responder, UnfinishedBodies unfinished) {
        this.source = source;
        this.receiver = receiver;
        this.maxBodyBytes = maxBodyBytes;
        this.counter = counter;
        this.responder = responder;
        this.unfinished = unfinished;
    }

    /** Where this endpoint is served. */
    public String path() {
        return "/webhooks/" + source.wireName();
    }

    @Override
    public void service(Request request, Response response) {
        long started = System.nanoTime();
        if (request.getMethod() != Method.POST) {
            Answer.error(response, ErrorCode.METHOD_NOT_ALLOWED, null, Map.of("Allow", "POST"));
            return;
        }
        if (!receiver.isConfigured(source)) {
            answer(response, ReceiveResult.of(DeliveryOutcome.NOT_CONFIGURED), started);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(response, Refusal.TOO_LARGE, started);
            return;
        }
        if (!ReceiveDeliveryCommand.isJson(request.getContentType())
                || !ReceiveDeliveryCommand.isIdentity(request.getHeader(Header.ContentEncoding))) {
            refuse(response, Refusal.UNSUPPORTED_MEDIA_TYPE, started);
            return;
        }
        response.suspend();
        new PendingBody(request, response, started).read();
    }

    /**
     * One body on its way in, read as it arrives without holding a thread. Exactly one answer is
     * written, by whichever comes first: the complete body, the deadline, or a failure.
     */
    private final class PendingBody implements ReadHandler {

        private final Request request;
        private final Response response;
        private final long started;
        private final NIOInputStream in;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean settled = new AtomicBoolean();
        private String heldFor;
        private ScheduledFuture<?> deadline;

        PendingBody(Request request, Response response, long started) {
            this.request = request;
            this.response = response;
            this.started = started;
            this.in = request.getNIOInputStream();
            long length = request.getContentLengthLong();
            this.body = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
        }

        void read() {
            try {
                if (!in.isFinished()) {
                    // the body is still on its way: from here on it costs a place and runs against the clock
                    String client = request.getRemoteAddr();
                    if (!unfinished.hold(client)) {
                        reject(Refusal.TOO_MANY_PENDING);
                        return;
                    }
                    heldFor = client;
                    deadline = unfinished.expireAt(started, () -> reject(Refusal.TIMED_OUT));
                }
                // Grizzly buffers the body and calls back once: onAllDataRead when it is complete, or
                // onDataAvailable when more than the limit has arrived. (Asking for every piece instead
                // means registering again from inside the callback for the last piece, which leaves the
                // connection waiting for a body that has already ended.)
                in.notifyAvailable(this, maxBodyBytes + 1);
            } catch (RuntimeException failure) {
                onError(failure);
            }
        }

        @Override
        public void onDataAvailable() {
            reject(Refusal.TOO_LARGE);
        }

        @Override
        public void onAllDataRead() throws IOException {
            if (settled.get()) {
                return;
            }
            byte[] buffer = new byte[8192];
            int ready;
            while ((ready = in.readyData()) > 0) {
                int read = in.read(buffer, 0, Math.min(ready, buffer.length));
                if (read < 0) {
                    break;
                }
                body.write(buffer, 0, read);
            }
            if (body.size() > maxBodyBytes) {
                reject(Refusal.TOO_LARGE);
            } else {
                complete();
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (!settled.get()) {
                LOG.debug("a {} body never arrived: {}", source.wireName(), failure.toString());
                reject(Refusal.TIMED_OUT);
            }
        }

        private void complete() {
            if (!settle()) {
                return;
            }
            ReceiveDeliveryCommand command = new ReceiveDeliveryCommand(source, body.toByteArray(), signature(request),
                    storedHeaders(request));
            CompletionStage<ReceiveResult> received;
            try {
                received = receiver.receive(command);
            } catch (RuntimeException unexpected) {
                LOG.error("unexpected failure receiving a {} delivery", source.wireName(), unexpected);
                Answer.error(response, ErrorCode.INTERNAL_ERROR, null, Map.of());
                response.resume();
                return;
            }
            received.whenCompleteAsync((result, failure) -> {
                try {
                    answer(response, failure == null ? result : ReceiveResult.of(DeliveryOutcome.UNAVAILABLE), started);
                } finally {
                    response.resume();
                }
            }, responder);
        }

        private void reject(Refusal refusal) {
            if (settle()) {
                try {
                    refuse(response, refusal, started);
                } finally {
                    response.resume();
                }
            }
        }

        /** Claims the one answer, and gives back what the unfinished body held. */
        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (heldFor != null) {
                unfinished.release(heldFor);
            }
            return true;
        }
    }

    private void answer(Response response, ReceiveResult result, long started) {
        String id = result.eventId().map(Object::toString).orElse(null);
        int status = switch (result.outcome()) {
            case ACCEPTED, IGNORED -> Answer.json(response, 202, ReceiptResponse.accepted(id).bytes(), Map.of());
            case DUPLICATE -> Answer.json(response, 200, ReceiptResponse.duplicate(id).bytes(), Map.of());
            case INVALID_SIGNATURE -> Answer.error(response, ErrorCode.INVALID_SIGNATURE, null, Map.of());
            case MALFORMED -> Answer.error(response, ErrorCode.MALFORMED_PAYLOAD, result.detail().orElse("malformed"),
                    Map.of());
            case NOT_CONFIGURED -> Answer.error(response, ErrorCode.SOURCE_NOT_CONFIGURED, null, Map.of());
            case UNAVAILABLE -> Answer.error(response, ErrorCode.UNAVAILABLE, null, Map.of());
        };
        counter.count(source, result, System.nanoTime() - started);
        LOG.atInfo().addKeyValue("source", source.wireName()).addKeyValue("outcome", result.outcome().metricName())
                .addKeyValue("status", status).addKeyValue("event_id", id)
                .addKeyValue("secret", result.secretUsed().map(DeliveryReception::secretLabel).orElse(null))
                .log("delivery");
    }

    private void refuse(Response response, Refusal refusal, long started) {
        int status = Answer.error(response, refusal.code(), refusal.detail(), refusal.headers());
        counter.refused(source, refusal, System.nanoTime() - started);
        LOG.atInfo().addKeyValue("source", source.wireName()).addKeyValue("outcome", refusal.metricName())
                .addKeyValue("status", status).log("delivery");
    }

    /** Which configured secret verified the delivery: position and fingerprint, e.g. {@code 2:d0d87160}. */
    static String secretLabel(SecretUsed used) {
        return used.position() + ":" + used.fingerprint();
    }

    /**
     * The signature header's value. Sent twice, the values are joined, which no policy parses: an
     * ambiguous signature is answered like a wrong one, never resolved by picking one.
     */
    private String signature(Request request) {
        List<String> values = new ArrayList<>();
        request.getHeaders(DeliveryHeaders.of(source).signature()).forEach(values::add);
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
