package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.PageRequest;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On PostgreSQL with every listed table filled and analysed, no list query, with any one of its
 * filters or none, on its first page or a later one, reads its table whole: each plan uses the
 * index meant for it (a filter on a rare value: its own index; none, or a common value: the key),
 * so that dropping one the queries need fails here. (The figures at 1,000,000 rows come
 * from the benchmark, bench/lists.sh, which prints the same plans.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListQueryPlansTest {

    /** Enough rows that reading a table whole costs the planner more than an index does. */
    private static final int ROWS = 20_000;

    private TestDatabase store;
    private Database database;

    @BeforeAll
    void fill() {
        store = TestDatabase.postgres();
        database = store.openMigrated();
        ListedTables.seed(database, ROWS);
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
        if (store != null) {
            store.close();
        }
    }

    Stream<Arguments> queries() {
        return ListQueries.all(database, ROWS).stream()
                .flatMap(variant -> variant.pages(ROWS).stream().map(page -> Arguments.of(variant, page)));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("queries")
    void listQuery_usesAnIndex_neverReadsItsTableWhole(ListQueries.Variant variant, PageRequest page) {
        String plan = explain(database, variant.query().apply(page));
        assertFalse(plan.contains("Seq Scan"), variant.name() + ":\n" + plan);
        assertTrue(Pattern.compile("\\b" + Pattern.quote(variant.index()) + "\\b").matcher(plan).find(),
                variant.name() + " does not use " + variant.index() + ":\n" + plan);
        // the query the plan is of answers as the port does (the SQL checked is the SQL run)
        variant.run().apply(page);
    }

    static String explain(Database database, ListQuery query) {
        List<String> lines = database.jdbiTransactions().withHandle(handle -> query.on(handle, "EXPLAIN (COSTS OFF) ")
                .mapTo(String.class).list());
        return String.join("\n", lines);
    }
}
