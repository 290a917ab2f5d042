package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.application.service.ProjectionWorker;
import com.titan.webhooks.application.service.ProviderSignals;
import com.titan.webhooks.domain.delivery.Source;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the store once a second, off the request path, so that readiness answers at once even
 * while the store hangs: whether it answers, how old the oldest event due for projection is, and
 * (once, when it first answers) when each provider's last delivery was accepted before this start.
 *
 * <p>Readiness means "deliveries can be accepted": a store that cannot be reached is fine while
 * deliveries go to the spool; a store or spool that refuses writes (a full disk) is not; nor is a
 * worker that has not completed a batch for {@link #STALLED_AFTER} while the store answers.
 */
final class StoreWatch {

    static final Duration STALLED_AFTER = Duration.ofSeconds(60);

    private final Database database;
    private final ProjectionWorker worker;
    private final ProviderSignals signals;
    private final Clock clock;
    // unknown until the first look, which is taken before the HTTP server answers
    private volatile boolean reachable;
    private volatile Optional<Instant> oldestDue = Optional.empty();
    private volatile boolean restored;

    StoreWatch(Database database, ProjectionWorker worker, ProviderSignals signals, Clock clock) {
        this.database = database;
        this.worker = worker;
        this.signals = signals;
        this.clock = clock;
    }

    void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::look, 0, 1, TimeUnit.SECONDS);
    }

    void register(MeterRegistry registry) {
        Gauge.builder("titan_projection_oldest_due_age_seconds", this,
                        watch -> watch.oldestDueAge().map(age -> age.toMillis() / 1000.0).orElse(0.0))
                .description("age of the oldest stored event waiting to be applied (0 when none waits)")
                .register(registry);
        Gauge.builder("titan_spool_set_aside", database, Database::spoolSetAsideCount)
                .description("spooled deliveries the store refused, set aside in the spool folder since start")
                .register(registry);
    }

    /** Looks now; also run once as soon as the store is migrated, so that readiness is right from the start. */
    void look() {
        if (!database.isMigrated()) {
            // the migration has the store to itself (SQLite's pool is one connection): a probe
            // competing for it could make the migration time out on a busy machine
            return;
        }
        reachable = database.isReachable();
        if (!reachable) {
            return;
        }
        try {
            oldestDue = database.pendingEvents().oldestDueReceivedAt(clock.instant());
            if (!restored) {
                for (Source source : Source.values()) {
                    database.storedEvents().lastAcceptedAt(source).ifPresent(at -> signals.acceptedEarlier(source, at));
                }
                restored = true;
            }
        } catch (RuntimeException failed) {
            reachable = false;
        }
    }

    boolean isReachable() {
        return reachable;
    }

    Optional<Duration> oldestDueAge() {
        return oldestDue.map(at -> Duration.between(at, clock.instant()));
    }

    /** Why deliveries cannot be accepted now, if so. */
    Optional<String> deliveryProblem() {
        Optional<String> writing = database.writeProblem();
        if (writing.isPresent()) {
            return writing;
        }
        if (database.hasSpool()) {
            return Optional.empty();
        }
        if (!database.isMigrated()) {
            return Optional.of("the store is not migrated yet");
        }
        return reachable ? Optional.empty() : Optional.of("the store cannot be reached");
    }

    /** Why the worker is not applying events, if it is not. */
    Optional<String> workerProblem() {
        if (!worker.isRunning()) {
            // the worker starts once the store is migrated, or once it is known to be unreachable
            return database.isMigrated() ? Optional.of("stopped") : Optional.empty();
        }
        Duration quiet = worker.sinceLastCompletedBatch();
        if (reachable && database.isMigrated() && quiet.compareTo(STALLED_AFTER) > 0) {
            return Optional.of("stalled: no batch completed for " + quiet.toSeconds() + " s");
        }
        return Optional.empty();
    }

    /** For liveness: the threads that answer deliveries and apply events still run. */
    Optional<String> deadThread() {
        if (!database.writersAlive()) {
            return Optional.of("an inbox writer thread died");
        }
        return Optional.empty();
    }
}
