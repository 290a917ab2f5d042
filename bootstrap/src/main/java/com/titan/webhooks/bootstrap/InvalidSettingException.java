package com.titan.webhooks.bootstrap;

/** A configuration value the service cannot start with; the message is the one line the operator sees. */
public final class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
