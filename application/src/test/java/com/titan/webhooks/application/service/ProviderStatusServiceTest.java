package com.titan.webhooks.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.titan.webhooks.application.port.in.ProviderStatus;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.domain.delivery.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Per provider: the run of refusals, silence past the quiet time, and the last hour minute by minute. */
class ProviderStatusServiceTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:30Z");
    private static final long MINUTE = 60_000;

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final StoredEvents storedEvents = mock(StoredEvents.class);
    private final ProviderSignals signals = new ProviderSignals(clock);
    private final ProviderStatusService service =
            new ProviderStatusService(signals, storedEvents, clock, Duration.ofMinutes(30));

    @Test
    void silentLongerThanTheQuietTime_isQuiet_andNeverHeardFrom_isNot() {
        signals.record(Source.TITANCARD, true);
        now.set(START.plus(Duration.ofMinutes(30)));
        assertFalse(status(Source.TITANCARD).quiet(), "exactly the quiet time is not yet quiet");
        now.set(START.plus(Duration.ofMinutes(30)).plusSeconds(1));
        assertTrue(status(Source.TITANCARD).quiet());
        assertFalse(status(Source.TITANX).quiet(), "nothing says TitanX should have spoken");
        assertEquals(Optional.empty(), status(Source.TITANX).lastAcceptedAt());
    }

    @Test
    void refusalsInARow_areCounted_untilTheNextAcceptedDelivery() {
        for (int i = 0; i < 3; i++) {
            signals.record(Source.TITANCARD, false);
        }
        assertEquals(3, status(Source.TITANCARD).consecutiveFailures());
        signals.record(Source.TITANCARD, true);
        assertEquals(0, status(Source.TITANCARD).consecutiveFailures());
    }

    @Test
    void lastHour_isSixtyMinutes_oldestFirst_withTheCurrentMinuteLast() {
        long current = START.toEpochMilli() / MINUTE;
        when(storedEvents.acceptedPerMinute(eq(Source.TITANCARD), eq(Instant.ofEpochMilli((current - 59) * MINUTE))))
                .thenReturn(Map.of(current, 4L, current - 59, 2L, current - 60, 99L));
        List<Long> perMinute = status(Source.TITANCARD).acceptedPerMinute();
        assertEquals(60, perMinute.size());
        assertEquals(2L, perMinute.get(0));
        assertEquals(4L, perMinute.get(59));
        assertEquals(6L, perMinute.stream().mapToLong(Long::longValue).sum(), "minutes before the hour are left out");
    }

    private ProviderStatus status(Source source) {
        return service.providers().stream().filter(status -> status.source() == source).findFirst().orElseThrow();
    }
}
