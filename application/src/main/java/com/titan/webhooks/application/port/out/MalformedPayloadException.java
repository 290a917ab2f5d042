package com.titan.webhooks.application.port.out;

/** An authentic body that is not what the provider documents; the message says what is wrong. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String detail) {
        super(detail);
    }
}
