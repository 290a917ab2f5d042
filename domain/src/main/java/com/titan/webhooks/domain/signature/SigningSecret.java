package com.titan.webhooks.domain.signature;

import com.titan.webhooks.domain.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A webhook secret as the provider issued it; the whole string (for TitanX including its
 * {@code whsec_} prefix) is the HMAC key.
 */
public record SigningSecret(String value) {

    public SigningSecret {
        Require.nonBlank(value, "value");
    }

    /**
     * The first 8 hex digits of the secret's SHA-256: enough to tell two secrets apart in a log
     * line or a metric, and, for a secret of the providers' length, no help in guessing it.
     */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keyBytes()), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    byte[] keyBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Never reveals the secret, so that a logged record or exception cannot leak it. */
    @Override
    public String toString() {
        return "SigningSecret[***]";
    }
}
