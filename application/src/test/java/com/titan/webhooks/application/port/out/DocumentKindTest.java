package com.titan.webhooks.application.port.out;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.event.DocumentAggregate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A document that could be stored and never read back (JSON does not say which class an interface
 * member was) is refused when its kind is registered, that is at boot, naming the member; every
 * shape the README allows is taken.
 */
class DocumentKindTest {

    private static final AggregateType PARCEL = new AggregateType("parcel");

    sealed interface Content permits Letter, Box {
    }

    record Letter(String text) implements Content {
    }

    record Box(int weight) implements Content {
    }

    record Parcel(String id, Content content) {
    }

    record Shelf(String id, List<Parcel> parcels) {
    }

    record Anything(String id, Map<String, Object> extra) {
    }

    record ByPlace(String id, Map<Letter, Integer> counts) {
    }

    enum Size { SMALL, LARGE }

    record Allowed(UUID id, int count, long total, double share, boolean open, Instant at, Size size,
                   List<Letter> letters, Set<String> tags, Map<String, List<Long>> series, Map<Size, Letter> bySize,
                   Allowed previous) {
    }

    @Test
    void anInterfaceMember_isRefusedAtRegistration_namingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> kind(Parcel.class));
        assertTrue(refused.getMessage().contains("Parcel.content"), refused.getMessage());
        assertTrue(refused.getMessage().contains("could not be read back"), refused.getMessage());
    }

    @Test
    void anInterfaceInsideAListOfRecords_isRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> kind(Shelf.class));
        assertTrue(refused.getMessage().contains("Shelf.parcels[].content"), refused.getMessage());
    }

    @Test
    void aMapOfAnything_orKeyedByARecord_isRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kind(Anything.class)).getMessage()
                .contains("Anything.extra"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kind(ByPlace.class)).getMessage()
                .contains("ByPlace.counts"));
    }

    @Test
    void everyShapeTheReadmeAllows_isTaken() {
        assertDoesNotThrow(() -> kind(Allowed.class));
        assertDoesNotThrow(() -> new DocumentKind<>(new AggregateType("booking"), Booking.Document.class,
                Booking::reconstitute));
    }

    private static <D extends Record> DocumentKind<Whole<D>, D> kind(Class<D> document) {
        return new DocumentKind<>(PARCEL, document, Whole::new);
    }

    /** An aggregate that is its document. */
    private record Whole<D extends Record>(D document, long version) implements DocumentAggregate<Whole<D>, D> {

        @Override
        public String id() {
            return "whole";
        }

        @Override
        public Whole<D> copy() {
            return this;
        }
    }
}
