package com.titan.webhooks.domain.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Vectors computed outside this code base, with OpenSSL 3:
 * <pre>
 * printf '%s' "$CARD_BODY" | openssl dgst -sha256 -hmac 'whsec_card_secret'
 * printf '%s' "$CARD_BODY" | openssl dgst -sha256 -hmac 'whsec_card_next'
 * printf '%s' "$X_BODY" | openssl dgst -sha256 -hmac 'whsec_x_secret' -binary | base64
 * </pre>
 */
class SignaturePolicyTest {

    private static final byte[] CARD_BODY = ("{\"event\":\"connection.created\",\"timestamp\":1705420800000,"
            + "\"data\":{\"id\":\"j57xyz789ghi\"}}").getBytes(StandardCharsets.UTF_8);
    private static final String CARD_HEX = "819ff0f7ca4dfb8fb956280b78e758a99d167c22013850f74777aba18e773b26";
    private static final String CARD_HEX_NEXT_SECRET = "8929506e0db478f6bc3dd9358fd7c0dd90a07e9435d1b68d46a35866ba83b0e5";
    private static final byte[] X_BODY = ("{\"payload\":{\"id\":\"c-1\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"},"
            + "\"eventType\":\"job.contact.scored\",\"timestamp\":1705318200000,\"apiVersion\":\"v2\","
            + "\"id\":\"7a8b9c0d-1e2f-3a4b-5c6d-7e8f9a0b1c2d\"}").getBytes(StandardCharsets.UTF_8);
    private static final String X_BASE64 = "KdDfWmIkLJOhacsKwRrvvY3m/QdBQTjpbk1hGe52DJ8=";

    private static final SigningSecret CARD_SECRET = new SigningSecret("whsec_card_secret");
    private static final SigningSecret CARD_NEXT = new SigningSecret("whsec_card_next");
    private static final SigningSecret X_SECRET = new SigningSecret("whsec_x_secret");

    private final TitanCardSignaturePolicy card = new TitanCardSignaturePolicy();
    private final TitanXSignaturePolicy titanX = new TitanXSignaturePolicy();

    @Test
    void titanCard_sign_matchesOpenssl() {
        assertEquals("sha256=" + CARD_HEX, card.sign(CARD_BODY, CARD_SECRET));
    }

    @Test
    void titanX_sign_matchesOpenssl() {
        assertEquals(X_BASE64, titanX.sign(X_BODY, X_SECRET));
    }

    @Test
    void titanCard_opensslSignature_verifies() {
        assertEquals(SignatureCheck.VALID, card.check(CARD_BODY, "sha256=" + CARD_HEX, List.of(CARD_SECRET)));
    }

    @Test
    void titanCard_upperCaseHex_verifies() {
        assertEquals(SignatureCheck.VALID, card.check(CARD_BODY, "sha256=" + CARD_HEX.toUpperCase(), List.of(CARD_SECRET)));
    }

    @Test
    void titanCard_duringRotation_eitherSecretVerifies() {
        List<SigningSecret> both = List.of(CARD_SECRET, CARD_NEXT);
        assertEquals(SignatureCheck.VALID, card.check(CARD_BODY, "sha256=" + CARD_HEX, both));
        assertEquals(SignatureCheck.VALID, card.check(CARD_BODY, "sha256=" + CARD_HEX_NEXT_SECRET, both));
        assertEquals(SignatureCheck.MISMATCH, card.check(CARD_BODY, "sha256=" + CARD_HEX_NEXT_SECRET, List.of(CARD_SECRET)));
    }

    @Test
    void titanCard_duringRotation_tellsWhichSecretVerified_byPositionAndFingerprint() {
        // fingerprints: printf '%s' whsec_card_secret | openssl dgst -sha256, first 8 hex digits
        List<SigningSecret> both = List.of(CARD_SECRET, CARD_NEXT);
        assertEquals(Optional.of(new SecretUsed(1, "ad9a08ba")), card.secretUsed(CARD_BODY, "sha256=" + CARD_HEX, both));
        assertEquals(Optional.of(new SecretUsed(2, "d0d87160")),
                card.secretUsed(CARD_BODY, "sha256=" + CARD_HEX_NEXT_SECRET, both));
        assertEquals(Optional.empty(), card.secretUsed(CARD_BODY, "sha256=" + CARD_HEX_NEXT_SECRET, List.of(CARD_SECRET)));
        assertEquals(Optional.empty(), card.secretUsed(CARD_BODY, null, both));
    }

    @Test
    void titanCard_oneChangedByte_isAMismatch() {
        byte[] tampered = CARD_BODY.clone();
        tampered[tampered.length - 3] = 'X';
        assertEquals(SignatureCheck.MISMATCH, card.check(tampered, "sha256=" + CARD_HEX, List.of(CARD_SECRET)));
    }

    @Test
    void titanCard_malformedHeaders_sayWhy() {
        List<SigningSecret> secrets = List.of(CARD_SECRET);
        assertEquals(SignatureCheck.MISSING, card.check(CARD_BODY, null, secrets));
        assertEquals(SignatureCheck.MISSING, card.check(CARD_BODY, "", secrets));
        assertEquals(SignatureCheck.SURROUNDING_WHITESPACE, card.check(CARD_BODY, " sha256=" + CARD_HEX, secrets));
        assertEquals(SignatureCheck.WRONG_PREFIX, card.check(CARD_BODY, CARD_HEX, secrets));
        assertEquals(SignatureCheck.WRONG_PREFIX, card.check(CARD_BODY, "sha1=" + CARD_HEX, secrets));
        assertEquals(SignatureCheck.WRONG_ENCODING, card.check(CARD_BODY, "sha256=" + X_BASE64, secrets));
        assertEquals(SignatureCheck.WRONG_LENGTH, card.check(CARD_BODY, "sha256=" + CARD_HEX.substring(2), secrets));
    }

    @Test
    void titanX_opensslSignature_verifies() {
        assertEquals(SignatureCheck.VALID, titanX.check(X_BODY, X_BASE64, List.of(X_SECRET)));
    }

    @Test
    void titanX_malformedHeaders_sayWhy() {
        List<SigningSecret> secrets = List.of(X_SECRET);
        assertEquals(SignatureCheck.MISSING, titanX.check(X_BODY, null, secrets));
        assertEquals(SignatureCheck.SURROUNDING_WHITESPACE, titanX.check(X_BODY, X_BASE64 + "\n", secrets));
        assertEquals(SignatureCheck.WRONG_ENCODING, titanX.check(X_BODY, "not*base64!", secrets));
        assertEquals(SignatureCheck.WRONG_PREFIX, titanX.check(X_BODY, "sha256=" + CARD_HEX, secrets));
        assertEquals(SignatureCheck.WRONG_LENGTH, titanX.check(X_BODY, "AAAA", secrets));
        assertEquals(SignatureCheck.MISMATCH, titanX.check(X_BODY, X_BASE64, List.of(CARD_SECRET)));
    }

    @Test
    void secret_toString_hidesTheValue() {
        assertEquals("SigningSecret[***]", X_SECRET.toString());
    }
}
