package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.ProviderStatus;
import com.titan.webhooks.application.port.in.QueryProvidersUseCase;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.domain.delivery.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: how each provider is doing. The run of failures and the last acceptance come from
 * {@link ProviderSignals} (what this instance answered, seeded from the store at start-up); the
 * per-minute counts from the inbox, so that they hold across restarts and instances.
 */
public final class ProviderStatusService implements QueryProvidersUseCase {

    /** The chart covers the last hour, one bar per minute. */
    public static final int MINUTES = 60;
    private static final long MINUTE_MILLIS = 60_000;

    private final ProviderSignals signals;
    private final StoredEvents storedEvents;
    private final Clock clock;
    private final Duration quietAfter;

    public ProviderStatusService(ProviderSignals signals, StoredEvents storedEvents, Clock clock, Duration quietAfter) {
        this.signals = signals;
        this.storedEvents = storedEvents;
        this.clock = clock;
        this.quietAfter = quietAfter;
    }

    @Override
    public List<ProviderStatus> providers() {
        Instant now = clock.instant();
        long currentMinute = Math.floorDiv(now.toEpochMilli(), MINUTE_MILLIS);
        long firstMinute = currentMinute - MINUTES + 1;
        List<ProviderStatus> statuses = new ArrayList<>();
        for (Source source : Source.values()) {
            Map<Long, Long> counted = storedEvents.acceptedPerMinute(source,
                    Instant.ofEpochMilli(firstMinute * MINUTE_MILLIS));
            List<Long> perMinute = new ArrayList<>(MINUTES);
            for (long minute = firstMinute; minute <= currentMinute; minute++) {
                perMinute.add(counted.getOrDefault(minute, 0L));
            }
            Optional<Instant> last = signals.lastAccepted(source);
            // a provider never heard from is not "quiet": nothing says it should have spoken
            boolean quiet = last.isPresent() && Duration.between(last.get(), now).compareTo(quietAfter) > 0;
            statuses.add(new ProviderStatus(source, last, signals.consecutiveFailures(source), perMinute, quiet,
                    quietAfter));
        }
        return statuses;
    }
}
