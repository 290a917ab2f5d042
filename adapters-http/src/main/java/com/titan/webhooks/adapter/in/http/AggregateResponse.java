package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.StoredDocumentSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;

/**
 * An aggregate as its own route serves it, with its provenance when asked, or as its document
 * for an aggregate stored as one: sealed, so that a change record's state can only be one of these.
 */
public sealed interface AggregateResponse permits CardResponse, ConnectionDetailsResponse, ContactResponse,
        DocumentResponse, ReminderResponse, ScoringJobResponse, WithProvenanceResponse {

    /** An aggregate's state in a change record, exactly as the aggregate's own route serves it. */
    static AggregateResponse from(AggregateSnapshot snapshot) {
        if (snapshot instanceof ConnectionDetails details) {
            return ConnectionDetailsResponse.from(details);
        } else if (snapshot instanceof CardSnapshot card) {
            return CardResponse.from(card.card());
        } else if (snapshot instanceof ReminderSnapshot reminder) {
            return ReminderResponse.from(reminder.reminder());
        } else if (snapshot instanceof ContactSnapshot contact) {
            return ContactResponse.from(contact.contact());
        } else if (snapshot instanceof ScoringJobSnapshot job) {
            return ScoringJobResponse.from(job.job());
        } else if (snapshot instanceof StoredDocumentSnapshot stored) {
            return DocumentResponse.from(stored);
        } else if (snapshot instanceof DocumentSnapshot document) {
            return DocumentResponse.from(document);
        }
        throw new IllegalArgumentException("no route serves " + snapshot.getClass().getSimpleName());
    }
}
