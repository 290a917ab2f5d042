package com.titan.webhooks.application.port;

/**
 * The state of one aggregate as its own route serves it, at one moment: what a change record
 * holds before and after the change. A connection's includes what points at it (its reminders and
 * the linked lead status), because its route serves those too.
 */
public interface AggregateSnapshot {

    AggregateType type();

    /** The aggregate's id as in its route. */
    String id();

    /** Whether the aggregate is deleted (a tombstone) in this state. */
    boolean deleted();
}
