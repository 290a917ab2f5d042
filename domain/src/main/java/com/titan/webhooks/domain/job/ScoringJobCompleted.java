package com.titan.webhooks.domain.job;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;

/**
 * {@code job.completed}: TitanX's bookkeeping signal that a scoring job reached a terminal state.
 * Its payload is undocumented, so it is kept whole, as JSON text, with whatever job id it names.
 */
public record ScoringJobCompleted(String jobKey, Stamp stamp, String payloadJson) implements ProviderEvent {

    public ScoringJobCompleted {
        Require.nonBlank(jobKey, "jobKey");
        Require.nonNull(stamp, "stamp");
        Require.nonNull(payloadJson, "payloadJson");
    }
}
