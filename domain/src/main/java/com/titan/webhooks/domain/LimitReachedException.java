package com.titan.webhooks.domain;

/**
 * An event would make an aggregate hold more than it may: refused before it costs memory and
 * storage on every later load. The same event is refused on every attempt, so it is parked at
 * once, for an operator to look at.
 */
public final class LimitReachedException extends RuntimeException {

    public LimitReachedException(String message) {
        super(message);
    }
}
