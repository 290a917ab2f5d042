package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.job.ScoringJob;

/** A scoring job's state in a change record. */
public record ScoringJobSnapshot(ScoringJob job) implements AggregateSnapshot {

    @Override
    public AggregateType type() {
        return AggregateType.SCORING_JOB;
    }

    @Override
    public String id() {
        return job.jobKey();
    }

    @Override
    public boolean deleted() {
        return false;
    }
}
