package com.titan.webhooks.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API's credential: {@code Authorization: Bearer <API_TOKEN>}, the scheme in any case
 * (RFC 9110, 11.1), the token compared in constant time. Without a configured token nothing is admitted.
 */
public final class ApiToken {

    private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);
    private static final String SCHEME = "bearer";

    private final Optional<byte[]> token;

    public ApiToken(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** Logs who was refused and why, for the operator; never the presented token. */
    void logRefusal(String method, String path, String authorization) {
        LOG.atWarn().addKeyValue("method", method).addKeyValue("path", printable(path))
                .addKeyValue("reason", token.isEmpty() ? "no API_TOKEN configured"
                        : authorization == null ? "no Authorization header"
                        : authorization.strip().regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)
                                ? "wrong token" : "not a Bearer token")
                .log("refused an API request");
    }

    /** The path is the caller's text: no control characters (a forged log line), and not too long. */
    private static String printable(String path) {
        String shown = path.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 200 ? shown : shown.substring(0, 200) + "...";
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
