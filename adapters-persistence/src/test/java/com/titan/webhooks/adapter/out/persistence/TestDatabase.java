package com.titan.webhooks.adapter.out.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A store of a test's own: a SQLite file in a temporary folder, or a uniquely named PostgreSQL
 * database on the server at {@code TEST_DATABASE_URL}; dropped on close, leaving nothing behind.
 *
 * <p>Where no PostgreSQL answers, PostgreSQL tests are skipped with the reason; where {@code CI=true}
 * they fail instead, so that CI never passes without them.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final DatabaseSettings settings;
    private final Runnable drop;

    private TestDatabase(DatabaseSettings settings, Runnable drop) {
        this.settings = settings;
        this.drop = drop;
    }

    public static TestDatabase sqlite() {
        try {
            Path folder = Files.createTempDirectory("titan-sqlite-");
            return new TestDatabase(DatabaseSettings.of("jdbc:sqlite:" + folder.resolve("test.db"), null, null),
                    () -> deleteRecursively(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDatabase postgres() {
        String adminUrl = env("TEST_DATABASE_URL", DEFAULT_URL);
        String user = env("TEST_DATABASE_USER", "postgres");
        String password = env("TEST_DATABASE_PASSWORD", "postgres");
        String name = "titan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            String reason = "PostgreSQL is not reachable at " + adminUrl + ": " + unreachable.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + " (CI=true: PostgreSQL tests must run)");
            }
            // JUnit keeps an abort's reason in its report only; Surefire's console shows "Tests run: 0" and no why
            System.err.println("[SKIPPED] " + callingTestClass() + ": " + reason
                    + " (set TEST_DATABASE_URL, or CI=true to fail instead)");
            Assumptions.abort(reason);
        }
        String url = withDatabase(adminUrl, name);
        return new TestDatabase(DatabaseSettings.of(url, user, password), () -> dropPostgres(adminUrl, user, password, name));
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Opens the store and applies its migrations. */
    public Database openMigrated() {
        Database database = Database.open(settings);
        database.migrate();
        return database;
    }

    public boolean isPostgres() {
        return settings.dialect() == Dialect.POSTGRESQL;
    }

    @Override
    public void close() {
        drop.run();
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database.toLowerCase(Locale.ROOT) + params;
    }

    private static void dropPostgres(String adminUrl, String user, String password, String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    /** Deletes a test's folder and all in it; one already gone (or half gone) is no failure. */
    public static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // gone already, or a temporary folder the OS will clean
        }
    }

    /** The test class that asked for the database, for the skip line. */
    private static String callingTestClass() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("Test") || name.endsWith("IT"))
                .findFirst()
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .orElse("a PostgreSQL test"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
