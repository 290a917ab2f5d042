package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Appends deliveries to the inbox in PostgreSQL or SQLite, a batch per transaction, for
 * {@link GroupCommittingInbox}. Uniqueness of (source, idempotency key) is a constraint of the
 * table; an append that loses the race reads the winner's id. Not the {@code Inbox} port itself:
 * that is {@link GroupCommittingInbox}, which gathers concurrent appends into these batches.
 */
final class JdbiInbox {

    private static final String INSERT = """
            INSERT INTO inbox_events (id, source, event_type, idempotency_key, occurred_at, received_at, raw_body,
                                      headers, status, attempts, last_error, next_attempt_at,
                                      secret_position, secret_fingerprint)
            VALUES (:id, :source, :eventType, :key, :occurredAt, :receivedAt, :rawBody,
                    :headers, :status, 0, :error, :receivedAt, :secretPosition, :secretFingerprint)
            ON CONFLICT (source, idempotency_key) DO NOTHING
            """;
    private static final String FIRST_DELIVERY =
            "SELECT id FROM inbox_events WHERE source = :source AND idempotency_key = :key";

    private final JdbiTransactions transactions;
    private final Dialect dialect;

    /** Whether the calling thread is inside a unit of work, which an append must not join. */
    boolean callerInUnitOfWork() {
        return transactions.inUnitOfWork();
    }

    JdbiInbox(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    /**
     * Appends many deliveries in one transaction: one round trip and one commit for all of them
     * (on PostgreSQL one statement, see {@link PostgresqlAppend}; on SQLite, in process, a JDBC
     * batch). A row the unique constraint turned away is a duplicate, of an earlier delivery or of
     * one earlier in the same batch; its first id is then read back.
     */
    List<Appended> appendAll(List<NewDelivery> deliveries) {
        if (dialect == Dialect.POSTGRESQL) {
            return transactions.inTransaction(handle -> {
                Set<String> inserted = PostgresqlAppend.insert(handle, deliveries);
                List<Appended> answers = new ArrayList<>(deliveries.size());
                for (NewDelivery delivery : deliveries) {
                    answers.add(PostgresqlAppend.inserted(inserted, delivery) ? new Appended(delivery.id(), false)
                            : firstDelivery(handle, delivery));
                }
                return answers;
            });
        }
        return transactions.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (NewDelivery delivery : deliveries) {
                bindDelivery(batch, delivery).add();
            }
            int[] inserted = batch.execute();
            List<Appended> answers = new ArrayList<>(deliveries.size());
            for (int i = 0; i < deliveries.size(); i++) {
                NewDelivery delivery = deliveries.get(i);
                answers.add(inserted[i] == 0 ? firstDelivery(handle, delivery) : new Appended(delivery.id(), false));
            }
            return answers;
        });
    }

    private static PreparedBatch bindDelivery(PreparedBatch batch, NewDelivery delivery) {
        Optional<Envelope> envelope = delivery.envelope();
        return batch
                .bind("id", delivery.id().value())
                .bind("source", delivery.source().wireName())
                .bind("eventType", envelope.map(Envelope::eventType).orElse(null))
                .bind("key", envelope.map(e -> e.idempotencyKey().value()).orElse(null))
                .bind("occurredAt", envelope.map(e -> e.occurredAt().toEpochMilli()).orElse(null))
                .bind("receivedAt", delivery.receivedAt().toEpochMilli())
                .bind("rawBody", delivery.body())
                .bind("headers", StoredEventRow.headersJson(delivery.headers()))
                .bind("status", delivery.status().wireName())
                .bind("error", delivery.error().orElse(null))
                .bind("secretPosition", delivery.secretUsed().map(SecretUsed::position).orElse(null))
                .bind("secretFingerprint", delivery.secretUsed().map(SecretUsed::fingerprint).orElse(null));
    }

    private static Appended firstDelivery(Handle handle, NewDelivery delivery) {
        String first = handle.createQuery(FIRST_DELIVERY)
                .bind("source", delivery.source().wireName())
                .bind("key", delivery.envelope().orElseThrow().idempotencyKey().value())
                .mapTo(String.class)
                .one();
        return new Appended(new EventId(first), true);
    }
}
