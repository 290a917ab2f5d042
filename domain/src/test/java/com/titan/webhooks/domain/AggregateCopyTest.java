package com.titan.webhooks.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import com.titan.webhooks.domain.reminder.Reminder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A copy taken before applying is equal to the original, and applying to the original leaves it as it was. */
class AggregateCopyTest {

    @Test
    void connectionCopy_isEqual_andUnchangedByLaterEvents() {
        Connection connection = TestEvents.aConnection("c1");
        Connection copy = connection.copy();
        assertEquals(connection, copy);
        assertEquals(connection.version(), copy.version());

        connection.apply(TestEvents.statusChanged("c1", TestEvents.stamp(9_000), "qualified"));
        connection.apply(TestEvents.tagged("c1", TestEvents.stamp(9_001), List.of("vip")));
        connection.apply(TestEvents.noteAdded("c1", TestEvents.stamp(9_002), "n-9", "later"));
        connection.apply(TestEvents.enriched("c1", TestEvents.stamp(9_003), "clearbit"));
        connection.apply(TestEvents.connectionDeleted("c1", TestEvents.stamp(9_004)));

        assertNotEquals(connection, copy);
        assertEquals(TestEvents.aConnection("c1"), copy);
    }

    @Test
    void cardReminderContactAndJobCopies_areEqual_andUnchangedByLaterEvents() {
        Card card = TestEvents.aCard("card-1");
        Card cardCopy = card.copy();
        card.apply(TestEvents.cardViewed("card-1", TestEvents.stamp(9_000), 10_000));
        card.apply(TestEvents.cardDeleted("card-1", TestEvents.stamp(9_001)));
        assertEquals(TestEvents.aCard("card-1"), cardCopy);

        Reminder reminder = TestEvents.aReminder("r1", "c1");
        Reminder reminderCopy = reminder.copy();
        reminder.apply(TestEvents.reminder("r1", TestEvents.stamp(9_000), "c1", "done"));
        assertEquals(TestEvents.aReminder("r1", "c1"), reminderCopy);

        Contact contact = TestEvents.aContact("k1");
        Contact contactCopy = contact.copy();
        contact.apply(TestEvents.contactScored("k1", TestEvents.stamp(9_000), Map.of("leadStatus", "low")));
        assertEquals(TestEvents.aContact("k1"), contactCopy);

        ScoringJob job = ScoringJob.unseen("job-1");
        ScoringJob jobCopy = job.copy();
        job.apply(new ScoringJobCompleted("job-1", TestEvents.stamp(9_000), "{}"));
        assertEquals(ScoringJob.unseen("job-1"), jobCopy);
        assertNotEquals(job, jobCopy);
    }
}
