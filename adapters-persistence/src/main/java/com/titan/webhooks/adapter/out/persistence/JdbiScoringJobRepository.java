package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.job.ScoringJob;
import java.util.Optional;

/** Persistence adapter: stores the records of TitanX scoring jobs through JDBI. */
public final class JdbiScoringJobRepository implements ScoringJobs {

    private static final String FIND = "SELECT job_key, version, state FROM scoring_jobs WHERE job_key = :key";
    private static final String INSERT = """
            INSERT INTO scoring_jobs (job_key, version, state) VALUES (:key, 1, :state)
            ON CONFLICT (job_key) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE scoring_jobs SET version = version + 1, state = :state WHERE job_key = :key AND version = :version
            """;

    private final JdbiTransactions transactions;

    public JdbiScoringJobRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<ScoringJob> find(String jobKey) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("key", jobKey)
                .map((rs, ctx) -> toDomain(rs.getString("job_key"), rs.getString("state"), rs.getLong("version")))
                .findOne());
    }

    @Override
    public void save(ScoringJob job) {
        int changed = transactions.withHandle(handle -> handle.createUpdate(job.version() == 0 ? INSERT : UPDATE)
                .bind("key", job.jobKey()).bind("version", job.version()).bind("state", new JsonState(state(job)))
                .execute());
        if (changed != 1) {
            throw new ConcurrentUpdateException("scoring job " + job.jobKey() + " changed since version " + job.version());
        }
    }

    /** The job's stored state, as JSON. */
    static String state(ScoringJob job) {
        ObjectNode state = StateJson.object();
        job.completion().ifPresent(c -> {
            state.put("payload", c.value());
            state.set("stamp", StateJson.stamp(c.stamp()));
        });
        return StateJson.write(state);
    }

    static ScoringJob toDomain(String key, String json, long version) {
        JsonNode state = StateJson.read(json);
        Stamped<String> completion = state.has("payload")
                ? new Stamped<>(state.get("payload").asText(), StateJson.stamp(state.get("stamp")))
                : null;
        return ScoringJob.reconstitute(key, completion, version);
    }
}
