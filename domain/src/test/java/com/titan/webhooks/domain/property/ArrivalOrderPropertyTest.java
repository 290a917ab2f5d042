package com.titan.webhooks.domain.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for every generated history, delivering its events in any order, with any number of
 * retries, ends in the same state as applying them once each in timestamp order. 200 seeded
 * histories per aggregate; small histories are checked in every permutation, larger ones in 50
 * random orders with duplicates. A failure names its seed: rerun that seed alone to replay it.
 */
class ArrivalOrderPropertyTest {

    private static final int HISTORIES = 200;
    private static final int RANDOM_ORDERS = 50;
    private static final long BASE_SEED = 20_260_116L;

    static LongStream seeds() {
        return LongStream.range(BASE_SEED, BASE_SEED + HISTORIES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void connection_endsTheSame_inEveryArrivalOrder(long seed) {
        HistoryGenerator generator = new HistoryGenerator(seed);
        checkOrderIndependence(seed, generator, generator.connectionHistory("c1"),
                () -> Connection.unseen(new ConnectionId("c1")), Connection::apply);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void card_endsTheSame_inEveryArrivalOrder(long seed) {
        HistoryGenerator generator = new HistoryGenerator(seed);
        checkOrderIndependence(seed, generator, generator.cardHistory("k1"),
                () -> Card.unseen(new CardId("k1")), Card::apply);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reminder_endsTheSame_inEveryArrivalOrder(long seed) {
        HistoryGenerator generator = new HistoryGenerator(seed);
        checkOrderIndependence(seed, generator, generator.reminderHistory("r1"),
                () -> Reminder.unseen(new ReminderId("r1")), Reminder::apply);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void contact_endsTheSame_inEveryArrivalOrder(long seed) {
        HistoryGenerator generator = new HistoryGenerator(seed);
        checkOrderIndependence(seed, generator, generator.contactHistory("x1"),
                () -> Contact.unseen(new ContactKey("x1")), Contact::apply);
    }

    private static <A, E extends ProviderEvent> void checkOrderIndependence(long seed, HistoryGenerator generator,
            List<E> history, Supplier<A> fresh, BiConsumer<A, E> apply) {
        List<E> inTimestampOrder = new ArrayList<>(history);
        inTimestampOrder.sort(Comparator.comparing(ProviderEvent::stamp));
        A expected = applyAll(fresh, apply, inTimestampOrder);

        List<List<E>> orders = history.size() <= 5 ? permutations(history) : new ArrayList<>();
        for (int i = 0; i < RANDOM_ORDERS; i++) {
            orders.add(generator.shuffledWithDuplicates(history));
        }
        for (List<E> order : orders) {
            assertEquals(expected, applyAll(fresh, apply, order),
                    "seed " + seed + ": arrival order " + order + " diverged from timestamp order");
        }
    }

    private static <A, E> A applyAll(Supplier<A> fresh, BiConsumer<A, E> apply, List<E> events) {
        A aggregate = fresh.get();
        events.forEach(event -> apply.accept(aggregate, event));
        return aggregate;
    }

    private static <E> List<List<E>> permutations(List<E> items) {
        List<List<E>> result = new ArrayList<>();
        permute(new ArrayList<>(items), 0, result);
        return result;
    }

    private static <E> void permute(List<E> items, int from, List<List<E>> result) {
        if (from == items.size()) {
            result.add(new ArrayList<>(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            java.util.Collections.swap(items, from, i);
            permute(items, from + 1, result);
            java.util.Collections.swap(items, from, i);
        }
    }
}
