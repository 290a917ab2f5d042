package com.titan.webhooks.domain.booking;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Instant;
import java.util.List;

/** The tests' event of a booking: where, when and for whom, or that it is cancelled. */
public record BookingChanged(String bookingId, Stamp stamp, String venue, Instant startsAt, List<Booking.Guest> guests,
                             boolean cancelled) implements ProviderEvent {

    public BookingChanged {
        Require.nonBlank(bookingId, "bookingId");
        Require.nonNull(stamp, "stamp");
        guests = List.copyOf(guests);
    }
}
