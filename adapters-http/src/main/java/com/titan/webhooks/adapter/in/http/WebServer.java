package com.titan.webhooks.adapter.in.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.jersey.server.ContainerFactory;
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

    /**
     * Starts serving {@code application} and the webhook endpoints behind one {@link FrontDoor} on
     * {@code host} (an IPv4 or IPv6 literal or a host name) and {@code port} (0 picks a free one).
     */
    public static WebServer start(String host, int port, ResourceConfig application, ApiToken token,
                                  Duration readTimeout, List<DeliveryReception> webhooks) {
        HttpServer server = new HttpServer();
        // the address is handed over as it is: never through a URI string, where "::" or "::1" parse as no host
        NetworkListener listener = new NetworkListener(LISTENER, host, port);
        server.addListener(listener);
        ServerConfiguration configuration = server.getServerConfiguration();
        configuration.setPassTraceRequest(true);
        configuration.setDefaultQueryEncoding(StandardCharsets.UTF_8);
        HttpHandler jersey = ContainerFactory.createContainer(HttpHandler.class, application);
        configuration.addHttpHandler(new FrontDoor(webhooks, jersey, token, ConsoleAssets.fromClassPath()),
                HttpHandlerRegistration.builder().contextPath("").urlPattern("/").build());
        listener.registerAddOn(new Http1OnlyAddOn());
        listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.max(1, readTimeout.toSeconds() * 2));
        listener.getTransport().setReadTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        listener.getTransport().setWriteTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        WorkerPoolProbe pool = new WorkerPoolProbe(listener.getTransport().getWorkerThreadPoolConfig().getMaxPoolSize());
        listener.getTransport().getWorkerThreadPoolConfig().getInitialMonitoringConfig().addProbes(pool);
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + host + " port " + port, e);
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
