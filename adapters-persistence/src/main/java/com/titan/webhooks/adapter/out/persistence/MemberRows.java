package com.titan.webhooks.adapter.out.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A list that queries look into (a connection's tags, a contact's phone digits), kept one member
 * per row of a link table keyed by (member, owner): finding the owners of one member is a look-up
 * of its whole value in that key, the same SQL in both dialects, whatever characters it holds.
 */
final class MemberRows {

    static final MemberRows CONNECTION_TAGS = new MemberRows("connection_tags", "connection_id", "tag");
    static final MemberRows CONTACT_PHONES = new MemberRows("contact_phones", "contact_key", "digits");

    private final String table;
    private final String owner;
    private final String member;

    private MemberRows(String table, String owner, String member) {
        this.table = table;
        this.owner = owner;
        this.member = member;
    }

    /**
     * Replaces the members of each owner in {@code members} with those given. Called after the
     * owners' own rows are written, whose row locks keep two writers of one owner apart.
     */
    void replace(Handle handle, Map<String, List<String>> members) {
        if (members.isEmpty()) {
            return;
        }
        // in key order, as every writer does, so that two of them never wait on each other in a circle
        Map<String, List<String>> byOwner = new TreeMap<>(members);
        handle.createUpdate("DELETE FROM " + table + " WHERE " + owner + " IN (<owners>)")
                .bindList("owners", List.copyOf(byOwner.keySet()))
                .execute();
        PreparedBatch batch = handle.prepareBatch("INSERT INTO " + table + " (" + member + ", " + owner
                + ") VALUES (:member, :owner)");
        byOwner.forEach((key, values) -> values.stream().distinct()
                .forEach(value -> batch.bind("member", value).bind("owner", key).add()));
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** The members of each of {@code owners} that has any. */
    Map<String, Set<String>> of(Handle handle, Collection<String> owners) {
        Map<String, Set<String>> found = new HashMap<>();
        if (owners.isEmpty()) {
            return found;
        }
        handle.createQuery("SELECT " + owner + ", " + member + " FROM " + table + " WHERE " + owner + " IN (<owners>)")
                .bindList("owners", List.copyOf(owners))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(row -> found.computeIfAbsent(row.getKey(), key -> new HashSet<>()).add(row.getValue()));
        return found;
    }
}
