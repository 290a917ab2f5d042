package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.Source;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One delivery as the transport received it: the raw body, unparsed, the signature header's value
 * (null when absent) and the other headers, kept on the stored event for inspection.
 */
public record ReceiveDeliveryCommand(Source source, byte[] body, String signature, Map<String, String> headers) {

    public ReceiveDeliveryCommand {
        Require.nonNull(source, "source");
        Require.nonNull(body, "body");
        // header names are case-insensitive: kept in lower case; the signature never travels with the others
        TreeMap<String, String> copy = new TreeMap<>();
        Require.nonNull(headers, "headers").forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), value));
        copy.remove(DeliveryHeaders.of(source).signature().toLowerCase(Locale.ROOT));
        headers = Map.copyOf(copy);
    }

    /** A header's value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The signature is a credential: never in a log line. */
    @Override
    public String toString() {
        return "ReceiveDeliveryCommand[source=" + source.wireName() + ", bytes=" + body.length + "]";
    }

    /**
     * Whether a delivery's media type is one the service takes: JSON ({@code application/json} or
     * {@code application/*+json}). Every transport checks it before the use case sees the body.
     */
    public static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** Only the body as sent: a compressed one would be verified and stored as something else. */
    public static boolean isIdentity(String contentEncoding) {
        return contentEncoding == null || contentEncoding.isBlank() || contentEncoding.strip().equalsIgnoreCase("identity");
    }
}
