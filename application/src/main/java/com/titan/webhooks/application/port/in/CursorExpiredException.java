package com.titan.webhooks.application.port.in;

/** The changes after a cursor were deleted by retention: the reader must resync from the lists. */
public class CursorExpiredException extends RuntimeException {

    public CursorExpiredException(String message) {
        super(message);
    }
}
