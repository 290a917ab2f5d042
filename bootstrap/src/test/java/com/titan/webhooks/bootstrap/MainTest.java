package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's commands, run in-process, including their error paths. */
class MainTest {

    @Test
    void help_exits0() {
        assertEquals(0, Main.run(Map.of(), "--help"));
        assertEquals(0, Main.run(Map.of(), "serve", "--help"));
    }

    @Test
    void unknownCommand_exits2() {
        assertEquals(2, Main.run(Map.of(), "teleport"));
    }

    @Test
    void invalidSetting_exits2_withOneLine() {
        String err = captureErr(() -> assertEquals(2, Main.run(Map.of("HTTP_PORT", "abc"), "serve")));
        assertEquals("titan-webhooks: HTTP_PORT must be an integer from 0 to 65535 (got 'abc')", err.strip());
    }

    @Test
    void invalidHttpHost_exits2_withOneLine() {
        for (String host : new String[] {"999.1.1.1", "my_host"}) {
            String err = captureErr(() -> assertEquals(2, Main.run(Map.of("HTTP_HOST", host), "serve")));
            assertEquals("titan-webhooks: HTTP_HOST must be an IPv4 or IPv6 address or a host name (got '" + host + "')",
                    err.strip());
        }
    }

    @Test
    void migrate_appliesTheMigrationsAndExits0() {
        try (TestDatabase database = TestDatabase.sqlite()) {
            assertEquals(0, Main.run(Map.of("DATABASE_URL", database.settings().url()), "migrate"));
            assertEquals(1, new StoreQueries(database).count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'"));
        }
    }

    @Test
    void migrate_onAnUnreachableStore_exitsNonZero() {
        int code = Main.run(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "DATABASE_CONNECT_TIMEOUT_SECONDS", "1"), "migrate");
        assertTrue(code != 0);
    }

    @Test
    void configFile_suppliesSettings_andTheEnvironmentWins(@TempDir Path folder) throws Exception {
        try (TestDatabase database = TestDatabase.sqlite()) {
            Path yaml = folder.resolve("titan.yaml");
            Files.writeString(yaml, "DATABASE_URL: " + database.settings().url() + "\nHTTP_PORT: 70000\n");
            String err = captureErr(() -> assertEquals(2, Main.run(Map.of(), "migrate", "--config", yaml.toString())));
            assertTrue(err.contains("HTTP_PORT must be an integer"), err);

            assertEquals(0, Main.run(Map.of("HTTP_PORT", "8080"), "--config", yaml.toString(), "migrate"));
            assertEquals(1, new StoreQueries(database).count("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'"));

            Path properties = folder.resolve("titan.properties");
            Files.writeString(properties, "DATABASE_URL=" + database.settings().url() + "\nMAX_BODY_BYTES=-1\n");
            assertEquals(2, Main.run(Map.of(), "migrate", "--config", properties.toString()));
            assertEquals(2, Main.run(Map.of(), "migrate", "--config", folder.resolve("missing.yaml").toString()));
        }
    }

    private static String captureErr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
