package com.titan.webhooks.domain.connection;

import com.titan.webhooks.domain.Require;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one enrichment run ({@code enrichment.completed}); identified by the key of the
 * event that reported it, since TitanCard gives the run no id.
 */
public record Enrichment(String eventKey, List<String> enrichedFields, String status, String provider,
                         Instant completedAt) {

    public Enrichment {
        Require.nonBlank(eventKey, "eventKey");
        enrichedFields = List.copyOf(enrichedFields);
        Require.nonNull(completedAt, "completedAt");
    }
}
