package com.titan.webhooks.application.port;

/** The store cannot be reached or failed; the operation did not happen and may be retried. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
