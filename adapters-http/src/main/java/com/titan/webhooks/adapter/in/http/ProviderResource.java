package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.QueryProvidersUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Inbound adapter: {@code /api/providers}, how each provider is doing: its last accepted delivery,
 * its current run of refused ones, what it sent per minute over the last hour, and whether it
 * has gone quiet.
 */
@ApiTokenRequired
@Path("/api/providers")
@Produces(MediaType.APPLICATION_JSON)
public final class ProviderResource {

    private final QueryProvidersUseCase providers;

    public ProviderResource(QueryProvidersUseCase providers) {
        this.providers = providers;
    }

    @GET
    public ProvidersResponse list() {
        return ProvidersResponse.from(providers.providers());
    }
}
