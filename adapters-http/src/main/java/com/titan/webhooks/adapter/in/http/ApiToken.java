package com.titan.webhooks.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The query API's credential: {@code Authorization: Bearer <API_TOKEN>}, the scheme in any case
 * (RFC 9110, 11.1), the token compared in constant time. Without a configured token nothing is admitted.
 */
public final class ApiToken {

    private static final String SCHEME = "bearer";

    private final Optional<byte[]> token;

    public ApiToken(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code authorization}, the header's value (null when absent), carries the token. */
    boolean admits(String authorization) {
        if (token.isEmpty() || authorization == null) {
            return false;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return false;
        }
        byte[] presented = value.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token.get(), presented);
    }
}
