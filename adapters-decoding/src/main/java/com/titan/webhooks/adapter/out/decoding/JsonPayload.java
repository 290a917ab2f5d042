package com.titan.webhooks.adapter.out.decoding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.domain.Require;
import java.io.IOException;
import java.time.Instant;

/**
 * Strict reading of a provider's JSON: duplicate keys, trailing content, absurd nesting or
 * number lengths make a body malformed rather than ambiguous.
 */
final class JsonPayload {

    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxNumberLength(100).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonPayload() {
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new MalformedPayloadException("the body is empty");
        }
        try {
            JsonNode root = STRICT.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedPayloadException("the body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException notJson) {
            throw new MalformedPayloadException(reason(notJson));
        } catch (IOException unreadable) {
            throw new MalformedPayloadException("the body is not valid JSON");
        }
    }

    static String requiredText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedPayloadException(path + " is missing");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new MalformedPayloadException(path + " must be a non-empty string");
        }
        return node.asText();
    }

    /**
     * The last millisecond of year 9999: later ones print as {@code +10000-...}, which is no RFC 3339
     * time (the API's and the console's format), and would win every field of an aggregate forever.
     */
    static final long LATEST_MILLIS = 253_402_300_799_999L;

    /** Whether {@code node} is milliseconds since the epoch that name a time from 1970 to year 9999. */
    static boolean isMillis(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0
                && node.asLong() <= LATEST_MILLIS;
    }

    /** A provider timestamp: an integral number of milliseconds since the epoch, up to year 9999. */
    static Instant requiredMillis(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedPayloadException(path + " is missing");
        }
        if (!isMillis(node)) {
            throw new MalformedPayloadException(path + " must be a non-negative integer of milliseconds, up to the end"
                    + " of year 9999");
        }
        return Instant.ofEpochMilli(node.asLong());
    }

    static JsonNode requiredObject(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedPayloadException(path + " is missing");
        }
        if (!node.isObject()) {
            throw new MalformedPayloadException(path + " must be an object");
        }
        return node;
    }

    /** An identifier the provider may send as a string or a number. */
    static String requiredId(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node != null && (node.isTextual() && !node.asText().isBlank() || node.isIntegralNumber())) {
            String problem = Require.identifierProblem(node.asText());
            if (problem != null) {
                throw new MalformedPayloadException(path + " " + problem);
            }
            return node.asText();
        }
        throw new MalformedPayloadException(path + " is missing or not a string");
    }

    /**
     * The text of a scalar field: strings as they are, numbers and booleans as their JSON text,
     * nested values as JSON; a time field's milliseconds become an ISO-8601 instant.
     */
    static String scalar(JsonNode node, boolean time) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (time && isMillis(node)) {
            return Instant.ofEpochMilli(node.asLong()).toString();
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return node.toString();
    }

    /**
     * Why the parser refused the body, in the service's own words and a position: the parser's
     * message quotes pieces of the body and names its own classes, and this text is answered to
     * the sender and kept as the event's last error.
     */
    private static String reason(JsonProcessingException notJson) {
        String what;
        if (notJson instanceof StreamConstraintsException) {
            what = "the body is nested too deeply or holds too long a number";
        } else if (notJson instanceof MismatchedInputException) {
            what = "the body holds more than one JSON value";
        } else if (notJson.getOriginalMessage() != null && notJson.getOriginalMessage().startsWith("Duplicate field")) {
            what = "the body holds a key twice in one object";
        } else {
            what = "the body is not valid JSON";
        }
        JsonLocation at = notJson.getLocation();
        return at == null || at.getLineNr() < 1 ? what : what + " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
    }
}
