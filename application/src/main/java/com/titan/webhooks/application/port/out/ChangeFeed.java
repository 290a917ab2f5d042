package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Outbound port: the transactional outbox of the projected state. Changes are recorded inside
 * the projection's transaction, so that they commit or roll back with the state they describe.
 */
public interface ChangeFeed {

    /**
     * Records {@code changes}, committed at {@code committedAt}, inside the caller's transaction,
     * and marks each changed aggregate as changed then (for {@code updated_since}). Call it last
     * before the commit: it takes the next positions, and with them a lock that orders the
     * commits of every writer, held until the commit.
     */
    void record(List<NewChange> changes, Instant committedAt);

    ChangeWindow window();

    /**
     * Characters of state one read answers at most, before and after states together (a single
     * change larger than this still comes alone): a page of large aggregates is cut short rather
     * than held whole in memory, and holds the store for as short a time as a small one.
     */
    long PAGE_CHARACTERS = 8L * 1024 * 1024;

    /**
     * Up to {@code limit} changes after {@code position}, of the given types (all if empty), in
     * position order; fewer when their states would pass {@link #PAGE_CHARACTERS}, but at least one.
     */
    default List<Change> after(long position, Set<AggregateType> types, int limit) {
        return after(position, types, Optional.empty(), limit);
    }

    /** As above, of the one aggregate {@code aggregateId} names when it is given. */
    List<Change> after(long position, Set<AggregateType> types, Optional<String> aggregateId, int limit);

    /** Deletes the changes committed before {@code before}; answers how many. */
    int pruneCommittedBefore(Instant before);

    /** When the oldest retained change was committed. */
    Optional<Instant> oldestCommittedAt();
}
