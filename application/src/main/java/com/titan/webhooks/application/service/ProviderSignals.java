package com.titan.webhooks.application.service;

import com.titan.webhooks.domain.delivery.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two signals no webhook gateway gives: per provider, the current run of consecutive non-2xx
 * answers, and how long ago a delivery was last accepted. TitanCard switches a webhook off after
 * 5 consecutive failures and then goes silent, so a run of 2 deserves a warning, and silence
 * itself is the symptom of a switched-off webhook.
 */
public final class ProviderSignals {

    /** The run length at which an operator should hear about it (TitanCard gives up at 5). */
    public static final int WARN_AT = 2;

    private final Clock clock;
    private final Map<Source, AtomicInteger> failures = new EnumMap<>(Source.class);
    private final Map<Source, AtomicReference<Instant>> lastAccepted = new EnumMap<>(Source.class);

    public ProviderSignals(Clock clock) {
        this.clock = clock;
        for (Source source : Source.values()) {
            failures.put(source, new AtomicInteger());
            lastAccepted.put(source, new AtomicReference<>());
        }
    }

    /** Records one answer; returns the run of consecutive failures it leaves (0 after a 2xx). */
    public int record(Source source, boolean answered2xx) {
        if (answered2xx) {
            // to the millisecond, as the store keeps times: one precision before and after a restart
            lastAccepted.get(source).set(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            failures.get(source).set(0);
            return 0;
        }
        return failures.get(source).incrementAndGet();
    }

    /** What the store remembers of an earlier run: the last accepted delivery, unless one came since. */
    public void acceptedEarlier(Source source, Instant at) {
        lastAccepted.get(source).compareAndSet(null, at);
    }

    public int consecutiveFailures(Source source) {
        return failures.get(source).get();
    }

    public Optional<Instant> lastAccepted(Source source) {
        return Optional.ofNullable(lastAccepted.get(source).get());
    }

    public Optional<Duration> sinceLastAccepted(Source source) {
        return lastAccepted(source).map(at -> Duration.between(at, clock.instant()));
    }
}
