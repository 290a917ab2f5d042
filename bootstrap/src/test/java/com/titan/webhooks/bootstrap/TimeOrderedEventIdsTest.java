package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedEventIdsTest {

    @Test
    void ids_areVersion7UuidsCarryingTheirMillisecond_andUnique() {
        Instant now = Instant.parse("2026-01-16T16:00:00.123Z");
        TimeOrderedEventIds ids = new TimeOrderedEventIds(Clock.fixed(now, ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = UUID.fromString(ids.next().value());
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertEquals(now.toEpochMilli(), id.getMostSignificantBits() >>> 16);
            seen.add(id.toString());
        }
        assertEquals(100_000, seen.size());
    }

    @Test
    void laterIds_sortAfterEarlierOnes() {
        String earlier = new TimeOrderedEventIds(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC)).next().value();
        String later = new TimeOrderedEventIds(Clock.fixed(Instant.ofEpochMilli(2_000), ZoneOffset.UTC)).next().value();
        assertTrue(earlier.compareTo(later) < 0);
    }
}
