package com.titan.webhooks.domain.signature;

import java.util.List;
import java.util.Optional;

/**
 * How one provider signs its deliveries: able to sign (the command line and the tests use it) and
 * to verify a signature header against every active secret, so that a secret can be rotated
 * without losing a delivery.
 */
public sealed interface SignaturePolicy permits TitanXSignaturePolicy, TitanCardSignaturePolicy {

    /** The header value this provider would send for {@code body} signed with {@code secret}. */
    String sign(byte[] body, SigningSecret secret);

    /**
     * Checks {@code header} over the exact bytes received. Authentic if any of {@code secrets}
     * produces it; each comparison is constant-time.
     */
    SignatureCheck check(byte[] body, String header, List<SigningSecret> secrets);

    /**
     * Which of {@code secrets} produces {@code header} over {@code body}; empty when none does.
     * Every secret is tried, with no early exit, so that timing does not reveal which one matched.
     */
    default Optional<SecretUsed> secretUsed(byte[] body, String header, List<SigningSecret> secrets) {
        SecretUsed used = null;
        for (int i = 0; i < secrets.size(); i++) {
            boolean valid = check(body, header, List.of(secrets.get(i))).isValid();
            if (valid && used == null) {
                used = new SecretUsed(i + 1, secrets.get(i).fingerprint());
            }
        }
        return Optional.ofNullable(used);
    }

}
