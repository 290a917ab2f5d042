package com.titan.webhooks.adapter.in.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import com.titan.webhooks.application.port.in.DeliveryHeaders;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.domain.delivery.Source;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The message contract of the deliveries queue, the one place that knows it: the body is the
 * provider's raw bytes, the header {@code source} names the provider ({@code titanx} or
 * {@code titancard}), and the provider's HTTP headers travel as AMQP headers by their names
 * ({@code X-Webhook-Signature}, {@code Content-Type}, ...). A relay builds its messages with
 * {@link #properties}; the consumer reads them back with {@link #read}.
 */
public final class RelayedMessage {

    /** The AMQP header that names the provider. */
    public static final String SOURCE_HEADER = "source";
    // credentials are never stored with the delivery; the broker's and our own bookkeeping is not the provider's
    private static final Set<String> UNSTORED = Set.of("authorization", "cookie", "proxy-authorization",
            SOURCE_HEADER, "x-death", "x-first-death-exchange", "x-first-death-queue", "x-first-death-reason",
            "x-last-death-exchange", "x-last-death-queue", "x-last-death-reason", "x-delivery-count",
            DeadLetters.REASON_HEADER, DeadLetters.DETAIL_HEADER);

    private RelayedMessage() {
    }

    /**
     * The properties a relay publishes a delivery with: persistent, the provider named, and the
     * provider's HTTP headers as they came.
     */
    public static AMQP.BasicProperties properties(Source source, Map<String, String> httpHeaders) {
        Map<String, Object> headers = new HashMap<>(httpHeaders);
        headers.put(SOURCE_HEADER, source.wireName());
        String contentType = httpHeaders.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return new AMQP.BasicProperties.Builder().deliveryMode(2).contentType(contentType).headers(headers).build();
    }

    /** What a message says: its provider (if the header names one), and the headers by lower-case name. */
    record Read(Optional<Source> source, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The delivery as the receive use case takes it; the signature is taken out of the headers. */
        ReceiveDeliveryCommand command(byte[] body) {
            Source known = source.orElseThrow();
            Map<String, String> stored = headers.entrySet().stream().filter(h -> !UNSTORED.contains(h.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return new ReceiveDeliveryCommand(known, body, header(DeliveryHeaders.of(known).signature()), stored);
        }

        /** The media type: the provider's Content-Type header, else the message's content_type. */
        String contentType() {
            return header("content-type");
        }

        String contentEncoding() {
            return header("content-encoding");
        }
    }

    static Read read(AMQP.BasicProperties properties) {
        Map<String, String> headers = new HashMap<>();
        if (properties.getHeaders() != null) {
            properties.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    headers.merge(name.toLowerCase(Locale.ROOT), text(value), (a, b) -> a + ", " + b);
                }
            });
        }
        if (properties.getContentType() != null) {
            headers.putIfAbsent("content-type", properties.getContentType());
        }
        if (properties.getContentEncoding() != null) {
            headers.putIfAbsent("content-encoding", properties.getContentEncoding());
        }
        String source = headers.get(SOURCE_HEADER);
        return new Read(source == null ? Optional.empty() : Source.fromWireName(source.trim()), headers);
    }

    /** AMQP header values arrive as long strings (bytes), or as arrays when a relay sends several. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LongString bytes) {
            return new String(bytes.getBytes(), StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof List<?> values) {
            return values.stream().map(RelayedMessage::text).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
