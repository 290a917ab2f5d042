package com.titan.webhooks.domain.card;

import com.titan.webhooks.domain.Require;
import java.time.Instant;

/** One view or share of a card, identified by the key of the event that reported it. */
public record CardActivity(Kind kind, String source, String country, String city, Instant at, String eventKey) {

    /** What happened to the card. */
    public enum Kind { VIEW, SHARE }

    public CardActivity {
        Require.nonNull(kind, "kind");
        Require.nonNull(at, "at");
        Require.nonBlank(eventKey, "eventKey");
    }
}
