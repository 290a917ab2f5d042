package com.titan.webhooks.adapter.out.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.out.ChangeTopic;
import com.titan.webhooks.application.port.out.PublicationFailedException;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound adapter: the change feed on a durable RabbitMQ topic exchange. Each change is one
 * persistent message with routing key {@code <aggregate>.<kind>} (e.g. {@code connection.upsert}),
 * {@code message_id} the change's cursor and content type {@code application/json}; a batch counts
 * as published once the broker has confirmed every message of it (publisher confirms).
 *
 * <p>The connection is its own, apart from the consumer's, so that the broker's flow control on a
 * publisher never holds up consuming. It is opened when first needed and, after any failure,
 * dropped and opened afresh on the next batch: the publisher then starts over from the last
 * confirmed position, so no recovery of the client's own is wanted here.
 */
public final class ChangeExchange implements ChangeTopic {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeExchange.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 30_000;

    private final ConnectionFactory factory;
    private final String exchange;
    private final ChangeMessages messages;
    private Connection connection;
    private Channel channel;

    public ChangeExchange(String uri, String exchange, ChangeMessages messages) {
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception invalid) {
            throw new IllegalArgumentException("not an AMQP URI: " + invalid.getMessage());
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setRequestedHeartbeat(15);
        factory.setConnectionTimeout(5_000);
        this.exchange = exchange;
        this.messages = messages;
    }

    @Override
    public String destination() {
        return "amqp exchange " + exchange;
    }

    @Override
    public synchronized void publish(List<Change> changes) {
        try {
            Channel open = channel();
            for (Change change : changes) {
                open.basicPublish(exchange, routingKey(change), properties(change), messages.body(change));
            }
            open.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        } catch (IOException | TimeoutException | RuntimeException failure) {
            drop();
            throw new PublicationFailedException("could not publish " + changes.size() + " changes to exchange "
                    + exchange + ": " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            drop();
            throw new PublicationFailedException("interrupted waiting for the broker's confirms", interrupted);
        }
    }

    /** {@code <aggregate>.<kind>}, so that a consumer binds to what it wants: {@code card.*}, {@code *.delete}. */
    static String routingKey(Change change) {
        return change.after().type().wireName() + "." + change.kind().wireName();
    }

    private AMQP.BasicProperties properties(Change change) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(messages.messageId(change))
                .type(routingKey(change))
                .timestamp(Date.from(change.committedAt()))
                .appId("titan-webhooks")
                .build();
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel == null || !channel.isOpen()) {
            drop();
            connection = factory.newConnection("titan-webhooks changes");
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.exchangeDeclare(exchange, "topic", true);
            LOG.info("publishing the change feed to exchange {}", exchange);
        }
        return channel;
    }

    private void drop() {
        Connection current = connection;
        connection = null;
        channel = null;
        if (current != null) {
            try {
                current.abort(2_000);
            } catch (RuntimeException ignored) {
                // gone already
            }
        }
    }

    @Override
    public synchronized void close() {
        Connection current = connection;
        connection = null;
        channel = null;
        if (current != null && current.isOpen()) {
            try {
                current.close(5_000);
            } catch (IOException | RuntimeException ignored) {
                // the broker drops it in any case
            }
        }
    }
}
