package com.titan.webhooks.bootstrap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The RabbitMQ at {@code TEST_AMQP_URL} (default {@code amqp://guest:guest@127.0.0.1:5672}, the vhost {@code /}), with
 * names of a test's own: every queue and exchange it names starts with a unique prefix, and is
 * deleted on close. Where no broker answers, the test is skipped with the reason; with
 * {@code CI=true} it fails instead.
 */
final class TestBroker implements AutoCloseable {

    static final String DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672";

    private final String url;
    private final String prefix = "titan-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final Connection connection;
    private final Channel channel;
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

    private TestBroker(String url, Connection connection) throws IOException {
        this.url = url;
        this.connection = connection;
        this.channel = connection.createChannel();
    }

    static TestBroker connect() {
        String url = System.getenv().getOrDefault("TEST_AMQP_URL", DEFAULT_URL);
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(url);
            return new TestBroker(url, factory.newConnection("titan-webhooks test"));
        } catch (Exception unreachable) {
            String reason = "RabbitMQ is not reachable at " + url + ": " + unreachable;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + " (CI=true: RabbitMQ tests must run)");
            }
            System.err.println("[SKIPPED] " + reason + " (start it with rabbitmq-server -detached, or set CI=true to fail)");
            Assumptions.abort(reason);
            throw new IllegalStateException(reason);
        }
    }

    String url() {
        return url;
    }

    /** A queue name of this test's own; the queue (and its dead-letter queue and exchange) go on close. */
    String queue(String name) {
        String queue = prefix + "." + name;
        queues.add(queue);
        queues.add(queue + ".dead-letter");
        exchanges.add(queue + ".dead-letter");
        return queue;
    }

    /** An exchange name of this test's own, deleted on close. */
    String exchange(String name) {
        String exchange = prefix + "." + name;
        exchanges.add(exchange);
        return exchange;
    }

    /** Declares a queue of this test's bound to {@code exchange} with {@code bindingKey}. */
    String boundQueue(String name, String exchange, String bindingKey) {
        String queue = prefix + "." + name;
        queues.add(queue);
        try {
            channel.exchangeDeclare(exchange, "topic", true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, exchange, bindingKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queue;
    }

    /** Ready messages in {@code queue} (not those a consumer holds unacknowledged); -1 if it does not exist. */
    long ready(String queue) {
        try (Channel look = connection.createChannel()) {
            return look.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException | TimeoutException gone) {
            return -1;
        }
    }

    /** Consumers attached to {@code queue}. */
    long consumers(String queue) {
        try (Channel look = connection.createChannel()) {
            return look.queueDeclarePassive(queue).getConsumerCount();
        } catch (IOException | TimeoutException gone) {
            return -1;
        }
    }

    record Message(AMQP.BasicProperties properties, byte[] body) {
        String header(String name) {
            Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
            return value == null ? null : value.toString();
        }
    }

    /** Takes (and acknowledges) every message ready in {@code queue} now. */
    List<Message> drain(String queue) {
        List<Message> messages = new ArrayList<>();
        try {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                messages.add(new Message(response.getProps(), response.getBody()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    Channel channel() {
        return channel;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try (Channel cleanup = connection.createChannel()) {
            for (String queue : queues) {
                cleanup.queueDelete(queue);
            }
            for (String exchange : exchanges) {
                cleanup.exchangeDelete(exchange);
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("could not delete the test's queues and exchanges", e);
        } finally {
            try {
                connection.close();
            } catch (IOException | RuntimeException ignored) {
                // the broker drops it anyway
            }
        }
    }
}
