package com.titan.webhooks.domain.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: when every event of a history carries the same millisecond, the tie rule of
 * {@link Stamp} decides, in every arrival order: a deletion wins over a creation, a change
 * (update, tag, status) wins over a creation, and among changes the idempotency key decides, the
 * same way every time. 300 seeded histories each; a failure names its seed.
 */
class SameMillisecondPropertyTest {

    private static final Instant SAME_MILLISECOND = Instant.ofEpochMilli(1_705_420_800_000L);
    private static final int HISTORIES = 300;
    private static final int ORDERS = 20;
    private static final long BASE_SEED = 20_261_201L;

    static LongStream seeds() {
        return LongStream.range(BASE_SEED, BASE_SEED + HISTORIES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void connection_sameMillisecond_deletionWins_thenChanges_thenCreation(long seed) {
        Random random = new Random(seed);
        ConnectionId id = new ConnectionId("c1");
        List<ConnectionEvent> history = new ArrayList<>();
        int size = 2 + random.nextInt(7);
        for (int i = 0; i < size; i++) {
            Stamp stamp = new Stamp(SAME_MILLISECOND, "key-" + random.nextInt(1_000_000) + "-" + i);
            // every event writes its own value, so that the winner of each field is visible
            Map<ConnectionField, String> title = new EnumMap<>(Map.of(ConnectionField.TITLE, "title-" + i));
            switch (random.nextInt(4)) {
                case 0 -> history.add(new ConnectionEvent.Created(id, stamp, title, Optional.of(List.of("t" + i))));
                case 1 -> history.add(new ConnectionEvent.Updated(id, stamp, title, Optional.empty()));
                case 2 -> history.add(new ConnectionEvent.Tagged(id, stamp, Map.of(), List.of("t" + i)));
                default -> history.add(new ConnectionEvent.Deleted(id, stamp, Map.of()));
            }
        }
        String expectedTitle = winner(history.stream()
                .filter(e -> e.fields().containsKey(ConnectionField.TITLE)).toList())
                .map(e -> e.fields().get(ConnectionField.TITLE)).orElse(null);
        List<String> expectedTags = winner(history.stream()
                .filter(e -> e instanceof ConnectionEvent.Tagged || e instanceof ConnectionEvent.Created).toList())
                .map(e -> e instanceof ConnectionEvent.Tagged tagged ? tagged.tags()
                        : ((ConnectionEvent.Created) e).tags().orElseThrow())
                .orElse(List.of());
        boolean anyDeletion = history.stream().anyMatch(e -> e instanceof ConnectionEvent.Deleted);

        for (List<ConnectionEvent> order : orders(history, random)) {
            Connection connection = Connection.unseen(id);
            order.forEach(connection::apply);
            String context = "seed " + seed + ", arrival order " + order;
            assertEquals(anyDeletion, connection.isDeleted(), context);
            assertEquals(expectedTitle, connection.field(ConnectionField.TITLE).orElse(null), context);
            assertEquals(expectedTags, connection.tags(), context);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void card_sameMillisecond_deletionWins_andUpdateBeatsCreation(long seed) {
        Random random = new Random(seed);
        CardId id = new CardId("k1");
        List<CardEvent> history = new ArrayList<>();
        int size = 2 + random.nextInt(5);
        for (int i = 0; i < size; i++) {
            Stamp stamp = new Stamp(SAME_MILLISECOND, "key-" + random.nextInt(1_000_000) + "-" + i);
            Map<CardField, String> title = new EnumMap<>(Map.of(CardField.TITLE, "title-" + i));
            switch (random.nextInt(3)) {
                case 0 -> history.add(new CardEvent.Created(id, stamp, title));
                case 1 -> history.add(new CardEvent.Updated(id, stamp, title));
                default -> history.add(new CardEvent.Deleted(id, stamp, Map.of()));
            }
        }
        boolean anyDeletion = history.stream().anyMatch(e -> e instanceof CardEvent.Deleted);
        boolean anyUpdate = history.stream().anyMatch(e -> e instanceof CardEvent.Updated);
        for (List<CardEvent> order : orders(history, random)) {
            Card card = Card.unseen(id);
            order.forEach(card::apply);
            String context = "seed " + seed + ", arrival order " + order;
            assertEquals(anyDeletion, card.isDeleted(), context);
            if (anyUpdate) {
                String title = card.field(CardField.TITLE).orElseThrow();
                assertTrue(history.stream().anyMatch(e -> e instanceof CardEvent.Updated
                        && title.equals(e.fields().get(CardField.TITLE))), context + ": an update's title wins");
            }
        }
    }

    /**
     * The event the documented rule picks among events of one millisecond: a creation loses to any
     * other event, and between two others the greater idempotency key wins. Written out here, not
     * taken from {@link Stamp}, so that the test states the rule instead of repeating the code.
     */
    private static <E extends com.titan.webhooks.domain.event.ProviderEvent> Optional<E> winner(List<E> events) {
        E best = null;
        for (E event : events) {
            if (best == null || rank(event) > rank(best)
                    || rank(event) == rank(best) && event.stamp().eventKey().compareTo(best.stamp().eventKey()) > 0) {
                best = event;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(Object event) {
        if (event instanceof ConnectionEvent.Created || event instanceof CardEvent.Created) {
            return 0;
        }
        return event instanceof ConnectionEvent.Deleted || event instanceof CardEvent.Deleted ? 2 : 1;
    }

    private static <E> List<List<E>> orders(List<E> history, Random random) {
        List<List<E>> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            List<E> order = new ArrayList<>(history);
            // retries: some events arrive twice
            for (int d = random.nextInt(3); d > 0; d--) {
                order.add(history.get(random.nextInt(history.size())));
            }
            Collections.shuffle(order, random);
            orders.add(order);
        }
        return orders;
    }
}
