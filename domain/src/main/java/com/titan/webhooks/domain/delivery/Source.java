package com.titan.webhooks.domain.delivery;

import com.titan.webhooks.domain.signature.SignaturePolicy;
import com.titan.webhooks.domain.signature.TitanCardSignaturePolicy;
import com.titan.webhooks.domain.signature.TitanXSignaturePolicy;
import java.util.Arrays;
import java.util.Optional;

/** A provider whose webhooks the service receives, with the way it signs them. */
public enum Source {
    TITANX("titanx", new TitanXSignaturePolicy(), "X-TitanX-Signature", null),
    TITANCARD("titancard", new TitanCardSignaturePolicy(), "X-Webhook-Signature", "X-Webhook-Event");

    private final String wireName;
    private final SignaturePolicy signaturePolicy;
    private final String signatureHeader;
    private final String eventTypeHeader;

    Source(String wireName, SignaturePolicy signaturePolicy, String signatureHeader, String eventTypeHeader) {
        this.wireName = wireName;
        this.signaturePolicy = signaturePolicy;
        this.signatureHeader = signatureHeader;
        this.eventTypeHeader = eventTypeHeader;
    }

    /** The header that carries the signature; it is never stored or logged. */
    public String signatureHeader() {
        return signatureHeader;
    }

    /**
     * The unsigned header in which the provider repeats the event type, if it does. Only the
     * signed body is trusted; a header that disagrees is recorded, not followed.
     */
    public Optional<String> eventTypeHeader() {
        return Optional.ofNullable(eventTypeHeader);
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
