package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.contract.StoreUnderTest;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.connection.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tag filter finds a tag by its whole value in both SQL stores, whatever it holds: the list
 * separator of the old member columns ({@code |}) and LIKE's wildcards ({@code %}, {@code _}) are
 * ordinary characters, so a tag is found by itself only, never by a part or a pattern of it.
 */
class TagFilterTest {

    static Stream<Supplier<TestDatabase>> stores() {
        return Stream.of(TestDatabase::sqlite, TestDatabase::postgres);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void tagsHoldingSeparatorAndWildcards_matchExactly(Supplier<TestDatabase> kind) {
        try (StoreUnderTest store = SqlStore.open(kind.get())) {
            save(store, "pipe", List.of("x|y"));
            save(store, "percent", List.of("100%"));
            save(store, "underscore", List.of("a_b"));
            save(store, "lookalikes", List.of("x", "y", "1000", "axb", "a", "\\"));

            assertEquals(List.of("pipe"), taggedWith(store, "x|y"));
            assertEquals(List.of("percent"), taggedWith(store, "100%"));
            assertEquals(List.of("underscore"), taggedWith(store, "a_b"));
            assertEquals(List.of("lookalikes"), taggedWith(store, "x"), "not the half of x|y");
            assertEquals(List.of("lookalikes"), taggedWith(store, "\\"));
            assertEquals(List.of(), taggedWith(store, "10%"), "% is no wildcard");
            assertEquals(List.of(), taggedWith(store, "a%"), "% is no wildcard");
            assertEquals(List.of(), taggedWith(store, "%"), "% is no wildcard");
            assertEquals(List.of(), taggedWith(store, "a_"), "_ is no wildcard");
            assertEquals(List.of(), taggedWith(store, "|"), "the old separator is no tag");
            assertEquals(List.of(), taggedWith(store, "x\\!y"), "the old escaped form is no tag");

            // and after an odd filter, an ordinary one still answers
            assertEquals(List.of("lookalikes"), taggedWith(store, "axb"));
        }
    }

    private static void save(StoreUnderTest store, String id, List<String> tags) {
        Connection connection = TestEvents.aConnection(id);
        connection.apply(TestEvents.tagged(id, TestEvents.stamp(9_000), tags));
        store.connections().save(connection);
    }

    private static List<String> taggedWith(StoreUnderTest store, String tag) {
        return store.connections().list(new ConnectionFilter(Optional.empty(), Optional.of(tag), Optional.empty(),
                Optional.empty(), true), PageRequest.first(50)).items().stream().map(c -> c.id().value()).toList();
    }
}
