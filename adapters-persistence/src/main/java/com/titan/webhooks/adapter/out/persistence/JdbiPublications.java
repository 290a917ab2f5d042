package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.Publications;
import java.time.Instant;

/**
 * Persistence adapter: the publishers' leases and confirmed positions, one row per destination.
 * A lease is taken by one conditional UPDATE: the store lets one of two contenders change the row,
 * and the other finds the condition false.
 */
public final class JdbiPublications implements Publications {

    private static final String CREATE = """
            INSERT INTO change_publications (destination, holder, expires_at, confirmed)
            VALUES (:destination, NULL, 0, 0)
            ON CONFLICT (destination) DO NOTHING
            """;
    private static final String LEASE = """
            UPDATE change_publications SET holder = :holder, expires_at = :until
            WHERE destination = :destination AND (holder = :holder OR holder IS NULL OR expires_at < :now)
            """;
    private static final String CONFIRMED = "SELECT confirmed FROM change_publications WHERE destination = :destination";
    private static final String CONFIRM = """
            UPDATE change_publications SET confirmed = CASE WHEN confirmed < :position THEN :position ELSE confirmed END
            WHERE destination = :destination AND holder = :holder
            """;
    private static final String RELEASE = """
            UPDATE change_publications SET holder = NULL, expires_at = 0
            WHERE destination = :destination AND holder = :holder
            """;

    private final JdbiTransactions transactions;

    public JdbiPublications(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean lease(String destination, String holder, Instant now, Instant until) {
        return transactions.withHandle(handle -> {
            handle.createUpdate(CREATE).bind("destination", destination).execute();
            return handle.createUpdate(LEASE).bind("destination", destination).bind("holder", holder)
                    .bind("until", until.toEpochMilli()).bind("now", now.toEpochMilli()).execute() == 1;
        });
    }

    @Override
    public long confirmed(String destination) {
        return transactions.withHandle(handle -> handle.createQuery(CONFIRMED).bind("destination", destination)
                .mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public boolean confirm(String destination, String holder, long position) {
        return transactions.withHandle(handle -> handle.createUpdate(CONFIRM).bind("destination", destination)
                .bind("holder", holder).bind("position", position).execute() == 1);
    }

    @Override
    public void release(String destination, String holder) {
        transactions.withHandle(handle -> handle.createUpdate(RELEASE).bind("destination", destination)
                .bind("holder", holder).execute());
    }
}
