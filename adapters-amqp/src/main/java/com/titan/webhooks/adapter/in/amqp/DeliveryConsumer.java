package com.titan.webhooks.adapter.in.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.titan.webhooks.application.port.in.DeliveryOutcome;
import com.titan.webhooks.application.port.in.ReceiveDeliveryCommand;
import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.application.port.in.ReceiveResult;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound adapter: consumes deliveries that a relay put on a RabbitMQ quorum queue, and passes each
 * through the same receive use case as the webhook endpoints, with the same checks in the same
 * order. What the outcome means for the message:
 * <ul>
 * <li>accepted, ignored, duplicate: acknowledged, which happens only once the delivery is stored;</li>
 * <li>unknown source, too large, not JSON, invalid signature, malformed: published to the dead-letter
 *     exchange with the reason, then acknowledged: it would fail the same way every time;</li>
 * <li>store unavailable, source not configured: returned to the queue after a back-off that grows
 *     with the length of the outage, so that an outage is waited out, never spun on.</li>
 * </ul>
 * At most {@code prefetch} messages are unacknowledged at once. Deliveries reach the use case on
 * the client's dispatch thread (which never waits for a commit); every acknowledgement, return and
 * dead letter is made on one settling thread, so that the channels are never used concurrently.
 */
public final class DeliveryConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("com.titan.webhooks.delivery.amqp");
    private static final Duration RECONNECT = Duration.ofSeconds(5);
    /** The dead-letter reason of a message whose {@code source} header names no provider. */
    static final String UNKNOWN_SOURCE = "unknown_source";
    static final String UNREADABLE = "unreadable";
    /** The dead-letter reasons of what the queue refuses before the use case, named as HTTP's refusals are. */
    static final String TOO_LARGE = "too_large";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";

    private final ConnectionFactory factory;
    private final String queue;
    private final int prefetch;
    private final int maxBodyBytes;
    private final ReceiveDeliveryUseCase receiver;
    private final Settlements settlements;
    private final DeadLetters deadLetters;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final ScheduledExecutorService settler;
    /** Messages whose use case has not answered yet: what shutdown waits for. */
    private final AtomicInteger receiving = new AtomicInteger();
    /** When the current run of unavailable answers began, in nanoTime; 0 when the store answers. */
    private final AtomicLong unavailableSince = new AtomicLong();
    private volatile Connection connection;
    private volatile Channel channel;
    private volatile Channel deadLetterChannel;
    private volatile String consumerTag;
    private volatile boolean closing;

    /**
     * @param uri          the broker, {@code amqp://user:password@host:port/vhost}
     * @param firstRetry   how long a delivery the store could not take waits before it is returned
     * @param longestRetry the longest such wait, however long the outage
     */
    public DeliveryConsumer(String uri, String queue, int prefetch, int maxBodyBytes, ReceiveDeliveryUseCase receiver,
                            Settlements settlements, Duration firstRetry, Duration longestRetry) {
        this.settlements = settlements;
        this.factory = factory(uri);
        this.queue = queue;
        this.prefetch = prefetch;
        this.maxBodyBytes = maxBodyBytes;
        this.receiver = receiver;
        this.deadLetters = new DeadLetters(queue);
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        this.settler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "amqp-deliveries");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static ConnectionFactory factory(String uri) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception invalid) {
            throw new IllegalArgumentException("not an AMQP URI: " + invalid.getMessage());
        }
        // once connected, the client reconnects by itself and declares the queues and the consumer again
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(2_000);
        factory.setRequestedHeartbeat(15);
        return factory;
    }

    /** Connects, declares the queues and starts consuming; a broker that cannot be reached yet is tried again. */
    public void start() {
        settler.execute(this::connect);
    }

    private void connect() {
        if (closing) {
            return;
        }
        Connection opened = null;
        try {
            opened = factory.newConnection("titan-webhooks deliveries");
            Channel consuming = opened.createChannel();
            deadLetters.declare(consuming);
            consuming.basicQos(prefetch);
            Channel deadLettering = opened.createChannel();
            deadLettering.confirmSelect();
            connection = opened;
            channel = consuming;
            deadLetterChannel = deadLettering;
            consumerTag = consuming.basicConsume(queue, false, new Deliveries(consuming));
            LOG.info("consuming deliveries from queue {} (prefetch {}; dead letters to {})", queue, prefetch,
                    DeadLetters.of(queue));
        } catch (IOException | TimeoutException | RuntimeException failure) {
            LOG.warn("cannot consume queue {} yet ({}); trying again in {} s", queue, describe(failure),
                    RECONNECT.toSeconds());
            closeQuietly(opened);
            settler.schedule(this::connect, RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the consumer is attached to the queue now. */
    public boolean isConsuming() {
        Channel current = channel;
        return consumerTag != null && current != null && current.isOpen();
    }

    private final class Deliveries extends DefaultConsumer {

        Deliveries(Channel channel) {
            super(channel);
        }

        /** The broker ended the subscription (the queue was deleted, say): subscribe again, declaring it. */
        @Override
        public void handleCancel(String tag) {
            if (closing) {
                return;
            }
            LOG.warn("the broker stopped queue {}'s subscription (deleted?); declaring it and consuming again in {} s",
                    queue, RECONNECT.toSeconds());
            settler.schedule(() -> {
                Connection old = connection;
                consumerTag = null;
                closeQuietly(old);
                connect();
            }, RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            Message message = new Message(envelope.getDeliveryTag(), properties, body);
            try {
                receive(message);
            } catch (RuntimeException unreadable) {
                // a throw here would close the channel, and the same message would stop the queue at every restart
                LOG.warn("a message on queue {} could not be read ({}); dead-lettering it", queue, describe(unreadable));
                settler.execute(() -> deadLetter(message, UNREADABLE, null));
            }
        }
    }

    private record Message(long tag, AMQP.BasicProperties properties, byte[] body) {
    }

    private void receive(Message message) {
        RelayedMessage.Read read = RelayedMessage.read(message.properties());
        if (read.source().isEmpty()) {
            settler.execute(() -> deadLetter(message, UNKNOWN_SOURCE, null));
            return;
        }
        Source source = read.source().get();
        if (!receiver.isConfigured(source)) {
            settle(message, ReceiveResult.of(DeliveryOutcome.NOT_CONFIGURED));
            return;
        }
        // what the queue itself refuses, before the use case: the reason travels with the dead letter
        if (message.body().length > maxBodyBytes) {
            settler.execute(() -> deadLetter(message, TOO_LARGE, null));
            return;
        }
        if (!ReceiveDeliveryCommand.isJson(read.contentType()) || !ReceiveDeliveryCommand.isIdentity(read.contentEncoding())) {
            settler.execute(() -> deadLetter(message, UNSUPPORTED_MEDIA_TYPE, null));
            return;
        }
        receiving.incrementAndGet();
        CompletionStage<ReceiveResult> received;
        try {
            received = receiver.receive(read.command(message.body()));
        } catch (RuntimeException unexpected) {
            LOG.error("unexpected failure receiving a {} delivery from queue {}", source.wireName(), queue, unexpected);
            received = java.util.concurrent.CompletableFuture.completedFuture(ReceiveResult.of(DeliveryOutcome.UNAVAILABLE));
        }
        received.whenComplete((result, failure) -> {
            try {
                settle(message, failure == null ? result : ReceiveResult.of(DeliveryOutcome.UNAVAILABLE));
            } finally {
                receiving.decrementAndGet();
            }
        });
    }

    /** What becomes of a message, by the outcome of its delivery. */
    private void settle(Message message, ReceiveResult result) {
        DeliveryOutcome outcome = result.outcome();
        if (outcome.isSuccess()) {
            unavailableSince.set(0);
            settler.execute(() -> acknowledge(message, outcome));
            return;
        }
        switch (outcome) {
            case NOT_CONFIGURED, UNAVAILABLE -> {
                Duration wait = retryWait();
                LOG.debug("{}: returning a delivery to queue {} in {} ms", outcome.metricName(), queue, wait.toMillis());
                settler.schedule(() -> {
                    giveBack(message);
                    settlements.settled(Settlements.Disposition.RETURNED, outcome.metricName());
                }, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            // invalid signature, malformed: the outcome's name is the reason
            default -> settler.execute(() -> deadLetter(message, outcome.name().toLowerCase(java.util.Locale.ROOT),
                    result.detail().orElse(null)));
        }
    }

    /** From the first retry, the wait grows with the outage's length so far, up to the longest. */
    private Duration retryWait() {
        long now = System.nanoTime();
        unavailableSince.compareAndSet(0, now);
        Duration outage = Duration.ofNanos(now - unavailableSince.get());
        Duration wait = outage.compareTo(firstRetry) < 0 ? firstRetry : outage;
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }

    private void acknowledge(Message message, DeliveryOutcome outcome) {
        try {
            channel.basicAck(message.tag(), false);
            settlements.settled(Settlements.Disposition.ACKNOWLEDGED, outcome.metricName());
        } catch (IOException | RuntimeException channelGone) {
            // the broker redelivers it, and the store answers duplicate
            LOG.debug("could not acknowledge a stored delivery ({}); it will come back as a duplicate",
                    describe(channelGone));
        }
    }

    private void giveBack(Message message) {
        try {
            channel.basicNack(message.tag(), false, true);
        } catch (IOException | RuntimeException channelGone) {
            LOG.debug("could not return a delivery ({}); the broker returns it with the channel", describe(channelGone));
        }
    }

    private void deadLetter(Message message, String reason, String detail) {
        try {
            deadLetters.publish(deadLetterChannel, message.properties(), message.body(), reason, detail);
            channel.basicAck(message.tag(), false);
            settlements.settled(Settlements.Disposition.DEAD_LETTERED, reason);
            LOG.atInfo().addKeyValue("queue", queue).addKeyValue("reason", reason)
                    .log("delivery dead-lettered");
        } catch (IOException | TimeoutException | RuntimeException failure) {
            // A failed publish closes the channel, and every later refusal would fail on it at once: open a new
            // one (declaring the dead-letter exchange again), and return the message after the same growing wait
            // as an outage, never straight away, since a malformed delivery is kept again on each turn.
            Duration wait = retryWait();
            LOG.warn("could not dead-letter a refused delivery ({}); it goes back to queue {} in {} ms", describe(failure),
                    queue, wait.toMillis());
            reopenDeadLetterChannel();
            settler.schedule(() -> {
                giveBack(message);
                settlements.settled(Settlements.Disposition.RETURNED, "dead_letter_failed");
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void reopenDeadLetterChannel() {
        Connection current = connection;
        if (current == null || !current.isOpen()) {
            return; // the connection's recovery brings a new one
        }
        try {
            Channel old = deadLetterChannel;
            if (old != null && old.isOpen()) {
                old.abort();
            }
            Channel fresh = current.createChannel();
            fresh.confirmSelect();
            deadLetters.declare(fresh);
            deadLetterChannel = fresh;
        } catch (IOException | RuntimeException failure) {
            LOG.warn("cannot open a dead-letter channel on queue {} yet ({})", queue, describe(failure));
        }
    }

    /**
     * Stops taking messages; those already taken are still settled. Call before the store closes.
     */
    public void stopIntake() {
        closing = true;
        try {
            settler.submit(() -> {
                Channel current = channel;
                if (current != null && consumerTag != null && current.isOpen()) {
                    try {
                        current.basicCancel(consumerTag);
                    } catch (IOException | RuntimeException gone) {
                        LOG.debug("could not cancel the consumer: {}", describe(gone));
                    }
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException ignored) {
            // closing the connection stops it as well
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking messages, waits up to {@code grace} for those being stored, settles them, and
     * closes the connection: whatever is still unacknowledged (waiting for a retry, or not stored
     * in time) goes back to the queue with it. None is lost.
     */
    public void close(Duration grace) {
        stopIntake();
        long deadline = System.nanoTime() + grace.toNanos();
        while (receiving.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            // after the acknowledgements already queued; the returns still waiting are dropped with the channel
            settler.submit(() -> closeQuietly(connection)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException ignored) {
            closeQuietly(connection);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        settler.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(5_000);
            } catch (IOException | RuntimeException ignored) {
                // closing: the broker drops it in any case
            }
        }
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
