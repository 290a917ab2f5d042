package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.job.ScoringJob;
import java.util.Optional;

/** Outbound port: the records of TitanX scoring jobs. */
public interface ScoringJobs {

    Optional<ScoringJob> find(String jobKey);

    /** @throws ConcurrentUpdateException if another worker saved it since it was loaded */
    void save(ScoringJob job);
}
