package com.titan.webhooks.domain.booking;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.DocumentAggregate;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregate of the tests: a booking stored as a document, whose document holds every kind of
 * member a document may (text, numbers, a boolean, times, a nested record, a list of records, a
 * map, a stamp), for the stores' contract tests and the projection's. Invariant: it holds the
 * latest change by stamp; a cancellation is a tombstone.
 */
public final class Booking implements DocumentAggregate<Booking, Booking.Document> {

    /** A booking's whole state. */
    public record Document(String id, String venue, Instant startsAt, List<Guest> guests, Map<String, Long> counts,
                           boolean confirmed, Instant cancelledAt, Stamp latest) {

        public Document {
            Require.nonBlank(id, "id");
            guests = List.copyOf(guests);
            counts = Map.copyOf(counts);
        }

        /** Looks like a getter, and is not state: a store keeps the record's components only. */
        public boolean isCancelled() {
            return cancelledAt != null;
        }
    }

    /** Someone the booking is for. */
    public record Guest(String name, int seats) {
    }

    private Document document;
    private final long version;

    private Booking(Document document, long version) {
        this.document = document;
        this.version = version;
    }

    /** First creation: a booking nothing is known of yet. */
    public static Booking unseen(String id) {
        return new Booking(new Document(id, null, null, List.of(), Map.of(), false, null, null), 0);
    }

    /** Reconstitution from storage. */
    public static Booking reconstitute(Document document, long version) {
        return new Booking(document, version);
    }

    /** A booking with every kind of member set, stored at no version yet. */
    public static Booking aBooking(String id) {
        Booking booking = unseen(id);
        booking.apply(new BookingChanged(id, new Stamp(Instant.parse("2026-03-01T08:00:00Z"), "k-" + id), "Main hall",
                Instant.parse("2026-03-02T09:30:00.123456Z"), List.of(new Guest("Jane Doe", 2), new Guest("Zoë \"Z\" Ng", 1)),
                false));
        return booking;
    }

    public void apply(BookingChanged event) {
        if (!event.bookingId().equals(document.id())) {
            throw new IllegalArgumentException("a change of booking " + event.bookingId() + " applied to " + document.id());
        }
        if (!event.stamp().isAfter(document.latest())) {
            return;
        }
        Map<String, Long> counts = new HashMap<>(document.counts());
        counts.merge("changes", 1L, Long::sum);
        document = new Document(document.id(), event.venue(), event.startsAt(), new ArrayList<>(event.guests()), counts,
                true, event.cancelled() ? event.stamp().at() : null, event.stamp());
    }

    @Override
    public String id() {
        return document.id();
    }

    @Override
    public Document document() {
        return document;
    }

    @Override
    public boolean isDeleted() {
        return document.isCancelled();
    }

    @Override
    public Booking copy() {
        return new Booking(document, version);
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Booking that && document.equals(that.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(document);
    }
}
