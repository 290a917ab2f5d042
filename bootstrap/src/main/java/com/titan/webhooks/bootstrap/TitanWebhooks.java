package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.in.http.DeliveryCounter;
import com.titan.webhooks.adapter.in.http.HealthCheck;
import com.titan.webhooks.adapter.in.http.HealthResource;
import com.titan.webhooks.adapter.in.http.HttpApi;
import com.titan.webhooks.adapter.in.http.TitanCardWebhookResource;
import com.titan.webhooks.adapter.in.http.TitanXWebhookResource;
import com.titan.webhooks.adapter.in.http.WebServer;
import com.titan.webhooks.adapter.in.http.decoding.JacksonEventDecoder;
import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.service.PendingWork;
import com.titan.webhooks.application.service.ProjectionService;
import com.titan.webhooks.application.service.ProjectionWorker;
import com.titan.webhooks.application.service.ReceiveDeliveryService;
import com.titan.webhooks.application.service.ReplayService;
import com.titan.webhooks.application.service.RetryPolicy;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    private final Settings settings;
    private final Database database;
    private final ProjectionWorker worker;
    private final WebServer server;
    private final ReplayService replay;

    private TitanWebhooks(Settings settings, Database database, ProjectionWorker worker, WebServer server,
                          ReplayService replay) {
        this.settings = settings;
        this.database = database;
        this.worker = worker;
        this.server = server;
        this.replay = replay;
    }

    /** Opens and migrates the store, starts the worker and the HTTP server. */
    public static TitanWebhooks start(Settings settings) {
        Database database = Database.open(settings.database());
        try {
            database.migrate();
            return wire(settings, database);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
    }

    private static TitanWebhooks wire(Settings settings, Database database) {
        Clock clock = Clock.systemUTC();
        PendingWork pendingWork = new PendingWork();
        EventDecoder decoder = new JacksonEventDecoder();
        ReceiveDeliveryService receive = new ReceiveDeliveryService(new ConfiguredSecrets(settings), decoder,
                database.inbox(), () -> new EventId(UUID.randomUUID().toString()), clock, pendingWork);
        ProjectionService projection = new ProjectionService(database.transactions(), database.inbox(), decoder,
                database.connections(), database.cards(), database.reminders(), database.contacts(),
                database.scoringJobs(), new RetryPolicy(settings.projectionMaxAttempts(), Duration.ofSeconds(1),
                Duration.ofMinutes(5)), clock);
        ProjectionWorker worker = new ProjectionWorker(projection, pendingWork, settings.projectionBatchSize(),
                POLL_INTERVAL);
        ReplayService replay = new ReplayService(database.inbox(), clock, pendingWork);

        List<HealthCheck> readiness = List.of(
                new HealthCheck("store", () -> database.isReachable() ? Optional.empty() : Optional.of("unreachable")),
                new HealthCheck("migrations", () -> database.isMigrated() ? Optional.empty() : Optional.of("pending")),
                new HealthCheck("worker", () -> worker.isRunning() ? Optional.empty() : Optional.of("stopped")));
        ResourceConfig application = HttpApi.of(
                new TitanXWebhookResource(receive, settings.maxBodyBytes(), DeliveryCounter.NONE),
                new TitanCardWebhookResource(receive, settings.maxBodyBytes(), DeliveryCounter.NONE),
                new HealthResource(readiness));
        worker.start();
        WebServer server;
        try {
            server = WebServer.start(settings.httpHost(), settings.httpPort(), application, settings.readTimeout());
        } catch (RuntimeException failure) {
            stopQuietly(worker);
            throw failure;
        }
        LOG.info("Titan Webhooks listening on http://{}:{}/ with store {}", settings.httpHost(), server.port(),
                database.describe());
        return new TitanWebhooks(settings, database, worker, server, replay);
    }

    public int port() {
        return server.port();
    }

    public ReplayService replay() {
        return replay;
    }

    /** Graceful stop: no new requests, in-flight ones and the current batch finish, then the pool closes. */
    @Override
    public void close() {
        Duration grace = settings.shutdownGrace();
        server.stop(grace);
        stopQuietly(worker);
        database.close();
        LOG.info("Titan Webhooks stopped");
    }

    private static void stopQuietly(ProjectionWorker worker) {
        try {
            worker.stop(Duration.ofSeconds(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
