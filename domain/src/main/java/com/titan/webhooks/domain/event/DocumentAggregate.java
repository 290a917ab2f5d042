package com.titan.webhooks.domain.event;

/**
 * An aggregate whose whole state is one record, its document: it hands the document out and is
 * rebuilt from it (its reconstitution factory takes the document and the stored version). Such an
 * aggregate needs no table, store, snapshot or response of its own: it is stored, recorded in the
 * change feed and shown there as its document. The document is made of records, strings, numbers,
 * booleans, enums, UUIDs, times ({@code Instant} and the like), lists, sets and maps (keyed by text,
 * an enum, an {@code Integer} or a {@code Long}) of those, so that any store can keep it and read it
 * back; registering one with anything else fails the boot. Its lists and maps are copies, never the
 * aggregate's own.
 *
 * @param <A> the aggregate itself
 * @param <D> its document
 */
public interface DocumentAggregate<A extends DocumentAggregate<A, D>, D extends Record> extends Aggregate<A> {

    /** Its id, as its events name it. */
    String id();

    /** Its whole state, from which its reconstitution rebuilds an equal aggregate. */
    D document();

    /** Whether it is a tombstone; a change that makes it one is a {@code delete}. Most never are. */
    default boolean isDeleted() {
        return false;
    }
}
