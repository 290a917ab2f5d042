package com.titan.webhooks.domain.card;

import static com.titan.webhooks.domain.TestEvents.cardCreated;
import static com.titan.webhooks.domain.TestEvents.cardDeleted;
import static com.titan.webhooks.domain.TestEvents.cardShared;
import static com.titan.webhooks.domain.TestEvents.cardViewed;
import static com.titan.webhooks.domain.TestEvents.stamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CardTest {

    private static final String ID = "k57abc123def";

    @Test
    void runningTotals_onlyGrow_whenALateEventCarriesSmallerOnes() {
        Card card = Card.unseen(new CardId(ID));
        card.apply(cardShared(ID, stamp(10), 150, 30));
        card.apply(cardViewed(ID, stamp(5), 142));
        card.apply(cardShared(ID, stamp(6), 143, 28));

        assertEquals(150, card.totalViews());
        assertEquals(30, card.totalShares());
        assertEquals(3, card.recentActivity().size());
        assertEquals(stamp(10).at(), card.recentActivity().get(0).at(), "newest first");
    }

    @Test
    void activityLog_keepsTheNewestHundred() {
        Card card = Card.unseen(new CardId(ID));
        for (int i = 0; i < Card.ACTIVITY_KEPT + 20; i++) {
            card.apply(cardViewed(ID, stamp(i), i));
        }
        assertEquals(Card.ACTIVITY_KEPT, card.recentActivity().size());
        assertEquals(stamp(Card.ACTIVITY_KEPT + 19).at(), card.recentActivity().get(0).at());
        assertEquals(stamp(20).at(), card.recentActivity().get(Card.ACTIVITY_KEPT - 1).at());
    }

    @Test
    void deletion_isATombstone_thatOnlyANewerCreationLifts() {
        Card card = Card.unseen(new CardId(ID));
        card.apply(cardCreated(ID, stamp(1), "Engineer"));
        card.apply(cardDeleted(ID, stamp(5)));
        card.apply(cardViewed(ID, stamp(6), 10));
        assertTrue(card.isDeleted());
        card.apply(cardCreated(ID, stamp(7), "Engineer"));
        assertTrue(!card.isDeleted());
    }
}
