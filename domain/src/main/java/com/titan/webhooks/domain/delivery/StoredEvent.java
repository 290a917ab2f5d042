package com.titan.webhooks.domain.delivery;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery as the inbox keeps it: the raw body byte for byte, the delivery headers without
 * the signature, and where it is in processing. {@code eventType} and {@code occurredAt} are empty
 * only for a malformed delivery, whose envelope could not be read. {@code secretUsed} is empty only
 * for events stored before it was recorded.
 */
public record StoredEvent(
        EventId id,
        Source source,
        Optional<String> eventType,
        Optional<IdempotencyKey> idempotencyKey,
        Optional<Instant> occurredAt,
        Instant receivedAt,
        byte[] rawBody,
        Map<String, String> headers,
        ProcessingStatus status,
        int attempts,
        Optional<String> lastError,
        Optional<SecretUsed> secretUsed) {

    public StoredEvent {
        Require.nonNull(id, "id");
        Require.nonNull(source, "source");
        Require.nonNull(eventType, "eventType");
        Require.nonNull(idempotencyKey, "idempotencyKey");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(receivedAt, "receivedAt");
        Require.nonNull(rawBody, "rawBody");
        headers = Map.copyOf(headers);
        Require.nonNull(status, "status");
        Require.nonNull(lastError, "lastError");
        Require.nonNull(secretUsed, "secretUsed");
    }

    @Override
    public byte[] rawBody() {
        return rawBody.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent that
                && id.equals(that.id) && source == that.source && eventType.equals(that.eventType)
                && idempotencyKey.equals(that.idempotencyKey) && occurredAt.equals(that.occurredAt)
                && receivedAt.equals(that.receivedAt) && Arrays.equals(rawBody, that.rawBody)
                && headers.equals(that.headers) && status == that.status && attempts == that.attempts
                && lastError.equals(that.lastError) && secretUsed.equals(that.secretUsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source, eventType, idempotencyKey, occurredAt, status, attempts);
    }

    /** The body is personal data and potentially large: never in a log line. */
    @Override
    public String toString() {
        return "StoredEvent[id=" + id + ", source=" + source.wireName() + ", type=" + eventType.orElse("?")
                + ", status=" + status.wireName() + ", attempts=" + attempts + "]";
    }
}
