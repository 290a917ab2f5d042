package com.titan.webhooks.domain.card;

import com.titan.webhooks.domain.Require;

/** TitanCard's id of a business card ({@code data.card_id}). */
public record CardId(String value) implements Comparable<CardId> {

    public CardId {
        Require.identifier(value, "card id");
    }

    /** By value: the order in which a batch saves them, the same for every worker. */
    @Override
    public int compareTo(CardId other) {
        return value.compareTo(other.value);
    }
}
