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
 * per row of a link table indexed by (the member's first {@value #INDEXED_CHARACTERS} characters,
 * owner): finding the owners of one member is a look-up of that prefix, then of its whole value,
 * the same SQL in both dialects, whatever characters it holds and however long it is.
 *
 * <p>The table's legacy {@code '|a|b|'} column ({@code connections.tags}, {@code
 * contacts.phone_norms}) is written empty and no longer read; it stays until a later release, so
 * that instances of the previous one keep running during a rolling upgrade.
 */
enum MemberRows {
    CONNECTION_TAGS,
    CONTACT_PHONES;

    private static final String DELETE_TAGS = "DELETE FROM connection_tags WHERE connection_id IN (<owners>)";
    private static final String INSERT_TAGS = "INSERT INTO connection_tags (tag, connection_id) VALUES (:member, :owner)";
    private static final String SELECT_TAGS = "SELECT connection_id, tag FROM connection_tags WHERE connection_id IN (<owners>)";
    private static final String DELETE_PHONES = "DELETE FROM contact_phones WHERE contact_key IN (<owners>)";
    private static final String INSERT_PHONES = "INSERT INTO contact_phones (digits, contact_key) VALUES (:member, :owner)";
    private static final String SELECT_PHONES = "SELECT contact_key, digits FROM contact_phones WHERE contact_key IN (<owners>)";

    /** How much of a member the index holds: well under PostgreSQL's limit for a B-tree entry. */
    static final int INDEXED_CHARACTERS = 200;

    /** The part of {@code member} the index holds, counted in characters as SQL's {@code substr} counts them. */
    static String indexed(String member) {
        return member.codePointCount(0, member.length()) <= INDEXED_CHARACTERS ? member
                : member.substring(0, member.offsetByCodePoints(0, INDEXED_CHARACTERS));
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
        handle.createUpdate(this == CONNECTION_TAGS ? DELETE_TAGS : DELETE_PHONES)
                .bindList("owners", List.copyOf(byOwner.keySet()))
                .execute();
        PreparedBatch batch = handle.prepareBatch(this == CONNECTION_TAGS ? INSERT_TAGS : INSERT_PHONES);
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
        handle.createQuery(this == CONNECTION_TAGS ? SELECT_TAGS : SELECT_PHONES)
                .bindList("owners", List.copyOf(owners))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(row -> found.computeIfAbsent(row.getKey(), key -> new HashSet<>()).add(row.getValue()));
        return found;
    }
}
