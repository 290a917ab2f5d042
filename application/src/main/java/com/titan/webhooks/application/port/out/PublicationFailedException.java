package com.titan.webhooks.application.port.out;

/** A destination did not confirm the changes published to it; they are published again. */
public class PublicationFailedException extends RuntimeException {

    public PublicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
