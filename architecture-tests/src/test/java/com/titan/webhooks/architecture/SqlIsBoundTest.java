package com.titan.webhooks.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL only through bound parameters. Bytecode cannot tell a constant from a string built at run
 * time, so this reads the persistence adapter's sources: every statement handed to JDBI must be a
 * constant (or a choice between constants), and the constants may only join literals and other
 * constants. Values then have nowhere to go but into bound parameters. Migrations are plain files.
 */
class SqlIsBoundTest {

    private static final Path SOURCES = Path.of("..", "adapters-persistence", "src", "main", "java");
    private static final Pattern STATEMENT = Pattern.compile(
            "\\.(createQuery|createUpdate|prepareBatch|createScript|createCall|execute|select)\\(((?:[^()]|\\([^()]*\\))*)\\)");
    private static final Pattern ALLOWED_ARGUMENT = Pattern.compile(
            "[A-Z][A-Z0-9_]*|sql|\"[^\"+]*\"|[\\w.() =!]+\\?\\s*[A-Z][A-Z0-9_]*\\s*:\\s*[A-Z][A-Z0-9_]*");
    private static final Pattern SQL_CONSTANT = Pattern.compile(
            "static final String ([A-Z][A-Z0-9_]*)\\s*=\\s*(.*?);\\n", Pattern.DOTALL);

    @Test
    void persistenceAdapter_buildsNoSqlFromValues() throws IOException {
        List<String> violations = new ArrayList<>();
        int statements = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                violations.addAll(violations(file.getFileName().toString(), source));
                statements += (int) STATEMENT.matcher(source).results().count();
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(statements > 20, "only " + statements + " statements found: is the check still reading the adapter?");
    }

    @Test
    void check_reportsSqlBuiltFromAValue() {
        String wrong = """
                final class Wrong {
                    List<String> find(Handle handle, String id) {
                        return handle.createQuery("SELECT id FROM inbox_events WHERE id = '" + id + "'").mapTo(String.class).list();
                    }
                }
                """;
        String alsoWrong = """
                final class AlsoWrong {
                    private static final String FIND = "SELECT * FROM t WHERE k = " + key();
                }
                """;
        assertFalse(violations("Wrong.java", wrong).isEmpty());
        assertFalse(violations("AlsoWrong.java", alsoWrong).isEmpty());
        assertTrue(violations("Right.java", """
                final class Right {
                    private static final String COLUMNS = "id, source";
                    private static final String FIND = "SELECT " + COLUMNS + \"""
                             FROM t WHERE id = :id
                            \""";
                    void find(Handle handle) {
                        handle.createQuery(FIND).bind("id", 1).mapTo(String.class).list();
                        handle.createUpdate(version == 0 ? INSERT : UPDATE).execute();
                    }
                }
                """).isEmpty());
    }

    static List<String> violations(String file, String source) {
        List<String> found = new ArrayList<>();
        Matcher call = STATEMENT.matcher(source);
        while (call.find()) {
            String argument = call.group(2).trim();
            if (argument.isEmpty() || call.group(1).equals("execute") || call.group(1).equals("select")
                    && argument.isEmpty()) {
                continue;
            }
            if (!ALLOWED_ARGUMENT.matcher(argument).matches()) {
                found.add(file + ": " + call.group(1) + "(" + argument + ")");
            }
        }
        Matcher constant = SQL_CONSTANT.matcher(source);
        while (constant.find()) {
            String initializer = constant.group(2).replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"").replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
            for (String part : initializer.split("\\+")) {
                String piece = part.trim();
                if (!piece.equals("\"\"") && !piece.matches("[A-Z][A-Z0-9_]*")) {
                    found.add(file + ": " + constant.group(1) + " joins " + piece);
                }
            }
        }
        return found;
    }
}
