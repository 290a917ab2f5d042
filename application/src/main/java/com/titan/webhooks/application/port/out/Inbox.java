package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.StoreUnavailableException;
import java.util.concurrent.CompletionStage;

/**
 * Outbound port: the durable inbox that receiving appends every verified delivery to. It keeps one
 * event per (source, idempotency key), enforced by the store itself so that concurrent duplicates
 * cannot both win. The worker takes the appended events through {@link PendingEvents}; operators
 * read them through {@link StoredEvents}.
 */
public interface Inbox {

    /**
     * Stores a delivery; the answer completes only once it is committed. For a key already stored,
     * stores nothing and answers the first delivery's id with {@code duplicate = true}. Fails with
     * {@link StoreUnavailableException} if the store cannot take it, in which case nothing was
     * written. Asynchronous so that an implementation may commit many deliveries at once.
     *
     * <p>An append commits on its own, never as part of a unit of work of {@link Transactions}:
     * called inside one, it throws {@link IllegalStateException} at once and stores nothing. A group
     * commit cannot join the caller's unit of work, and on a store of one connection it would wait
     * for the very connection that unit of work holds.
     */
    CompletionStage<Appended> append(NewDelivery delivery);
}
