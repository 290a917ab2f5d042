package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.ProviderStatus;
import com.titan.webhooks.domain.delivery.Source;
import java.time.Instant;
import java.util.List;

/** How each provider is doing, one entry per provider. */
public record ProvidersResponse(List<ProviderResponse> providers) {

    /** TitanCard switches a webhook off after this many consecutive failed deliveries. */
    static final int TITANCARD_DISABLES_AT = 5;

    static ProvidersResponse from(List<ProviderStatus> providers) {
        return new ProvidersResponse(providers.stream().map(ProviderResponse::from).toList());
    }

    /**
     * One provider: its last accepted delivery, its current run of refused ones, where that run
     * switches the webhook off (null where the provider documents no such thing), what it sent per
     * minute over the last hour, and whether it has gone quiet.
     */
    public record ProviderResponse(String source, Instant lastAcceptedAt, int consecutiveFailures,
                                   Integer disabledAtFailures, List<Long> acceptedPerMinute, boolean quiet,
                                   long quietAfterMinutes) {

        static ProviderResponse from(ProviderStatus status) {
            return new ProviderResponse(status.source().wireName(), status.lastAcceptedAt().orElse(null),
                    status.consecutiveFailures(),
                    // only TitanCard documents switching a webhook off; TitanX says nothing of it
                    status.source() == Source.TITANCARD ? TITANCARD_DISABLES_AT : null,
                    status.acceptedPerMinute(), status.quiet(), status.quietAfter().toMinutes());
        }
    }
}
