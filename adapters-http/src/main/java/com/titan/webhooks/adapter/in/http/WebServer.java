package com.titan.webhooks.adapter.in.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Inbound adapter: the Grizzly HTTP server that hosts the Jersey application. Idle and slow
 * clients are bounded by timeouts, so that a few hundred of them cannot starve the others.
 */
public final class WebServer implements AutoCloseable {

    private static final String LISTENER = "grizzly";

    private final HttpServer server;
    private final WorkerPoolProbe pool;

    private WebServer(HttpServer server, WorkerPoolProbe pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Starts serving {@code application} on {@code host:port} (port 0 picks a free one). */
    public static WebServer start(String host, int port, ResourceConfig application, Duration readTimeout,
                                  List<DeliveryReception> webhooks) {
        URI uri = URI.create("http://" + host + ":" + port + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, application, false);
        for (DeliveryReception webhook : webhooks) {
            server.getServerConfiguration().addHttpHandler(webhook,
                    HttpHandlerRegistration.builder().contextPath(webhook.path()).urlPattern("").build());
        }
        NetworkListener listener = server.getListener(LISTENER);
        listener.registerAddOn(new Http1OnlyAddOn());
        listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.max(1, readTimeout.toSeconds() * 2));
        listener.getTransport().setReadTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        listener.getTransport().setWriteTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        WorkerPoolProbe pool = new WorkerPoolProbe(listener.getTransport().getWorkerThreadPoolConfig().getMaxPoolSize());
        listener.getTransport().getWorkerThreadPoolConfig().getInitialMonitoringConfig().addProbes(pool);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        return new WebServer(server, pool);
    }

    /** The worker pool right now: busy threads, queued requests, maximum threads. */
    public WorkerPoolProbe.Stats workerPool() {
        return pool.stats();
    }

    public int port() {
        return server.getListener(LISTENER).getPort();
    }

    /** Stops accepting, lets in-flight requests finish within {@code grace}, then closes. */
    public void stop(Duration grace) {
        try {
            server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).get(grace.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            server.shutdownNow();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
