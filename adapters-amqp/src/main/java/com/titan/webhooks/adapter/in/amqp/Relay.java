package com.titan.webhooks.adapter.in.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * What a relay does with a webhook it took in over HTTP: publishes the provider's bytes and
 * headers, unchanged, to the deliveries queue (through the default exchange), and waits for the
 * broker to confirm them before answering the provider. {@code send --via amqp} and the tests use
 * it; a relay in another language follows {@link RelayedMessage}'s contract.
 */
public final class Relay implements AutoCloseable {

    private static final long CONFIRM_TIMEOUT_MILLIS = 30_000;

    private final Connection connection;
    private final Channel channel;
    private volatile String returned;

    public Relay(String uri) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception invalid) {
            throw new IllegalArgumentException("not an AMQP URI: " + invalid.getMessage());
        }
        this.connection = factory.newConnection("titan-webhooks relay");
        this.channel = connection.createChannel();
        channel.confirmSelect();
        channel.addReturnListener(message -> returned = message.getRoutingKey() + ": " + message.getReplyText());
    }

    /** Publishes one delivery without waiting; {@link #confirmed()} waits for every one published so far. */
    public void publish(String queue, Source source, byte[] body, Map<String, String> httpHeaders) throws IOException {
        // mandatory: a queue that does not exist returns the message instead of dropping it silently
        channel.basicPublish("", queue, true, RelayedMessage.properties(source, httpHeaders), body);
    }

    /** Waits until the broker has taken every message published so far; throws if it refused one. */
    public void confirmed() throws IOException, InterruptedException, TimeoutException {
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        if (returned != null) {
            throw new IOException("the broker could not route a delivery to queue " + returned
                    + " (the service declares the queue when it starts)");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close(5_000);
        } catch (com.rabbitmq.client.AlreadyClosedException closed) {
            // already gone
        }
    }
}
