package com.titan.webhooks.bootstrap;

import static java.util.stream.Collectors.toCollection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {

    @Test
    void nothingSet_givesTheNewcomerDefaults() {
        Settings settings = Settings.from(Map.of());
        assertEquals(8080, settings.httpPort());
        assertEquals("jdbc:sqlite:./data/titan-webhooks.db", settings.database().url());
        assertEquals(1024 * 1024, settings.maxBodyBytes());
        assertEquals(List.of(), settings.secretsFor(Source.TITANX));
        assertEquals(Optional.empty(), settings.apiToken());
        assertEquals(java.time.Duration.ofDays(7), settings.changeRetention());
    }

    @Test
    void secrets_areCommaSeparatedForRotation() {
        Settings settings = Settings.from(Map.of("TITANCARD_WEBHOOK_SECRETS", " whsec_old , whsec_new,,"));
        assertEquals(List.of(new SigningSecret("whsec_old"), new SigningSecret("whsec_new")),
                settings.secretsFor(Source.TITANCARD));
    }

    @Test
    void invalidValues_areRejectedWithTheVariableNamed() {
        assertMessage(Map.of("HTTP_PORT", "eighty"), "HTTP_PORT must be an integer from 0 to 65535 (got 'eighty')");
        assertMessage(Map.of("HTTP_PORT", "70000"), "HTTP_PORT must be an integer from 0 to 65535 (got '70000')");
        assertMessage(Map.of("MAX_BODY_BYTES", "0"), "MAX_BODY_BYTES must be an integer from 1 to 67108864 (got '0')");
        assertMessage(Map.of("CHANGE_RETENTION_DAYS", "0"), "CHANGE_RETENTION_DAYS must be an integer from 1 to 36500 (got '0')");
        assertMessage(Map.of("CHANGE_RETENTION_DAYS", "a week"),
                "CHANGE_RETENTION_DAYS must be an integer from 1 to 36500 (got 'a week')");
        assertMessage(Map.of("DATABASE_URL", "jdbc:mysql://db/x"), "DATABASE_URL must start with jdbc:postgresql:, "
                + "jdbc:sqlite:, postgres:// or postgresql:// (got 'jdbc:mysql://db/x')");
    }

    /**
     * One bad value for every setting that has invalid values, each refused with its name first. The
     * free-text settings are listed too, so that a new setting cannot be added without a decision here.
     */
    static Stream<Arguments> everySetting() {
        return Stream.of(
                Arguments.of(Setting.HTTP_PORT, "-1"),
                Arguments.of(Setting.HTTP_HOST, "my_host"),
                Arguments.of(Setting.DATABASE_URL, "jdbc:sqlite:"),
                Arguments.of(Setting.DATABASE_USER, null),
                Arguments.of(Setting.DATABASE_PASSWORD, null),
                Arguments.of(Setting.DATABASE_POOL_SIZE, "0"),
                Arguments.of(Setting.DATABASE_CONNECT_TIMEOUT_SECONDS, "five"),
                Arguments.of(Setting.TITANX_WEBHOOK_SECRETS, null),
                Arguments.of(Setting.TITANCARD_WEBHOOK_SECRETS, null),
                Arguments.of(Setting.API_TOKEN, null),
                Arguments.of(Setting.MAX_BODY_BYTES, "1.5"),
                Arguments.of(Setting.HTTP_READ_TIMEOUT_SECONDS, "601"),
                Arguments.of(Setting.HTTP_MAX_PENDING_BODIES_PER_CLIENT, "0"),
                Arguments.of(Setting.PROJECTION_BATCH_SIZE, "10001"),
                Arguments.of(Setting.PROJECTION_MAX_ATTEMPTS, "0"),
                Arguments.of(Setting.PROJECTION_HOLD_BACK_MS, "60001"),
                Arguments.of(Setting.INGEST_BUSY_AT, "0"),
                Arguments.of(Setting.SHUTDOWN_GRACE_SECONDS, "-5"),
                Arguments.of(Setting.RAW_PAYLOAD_RETENTION_DAYS, "forever"),
                Arguments.of(Setting.CHANGE_RETENTION_DAYS, "0"),
                Arguments.of(Setting.CONSOLE_QUIET_MINUTES, "half an hour"),
                Arguments.of(Setting.SPOOL_DIR, null),
                Arguments.of(Setting.SPOOL_MAX_MB, "0"),
                Arguments.of(Setting.AMQP_URL, "http://broker:5672/"),
                Arguments.of(Setting.AMQP_CHANGES_EXCHANGE, "amq.changes"),
                Arguments.of(Setting.AMQP_DELIVERIES_QUEUE, "deliveries queue"),
                Arguments.of(Setting.AMQP_PREFETCH, "0"),
                Arguments.of(Setting.LOG_FORMAT, "JSON"),
                Arguments.of(Setting.LOG_LEVEL, "LOUD"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("everySetting")
    void everySetting_aBadValue_isRefusedInOneLineNamingIt(Setting setting, String bad) {
        if (bad == null) {
            // free text (a host, a user, a path, a secret): any value is taken as given
            return;
        }
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> Settings.from(Map.of(setting.name(), bad)));
        assertTrue(refused.getMessage().startsWith(setting.name() + " must "), refused.getMessage());
        assertTrue(refused.getMessage().contains("'" + bad + "'"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
    }

    @Test
    void everySetting_isInTheValidationTable() {
        assertEquals(EnumSet.allOf(Setting.class),
                everySetting().map(arguments -> (Setting) arguments.get()[0]).collect(toCollection(() -> EnumSet.noneOf(Setting.class))));
    }

    @Test
    void logSettings_acceptExactlyTextOrJson_andRealLevels() {
        assertEquals("json", Settings.from(Map.of("LOG_FORMAT", "json")).logOutput().format());
        assertEquals(Level.DEBUG, Settings.from(Map.of("LOG_LEVEL", "debug")).logOutput().level());
        assertEquals(new LogOutput("text", Level.INFO), Settings.from(Map.of()).logOutput());
        for (String bad : new String[] {"xml", "JSON", "Text", " json-lines"}) {
            assertMessage(Map.of("LOG_FORMAT", bad), "LOG_FORMAT must be text or json (got '" + bad.trim() + "')");
        }
        for (String bad : new String[] {"LOUD", "ALL", "WARNING"}) {
            assertMessage(Map.of("LOG_LEVEL", bad),
                    "LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF (got '" + bad + "')");
        }
    }

    @Test
    void sqlite_withoutAFile_isRefused_becauseItWouldRunInMemory() {
        for (String memory : new String[] {"jdbc:sqlite:", "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:?cache=shared",
                "jdbc:sqlite:file:x.db?mode=memory"}) {
            InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                    () -> Settings.from(Map.of("DATABASE_URL", memory)));
            assertTrue(refused.getMessage().startsWith("DATABASE_URL must name a SQLite file"), refused.getMessage());
        }
        assertEquals("jdbc:sqlite:/var/lib/titan/t.db", Settings.from(Map.of("DATABASE_URL", "jdbc:sqlite:/var/lib/titan/t.db"))
                .database().url());
    }

    @Test
    void postgresUrl_asPlatformsHandItOut_becomesJdbcWithItsCredentials() {
        Settings settings = Settings.from(Map.of("DATABASE_URL", "postgres://titan:p%40ss%3Aword@db.example.com:6543/titan?sslmode=require"));
        assertEquals("jdbc:postgresql://db.example.com:6543/titan?sslmode=require", settings.database().url());
        assertEquals("titan", settings.database().user());
        assertEquals("p@ss:word", settings.database().password());
        assertTrue(settings.spoolFolder().isPresent(), "a PostgreSQL store gets the spool");
        assertTrue(!settings.toString().contains("p@ss"), settings.toString());

        Settings noPort = Settings.from(Map.of("DATABASE_URL", "postgresql://app@localhost/events"));
        assertEquals("jdbc:postgresql://localhost/events", noPort.database().url());
        assertEquals("app", noPort.database().user());
        assertEquals(null, noPort.database().password());

        Settings explicit = Settings.from(Map.of("DATABASE_URL", "postgres://a:b@h:5432/d", "DATABASE_USER", "ops",
                "DATABASE_PASSWORD", "other"));
        assertEquals("ops", explicit.database().user(), "DATABASE_USER wins over the URL's");
        assertEquals("other", explicit.database().password());

        InvalidSettingException noDatabase = assertThrows(InvalidSettingException.class,
                () -> Settings.from(Map.of("DATABASE_URL", "postgres://a:secret@h:5432")));
        assertEquals("DATABASE_URL must look like postgres://user:password@host:port/database (got 'postgres://***@h:5432')",
                noDatabase.getMessage(), "the password is never repeated");
    }

    @Test
    void httpHost_acceptsIpv4Ipv6AndHostNames() {
        for (String host : new String[] {"0.0.0.0", "127.0.0.1", "::", "::1", "[::1]", "fe80::1", "::ffff:10.0.0.1",
                "localhost", "api.example.com", "my-host", "host1."}) {
            assertEquals(host.replace("[", "").replace("]", ""), Settings.from(Map.of("HTTP_HOST", host)).httpHost(), host);
        }
    }

    @Test
    void httpHost_thatIsNeitherAnAddressNorAHostName_isRejected() {
        for (String host : new String[] {"999.1.1.1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "my_host", ":::1", "1::2::3",
                "-host", "host-", "a..b", "exa mple.com", "http://localhost", "localhost:8080", "[::1", "g::1"}) {
            assertMessage(Map.of("HTTP_HOST", host), "HTTP_HOST must be an IPv4 or IPv6 address or a host name (got '"
                    + host + "')");
        }
    }

    @Test
    void broker_isWiredOnlyWithAnAmqpUrl_andAQueueWithoutOneIsAMistake() {
        assertEquals(Optional.empty(), Settings.from(Map.of()).broker());
        BrokerSettings broker = Settings.from(Map.of("AMQP_URL", "amqp://titan:s3cret@mq:5672/%2F",
                "AMQP_DELIVERIES_QUEUE", "titan.deliveries")).broker().orElseThrow();
        assertEquals("titan.changes", broker.changesExchange());
        assertEquals(Optional.of("titan.deliveries"), broker.deliveriesQueue());
        assertEquals(100, broker.prefetch());
        assertMessage(Map.of("AMQP_DELIVERIES_QUEUE", "titan.deliveries"),
                "AMQP_DELIVERIES_QUEUE must come with AMQP_URL, the broker it is on (got 'titan.deliveries' and no AMQP_URL)");
        assertMessage(Map.of("AMQP_URL", "http://titan:s3cret@mq/"),
                "AMQP_URL must look like amqp://user:password@host:5672/vhost (got 'http://***@mq/')");
        assertTrue(!Settings.from(Map.of("AMQP_URL", "amqp://titan:s3cret@mq:5672/")).toString().contains("s3cret"));
    }

    @Test
    void toString_revealsNoSecret() {
        Settings settings = Settings.from(Map.of("TITANX_WEBHOOK_SECRETS", "whsec_hidden", "API_TOKEN", "tok_hidden",
                "DATABASE_URL", "jdbc:postgresql://db/x", "DATABASE_PASSWORD", "pw_hidden"));
        String text = settings.toString();
        assertTrue(!text.contains("whsec_hidden") && !text.contains("tok_hidden") && !text.contains("pw_hidden"), text);
    }

    private static void assertMessage(Map<String, String> env, String message) {
        assertEquals(message, assertThrows(InvalidSettingException.class, () -> Settings.from(env)).getMessage());
    }
}
