package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.job.ScoringJob;
import java.util.Optional;

/** Inbound port: read the records of TitanX scoring jobs. */
public interface QueryScoringJobsUseCase {

    Optional<ScoringJob> findJob(String jobKey);
}
