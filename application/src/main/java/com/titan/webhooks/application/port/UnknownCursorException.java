package com.titan.webhooks.application.port;

/**
 * A cursor or position this service never issued: the caller's mistake, answered as such. Thrown
 * by name, so that an {@link IllegalArgumentException} from anywhere else stays what it is, a bug.
 */
public class UnknownCursorException extends RuntimeException {

    public UnknownCursorException() {
        super("cursor is not one this service issued");
    }
}
