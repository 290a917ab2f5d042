package com.titan.webhooks.adapter.in.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The deliveries queue and its dead letters. The queue is a durable quorum queue whose dead-letter
 * exchange ({@code <queue>.dead-letter}, fanout) routes to the durable quorum queue of the same
 * name. A message this service refuses is published there by the consumer itself, with its reason
 * in {@link #REASON_HEADER}, before the original is acknowledged: a broker-side rejection could
 * only say "rejected". Whatever the broker dead-letters on its own (a delivery limit set by a
 * policy, say) lands in the same queue.
 */
final class DeadLetters {

    /** Why the service refused the message: {@code invalid_signature}, {@code malformed}, ... */
    static final String REASON_HEADER = "x-titan-rejection";
    /** For a malformed delivery, what is wrong with it. */
    static final String DETAIL_HEADER = "x-titan-rejection-detail";

    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final String queue;

    DeadLetters(String queue) {
        this.queue = queue;
    }

    /** The dead-letter exchange and queue of {@code queue}. */
    static String of(String queue) {
        return queue + ".dead-letter";
    }

    /** Declares the queue, its dead-letter exchange and dead-letter queue; idempotent. */
    void declare(Channel channel) throws IOException {
        String deadLetter = of(queue);
        Map<String, Object> quorum = Map.of("x-queue-type", "quorum");
        channel.exchangeDeclare(deadLetter, "fanout", true);
        channel.queueDeclare(deadLetter, true, false, false, quorum);
        channel.queueBind(deadLetter, deadLetter, "");
        Map<String, Object> arguments = new HashMap<>(quorum);
        arguments.put("x-dead-letter-exchange", deadLetter);
        channel.queueDeclare(queue, true, false, false, arguments);
    }

    /**
     * Publishes a refused message to the dead-letter exchange, with its reason, and waits for the
     * broker to confirm it; only then may the original be acknowledged. {@code channel} is in
     * confirm mode and used by one thread.
     */
    void publish(Channel channel, AMQP.BasicProperties properties, byte[] body, String reason, String detail)
            throws IOException, InterruptedException, TimeoutException {
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
        headers.put(REASON_HEADER, reason);
        if (detail != null) {
            headers.put(DETAIL_HEADER, detail);
        }
        channel.basicPublish(of(queue), queue, properties.builder().headers(headers).deliveryMode(2).build(), body);
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
    }
}
