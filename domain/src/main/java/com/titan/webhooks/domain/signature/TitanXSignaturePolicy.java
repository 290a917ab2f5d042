package com.titan.webhooks.domain.signature;

import java.util.Base64;
import java.util.List;

/** TitanX: {@code X-TitanX-Signature} = Base64(HMAC-SHA256(secret, raw body)). */
public record TitanXSignaturePolicy() implements SignaturePolicy {

    private static final int MAC_BYTES = 32;

    @Override
    public String sign(byte[] body, SigningSecret secret) {
        return Base64.getEncoder().encodeToString(HmacSha256.of(secret, body));
    }

    @Override
    public SignatureCheck check(byte[] body, String header, List<SigningSecret> secrets) {
        if (header == null || header.isEmpty()) {
            return SignatureCheck.MISSING;
        }
        if (!header.equals(header.strip())) {
            return SignatureCheck.SURROUNDING_WHITESPACE;
        }
        if (header.regionMatches(true, 0, "sha256=", 0, "sha256=".length())) {
            // TitanX sends the bare Base64 MAC; a prefix is TitanCard's scheme
            return SignatureCheck.WRONG_PREFIX;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header);
        } catch (IllegalArgumentException notBase64) {
            return SignatureCheck.WRONG_ENCODING;
        }
        if (presented.length != MAC_BYTES) {
            return SignatureCheck.WRONG_LENGTH;
        }
        return HmacSha256.anySecretProduces(body, presented, secrets);
    }
}
