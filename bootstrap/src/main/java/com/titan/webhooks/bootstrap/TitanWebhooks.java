package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.in.amqp.DeliveryConsumer;
import com.titan.webhooks.adapter.in.http.ApiToken;
import com.titan.webhooks.adapter.in.http.ApiTokenFilter;
import com.titan.webhooks.adapter.in.http.CardResource;
import com.titan.webhooks.adapter.in.http.ChangeJson;
import com.titan.webhooks.adapter.in.http.ChangeResource;
import com.titan.webhooks.adapter.in.http.ConnectionResource;
import com.titan.webhooks.adapter.in.http.ContactResource;
import com.titan.webhooks.adapter.in.http.DeliveryReception;
import com.titan.webhooks.adapter.in.http.EventResource;
import com.titan.webhooks.adapter.in.http.HealthCheck;
import com.titan.webhooks.adapter.in.http.HealthResource;
import com.titan.webhooks.adapter.in.http.HttpApi;
import com.titan.webhooks.adapter.in.http.MetricsResource;
import com.titan.webhooks.adapter.in.http.OpenApiResource;
import com.titan.webhooks.adapter.in.http.ProviderResource;
import com.titan.webhooks.adapter.in.http.ReminderResource;
import com.titan.webhooks.adapter.in.http.ScoringJobResource;
import com.titan.webhooks.adapter.in.http.UnfinishedBodies;
import com.titan.webhooks.adapter.in.http.WebServer;
import com.titan.webhooks.adapter.out.amqp.ChangeExchange;
import com.titan.webhooks.adapter.out.amqp.ChangeMessages;
import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.service.ChangeFeedService;
import com.titan.webhooks.application.service.ChangePublisher;
import com.titan.webhooks.application.service.ChangeRetention;
import com.titan.webhooks.application.service.PayloadRetention;
import com.titan.webhooks.application.service.PendingWork;
import com.titan.webhooks.application.service.ProjectionService;
import com.titan.webhooks.application.service.ProjectionWorker;
import com.titan.webhooks.application.service.Projections;
import com.titan.webhooks.application.service.ProvenanceService;
import com.titan.webhooks.application.service.ProviderSignals;
import com.titan.webhooks.application.service.ProviderStatusService;
import com.titan.webhooks.application.service.QueryService;
import com.titan.webhooks.application.service.ReceiveDeliveryService;
import com.titan.webhooks.application.service.ReplayService;
import com.titan.webhooks.application.service.RetryPolicy;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only place that knows every module. It builds the store, the
 * services and the HTTP resources with {@code new}, and hands the instances to Jersey.
 */
public final class TitanWebhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TitanWebhooks.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration MIGRATION_RETRY = Duration.ofSeconds(2);
    /** Another instance's changes reach a waiting reader within this (its own within milliseconds). */
    private static final Duration FEED_POLL_INTERVAL = Duration.ofMillis(250);
    /** Readers waiting for changes hold no thread, only a little memory and a look per change. */
    private static final int MAX_FEED_WAITERS = 256;
    /** A relayed delivery the store could not take goes back to its queue after this, and longer as an outage lasts. */
    private static final Duration QUEUE_FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration QUEUE_LONGEST_RETRY = Duration.ofSeconds(15);
    /** A publisher that dies is replaced after its lease runs out: within this and one round. */
    private static final Duration PUBLISHER_LEASE = Duration.ofSeconds(5);
    private static final Duration PUBLISHER_ROUND = Duration.ofSeconds(1);
    private static final int PUBLISH_BATCH = 500;

    private final Settings settings;
    private final Database database;
    private final ProjectionWorker worker;
    private final WebServer server;
    private final ReplayService replay;
    private final ResourceConfig application;
    private final ExecutorService responder;
    private final List<DeliveryReception> webhooks;
    private final ScheduledExecutorService housekeeping;
    private final ScheduledExecutorService feedScheduler;
    private final Optional<DeliveryConsumer> consumer;
    private final Optional<ChangePublisher> publisher;

    private TitanWebhooks(Settings settings, Database database, ProjectionWorker worker, WebServer server,
                          ReplayService replay, ResourceConfig application, ExecutorService responder,
                          List<DeliveryReception> webhooks, ScheduledExecutorService housekeeping,
                          ScheduledExecutorService feedScheduler, Optional<DeliveryConsumer> consumer,
                          Optional<ChangePublisher> publisher) {
        this.feedScheduler = feedScheduler;
        this.consumer = consumer;
        this.publisher = publisher;
        this.settings = settings;
        this.database = database;
        this.worker = worker;
        this.server = server;
        this.replay = replay;
        this.application = application;
        this.responder = responder;
        this.webhooks = webhooks;
        this.housekeeping = housekeeping;
    }

    /** Opens and migrates the store, starts the worker and the HTTP server. */
    public static TitanWebhooks start(Settings settings) {
        Clock clock = Clock.systemUTC();
        ProviderSignals signals = new ProviderSignals(clock);
        ServiceMetrics metrics = new ServiceMetrics(signals, clock);
        Database database = Database.open(settings.database(), metrics.registry(), settings.spoolFolder(),
                settings.spoolMaxBytes());
        // the store migrates while the HTTP server starts: start-up takes the longer of the two, not both;
        // with a spool, a store that cannot be reached yet is migrated when it can, and deliveries wait in the spool
        CompletableFuture<Integer> migration = database.migrateWhenReachable(MIGRATION_RETRY);
        try {
            return wire(settings, database, clock, signals, metrics, migration);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
    }

    private static TitanWebhooks wire(Settings settings, Database database, Clock clock, ProviderSignals signals,
                                      ServiceMetrics metrics, CompletableFuture<Integer> migration) {
        PendingWork pendingWork = new PendingWork(settings.ingestBusyAt());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(daemonThreads("housekeeping"));
        EventDecoder decoder = new JacksonEventDecoder();
        ReceiveDeliveryService receive = new ReceiveDeliveryService(new ConfiguredSecrets(settings), decoder,
                database.inbox(), new TimeOrderedEventIds(clock), clock, pendingWork);
        ScheduledExecutorService feedScheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("change-feed"));
        ChangeFeedService feed = new ChangeFeedService(database.changes(), feedScheduler, FEED_POLL_INTERVAL, MAX_FEED_WAITERS);
        Optional<ChangePublisher> publisher = settings.broker().map(broker -> new ChangePublisher(database.changes(),
                database.publications(), new ChangeExchange(broker.url(), broker.changesExchange(), CHANGE_MESSAGES),
                clock, instanceName(), PUBLISHER_LEASE, PUBLISHER_ROUND, PUBLISH_BATCH));
        Projections projections = registry(database);
        ProjectionService projection = projection(settings, database, projections, decoder, clock, new ProjectionListener() {
            @Override
            public void settled(StoredEvent event, String result, Instant at) {
                metrics.settled(event, result, at);
            }

            @Override
            public void changesCommitted(List<NewChange> changes) {
                feed.changesCommitted();
                publisher.ifPresent(ChangePublisher::changesCommitted);
                metrics.changesCommitted(changes);
            }
        });
        ProjectionWorker worker = new ProjectionWorker(projection, pendingWork, settings.projectionBatchSize(),
                POLL_INTERVAL, settings.projectionHoldBack());
        ReplayService replay = new ReplayService(database.pendingEvents(), clock, pendingWork);
        QueryService queries = new QueryService(database.connections(), database.cards(), database.reminders(),
                database.contacts(), database.scoringJobs(), database.storedEvents());
        metrics.watchInbox(database.storedEvents());
        metrics.watchChanges(database.changes());
        publisher.ifPresent(metrics::watchPublisher);
        ChangeRetention changeRetention = new ChangeRetention(database.changes(), clock, settings.changeRetention());
        housekeeping.scheduleWithFixedDelay(() -> expire("change retention", "changes deleted", changeRetention::expire),
                1, 60, TimeUnit.MINUTES);
        settings.payloadRetention().ifPresent(keep -> {
            PayloadRetention retention = new PayloadRetention(database.storedEvents(), clock, keep);
            housekeeping.scheduleWithFixedDelay(() -> expire("payload retention", "raw payloads blanked",
                    retention::expire), 1, 60, TimeUnit.MINUTES);
        });
        // writes answers once their deliveries are committed, or their bodies' deadline passed; two threads keep up
        ScheduledThreadPoolExecutor responder = new ScheduledThreadPoolExecutor(2, daemonThreads("responder"));
        responder.setRemoveOnCancelPolicy(true);

        StoreWatch watch = new StoreWatch(database, worker, signals, clock);
        watch.register(metrics.registry());
        watch.start(housekeeping);
        List<HealthCheck> readiness = List.of(
                new HealthCheck("deliveries", watch::deliveryProblem),
                new HealthCheck("worker", watch::workerProblem));
        List<HealthCheck> liveness = List.of(new HealthCheck("threads", watch::deadThread));
        ProvenanceService provenance = new ProvenanceService(database.connections(), database.cards(),
                database.reminders(), database.contacts(), database.storedEvents(), decoder, projections);
        ProviderStatusService providers = new ProviderStatusService(signals, database.storedEvents(), clock,
                settings.consoleQuiet());
        ApiToken token = new ApiToken(settings.apiToken());
        ResourceConfig application = HttpApi.of(
                new ApiTokenFilter(token),
                new ConnectionResource(queries, provenance),
                new CardResource(queries, provenance),
                new ReminderResource(queries, provenance),
                new ContactResource(queries, provenance),
                new EventResource(queries, replay, provenance),
                new ProviderResource(providers),
                new ScoringJobResource(queries),
                new ChangeResource(feed, projections.types()),
                new HealthResource(liveness, readiness, () -> readinessSignals(signals, database, watch)),
                new MetricsResource(metrics::scrape),
                new OpenApiResource());
        // a body still arriving holds no thread, only a place of its sender's and a deadline
        UnfinishedBodies unfinished = new UnfinishedBodies(settings.maxPendingBodiesPerClient(), settings.readTimeout(),
                responder);
        List<DeliveryReception> webhooks = List.of(
                new DeliveryReception(Source.TITANX, receive, settings.maxBodyBytes(), metrics, responder, unfinished),
                new DeliveryReception(Source.TITANCARD, receive, settings.maxBodyBytes(), metrics, responder, unfinished));
        if (settings.apiToken().isEmpty()) {
            LOG.warn("API_TOKEN is not set: every /api request will be answered 401");
        }
        if (Arrays.stream(Source.values()).allMatch(source -> settings.secretsFor(source).isEmpty())) {
            LOG.warn("neither TITANX_WEBHOOK_SECRETS nor TITANCARD_WEBHOOK_SECRETS is set: every delivery will be"
                    + " answered 503");
        }
        WebServer server;
        try {
            server = WebServer.start(settings.httpHost(), settings.httpPort(), application, token,
                    settings.readTimeout(), webhooks);
            metrics.watchHttpPool(server::workerPool);
        } catch (RuntimeException failure) {
            responder.shutdownNow();
            housekeeping.shutdownNow();
            feedScheduler.shutdownNow();
            throw failure;
        }
        try {
            // until the migration is done, readiness says so, and a delivery that arrives is spooled or gets a 503
            migration.get(settings.database().connectTimeout().plus(MIGRATION_RETRY).toMillis(), TimeUnit.MILLISECONDS);
            watch.look();
        } catch (TimeoutException stillUnreachable) {
            LOG.warn("the store cannot be reached yet: deliveries are spooled, and the store is migrated when it answers");
        } catch (ExecutionException failed) {
            server.close();
            responder.shutdownNow();
            housekeeping.shutdownNow();
            feedScheduler.shutdownNow();
            throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        worker.start();
        // relayed deliveries go through the same use case as the webhook endpoints'
        Optional<DeliveryConsumer> consumer = settings.broker().flatMap(broker -> broker.deliveriesQueue().map(queue ->
                new DeliveryConsumer(broker.url(), queue, broker.prefetch(), settings.maxBodyBytes(), receive,
                        metrics, QUEUE_FIRST_RETRY, QUEUE_LONGEST_RETRY)));
        consumer.ifPresent(DeliveryConsumer::start);
        publisher.ifPresent(ChangePublisher::start);
        String host = settings.httpHost().contains(":") ? "[" + settings.httpHost() + "]" : settings.httpHost();
        LOG.info("Titan Webhooks listening on http://{}:{}/ with store {}", host, server.port(), database.describe());
        return new TitanWebhooks(settings, database, worker, server, replay, application, responder, webhooks, housekeeping,
                feedScheduler, consumer, publisher);
    }

    /** The projection as the service runs it; the replay command applies events with the same one. */
    static ProjectionService projection(Settings settings, Database database, EventDecoder decoder, Clock clock,
                                        ProjectionListener listener) {
        return projection(settings, database, registry(database), decoder, clock, listener);
    }

    private static ProjectionService projection(Settings settings, Database database, Projections projections,
                                                EventDecoder decoder, Clock clock, ProjectionListener listener) {
        return new ProjectionService(database.transactions(), database.pendingEvents(), decoder, projections,
                database.changes(), new RetryPolicy(settings.projectionMaxAttempts(), Duration.ofSeconds(1), Duration.ofMinutes(5)),
                clock, listener);
    }

    /** The service's aggregates on {@code database}: the projection registry, with a store for each. */
    static Projections registry(Database database) {
        return ProjectedAggregates.of(database.connections(), database.cards(), database.reminders(), database.contacts(),
                database.scoringJobs(), database.documents());
    }

    /**
     * What readiness reports besides its checks: per provider, the run of consecutive non-2xx
     * answers and the last accepted delivery (this instance's); whether deliveries wait in the
     * local spool for the store to return, whether the store answers, and what the spool set aside.
     */
    private static Map<String, Object> readinessSignals(ProviderSignals signals, Database database, StoreWatch watch) {
        Map<String, Object> providers = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("consecutive_failures", signals.consecutiveFailures(source));
            signal.put("last_accepted_at", signals.lastAccepted(source).map(Object::toString).orElse(null));
            providers.put(source.wireName(), signal);
        }
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put("providers", providers);
        reported.put("spooling", database.isSpooling());
        reported.put("store", watch.isReachable() ? "reachable" : "unreachable");
        reported.put("spool_set_aside", database.spoolSetAsideCount());
        return reported;
    }

    public int port() {
        return server.port();
    }

    /** The Jersey application as wired, for the test that holds the OpenAPI document to every route. */
    ResourceConfig application() {
        return application;
    }

    /** The webhook endpoints, served by Grizzly directly, for the same test. */
    List<DeliveryReception> webhooks() {
        return webhooks;
    }

    public ReplayService replay() {
        return replay;
    }

    /** Graceful stop: no new requests, in-flight ones and the current batch finish, then the pool closes. */
    @Override
    public void close() {
        Duration grace = settings.shutdownGrace();
        housekeeping.shutdownNow();
        // no new deliveries from either side; those taken finish within the grace, or go back to their queue
        consumer.ifPresent(DeliveryConsumer::stopIntake);
        server.stop(grace);
        consumer.ifPresent(queue -> queue.close(grace));
        stopQuietly(worker);
        // after the worker: the changes of its last batch are published too, if the broker confirms them in time
        publisher.ifPresent(TitanWebhooks::stopQuietly);
        feedScheduler.shutdownNow();
        database.close();
        responder.shutdown();
        LOG.info("Titan Webhooks stopped");
    }

    /** Runs one retention job; a failure is logged and the next run tries again. */
    private static void expire(String job, String what, IntSupplier run) {
        try {
            int expired = run.getAsInt();
            if (expired > 0) {
                LOG.info("{}: {} {}", job, expired, what);
            }
        } catch (RuntimeException failure) {
            LOG.warn("{} failed, will retry: {}", job, failure.getMessage());
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The change feed on the broker: each message the JSON of one entry of GET /api/changes. */
    private static final ChangeMessages CHANGE_MESSAGES = new ChangeMessages() {
        @Override
        public byte[] body(Change change) {
            return ChangeJson.entry(change);
        }

        @Override
        public String messageId(Change change) {
            return ChangeJson.cursor(change);
        }
    };

    /** This instance's name in the publisher's lease: host and process, unique among the instances. */
    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static void stopQuietly(ChangePublisher publisher) {
        try {
            publisher.stop(Duration.ofSeconds(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopQuietly(ProjectionWorker worker) {
        try {
            worker.stop(Duration.ofSeconds(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
