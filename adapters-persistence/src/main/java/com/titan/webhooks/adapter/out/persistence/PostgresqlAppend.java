package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A batch of deliveries into the PostgreSQL inbox as one statement: each column travels as one
 * array and {@code unnest} turns them back into rows. A JDBC batch of single-row inserts pays the
 * executor once per row; this pays it once per batch, with one statement text whatever the batch's
 * size, so the server plans it once. Rows come out in the batch's order, so {@code seq} follows it.
 */
final class PostgresqlAppend {

    private static final String INSERT = """
            INSERT INTO inbox_events (id, source, event_type, idempotency_key, occurred_at, received_at, raw_body,
                                      headers, status, attempts, last_error, next_attempt_at,
                                      secret_position, secret_fingerprint)
            SELECT id, source, event_type, idempotency_key, occurred_at, received_at, raw_body,
                   headers, status, 0, last_error, received_at, secret_position, secret_fingerprint
            FROM unnest(:ids, :sources, :types, :keys, :occurred, :received, :bodies, :headers, :statuses, :errors,
                        :positions, :fingerprints)
                 WITH ORDINALITY AS batch(id, source, event_type, idempotency_key, occurred_at, received_at, raw_body,
                                          headers, status, last_error, secret_position, secret_fingerprint, position)
            ORDER BY position
            ON CONFLICT (source, idempotency_key) DO NOTHING
            RETURNING id
            """;

    private PostgresqlAppend() {
    }

    /** Inserts what is new; answers the ids inserted (a delivery missing from them was a duplicate). */
    static Set<String> insert(Handle handle, List<NewDelivery> deliveries) {
        Connection connection = handle.getConnection();
        Query query = handle.createQuery(INSERT);
        bind(query, connection, "ids", "varchar", deliveries, d -> d.id().value());
        bind(query, connection, "sources", "varchar", deliveries, d -> d.source().wireName());
        bind(query, connection, "types", "text", deliveries, d -> d.envelope().map(Envelope::eventType).orElse(null));
        bind(query, connection, "keys", "text", deliveries,
                d -> d.envelope().map(e -> e.idempotencyKey().value()).orElse(null));
        bind(query, connection, "occurred", "int8", deliveries,
                d -> d.envelope().map(e -> e.occurredAt().toEpochMilli()).orElse(null));
        bind(query, connection, "received", "int8", deliveries, d -> d.receivedAt().toEpochMilli());
        bind(query, connection, "bodies", "bytea", deliveries, NewDelivery::body);
        bind(query, connection, "headers", "text", deliveries, d -> StoredEventRow.headersJson(d.headers()));
        bind(query, connection, "statuses", "varchar", deliveries, d -> d.status().wireName());
        bind(query, connection, "errors", "text", deliveries, d -> d.error().orElse(null));
        bind(query, connection, "positions", "int4", deliveries,
                d -> d.secretUsed().map(SecretUsed::position).orElse(null));
        bind(query, connection, "fingerprints", "varchar", deliveries,
                d -> d.secretUsed().map(SecretUsed::fingerprint).orElse(null));
        return new HashSet<>(query.mapTo(String.class).list());
    }

    private static void bind(Query query, Connection connection, String name, String type, List<NewDelivery> deliveries,
                             Function<NewDelivery, Object> column) {
        Object[] values = type.equals("bytea") ? new byte[deliveries.size()][] : new Object[deliveries.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(deliveries.get(i));
            // arrays bypass the argument factories: text gets here what StorableText does to every string
            values[i] = value instanceof String text ? StorableText.storable(text) : value;
        }
        Array array;
        try {
            array = connection.createArrayOf(type, values);
        } catch (SQLException failure) {
            throw new IllegalStateException("a " + type + " array cannot be made", failure);
        }
        query.bind(name, (position, statement, context) -> statement.setArray(position, array));
    }

    /** Whether {@code delivery} was inserted, from what {@link #insert} answered. */
    static boolean inserted(Set<String> ids, NewDelivery delivery) {
        return ids.contains(delivery.id().value());
    }
}
