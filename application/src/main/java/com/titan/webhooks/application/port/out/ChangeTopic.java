package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.Change;
import java.util.List;

/**
 * Outbound port: a destination the change feed is published to, such as a broker's exchange.
 * Consumers dedupe on each change's position, since a change may be published more than once.
 */
public interface ChangeTopic {

    /** A stable name of the destination, under which its lease and confirmed position are kept. */
    String destination();

    /**
     * Publishes {@code changes} in their order, and returns once the destination has confirmed
     * every one of them.
     *
     * @throws PublicationFailedException if it could not, in which case any of them may or may not
     *                                    have arrived
     */
    void publish(List<Change> changes);

    /** Lets go of whatever connection it holds. */
    void close();
}
