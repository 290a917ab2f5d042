import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.titan.webhooks.adapter.in.amqp.Relay;
import com.titan.webhooks.domain.delivery.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's relay, run from the jar's classes: {@code java -cp titan-webhooks.jar
 * bench/QueueLoad.java publish URL QUEUE POOL} publishes every delivery of a pool written by
 * generate.py to the deliveries queue as a relay would (waiting for the queue the service declares,
 * then for the broker's confirms), and prints how fast; {@code ... cleanup URL QUEUE EXCHANGE}
 * deletes what the run declared.
 */
public class QueueLoad {

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(args[1]);
        if (args[0].equals("cleanup")) {
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                channel.queueDelete(args[2]);
                channel.queueDelete(args[2] + ".dead-letter");
                channel.exchangeDelete(args[2] + ".dead-letter");
                channel.exchangeDelete(args[3]);
            }
            return;
        }
        awaitQueue(factory, args[2]);
        List<String> pool = Files.readAllLines(Path.of(args[3]));
        long started = System.nanoTime();
        try (Relay relay = new Relay(args[1])) {
            int sent = 0;
            for (String line : pool) {
                int tab = line.indexOf('\t');
                relay.publish(args[2], Source.TITANCARD, line.substring(tab + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/json", "X-Webhook-Signature", line.substring(0, tab),
                                "X-Webhook-Event", "connection.created"));
                if (++sent % 1_000 == 0) {
                    relay.confirmed();
                }
            }
            relay.confirmed();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("RESULT published=%d publish_per_s=%.0f%n", pool.size(), pool.size() / seconds);
    }

    private static void awaitQueue(ConnectionFactory factory, String queue) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (Connection connection = factory.newConnection()) {
            while (true) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDeclarePassive(queue);
                    return;
                } catch (java.io.IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the service never declared queue " + queue);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }
}
