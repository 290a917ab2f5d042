package com.titan.webhooks.application.port.in;

/** As many readers wait for changes as the service allows; the caller should retry shortly. */
public class TooManyWaitersException extends RuntimeException {

    public TooManyWaitersException(String message) {
        super(message);
    }
}
