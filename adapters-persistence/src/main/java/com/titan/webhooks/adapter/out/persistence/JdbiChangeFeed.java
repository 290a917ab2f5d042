package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.ChangeWindow;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Persistence adapter: the change feed in PostgreSQL or SQLite. Changes are written through the
 * projection's own transaction handle, so that they commit or roll back with the aggregates.
 * Positions come from a one-row counter, taken last before the commit: its row lock, held until
 * the commit, makes changes commit in position order across instances.
 */
public final class JdbiChangeFeed implements ChangeFeed {

    private static final String TAKE_POSITIONS =
            "UPDATE change_positions SET last = last + :count WHERE id = 1 RETURNING last";
    private static final String INSERT = """
            INSERT INTO changes (position, aggregate, aggregate_id, kind, event_id, committed_at, before_state, after_state)
            VALUES (:position, :aggregate, :aggregateId, :kind, :eventId, :committedAt, :before, :after)
            """;
    private static final String WINDOW = "SELECT pruned, last FROM change_positions WHERE id = 1";
    // the sizes first, so that a page of large states is cut before it is read, not after
    private static final String SIZES =
            "SELECT position, LENGTH(after_state) + COALESCE(LENGTH(before_state), 0) AS size FROM changes";
    private static final String AFTER =
            "SELECT position, aggregate, aggregate_id, event_id, committed_at, before_state, after_state FROM changes";
    private static final String LAST_TO_PRUNE = "SELECT COALESCE(MAX(position), 0) FROM changes WHERE committed_at < :before";
    private static final String PRUNE = "DELETE FROM changes WHERE position <= :position";
    private static final String MARK_PRUNED = "UPDATE change_positions SET pruned = :position WHERE id = 1 AND pruned < :position";
    private static final String OLDEST = "SELECT committed_at FROM changes ORDER BY position LIMIT 1";
    private static final String TOUCH_CONNECTIONS = "UPDATE connections SET changed_at = :at WHERE id IN (<ids>)";
    private static final String TOUCH_CARDS = "UPDATE cards SET changed_at = :at WHERE id IN (<ids>)";
    private static final String TOUCH_REMINDERS = "UPDATE reminders SET changed_at = :at WHERE id IN (<ids>)";
    private static final String TOUCH_CONTACTS = "UPDATE contacts SET changed_at = :at WHERE contact_key IN (<ids>)";

    /** The kinds listed by a route of their own, whose changed_at {@code updated_since} filters on. */
    private static final Map<AggregateType, String> TOUCH = Map.of(AggregateType.CONNECTION, TOUCH_CONNECTIONS,
            AggregateType.CARD, TOUCH_CARDS, AggregateType.REMINDER, TOUCH_REMINDERS, AggregateType.CONTACT, TOUCH_CONTACTS);

    private final JdbiTransactions transactions;

    public JdbiChangeFeed(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(List<NewChange> changes, Instant committedAt) {
        if (changes.isEmpty()) {
            return;
        }
        long at = committedAt.toEpochMilli();
        // written before the positions are taken, so that the counter's lock is held as briefly as possible
        List<String> rows = changes.stream().map(change -> ChangeSnapshots.write(change.after())).toList();
        List<String> befores = changes.stream().map(change -> change.before().map(ChangeSnapshots::write).orElse(null))
                .toList();
        transactions.withHandle(handle -> {
            touch(handle, changes, at);
            long last = handle.createQuery(TAKE_POSITIONS).bind("count", changes.size()).mapTo(Long.class).one();
            long position = last - changes.size();
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (int i = 0; i < changes.size(); i++) {
                NewChange change = changes.get(i);
                batch.bind("position", ++position).bind("aggregate", change.after().type().wireName())
                        .bind("aggregateId", change.after().id()).bind("kind", change.kind().wireName())
                        .bind("eventId", change.eventId().value()).bind("committedAt", at)
                        .bind("before", befores.get(i)).bind("after", rows.get(i)).add();
            }
            batch.execute();
            return null;
        });
    }

    /** Marks the changed aggregates as changed at {@code at}: what {@code updated_since} filters on. */
    private static void touch(Handle handle, List<NewChange> changes, long at) {
        Map<AggregateType, List<String>> ids = new HashMap<>();
        changes.forEach(change -> ids.computeIfAbsent(change.after().type(), type -> new ArrayList<>())
                .add(change.after().id()));
        ids.forEach((type, keys) -> {
            // scoring jobs and documents have no list route, so no updated_since
            String sql = TOUCH.get(type);
            if (sql != null) {
                handle.createUpdate(sql).bind("at", at).bindList("ids", keys.stream().sorted().toList()).execute();
            }
        });
    }

    @Override
    public ChangeWindow window() {
        return transactions.withHandle(handle -> handle.createQuery(WINDOW)
                .map((rs, ctx) -> new ChangeWindow(rs.getLong("pruned"), rs.getLong("last"))).one());
    }

    @Override
    public List<Change> after(long position, Set<AggregateType> types, Optional<String> aggregateId, int limit) {
        // no types is every type, those this instance does not register included (read as stored): a
        // cursor never passes a change a reader on another instance, or a later release, would be shown
        List<String> names = wireNames(types);
        return transactions.withHandle(handle -> {
            List<Map.Entry<Long, Long>> sizes = sizesQuery(position, types, aggregateId, limit)
                    .on(handle)
                    .map((rs, ctx) -> Map.entry(rs.getLong("position"), rs.getLong("size")))
                    .list();
            if (sizes.isEmpty()) {
                return List.<Change>of();
            }
            long upTo = sizes.get(0).getKey();
            long characters = 0;
            for (Map.Entry<Long, Long> size : sizes) {
                if (characters > 0 && characters + size.getValue() > ChangeFeed.PAGE_CHARACTERS) {
                    break;
                }
                characters += size.getValue();
                upTo = size.getKey();
            }
            return filtered(AFTER, position, names, aggregateId)
                .where("position <= :upTo", "upTo", upTo)
                .then("ORDER BY position")
                .on(handle)
                .map((rs, ctx) -> {
                    AggregateType type = new AggregateType(rs.getString("aggregate"));
                    String id = rs.getString("aggregate_id");
                    String before = rs.getString("before_state");
                    return new Change(rs.getLong("position"),
                            Optional.ofNullable(before).map(json -> ChangeSnapshots.read(type, id, json)),
                            ChangeSnapshots.read(type, id, rs.getString("after_state")),
                            new EventId(rs.getString("event_id")), Instant.ofEpochMilli(rs.getLong("committed_at")));
                })
                .list();
        });
    }

    /** The sizes of the next changes, in position order: the query that finds a page (the second reads it). */
    static ListQuery sizesQuery(long position, Set<AggregateType> types, Optional<String> aggregateId, int limit) {
        return filtered(SIZES, position, wireNames(types), aggregateId).then("ORDER BY position\nLIMIT :limit", limit);
    }

    private static List<String> wireNames(Set<AggregateType> types) {
        return types.stream().map(AggregateType::wireName).sorted().toList();
    }

    /** The changes after {@code position} of the {@code types} named (of every type if none), and of one aggregate if given. */
    private static ListQuery filtered(String sql, long position, List<String> types, Optional<String> aggregateId) {
        ListQuery query = ListQuery.select(sql).where("position > :after", "after", position);
        if (!types.isEmpty()) {
            query.whereIn("aggregate", "types", types);
        }
        return query.where(aggregateId, "aggregate_id = :aggregateId", "aggregateId");
    }

    @Override
    public int pruneCommittedBefore(Instant before) {
        return transactions.inTransaction(handle -> {
            long last = handle.createQuery(LAST_TO_PRUNE).bind("before", before.toEpochMilli()).mapTo(Long.class).one();
            if (last == 0) {
                return 0;
            }
            int deleted = handle.createUpdate(PRUNE).bind("position", last).execute();
            handle.createUpdate(MARK_PRUNED).bind("position", last).execute();
            return deleted;
        });
    }

    @Override
    public Optional<Instant> oldestCommittedAt() {
        return transactions.withHandle(handle -> handle.createQuery(OLDEST).mapTo(Long.class).findOne())
                .map(Instant::ofEpochMilli);
    }
}
