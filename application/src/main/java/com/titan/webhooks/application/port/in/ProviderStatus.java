package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one provider is doing: when a delivery was last accepted, the current run of consecutive
 * refused deliveries, the deliveries accepted in each of the last minutes (oldest first, the
 * current minute last), and whether it has been silent longer than {@code quietAfter}.
 */
public record ProviderStatus(Source source, Optional<Instant> lastAcceptedAt, int consecutiveFailures,
                             List<Long> acceptedPerMinute, boolean quiet, Duration quietAfter) {

    public ProviderStatus {
        Require.nonNull(source, "source");
        Require.nonNull(lastAcceptedAt, "lastAcceptedAt");
        acceptedPerMinute = List.copyOf(acceptedPerMinute);
        Require.nonNull(quietAfter, "quietAfter");
    }
}
