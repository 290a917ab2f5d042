package com.titan.webhooks.domain.signature;

import com.titan.webhooks.domain.Require;
import java.util.regex.Pattern;

/**
 * Which configured secret verified a delivery: its position in the provider's list (1 for the
 * first) and its {@linkplain SigningSecret#fingerprint() fingerprint}, never the secret. During a
 * rotation this is how an operator sees that the old secret is no longer used.
 */
public record SecretUsed(int position, String fingerprint) {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{8}");

    public SecretUsed {
        if (position < 1) {
            throw new IllegalArgumentException("position must be 1 or more");
        }
        Require.nonNull(fingerprint, "fingerprint");
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("fingerprint must be 8 lowercase hex digits");
        }
    }
}
