package com.titan.webhooks.domain.delivery;

import com.titan.webhooks.domain.signature.SignaturePolicy;
import com.titan.webhooks.domain.signature.TitanCardSignaturePolicy;
import com.titan.webhooks.domain.signature.TitanXSignaturePolicy;
import java.util.Arrays;
import java.util.Optional;

/**
 * A provider whose webhooks the service receives, with the way it signs them. Which headers carry
 * what is the transports' business ({@code DeliveryHeaders} in the application's inbound port).
 */
public enum Source {
    TITANX("titanx", new TitanXSignaturePolicy()),
    TITANCARD("titancard", new TitanCardSignaturePolicy());

    private final String wireName;
    private final SignaturePolicy signaturePolicy;

    Source(String wireName, SignaturePolicy signaturePolicy) {
        this.wireName = wireName;
        this.signaturePolicy = signaturePolicy;
    }

    /** The lower-case name used in URLs, storage and metrics. */
    public String wireName() {
        return wireName;
    }

    public SignaturePolicy signaturePolicy() {
        return signaturePolicy;
    }

    public static Optional<Source> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
