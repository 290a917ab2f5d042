package com.titan.webhooks.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A new event record without its aggregate's rule does not compile: each sealed family declares
 * an abstract {@code applyTo}, so a forgotten rule fails the build instead of a production event.
 * Proven by compiling the real family's source with one record added, once without the method
 * (refused) and once with it (accepted, so that the refusal is about the rule and nothing else).
 */
class ExhaustiveRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/titan/webhooks/domain");

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({
            "connection/ConnectionEvent.java, ConnectionEvent, ConnectionId connectionId, Connection connection, ConnectionField",
            "card/CardEvent.java, CardEvent, CardId cardId, Card card, CardField"})
    void newEventRecord_withoutItsRule_doesNotCompile(String file, String family, String idComponent,
                                                        String ruleParameter, String fieldType) throws IOException {
        String forgotten = "    record Forgotten(" + idComponent + ", Stamp stamp, Map<" + fieldType + ", String> fields)"
                + " implements " + family + " {\n";

        List<String> withoutRule = compile(file, forgotten + "    }\n");
        List<String> withRule = compile(file, forgotten + "        @Override\n        public void applyTo(" + ruleParameter
                + ") {\n        }\n    }\n");

        assertFalse(withoutRule.isEmpty(), "a record without applyTo compiled");
        assertTrue(withoutRule.stream().anyMatch(error -> error.contains("applyTo")),
                "the error names the missing rule: " + withoutRule);
        assertEquals(List.of(), withRule, "the same record with its rule must compile");
    }

    /** Compiles the family's source with {@code record} added as its last member; answers the errors. */
    private List<String> compile(String file, String record) throws IOException {
        String source = Files.readString(SOURCES.resolve(file), StandardCharsets.UTF_8);
        int end = source.lastIndexOf('}');
        Path copy = Files.createDirectories(work.resolve("src-" + System.nanoTime())).resolve(Path.of(file).getFileName());
        Files.writeString(copy, source.substring(0, end) + "\n" + record + "}\n", StandardCharsets.UTF_8);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = Files.createDirectories(work.resolve("classes-" + System.nanoTime()));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(new StringWriter(), files, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                            "--release", "17", "-proc:none"),
                    null, files.getJavaFileObjects(copy)).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(null)).toList();
            assertEquals(compiled, errors.isEmpty(), "javac's verdict and its errors disagree: " + errors);
            return errors;
        }
    }
}
