package com.titan.webhooks.domain.signature;

import com.titan.webhooks.domain.Require;
import java.nio.charset.StandardCharsets;

/**
 * A webhook secret as the provider issued it; the whole string (for TitanX including its
 * {@code whsec_} prefix) is the HMAC key.
 */
public record SigningSecret(String value) {

    public SigningSecret {
        Require.nonBlank(value, "value");
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
