package com.titan.webhooks.domain.signature;

/**
 * The verdict on one signature header, precise enough to tell an integrator why a delivery was
 * rejected. Only {@link #VALID} is authentic; every other verdict is answered the same way (401)
 * so that the endpoint reveals nothing to an attacker.
 */
public enum SignatureCheck {
    VALID("the signature verifies"),
    MISSING("the signature header is missing or empty"),
    SURROUNDING_WHITESPACE("the signature has leading or trailing whitespace"),
    WRONG_PREFIX("the signature does not start with the provider's prefix"),
    WRONG_ENCODING("the signature is not in the provider's encoding"),
    WRONG_LENGTH("the signature decodes to the wrong number of bytes for HMAC-SHA256"),
    MISMATCH("the signature is well-formed but no configured secret produces it");

    private final String explanation;

    SignatureCheck(String explanation) {
        this.explanation = explanation;
    }

    public boolean isValid() {
        return this == VALID;
    }

    public String explanation() {
        return explanation;
    }
}
