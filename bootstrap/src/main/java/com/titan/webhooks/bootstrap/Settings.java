package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.DatabaseSettings;
import com.titan.webhooks.adapter.out.persistence.Dialect;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every setting of the service, read from environment variables (and a configuration file) and
 * validated at start-up. The names are part of the service's contract: {@link Setting} lists them.
 */
public record Settings(
        String httpHost,
        int httpPort,
        DatabaseSettings database,
        Map<Source, List<SigningSecret>> secrets,
        Optional<String> apiToken,
        Optional<Duration> payloadRetention,
        Optional<java.nio.file.Path> spoolFolder,
        long spoolMaxBytes,
        int maxBodyBytes,
        int maxPendingBodiesPerClient,
        int projectionBatchSize,
        int projectionMaxAttempts,
        Duration projectionHoldBack,
        int ingestBusyAt,
        Duration readTimeout,
        Duration shutdownGrace,
        LogOutput logOutput,
        Duration changeRetention,
        Optional<BrokerSettings> broker,
        Duration consoleQuiet) {

    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:./data/titan-webhooks.db";

    public Settings {
        secrets = Map.copyOf(secrets);
    }

    /** Reads and validates {@code env}; throws {@link InvalidSettingException} naming the first bad variable. */
    public static Settings from(Map<String, String> env) {
        String url = text(env, "DATABASE_URL").orElse(DEFAULT_DATABASE_URL);
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        int poolSize = integer(env, "DATABASE_POOL_SIZE", 16, 1, 512);
        DatabaseSettings database = new DatabaseSettings(parsed.jdbcUrl(),
                text(env, "DATABASE_USER").or(parsed::user).orElse(null),
                text(env, "DATABASE_PASSWORD").or(parsed::password).orElse(null), poolSize,
                Duration.ofSeconds(integer(env, "DATABASE_CONNECT_TIMEOUT_SECONDS", 5, 1, 300)));
        Map<Source, List<SigningSecret>> secrets = new EnumMap<>(Source.class);
        secrets.put(Source.TITANX, secretList(env, "TITANX_WEBHOOK_SECRETS"));
        secrets.put(Source.TITANCARD, secretList(env, "TITANCARD_WEBHOOK_SECRETS"));
        return new Settings(
                host(env, "HTTP_HOST", "0.0.0.0"),
                integer(env, "HTTP_PORT", 8080, 0, 65535),
                database,
                secrets,
                text(env, "API_TOKEN"),
                text(env, "RAW_PAYLOAD_RETENTION_DAYS").map(days -> Duration.ofDays(
                        integer(env, "RAW_PAYLOAD_RETENTION_DAYS", 0, 1, 36_500))),
                // the spool only makes sense for a store elsewhere: SQLite is already a local file
                database.dialect() == Dialect.POSTGRESQL && !"off".equalsIgnoreCase(env.getOrDefault("SPOOL_DIR", ""))
                        ? Optional.of(java.nio.file.Path.of(text(env, "SPOOL_DIR").orElse("./data/spool")))
                        : Optional.empty(),
                integer(env, "SPOOL_MAX_MB", 1024, 1, 1_048_576) * 1024L * 1024L,
                integer(env, "MAX_BODY_BYTES", 1024 * 1024, 1, 64 * 1024 * 1024),
                integer(env, "HTTP_MAX_PENDING_BODIES_PER_CLIENT", 32, 1, 100_000),
                integer(env, "PROJECTION_BATCH_SIZE", 200, 1, 10_000),
                integer(env, "PROJECTION_MAX_ATTEMPTS", 5, 1, 100),
                Duration.ofMillis(integer(env, "PROJECTION_HOLD_BACK_MS", 500, 0, 60_000)),
                integer(env, "INGEST_BUSY_AT", 32, 1, 100_000),
                Duration.ofSeconds(integer(env, "HTTP_READ_TIMEOUT_SECONDS", 10, 1, 600)),
                Duration.ofSeconds(integer(env, "SHUTDOWN_GRACE_SECONDS", 20, 0, 600)),
                LogOutput.from(text(env, "LOG_FORMAT"), text(env, "LOG_LEVEL")),
                Duration.ofDays(integer(env, "CHANGE_RETENTION_DAYS", 7, 1, 36_500)),
                BrokerSettings.from(env, integer(env, "AMQP_PREFETCH", 100, 1, 10_000)),
                Duration.ofMinutes(integer(env, "CONSOLE_QUIET_MINUTES", 30, 1, 10_080)));
    }

    public List<SigningSecret> secretsFor(Source source) {
        return secrets.getOrDefault(source, List.of());
    }

    static Optional<String> text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * An IPv4 literal, an IPv6 literal (brackets optional) or a host name (RFC 1123 labels).
     * Checked here so that a typo stops the service at once rather than binding somewhere else.
     */
    private static String host(Map<String, String> env, String name, String fallback) {
        String value = text(env, name).orElse(fallback);
        String bare = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        boolean valid = bare.contains(":") ? IPV6.matcher(bare).matches() && isIpv6(bare)
                : bare.matches("[0-9.]+") ? isIpv4(bare) : HOST_NAME.matcher(bare).matches();
        if (!valid) {
            throw new InvalidSettingException(name + " must be an IPv4 or IPv6 address or a host name (got '"
                    + value + "')");
        }
        return bare;
    }

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    private static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A literal only: InetAddress parses a literal without any name lookup. */
    private static boolean isIpv6(String text) {
        try {
            return InetAddress.getByName("[" + text + "]") != null;
        } catch (UnknownHostException | RuntimeException notALiteral) {
            return false;
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> value = text(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException invalid) {
            throw new InvalidSettingException(name + " must be an integer from " + min + " to " + max
                    + " (got '" + value.get() + "')");
        }
    }

    /** Comma-separated, so that a new secret can be added before the old one is removed. */
    private static List<SigningSecret> secretList(Map<String, String> env, String name) {
        return text(env, name)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(SigningSecret::new).toList())
                .orElse(List.of());
    }

    /** Secrets and the token never appear in a log line. */
    @Override
    public String toString() {
        return "Settings[http=" + httpHost + ":" + httpPort + ", database=" + database + ", maxBodyBytes=" + maxBodyBytes
                + ", " + logOutput + broker.map(b -> ", " + b).orElse("") + "]";
    }
}
