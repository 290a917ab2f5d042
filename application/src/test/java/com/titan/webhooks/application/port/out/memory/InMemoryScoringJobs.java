package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.domain.job.ScoringJob;
import java.util.List;
import java.util.Optional;

/** The records of scoring jobs in memory. */
final class InMemoryScoringJobs implements ScoringJobs {

    private final VersionedAggregates<ScoringJob> stored;

    InMemoryScoringJobs(InMemoryStore store) {
        this.stored = new VersionedAggregates<>(store, "scoring job", state -> state.scoringJobs, ScoringJob::jobKey,
                ScoringJob::version, ScoringJob::copy,
                (job, version) -> ScoringJob.reconstitute(job.jobKey(), job.completion().orElse(null), version));
    }

    @Override
    public Optional<ScoringJob> find(String jobKey) {
        return stored.find(jobKey);
    }

    @Override
    public void save(ScoringJob job) {
        stored.saveAll(List.of(job));
    }
}
