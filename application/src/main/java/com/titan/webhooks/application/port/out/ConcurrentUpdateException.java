package com.titan.webhooks.application.port.out;

/** Another worker saved the same aggregate first; the whole unit of work is retried. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
