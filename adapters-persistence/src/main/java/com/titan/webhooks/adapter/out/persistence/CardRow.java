package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardActivity;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.card.CardId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@code cards} row: the whole card as JSON. */
record CardRow(String id, long version, String state, boolean deleted) {

    static CardRow from(Card card) {
        ObjectNode state = StateJson.object();
        state.set("fields", StateJson.fields(card.fields(), CardField::wireName));
        state.put("total_views", card.totalViews()).put("total_shares", card.totalShares());
        ArrayNode activity = state.putArray("activity");
        card.recentActivity().forEach(a -> activity.addObject().put("kind", a.kind().name()).put("source", a.source())
                .put("country", a.country()).put("city", a.city()).put("at", a.at().toString())
                .put("event_key", a.eventKey()));
        state.set("lifecycle", StateJson.lifecycle(card.lifecycle()));
        return new CardRow(card.id().value(), card.version(), StateJson.write(state), card.isDeleted());
    }

    Card toDomain() {
        return StateJson.reconstitute("card", id, this::read);
    }

    private Card read() {
        JsonNode node = StateJson.read(state);
        List<CardActivity> activity = new ArrayList<>();
        node.get("activity").forEach(a -> activity.add(new CardActivity(CardActivity.Kind.valueOf(a.get("kind").asText()),
                StateJson.textOrNull(a, "source"), StateJson.textOrNull(a, "country"), StateJson.textOrNull(a, "city"),
                Instant.parse(a.get("at").asText()), a.get("event_key").asText())));
        return Card.reconstitute(new CardId(id),
                StateJson.fields(node.get("fields"), name -> CardField.valueOf(name.toUpperCase(Locale.ROOT))),
                node.get("total_views").asLong(), node.get("total_shares").asLong(), activity,
                StateJson.lifecycle(node.get("lifecycle")), version);
    }
}
