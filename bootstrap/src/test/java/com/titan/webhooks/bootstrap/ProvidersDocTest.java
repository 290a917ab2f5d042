package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.application.port.out.CatalogueEntry;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/providers.md lists, for each provider, exactly the event types of its catalogue: a catalogue
 * line added without its line in the docs, or an event documented that the service does not
 * decode, fails the build.
 */
class ProvidersDocTest {

    // an event type opens a row of TitanCard's table or an item of TitanX's list
    private static final Pattern DOCUMENTED = Pattern.compile("^(?:\\| |- )`([a-z_]+(?:\\.[a-z_]+)+)`", Pattern.MULTILINE);

    @Test
    void theProvidersPage_documentsEveryCatalogueEntry_andNothingElse() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "providers.md"));
        int titanX = page.indexOf("\n## TitanX");
        Map<Source, Set<String>> catalogue = new JacksonEventDecoder().catalogue().stream()
                .collect(Collectors.groupingBy(CatalogueEntry::source,
                        Collectors.mapping(CatalogueEntry::eventType, Collectors.toCollection(TreeSet::new))));

        assertEquals(catalogue.get(Source.TITANCARD), documented(page.substring(0, titanX)), "TitanCard's events");
        assertEquals(catalogue.get(Source.TITANX), documented(page.substring(titanX)), "TitanX's events");
    }

    private static Set<String> documented(String section) {
        Set<String> types = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(section);
        while (matcher.find()) {
            types.add(matcher.group(1));
        }
        return types;
    }
}
