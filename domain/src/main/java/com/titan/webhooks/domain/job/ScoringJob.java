package com.titan.webhooks.domain.job;

import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Stamped;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: the record of one TitanX scoring job. Invariant: it holds the payload of the latest
 * {@code job.completed} by stamp.
 */
public final class ScoringJob implements Aggregate<ScoringJob> {

    private final String jobKey;
    private Stamped<String> completion;
    private final long version;

    private ScoringJob(String jobKey, Stamped<String> completion, long version) {
        this.jobKey = Require.nonBlank(jobKey, "jobKey");
        this.completion = completion;
        this.version = version;
    }

    /** First creation: a job not reported yet. */
    public static ScoringJob unseen(String jobKey) {
        return new ScoringJob(jobKey, null, 0);
    }

    /** Reconstitution from storage. */
    public static ScoringJob reconstitute(String jobKey, Stamped<String> completion, long version) {
        return new ScoringJob(jobKey, completion, version);
    }

    /** An independent copy with the same state and version, to tell what applying an event changed. */
    @Override
    public ScoringJob copy() {
        return new ScoringJob(jobKey, completion, version);
    }

    public void apply(ScoringJobCompleted event) {
        if (!event.jobKey().equals(jobKey)) {
            throw new IllegalArgumentException("completion of job " + event.jobKey() + " applied to " + jobKey);
        }
        if (completion == null || event.stamp().isAfter(completion.stamp())) {
            completion = new Stamped<>(event.payloadJson(), event.stamp());
        }
    }

    public String jobKey() {
        return jobKey;
    }

    @Override
    public long version() {
        return version;
    }

    public Optional<Stamped<String>> completion() {
        return Optional.ofNullable(completion);
    }

    public Optional<Instant> completedAt() {
        return completion().map(c -> c.stamp().at());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoringJob that && jobKey.equals(that.jobKey) && Objects.equals(completion, that.completion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobKey, completion);
    }
}
