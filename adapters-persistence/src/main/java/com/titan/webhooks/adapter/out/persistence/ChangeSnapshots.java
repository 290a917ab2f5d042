package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.StoredDocumentSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.domain.reminder.Reminder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An aggregate's state in a change row, in the store's own format: the same JSON its table's
 * {@code state} column holds, and for a connection also its reminders and linked lead status at
 * that moment; for an aggregate stored as a document, its document as its row holds it. Rendering
 * it is the HTTP adapter's job, with the same code as the aggregate's route.
 */
final class ChangeSnapshots {

    private ChangeSnapshots() {
    }

    static String write(AggregateSnapshot snapshot) {
        ObjectNode node = StateJson.object();
        if (snapshot instanceof ConnectionDetails details) {
            // the notes and enrichments this change added, not the connection's history of them
            node.putRawValue("state", new RawValue(ConnectionRow.withAdditions(details.connection())));
            ArrayNode reminders = node.putArray("reminders");
            details.reminders().forEach(reminder -> reminders.addObject().put("id", reminder.id().value())
                    .putRawValue("state", new RawValue(ReminderRow.from(reminder).state())));
            node.put("lead_status", details.leadStatus().orElse(null));
        } else if (snapshot instanceof CardSnapshot card) {
            node.putRawValue("state", new RawValue(CardRow.from(card.card()).state()));
        } else if (snapshot instanceof ReminderSnapshot reminder) {
            node.putRawValue("state", new RawValue(ReminderRow.from(reminder.reminder()).state()));
        } else if (snapshot instanceof ContactSnapshot contact) {
            node.putRawValue("state", new RawValue(ContactRow.from(contact.contact()).state()));
        } else if (snapshot instanceof ScoringJobSnapshot job) {
            node.putRawValue("state", new RawValue(JdbiScoringJobRepository.state(job.job())));
        } else if (snapshot instanceof DocumentSnapshot document) {
            // as the feed shows it, and whether it is a tombstone, which the document may not say
            node.putRawValue("state", new RawValue(DocumentJson.writeAsShown(document.document())));
            node.put("deleted", document.deleted());
        } else {
            throw new IllegalArgumentException("no snapshot format for " + snapshot.getClass().getSimpleName());
        }
        return StateJson.write(node);
    }

    /** A change record's state: a built-in aggregate's as its domain object, any other kind's as stored. */
    static AggregateSnapshot read(AggregateType type, String id, String json) {
        JsonNode node = StateJson.read(json);
        String state = node.get("state").toString();
        if (type.equals(AggregateType.CONNECTION)) {
            List<Reminder> reminders = new ArrayList<>();
            node.get("reminders").forEach(r -> reminders.add(
                    new ReminderRow(r.get("id").asText(), 0, r.get("state").toString(), null, null, null).toDomain()));
            return new ConnectionDetails(new ConnectionRow(id, 0, state, null, null, null, List.of(), false, 0).toDomain(),
                    reminders, Optional.ofNullable(StateJson.textOrNull(node, "lead_status")));
        } else if (type.equals(AggregateType.CARD)) {
            return new CardSnapshot(new CardRow(id, 0, state, false).toDomain());
        } else if (type.equals(AggregateType.REMINDER)) {
            return new ReminderSnapshot(new ReminderRow(id, 0, state, null, null, null).toDomain());
        } else if (type.equals(AggregateType.CONTACT)) {
            return new ContactSnapshot(new ContactRow(id, 0, state, null, null, List.of()).toDomain());
        } else if (type.equals(AggregateType.SCORING_JOB)) {
            return new ScoringJobSnapshot(JdbiScoringJobRepository.toDomain(id, state, 0));
        }
        return new StoredDocumentSnapshot(type, id, state, node.path("deleted").asBoolean());
    }
}
