package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.mapper.RowMapper;

/** Maps between an {@code inbox_events} row and a {@link StoredEvent}. */
final class StoredEventRow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> HEADERS = new TypeReference<>() {
    };

    /** The columns {@link #MAPPER} reads. */
    static final String COLUMNS = "id, source, event_type, idempotency_key, occurred_at, received_at, raw_body, "
            + "headers, status, attempts, last_error, secret_position, secret_fingerprint";

    static final RowMapper<StoredEvent> MAPPER = StoredEventRow::map;

    private StoredEventRow() {
    }

    private static StoredEvent map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long occurredAt = rs.getLong("occurred_at");
        boolean hasOccurredAt = !rs.wasNull();
        int secretPosition = rs.getInt("secret_position");
        Optional<SecretUsed> secretUsed = rs.wasNull() ? Optional.empty()
                : Optional.of(new SecretUsed(secretPosition, rs.getString("secret_fingerprint")));
        return new StoredEvent(
                new EventId(rs.getString("id")),
                Source.fromWireName(rs.getString("source")).orElseThrow(),
                Optional.ofNullable(rs.getString("event_type")),
                Optional.ofNullable(rs.getString("idempotency_key")).map(IdempotencyKey::new),
                hasOccurredAt ? Optional.of(Instant.ofEpochMilli(occurredAt)) : Optional.empty(),
                Instant.ofEpochMilli(rs.getLong("received_at")),
                rs.getBytes("raw_body"),
                headers(rs.getString("headers")),
                ProcessingStatus.fromWireName(rs.getString("status")).orElseThrow(),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")),
                secretUsed);
    }

    static String headersJson(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers cannot be written as JSON", e);
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return JSON.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
    }
}
