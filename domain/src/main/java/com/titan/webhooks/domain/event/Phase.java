package com.titan.webhooks.domain.event;

/**
 * Where an event stands in its aggregate's lifecycle, which decides between two events that carry
 * the same timestamp: a creation comes first, a deletion last, every other change in between.
 * Providers stamp in milliseconds, and a connection created and tagged in the same millisecond is
 * common; this order is what a person reading the two events would expect.
 */
public enum Phase {
    CREATION,
    CHANGE,
    DELETION
}
