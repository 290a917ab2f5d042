package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.function.Supplier;

/** Inbound adapter: {@code GET /metrics}, in the Prometheus text format the composition root renders. */
@Path("/metrics")
public final class MetricsResource {

    private final Supplier<String> scrape;

    public MetricsResource(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics() {
        return scrape.get();
    }
}
