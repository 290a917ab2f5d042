package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The list queries on PostgreSQL at size: fills every listed table with {@code rows} rows
 * (argument 1, default 1,000,000), analyses them, prints the plan of each list query (with and
 * without each filter, first page and a page from the middle) and its latency through the port
 * (p50 and p99 of {@code runs} calls, argument 2, default 200). Run by bench/lists.sh; needs the
 * PostgreSQL of the tests (TEST_DATABASE_URL), in a database of its own that it drops.
 */
public final class ListQueryBenchmark {

    private ListQueryBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (TestDatabase store = TestDatabase.postgres(); Database database = store.openMigrated()) {
            long started = System.nanoTime();
            ListedTables.seed(database, rows);
            System.out.printf(Locale.ROOT, "seeded %,d rows in each listed table and analysed them in %.1f s%n%n", rows,
                    (System.nanoTime() - started) / 1e9);
            List<String> summary = new ArrayList<>();
            for (ListQueries.Variant variant : ListQueries.all(database, rows)) {
                List<PageRequest> pages = variant.pages(rows);
                for (int p = 0; p < pages.size(); p++) {
                    PageRequest page = pages.get(p);
                    String name = variant.name() + (p == 0 ? ", first page" : ", page from the middle");
                    String plan = ListQueryPlansTest.explain(database, variant.query().apply(page));
                    System.out.println("== " + name);
                    System.out.println(plan.indent(4).stripTrailing());
                    double[] millis = latencies(variant, page, runs);
                    summary.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f |", name, scans(plan),
                            percentile(millis, 0.50), percentile(millis, 0.99)));
                }
            }
            System.out.printf(Locale.ROOT, "%nlist queries at %,d rows per table, %d calls each through the port (limit %d)%n",
                    rows, runs, PageRequest.DEFAULT_LIMIT);
            System.out.println("| query | plan's scans | p50 / ms | p99 / ms |");
            System.out.println("| --- | --- | --- | --- |");
            summary.forEach(System.out::println);
            if (summary.stream().anyMatch(line -> line.contains("Seq Scan"))) {
                System.out.println("a list query reads its table whole");
                System.exit(1);
            }
        }
    }

    private static double[] latencies(ListQueries.Variant variant, PageRequest page, int runs) {
        for (int i = 0; i < Math.min(runs, 20); i++) {
            variant.run().apply(page); // warm-up: the JIT, and the server-prepared statement after five runs
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            variant.run().apply(page);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** The plan's scan nodes, e.g. "Index Scan using connections_status_id on connections c". */
    private static String scans(String plan) {
        return String.join("; ", plan.lines().map(String::strip).map(line -> line.replaceFirst("^->\\s*", ""))
                .filter(line -> line.contains("Scan")).toList());
    }
}
