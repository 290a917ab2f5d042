package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.StoreUnavailableException;
import java.time.Instant;

/**
 * Outbound port: who publishes the change feed to each destination, and how far it got. The lease
 * makes one instance at a time the publisher; the confirmed position is where any publisher
 * resumes. Every method may fail with {@link StoreUnavailableException}.
 */
public interface Publications {

    /**
     * Takes or renews the lease on {@code destination} for {@code holder} until {@code until}, if
     * nobody holds it, it expired before {@code now}, or {@code holder} holds it already; answers
     * whether {@code holder} holds it now.
     */
    boolean lease(String destination, String holder, Instant now, Instant until);

    /** The last position {@code destination} confirmed; 0 if none. */
    long confirmed(String destination);

    /**
     * Records that {@code destination} confirmed every change up to {@code position}, if
     * {@code holder} still holds the lease (the position never moves back); answers whether it did.
     */
    boolean confirm(String destination, String holder, long position);

    /** Gives the lease up, so that another instance takes over at once. */
    void release(String destination, String holder);
}
