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
 * generate.py to the deliveries queue as a relay would, with the broker's confirms, and prints how
 * fast. It declares the queue first, with the arguments the service declares it with (a quorum
 * queue and its dead-letter exchange), so that a backlog can wait there before the service starts.
 * {@code ... cleanup URL QUEUE EXCHANGE...} deletes what the run declared.
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
                for (int i = 3; i < args.length; i++) {
                    channel.exchangeDelete(args[i]);
                }
            }
            return;
        }
        declare(factory, args[2]);
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

    private static void declare(ConnectionFactory factory, String queue) throws Exception {
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String deadLetter = queue + ".dead-letter";
            channel.exchangeDeclare(deadLetter, "fanout", true);
            channel.queueDeclare(deadLetter, true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(deadLetter, deadLetter, "");
            channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum",
                    "x-dead-letter-exchange", deadLetter));
        }
    }
}
