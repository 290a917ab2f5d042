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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
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

    @Test
    void configFile_withoutACommand_isReadByServe(@TempDir Path folder) throws Exception {
        // the README's line: java -jar titan-webhooks.jar --config titan.yaml (a bad value proves the file was read
        // by serve, without starting a service that would block the test)
        Path yaml = folder.resolve("titan.yaml");
        Files.writeString(yaml, "LOG_FORMAT: xml\n");
        String err = captureErr(() -> assertEquals(2, Main.run(Map.of(), "--config", yaml.toString())));
        assertEquals("titan-webhooks: LOG_FORMAT must be text or json (got 'xml')", err.strip());
    }

    @Test
    void configFile_anUnknownName_isRefused(@TempDir Path folder) throws Exception {
        Path yaml = folder.resolve("titan.yaml");
        Files.writeString(yaml, "HTTP_PORT: 8080\nDATABASE_ULR: jdbc:postgresql://db/titan\n");
        String err = captureErr(() -> assertEquals(2, Main.run(Map.of(), "--config", yaml.toString())));
        assertEquals("titan-webhooks: --config " + yaml + ": DATABASE_ULR is not a setting (serve --help lists them)",
                err.strip());
        Path properties = folder.resolve("titan.properties");
        Files.writeString(properties, "LOG_LEVL=DEBUG\n");
        assertEquals(2, Main.run(Map.of(), "migrate", "--config", properties.toString()));
    }

    @Test
    void exampleConfiguration_isValid_andNamesEverySetting() throws Exception {
        Path example = Path.of(System.getProperty("user.dir")).getParent().resolve("deploy/titan.example.yaml");
        Settings settings = Settings.from(ConfigFile.read(example));
        assertEquals("json", settings.logOutput().format());
        String text = Files.readString(example);
        String readme = Files.readString(example.getParent().getParent().resolve("README.md"));
        for (Setting setting : Setting.values()) {
            assertTrue(text.contains(setting.name() + ":"), "the example shows " + setting);
            assertTrue(readme.contains("`" + setting.name() + "`"), "the README's table lists " + setting);
        }
    }

    @Test
    void help_listsWhatCanBeChosen() {
        String serve = captureOut(() -> assertEquals(0, Main.run(Map.of(), "serve", "--help")));
        String settings = serve.substring(serve.indexOf("Settings ("));
        for (String line : settings.lines().skip(2).toList()) {
            assertTrue(line.length() <= 80 && (line.isEmpty() || line.startsWith("  ")),
                    "each setting's lines stay in its column:\n" + line);
        }
        for (Setting setting : Setting.values()) {
            assertTrue(serve.contains(setting.name()), "serve --help names " + setting + ":\n" + serve);
        }
        String send = captureOut(() -> assertEquals(0, Main.run(Map.of(), "send", "--help")));
        for (String type : Samples.EVENT_TYPES.keySet()) {
            assertTrue(send.contains(type), "send --help lists " + type + ":\n" + send);
        }
        CommandLine commands = new CommandLine(new Main(Map.of()));
        for (String command : new String[] {"send", "verify", "replay", "migrate", "serve"}) {
            for (OptionSpec option : commands.getSubcommands().get(command).getCommandSpec().options()) {
                assertTrue(String.join(" ", option.description()).strip().length() > 10,
                        command + " --help describes " + option.longestName());
            }
        }
    }

    private static String captureOut(Runnable action) {
        return capture(System.out, System::setOut, action);
    }

    private static String captureErr(Runnable action) {
        return capture(System.err, System::setErr, action);
    }

    private static String capture(PrintStream original, Consumer<PrintStream> redirect, Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        redirect.accept(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            redirect.accept(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
