package com.titan.webhooks.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.out.Publications;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Publications}, who publishes the change feed to a destination and how far
 * it got: one holder at a time, taken over only once the lease expired or was given up, a position
 * that only its holder moves and never backwards. Every store the publisher may run on passes it.
 */
public abstract class PublicationsContract extends StoreContract {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(5);

    private Publications publications() {
        return store.publications();
    }

    /** Each test on a destination of its own: the store is shared by the class. */
    private static String destination() {
        return "exchange-" + UUID.randomUUID();
    }

    @Test
    void aFreeDestination_isLeasedByTheFirstHolder_andNotByAnotherUntilItExpires() {
        String destination = destination();

        assertTrue(publications().lease(destination, "a", NOW, NOW.plus(LEASE)));
        assertFalse(publications().lease(destination, "b", NOW.plusSeconds(1), NOW.plusSeconds(1).plus(LEASE)));
        assertTrue(publications().lease(destination, "a", NOW.plusSeconds(2), NOW.plusSeconds(2).plus(LEASE)),
                "the holder renews its own lease");
        assertFalse(publications().lease(destination, "b", NOW.plusSeconds(6), NOW.plusSeconds(6).plus(LEASE)),
                "renewed: still a's at 6 s");
        assertTrue(publications().lease(destination, "b", NOW.plusSeconds(8), NOW.plusSeconds(8).plus(LEASE)),
                "expired at 7 s: b takes over");
        assertFalse(publications().confirm(destination, "a", 10), "a no longer holds it");
    }

    @Test
    void theConfirmedPosition_startsAtZero_movesOnlyForTheHolder_andNeverBack() {
        String destination = destination();
        assertEquals(0, publications().confirmed(destination));
        assertFalse(publications().confirm(destination, "a", 5), "nobody holds it yet");

        publications().lease(destination, "a", NOW, NOW.plus(LEASE));
        assertTrue(publications().confirm(destination, "a", 5));
        assertTrue(publications().confirm(destination, "a", 3), "a late confirmation is no error...");
        assertEquals(5, publications().confirmed(destination), "...but never moves the position back");
        assertFalse(publications().confirm(destination, "b", 9));
        assertEquals(5, publications().confirmed(destination));
    }

    @Test
    void aReleasedLease_isTakenAtOnce_andTheNextHolderResumesWhereTheLastConfirmed() {
        String destination = destination();
        publications().lease(destination, "a", NOW, NOW.plus(LEASE));
        publications().confirm(destination, "a", 42);

        publications().release(destination, "b");
        assertFalse(publications().lease(destination, "b", NOW, NOW.plus(LEASE)), "only the holder gives it up");
        publications().release(destination, "a");

        assertTrue(publications().lease(destination, "b", NOW, NOW.plus(LEASE)));
        assertEquals(42, publications().confirmed(destination));
    }

    @Test
    void destinations_areIndependent() {
        String one = destination();
        String other = destination();
        publications().lease(one, "a", NOW, NOW.plus(LEASE));
        publications().confirm(one, "a", 7);

        assertTrue(publications().lease(other, "b", NOW, NOW.plus(LEASE)));
        assertEquals(0, publications().confirmed(other));
    }

    @Test
    void contendersAtTheSameInstant_exactlyOneHoldsTheLease() throws Exception {
        String destination = destination();
        int contenders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String holder = "holder-" + i;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return publications().lease(destination, holder, NOW, NOW.plus(LEASE));
                };
                attempts.add(pool.submit(attempt));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> attempt : attempts) {
                won += attempt.get() ? 1 : 0;
            }
            assertEquals(1, won, "exactly one contender holds the lease");
        } finally {
            pool.shutdownNow();
        }
    }
}
