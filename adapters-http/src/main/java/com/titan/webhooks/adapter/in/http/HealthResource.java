package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Inbound adapter: liveness and readiness, without authentication, for orchestrators and load balancers. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final List<HealthCheck> liveness;
    private final List<HealthCheck> readiness;
    private final Supplier<Map<String, Object>> signals;

    /**
     * @param liveness  the checks that must pass to be alive (a failure asks the supervisor for a restart)
     * @param readiness the checks that must pass to be ready
     * @param signals   reported alongside, at the top of readiness's body, never failing it (the
     *                  providers' delivery signals, the spool and the store)
     */
    public HealthResource(List<HealthCheck> liveness, List<HealthCheck> readiness, Supplier<Map<String, Object>> signals) {
        this.liveness = List.copyOf(liveness);
        this.readiness = List.copyOf(readiness);
        this.signals = signals;
    }

    /** 200 while the process can do its work; 503 naming what died, so that a supervisor restarts it. */
    @GET
    @Path("/live")
    public Response live() {
        for (HealthCheck check : liveness) {
            Optional<String> problem = check.problem().get();
            if (problem.isPresent()) {
                return Response.status(503).entity(Map.of("status", "down", check.name(), problem.get())).build();
            }
        }
        return Response.ok(Map.of("status", "up")).build();
    }

    /** 200 when every check passes; otherwise 503 naming each failing check. */
    @GET
    @Path("/ready")
    public Response ready() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean ready = true;
        for (HealthCheck check : readiness) {
            Optional<String> problem = check.problem().get();
            checks.put(check.name(), problem.orElse("ok"));
            ready &= problem.isEmpty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "not_ready");
        body.put("checks", checks);
        body.putAll(signals.get());
        return Response.status(ready ? 200 : 503).entity(body).build();
    }
}
