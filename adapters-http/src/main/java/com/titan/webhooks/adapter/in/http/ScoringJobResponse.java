package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.domain.job.ScoringJob;
import java.time.Instant;

/** A TitanX scoring job: when it completed, and the latest {@code job.completed} payload as TitanX sent it. */
public record ScoringJobResponse(String id, Instant completedAt, JsonNode payload) implements AggregateResponse {

    static ScoringJobResponse from(ScoringJob job) {
        return new ScoringJobResponse(job.jobKey(), job.completedAt().orElse(null),
                job.completion().map(completion -> JsonMapping.tree(completion.value())).orElse(null));
    }
}
