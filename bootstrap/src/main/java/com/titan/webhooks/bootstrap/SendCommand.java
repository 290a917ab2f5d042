package com.titan.webhooks.bootstrap;

import com.titan.webhooks.application.port.in.DeliveryHeaders;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.titan.webhooks.adapter.in.amqp.Relay;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code send}: sign a sample delivery (or a file) the way its provider would and POST it,
 * printing what the service answers: our version of the provider's "Test" button.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sign a sample of an event type (or a file) as its provider would, POST it, print the answer.",
                "With --via amqp, publish it to the deliveries queue instead, as a relay would.",
                "The sample is stamped now, so each send is a new event, as a provider's would be; "
                        + "--timestamp sets another time, --times N resends the same bytes as retries do.",
                "Waits for the service to be ready first (--wait)."})
final class SendCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    private Main main;

    /** The help's footer: every event type there is a sample of, by provider. */
    static String eventTypes() {
        StringBuilder footer = new StringBuilder("%nEvent types:");
        for (Source source : Source.values()) {
            footer.append("%n  ").append(source.wireName()).append(':');
            int column = 80;
            for (Map.Entry<String, Source> type : Samples.EVENT_TYPES.entrySet()) {
                if (type.getValue() == source) {
                    if (column + type.getKey().length() > 76) {
                        footer.append("%n    ");
                        column = 4;
                    }
                    footer.append(type.getKey()).append(' ');
                    column += type.getKey().length() + 1;
                }
            }
        }
        return footer.append("%n").toString();
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EVENT_TYPE", arity = "0..1",
            description = "One of the event types listed below (the sample shipped in the jar); optional with --file.")
    private String eventType;

    @Option(names = "--url", paramLabel = "URL", description = "The service's base URL (default: http://localhost:HTTP_PORT, HTTP_PORT from the settings or 8080).")
    private String url;

    @Option(names = "--secret", paramLabel = "SECRET",
            description = "Signing secret (default: the first of the provider's TITANX_ or TITANCARD_WEBHOOK_SECRETS).")
    private String secret;

    @Option(names = "--provider", paramLabel = "titanx|titancard", description = "Whose signature to make for --file without an event type.")
    private String provider;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field, e.g. --set data.title=\"CTO\" (VALUE is JSON if it parses, else a string).")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--timestamp", paramLabel = "MILLIS|ISO",
            description = "The event's timestamp, in epoch milliseconds or ISO-8601 (default: now).")
    private String timestamp;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the service to answer /health/ready (default: ${DEFAULT-VALUE}; 0: do not wait).")
    private int waitSeconds;

    @Option(names = "--file", paramLabel = "FILE", description = "Send this body, byte for byte (no --set or --timestamp).")
    private Path file;

    @Option(names = "--times", paramLabel = "N", defaultValue = "1",
            description = "Send the same bytes N times, as a provider's retries do (default: 1).")
    private int times;

    @Option(names = "--unique", description = "Give the delivery a fresh identity (TitanX id, TitanCard nonce), so that it is not a duplicate.")
    private boolean unique;

    @Option(names = "--wrong-signature", description = "Sign with a wrong secret, to see the 401.")
    private boolean wrongSignature;

    @Option(names = "--via", paramLabel = "http|amqp", defaultValue = "http",
            description = "POST to the service (http, the default), or publish to AMQP_DELIVERIES_QUEUE on AMQP_URL as a relay would (amqp).")
    private String via;

    @Option(names = "--queue", paramLabel = "QUEUE",
            description = "With --via amqp: the queue to publish to (default: AMQP_DELIVERIES_QUEUE from the settings).")
    private String queue;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (times < 1) {
            throw new ParameterException(spec.commandLine(), "--times must be at least 1");
        }
        Source source = source();
        byte[] body = body(source);
        Settings settings = main.settings();
        SigningSecret signingSecret = wrongSignature ? new SigningSecret("whsec_wrong_" + UUID.randomUUID())
                : secret != null ? new SigningSecret(secret)
                : settings.secretsFor(source).stream().findFirst().orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "no secret: pass --secret or set " + source.name() + "_WEBHOOK_SECRETS"));
        if (waitSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--wait must be 0 or more seconds");
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(DeliveryHeaders.of(source).signature(), source.signaturePolicy().sign(body, signingSecret));
        headers.put("User-Agent", source == Source.TITANX ? "TitanX-Webhooks/1.0" : "TitanCard-Webhooks/1.0");
        DeliveryHeaders.of(source).eventType().ifPresent(header -> headers.put(header, typeOf(body, source)));
        if (via.equals("amqp")) {
            return relay(settings, source, body, headers);
        }
        if (!via.equals("http")) {
            throw new ParameterException(spec.commandLine(), "--via must be http or amqp");
        }
        URI base = URI.create((url != null ? url : "http://localhost:" + (settings.httpPort() == 0 ? 8080 : settings.httpPort()))
                .replaceAll("/+$", ""));
        URI target = URI.create(base + "/webhooks/" + source.wireName());
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        new Readiness(client, base).await(Duration.ofSeconds(waitSeconds));
        PrintWriter out = spec.commandLine().getOut();
        boolean all2xx = true;
        for (int i = 0; i < times; i++) {
            HttpResponse<String> response = Readiness.send(client, request.build(), base);
            out.println(response.statusCode() + " " + response.body());
            out.flush();
            all2xx &= response.statusCode() / 100 == 2;
        }
        return all2xx ? 0 : 1;
    }

    /**
     * Publishes the delivery to the deliveries queue as a relay would, and waits for the broker's
     * confirmation; what the service makes of it shows in its log, metrics and API.
     */
    private int relay(Settings settings, Source source, byte[] body, Map<String, String> headers) throws IOException,
            InterruptedException {
        BrokerSettings broker = settings.broker().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--via amqp needs AMQP_URL (in the environment or --config)"));
        String target = queue != null ? queue : broker.deliveriesQueue().orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--via amqp needs --queue or AMQP_DELIVERIES_QUEUE"));
        PrintWriter out = spec.commandLine().getOut();
        try (Relay relay = new Relay(broker.url())) {
            for (int i = 0; i < times; i++) {
                relay.publish(target, source, body, headers);
            }
            relay.confirmed();
        } catch (java.util.concurrent.TimeoutException | IOException failure) {
            spec.commandLine().getErr().println("titan-webhooks: could not publish to queue " + target + " on "
                    + BrokerSettings.masked(broker.url()) + ": " + failure.getMessage());
            return 1;
        }
        out.println("published " + times + " " + source.wireName() + " deliver" + (times == 1 ? "y" : "ies")
                + " to queue " + target + ", confirmed by the broker");
        out.flush();
        return 0;
    }

    private Source source() {
        if (provider != null) {
            return Source.fromWireName(provider).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "--provider must be titanx or titancard"));
        }
        if (eventType == null) {
            throw new ParameterException(spec.commandLine(), "give an EVENT_TYPE, or --file with --provider");
        }
        return Samples.sourceOf(eventType).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown event type '" + eventType + "'; known: " + String.join(", ", Samples.EVENT_TYPES.keySet())));
    }

    private byte[] body(Source source) throws IOException {
        if (file != null) {
            if (!overrides.isEmpty() || timestamp != null || unique) {
                throw new ParameterException(spec.commandLine(), "--file is sent byte for byte: no --set, --timestamp or --unique");
            }
            if (!Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), "--file " + file + " cannot be read");
            }
            return Files.readAllBytes(file);
        }
        ObjectNode root = (ObjectNode) JSON.readTree(Samples.body(eventType));
        // every shipped sample carries the same documented time; a provider stamps an event when it happens
        root.put("timestamp", timestamp == null ? Instant.now().toEpochMilli() : millis(timestamp));
        if (unique) {
            if (source == Source.TITANX) {
                root.put("id", UUID.randomUUID().toString());
            } else {
                ((ObjectNode) root.get("data")).put("_nonce", UUID.randomUUID().toString());
            }
        }
        for (String override : overrides) {
            apply(root, override);
        }
        return JSON.writeValueAsBytes(root);
    }

    private void apply(ObjectNode root, String override) {
        int equals = override.indexOf('=');
        if (equals <= 0) {
            throw new ParameterException(spec.commandLine(), "--set takes PATH=VALUE, e.g. data.title=CTO");
        }
        String[] path = override.substring(0, equals).split("\\.");
        String raw = override.substring(equals + 1);
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(path[i]);
        }
        node.set(path[path.length - 1], value(raw));
    }

    private static JsonNode value(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(raw);
        }
    }

    private long millis(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notMillis) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException notIso) {
                throw new ParameterException(spec.commandLine(), "--timestamp must be milliseconds or ISO-8601, e.g. 2026-01-16T16:00:00Z");
            }
        }
    }

    private static String typeOf(byte[] body, Source source) {
        try {
            JsonNode type = JSON.readTree(body).get(source == Source.TITANX ? "eventType" : "event");
            return type == null ? "" : type.asText();
        } catch (IOException notJson) {
            return "";
        }
    }

}
