package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/providers.md lists, for each provider, exactly the event types of its catalogue, between
 * {@code <!-- catalogue: <source> -->} and {@code <!-- /catalogue -->}: a catalogue line added
 * without its line in the docs, an event documented that the service does not decode, or a line in
 * the list this test cannot read, fails the build.
 */
class ProvidersDocTest {

    private static final Pattern ENTRY = Pattern.compile("^(?:\\| |- )`([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)`[ :|].*");
    // the table's header and rule, and the indented rest of a list item
    private static final Pattern NOT_AN_ENTRY = Pattern.compile("^(?:\\| event \\|.*|\\| --- \\|.*|  +[^ \\-*|].*|)$");

    @Test
    void theProvidersPage_documentsEveryCatalogueEntry_andNothingElse() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "providers.md"));
        Map<Source, Set<String>> catalogue = new JacksonEventDecoder().catalogue().stream()
                .collect(Collectors.groupingBy(CatalogueEntry::source,
                        Collectors.mapping(CatalogueEntry::eventType, Collectors.toCollection(TreeSet::new))));

        for (Source source : Source.values()) {
            assertEquals(catalogue.get(source), documented(lines, source), source.wireName() + "'s events");
        }
    }

    private static Set<String> documented(List<String> lines, Source source) {
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith("<!-- catalogue: " + source.wireName() + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no catalogue list for " + source.wireName())));
        Set<String> types = new TreeSet<>();
        for (int at = start + 1; !lines.get(at).equals("<!-- /catalogue -->"); at++) {
            String line = lines.get(at);
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                types.add(entry.group(1));
            } else if (!NOT_AN_ENTRY.matcher(line).matches()) {
                fail("line " + (at + 1) + " of docs/providers.md is in " + source.wireName()
                        + "'s catalogue list but is no entry this test can read: " + line);
            }
        }
        return types;
    }
}
