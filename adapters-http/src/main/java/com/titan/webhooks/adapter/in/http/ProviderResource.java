package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.ProviderStatus;
import com.titan.webhooks.application.port.in.QueryProvidersUseCase;
import com.titan.webhooks.domain.delivery.Source;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inbound adapter: {@code /api/providers}, how each provider is doing: its last accepted delivery,
 * its current run of refused ones, what it sent per minute over the last hour, and whether it
 * has gone quiet.
 */
@ApiTokenRequired
@Path("/api/providers")
@Produces(MediaType.APPLICATION_JSON)
public final class ProviderResource {

    /** TitanCard switches a webhook off after this many consecutive failed deliveries. */
    static final int DISABLED_AT = 5;

    private final QueryProvidersUseCase providers;

    public ProviderResource(QueryProvidersUseCase providers) {
        this.providers = providers;
    }

    @GET
    public Map<String, Object> list() {
        return Map.of("providers", providers.providers().stream().map(ProviderResource::provider).toList());
    }

    private static Map<String, Object> provider(ProviderStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", status.source().wireName());
        body.put("last_accepted_at", status.lastAcceptedAt().map(Object::toString).orElse(null));
        body.put("consecutive_failures", status.consecutiveFailures());
        // only TitanCard documents switching a webhook off; TitanX says nothing of it
        body.put("disabled_at_failures", status.source() == Source.TITANCARD ? DISABLED_AT : null);
        body.put("accepted_per_minute", status.acceptedPerMinute());
        body.put("quiet", status.quiet());
        body.put("quiet_after_minutes", status.quietAfter().toMinutes());
        return body;
    }
}
