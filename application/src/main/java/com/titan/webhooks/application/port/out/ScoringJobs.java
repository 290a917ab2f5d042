package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.job.ScoringJob;

/** Outbound port: the records of TitanX scoring jobs. */
public interface ScoringJobs extends AggregateStore<String, ScoringJob> {
}
