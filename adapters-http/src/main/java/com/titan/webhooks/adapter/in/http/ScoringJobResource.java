package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.QueryScoringJobsUseCase;
import com.titan.webhooks.domain.Require;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Inbound adapter: {@code /api/scoring-jobs/{id}}, the record of one TitanX scoring job. */
@ApiTokenRequired
@Path("/api/scoring-jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class ScoringJobResource {

    private final QueryScoringJobsUseCase jobs;

    public ScoringJobResource(QueryScoringJobsUseCase jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{id}")
    public ScoringJobResponse get(@PathParam("id") String id) {
        return jobs.findJob(QueryParameters.id(id, key -> Require.identifier(key, "job"))).map(ScoringJobResponse::from)
                .orElseThrow(NotFoundException::new);
    }
}
