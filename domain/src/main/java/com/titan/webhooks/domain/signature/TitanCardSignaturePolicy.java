package com.titan.webhooks.domain.signature;

import java.util.HexFormat;
import java.util.List;

/**
 * TitanCard: {@code X-Webhook-Signature} = {@code sha256=} followed by the hex HMAC-SHA256(secret,
 * raw body). The documentation shows lowercase hex; either case is accepted.
 */
public record TitanCardSignaturePolicy() implements SignaturePolicy {

    private static final String PREFIX = "sha256=";
    private static final int HEX_CHARS = 64;

    @Override
    public String sign(byte[] body, SigningSecret secret) {
        return PREFIX + HexFormat.of().formatHex(HmacSha256.of(secret, body));
    }

    @Override
    public SignatureCheck check(byte[] body, String header, List<SigningSecret> secrets) {
        if (header == null || header.isEmpty()) {
            return SignatureCheck.MISSING;
        }
        if (!header.equals(header.strip())) {
            return SignatureCheck.SURROUNDING_WHITESPACE;
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return SignatureCheck.WRONG_PREFIX;
        }
        String hex = header.substring(PREFIX.length());
        if (!isHex(hex)) {
            return SignatureCheck.WRONG_ENCODING;
        }
        if (hex.length() != HEX_CHARS) {
            return SignatureCheck.WRONG_LENGTH;
        }
        return HmacSha256.anySecretProduces(body, HexFormat.of().parseHex(hex), secrets);
    }

    private static boolean isHex(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
