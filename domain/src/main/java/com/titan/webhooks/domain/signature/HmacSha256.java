package com.titan.webhooks.domain.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over raw bytes, and the constant-time comparison every policy uses. */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";
    // Mac.getInstance walks the provider list; one instance per thread keeps it off the hot path.
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(HmacSha256::newMac);

    private HmacSha256() {
    }

    static byte[] of(SigningSecret secret, byte[] body) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(secret.keyBytes(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 rejected the key", e);
        }
        return mac.doFinal(body);
    }

    /** Constant-time in the content of the arrays (MessageDigest.isEqual is, since Java 6u17). */
    static boolean sameBytes(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /** A decoded MAC is authentic if any active secret produces it. */
    static SignatureCheck anySecretProduces(byte[] body, byte[] presented, List<SigningSecret> secrets) {
        boolean matched = false;
        for (SigningSecret secret : secrets) {
            // no early exit: every secret is tried, so timing does not reveal which one matched
            matched |= sameBytes(of(secret, body), presented);
        }
        return matched ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
