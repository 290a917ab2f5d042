package com.titan.webhooks.adapter.in.http;

/** A query parameter the API cannot use; answered 400 with what is wrong. */
public final class InvalidParameterException extends RuntimeException {

    public InvalidParameterException(String detail) {
        super(detail);
    }
}
