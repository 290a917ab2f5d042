package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.in.amqp.Settlements;
import com.titan.webhooks.adapter.in.http.DeliveryCounter;
import com.titan.webhooks.adapter.in.http.Refusal;
import com.titan.webhooks.adapter.in.http.WorkerPoolProbe;
import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.application.service.ProviderSignals;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's metrics (Micrometer, Prometheus format) and its per-delivery and per-event log
 * lines: deliveries by source and outcome, receive latency, events applied by type and result,
 * projection lag, inbox depth, provider signals, JVM, HTTP pool and connection pool.
 */
final class ServiceMetrics implements DeliveryCounter, ProjectionListener, Settlements {

    private static final Logger DELIVERIES = LoggerFactory.getLogger("com.titan.webhooks.delivery");
    private static final Logger EVENTS = LoggerFactory.getLogger("com.titan.webhooks.event");
    private static final Duration INBOX_DEPTH_MAX_AGE = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ProviderSignals signals;
    private final Clock clock;
    private final Map<Source, Map<DeliveryOutcome, Counter>> deliveries = new EnumMap<>(Source.class);
    private final Map<Source, Map<DeliveryOutcome, Counter>> unauthenticated = new EnumMap<>(Source.class);
    // what HTTP refused before the use case: counted under the same two names, by the refusal's name
    private final Map<Source, Map<Refusal, Counter[]>> refused = new EnumMap<>(Source.class);
    private final Map<Source, Timer> receiveTimers = new EnumMap<>(Source.class);
    private final Map<String, Counter> applied = new ConcurrentHashMap<>();
    private final Map<String, Counter> verifiedBy = new ConcurrentHashMap<>();
    private final Timer projectionLag;
    private final Map<String, Counter> changesWritten = new ConcurrentHashMap<>();
    private final Map<String, Counter> queueSettlements = new ConcurrentHashMap<>();
    private volatile double oldestChangeAge = Double.NaN;
    private volatile Instant oldestChangeAt = Instant.EPOCH;
    // null while the store cannot be counted: the gauges then say NaN ("unknown"), not 0 ("empty")
    private volatile Map<ProcessingStatus, Long> inboxDepth;
    private volatile Instant inboxDepthAt = Instant.EPOCH;

    ServiceMetrics(ProviderSignals signals, Clock clock) {
        this.signals = signals;
        this.clock = clock;
        // Micrometer's process.cpu.time is in nanoseconds; Prometheus's convention is process_cpu_seconds_total
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time used by the Java Virtual Machine process").register(registry);
        }
        new UptimeMetrics().bindTo(registry);
        // meters are looked up once, not per delivery: the lookup costs more than the increment
        for (Source source : Source.values()) {
            Map<DeliveryOutcome, Counter> outcomes = new EnumMap<>(DeliveryOutcome.class);
            Map<DeliveryOutcome, Counter> strangers = new EnumMap<>(DeliveryOutcome.class);
            for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
                outcomes.put(outcome, deliveryCounter(source, outcome.metricName()));
                if (!outcome.isAuthenticated()) {
                    strangers.put(outcome, unauthenticatedCounter(source, outcome.metricName()));
                }
            }
            deliveries.put(source, outcomes);
            unauthenticated.put(source, strangers);
            Map<Refusal, Counter[]> refusals = new EnumMap<>(Refusal.class);
            for (Refusal refusal : Refusal.values()) {
                refusals.put(refusal, new Counter[] {deliveryCounter(source, refusal.metricName()),
                    unauthenticatedCounter(source, refusal.metricName())});
            }
            refused.put(source, refusals);
            receiveTimers.put(source, Timer.builder("titan_receive").description("time to answer a delivery")
                    .publishPercentileHistogram().tag("source", source.wireName()).register(registry));
        }
        projectionLag = Timer.builder("titan_projection_lag").description("from receipt to applied")
                .publishPercentileHistogram().register(registry);
        for (Source source : Source.values()) {
            Gauge.builder("titan_provider_consecutive_failures", signals, s -> s.consecutiveFailures(source))
                    .description("current run of consecutive non-2xx answers to authenticated deliveries"
                            + " (TitanCard stops at 5)")
                    .tag("source", source.wireName()).register(registry);
            Gauge.builder("titan_provider_last_accepted_age_seconds", signals,
                            s -> s.sinceLastAccepted(source).map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                    .description("seconds since the provider's last accepted delivery (NaN: none since start)")
                    .tag("source", source.wireName()).register(registry);
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }

    void watchInbox(StoredEvents events) {
        for (ProcessingStatus status : ProcessingStatus.values()) {
            Gauge.builder("titan_inbox_events", () -> {
                        Map<ProcessingStatus, Long> depth = depth(events);
                        return depth == null ? Double.NaN : depth.getOrDefault(status, 0L);
                    })
                    .description("stored events by processing status (NaN while the store cannot be counted)")
                    .tag("status", status.wireName())
                    .register(registry);
        }
    }

    void watchChanges(ChangeFeed feed) {
        Gauge.builder("titan_changes_oldest_age_seconds", () -> oldestChangeAge(feed))
                .description("age of the oldest change the feed retains (NaN: none)").register(registry);
    }

    @Override
    public void changesCommitted(List<NewChange> changes) {
        for (NewChange change : changes) {
            String aggregate = change.after().type().wireName();
            String kind = change.kind().wireName();
            changesWritten.computeIfAbsent(aggregate + '\n' + kind, key -> Counter.builder("titan_changes_written")
                    .description("changes recorded in the feed, by aggregate and kind")
                    .tag("aggregate", aggregate).tag("kind", kind).register(registry)).increment();
        }
    }

    private double oldestChangeAge(ChangeFeed feed) {
        Instant now = clock.instant();
        if (Duration.between(oldestChangeAt, now).compareTo(INBOX_DEPTH_MAX_AGE) > 0) {
            try {
                oldestChangeAge = feed.oldestCommittedAt().map(at -> Duration.between(at, now).toMillis() / 1000.0)
                        .orElse(Double.NaN);
            } catch (RuntimeException unavailable) {
                oldestChangeAge = Double.NaN;
            }
            oldestChangeAt = now;
        }
        return oldestChangeAge;
    }

    /** Whether this instance publishes the change feed to the broker, and how far the broker confirmed it. */
    void watchPublisher(com.titan.webhooks.application.service.ChangePublisher publisher) {
        io.micrometer.core.instrument.Gauge.builder("titan_changes_publishing", publisher, p -> p.isPublishing() ? 1 : 0)
                .description("1 while this instance holds the lease and publishes the change feed to the broker")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("titan_changes_published_position", publisher,
                p -> p.confirmedPosition()).description("the last change position the broker confirmed")
                .register(registry);
    }

    /** What became of a delivery relayed through the queue. */
    @Override
    public void settled(Disposition disposition, String outcome) {
        queueSettlements.computeIfAbsent(disposition.metricName() + '\n' + outcome, key -> Counter
                .builder("titan_queue_deliveries").description("relayed deliveries taken from the queue, by what became of them")
                .tag("disposition", disposition.metricName()).tag("outcome", outcome).register(registry)).increment();
    }

    void watchHttpPool(Supplier<WorkerPoolProbe.Stats> pool) {
        Gauge.builder("titan_http_pool_busy_threads", () -> pool.get().busy())
                .description("HTTP worker threads serving a request now").register(registry);
        Gauge.builder("titan_http_pool_queued_requests", () -> pool.get().queued())
                .description("HTTP requests waiting for a worker thread").register(registry);
        Gauge.builder("titan_http_pool_max_threads", () -> pool.get().max())
                .description("the HTTP worker pool's size").register(registry);
    }

    @Override
    public void count(Source source, ReceiveResult result, long elapsedNanos) {
        DeliveryOutcome outcome = result.outcome();
        deliveries.get(source).get(outcome).increment();
        result.secretUsed().ifPresent(used -> verifiedBy.computeIfAbsent(source.wireName() + '\n' + used.fingerprint(),
                key -> Counter.builder("titan_deliveries_verified")
                        .description("authentic deliveries by the fingerprint of the secret that verified them "
                                + "(first 8 hex digits of its SHA-256)")
                        .tag("source", source.wireName()).tag("secret", used.fingerprint()).register(registry))
                .increment());
        receiveTimers.get(source).record(elapsedNanos, TimeUnit.NANOSECONDS);
        if (!outcome.isAuthenticated()) {
            // a stranger's junk: the provider never saw this answer, so it is not part of its streak
            unauthenticated.get(source).get(outcome).increment();
            return;
        }
        int run = signals.record(source, outcome.isSuccess());
        if (run >= ProviderSignals.WARN_AT) {
            DELIVERIES.atWarn().addKeyValue("source", source.wireName()).addKeyValue("consecutive_failures", run)
                    .addKeyValue("outcome", outcome.metricName())
                    .log("consecutive non-2xx answers to the provider; TitanCard disables a webhook after 5");
        }
    }

    private Counter deliveryCounter(Source source, String outcome) {
        return Counter.builder("titan_deliveries").description("deliveries by source and outcome")
                .tag("source", source.wireName()).tag("outcome", outcome).register(registry);
    }

    private Counter unauthenticatedCounter(Source source, String outcome) {
        return Counter.builder("titan_unauthenticated_requests")
                .description("requests to a webhook endpoint answered before a signature was verified;"
                        + " anyone's, so never part of the provider's failure streak")
                .tag("source", source.wireName()).tag("outcome", outcome).register(registry);
    }

    @Override
    public void refused(Source source, Refusal refusal, long elapsedNanos) {
        for (Counter counter : refused.get(source).get(refusal)) {
            counter.increment();
        }
        receiveTimers.get(source).record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void settled(StoredEvent event, String result, Instant at) {
        String type = event.eventType().orElse("unknown");
        applied.computeIfAbsent(type + '\n' + result, key -> Counter.builder("titan_events_applied")
                .description("events settled by the worker, by type and result")
                .tag("type", type).tag("result", result).register(registry)).increment();
        projectionLag.record(Duration.between(event.receivedAt(), at).abs());
        EVENTS.atInfo().addKeyValue("event_id", event.id().value()).addKeyValue("type", type)
                .addKeyValue("result", result).addKeyValue("attempts", event.attempts()).log("event");
    }

    private Map<ProcessingStatus, Long> depth(StoredEvents events) {
        // a scrape reads each status; one count per few seconds is plenty, and keeps scrapes cheap
        Instant now = clock.instant();
        if (Duration.between(inboxDepthAt, now).compareTo(INBOX_DEPTH_MAX_AGE) > 0) {
            try {
                inboxDepth = events.countByStatus();
            } catch (RuntimeException unavailable) {
                inboxDepth = null;
            }
            inboxDepthAt = now;
        }
        return inboxDepth;
    }
}
