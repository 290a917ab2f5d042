package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.delivery.Source;
import java.util.Optional;

/**
 * The headers a provider's delivery carries besides its body, by name: where its signature is,
 * and where it repeats the event type unsigned. They are the providers' HTTP contract, which every
 * transport relays as HTTP sent it, so the transports and the receive use case share them here;
 * the domain knows providers by their signing, not by their headers.
 *
 * @param signature the header that carries the signature; it is never stored or logged
 * @param eventType the unsigned header in which the provider repeats the event type, if it does:
 *                  only the signed body is trusted, and a header that disagrees is recorded
 */
public record DeliveryHeaders(String signature, Optional<String> eventType) {

    public static DeliveryHeaders of(Source source) {
        return switch (source) {
            case TITANX -> new DeliveryHeaders("X-TitanX-Signature", Optional.empty());
            case TITANCARD -> new DeliveryHeaders("X-Webhook-Signature", Optional.of("X-Webhook-Event"));
        };
    }
}
