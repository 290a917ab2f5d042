package com.titan.webhooks.adapter.in.http;

import java.io.IOException;

/** The client stopped sending its body (timeout or reset); answered 408 so that it retries. */
final class BodyUnreadableException extends RuntimeException {

    BodyUnreadableException(IOException cause) {
        super("the request body could not be read", cause);
    }
}
