package com.titan.webhooks.domain.delivery;

import com.titan.webhooks.domain.Require;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two deliveries "the same event" for a source; the store keeps one event per
 * (source, key). It also breaks ties between events with equal timestamps, because it does not
 * depend on the order in which they arrive.
 */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        Require.nonBlank(value, "value");
    }

    /**
     * TitanX documents its envelope {@code id} (a UUID per event) as the idempotency key. An id no
     * store could index (too long, or holding control characters) is still authentic and must
     * still count once: it is keyed by its SHA-256 instead, which a retry reproduces.
     */
    public static IdempotencyKey ofTitanXEventId(String envelopeId) {
        if (Require.identifierProblem(envelopeId) == null) {
            return new IdempotencyKey(envelopeId);
        }
        // hashed as its UTF-16 code units, not as UTF-8, which turns every lone surrogate into the same "?"
        ByteBuffer codeUnits = ByteBuffer.allocate(envelopeId.length() * 2);
        envelopeId.chars().forEach(c -> codeUnits.putChar((char) c));
        return new IdempotencyKey("sha256:" + sha256Hex(codeUnits.array()));
    }

    /**
     * TitanCard's documentation suggests the event timestamp, but two different events can share a
     * millisecond, and a retry resends exactly the same bytes with the same timestamp. The SHA-256
     * of the raw body therefore identifies an event without ever merging two different ones.
     */
    public static IdempotencyKey ofTitanCardBody(byte[] rawBody) {
        return new IdempotencyKey(sha256Hex(rawBody));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
