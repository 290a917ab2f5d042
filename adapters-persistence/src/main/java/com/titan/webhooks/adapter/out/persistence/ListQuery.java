package com.titan.webhooks.adapter.out.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A query built from the filters a request actually gives: one condition per filter present, and
 * none for a filter absent. A fixed statement with {@code (:x IS NULL OR column = :x)} for every
 * filter would be planned once for all of them, and no index fits all of them.
 */
final class ListQuery {

    private final String select;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, List<?>> lists = new LinkedHashMap<>();
    private String tail = "";

    private ListQuery(String select) {
        this.select = select;
    }

    /** {@code select}: the statement up to its WHERE (columns, tables and joins). */
    static ListQuery select(String select) {
        return new ListQuery(select);
    }

    /** A condition that always applies, with the value of its one parameter {@code :name}. */
    ListQuery where(String condition, String name, Object value) {
        conditions.add(condition);
        values.put(name, value);
        return this;
    }

    /** A condition without parameters. */
    ListQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition that applies only if {@code value} is given, bound to {@code :name}. */
    ListQuery where(Optional<?> value, String condition, String name) {
        value.ifPresent(present -> where(condition, name, present));
        return this;
    }

    /** A condition with a list parameter {@code <name>}: {@code column IN (<name>)}. */
    ListQuery whereIn(String column, String name, List<?> members) {
        conditions.add(column + " IN (<" + name + ">)");
        lists.put(name, members);
        return this;
    }

    /** What follows the WHERE clause (ORDER BY, LIMIT, GROUP BY), with the value of {@code :limit} if it has one. */
    ListQuery then(String tail) {
        this.tail = tail;
        return this;
    }

    ListQuery then(String tail, int limit) {
        values.put("limit", limit);
        return then(tail);
    }

    String sql() {
        return select + (conditions.isEmpty() ? "" : "\nWHERE " + String.join("\n  AND ", conditions)) + "\n" + tail;
    }

    /** The statement on {@code handle}, its parameters bound; prefixed with {@code prefix} (such as "EXPLAIN "). */
    Query on(Handle handle, String prefix) {
        // made of the repositories' constant fragments only: every value is a bound parameter
        String sql = prefix + sql();
        Query query = handle.createQuery(sql);
        values.forEach(query::bind);
        lists.forEach(query::bindList);
        return query;
    }

    Query on(Handle handle) {
        return on(handle, "");
    }
}
