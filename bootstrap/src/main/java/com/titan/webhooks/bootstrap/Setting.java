package com.titan.webhooks.bootstrap;

import java.util.Arrays;
import java.util.Optional;

/**
 * The name of every setting, with its default and meaning: the one list that {@code serve --help},
 * the configuration file's check for unknown names and the README's table are held to.
 */
enum Setting {
    HTTP_PORT("8080", "port to listen on (0 picks a free one)"),
    HTTP_HOST("0.0.0.0", "address to listen on: an IPv4 or IPv6 literal or a host name"),
    DATABASE_URL(Settings.DEFAULT_DATABASE_URL, "jdbc:postgresql://..., postgres://user:pw@host:port/db, or "
            + "jdbc:sqlite:FILE (the file's folder is created)"),
    DATABASE_USER("none", "PostgreSQL user (wins over one in the URL)"),
    DATABASE_PASSWORD("none", "PostgreSQL password (wins over one in the URL)"),
    DATABASE_POOL_SIZE("16", "PostgreSQL connection pool size (SQLite always uses one writer connection)"),
    DATABASE_CONNECT_TIMEOUT_SECONDS("5", "how long a request waits for a connection before answering 503"),
    TITANX_WEBHOOK_SECRETS("none", "TitanX secrets (whsec_...), comma-separated; unset: TitanX deliveries get 503"),
    TITANCARD_WEBHOOK_SECRETS("none", "TitanCard secrets, comma-separated; unset: TitanCard deliveries get 503"),
    API_TOKEN("none", "bearer token of the query API"),
    MAX_BODY_BYTES("1048576", "largest accepted delivery body; larger ones get 413 without being buffered"),
    HTTP_READ_TIMEOUT_SECONDS("10", "how long a delivery's whole body may take to arrive, from the request's start"),
    HTTP_MAX_PENDING_BODIES_PER_CLIENT("32", "delivery bodies one client address may have still arriving at once;"
            + " more are answered 429"),
    PROJECTION_BATCH_SIZE("200", "events applied per transaction by the worker"),
    PROJECTION_MAX_ATTEMPTS("5", "attempts before an event that fails to apply is parked"),
    PROJECTION_HOLD_BACK_MS("500", "while deliveries queue to be stored, the worker waits up to this long after it"
            + " last caught up, then works at full pace until it catches up: the most lag the wait adds (0 never waits)"),
    INGEST_BUSY_AT("32", "deliveries being stored at once from which ingest counts as queueing"),
    SHUTDOWN_GRACE_SECONDS("20", "how long SIGTERM waits for in-flight requests and the current batch"),
    RAW_PAYLOAD_RETENTION_DAYS("none (keep)", "blank the raw bodies and headers of settled events older than this"),
    CHANGE_RETENTION_DAYS("7", "delete changes of the change feed older than this (1 to 36500)"),
    CONSOLE_QUIET_MINUTES("30", "the console and /api/providers call a provider quiet after this long without an"
            + " accepted delivery (1 to 10080)"),
    SPOOL_DIR("./data/spool",
            "PostgreSQL only: where deliveries wait while the store is unreachable, one folder per instance; off disables"),
    SPOOL_MAX_MB("1024", "the spool's bound; beyond it, deliveries are answered 503"),
    AMQP_URL("none", "RabbitMQ, amqp://user:password@host:5672/vhost; set: the change feed is published there"),
    AMQP_CHANGES_EXCHANGE(BrokerSettings.DEFAULT_EXCHANGE, "durable topic exchange the change feed is published to"),
    AMQP_DELIVERIES_QUEUE("none", "quorum queue to consume relayed deliveries from (needs AMQP_URL)"),
    AMQP_PREFETCH("100", "relayed deliveries taken from the queue at once, before any is acknowledged"),
    LOG_FORMAT("text", "text, or json for one JSON object per log line"),
    LOG_LEVEL("INFO", "root log level: TRACE, DEBUG, INFO, WARN, ERROR or OFF");

    private final String fallback;
    private final String meaning;

    Setting(String fallback, String meaning) {
        this.fallback = fallback;
        this.meaning = meaning;
    }

    String fallback() {
        return fallback;
    }

    String meaning() {
        return meaning;
    }

    static Optional<Setting> named(String name) {
        return Arrays.stream(values()).filter(setting -> setting.name().equals(name)).findFirst();
    }

    /** The table printed by {@code serve --help}. */
    static String table() {
        int nameWidth = Arrays.stream(values()).mapToInt(setting -> setting.name().length()).max().orElse(0);
        String hanging = " ".repeat(2 + nameWidth + 2);
        StringBuilder table = new StringBuilder();
        for (Setting setting : values()) {
            // wrapped here, under its own column: the help would wrap a longer line to the margin
            StringBuilder line = new StringBuilder("  ").append(setting.name())
                    .append(" ".repeat(nameWidth - setting.name().length() + 2));
            for (String word : (setting.meaning + " (default: " + setting.fallback + ")").split(" ")) {
                if (line.length() + word.length() > HELP_WIDTH && line.length() > hanging.length()) {
                    table.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(hanging);
                }
                line.append(word).append(' ');
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /** The help's width (picocli's default is 80 columns). */
    static final int HELP_WIDTH = 79;
}
