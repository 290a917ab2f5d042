package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A verified delivery about to enter the inbox. {@code envelope} is empty for a malformed one,
 * which is kept with its {@code error} but takes part in no deduplication. {@code secretUsed} says
 * which configured secret verified it (empty only when read back from an older spool file).
 */
public record NewDelivery(EventId id, Source source, Optional<Envelope> envelope, Instant receivedAt, byte[] body,
                          Map<String, String> headers, ProcessingStatus status, Optional<String> error,
                          Optional<SecretUsed> secretUsed) {

    public NewDelivery {
        Require.nonNull(id, "id");
        Require.nonNull(source, "source");
        Require.nonNull(envelope, "envelope");
        Require.nonNull(receivedAt, "receivedAt");
        Require.nonNull(body, "body");
        headers = Map.copyOf(headers);
        Require.nonNull(status, "status");
        Require.nonNull(error, "error");
        Require.nonNull(secretUsed, "secretUsed");
    }

    @Override
    public String toString() {
        return "NewDelivery[id=" + id + ", source=" + source.wireName() + ", status=" + status.wireName() + "]";
    }
}
