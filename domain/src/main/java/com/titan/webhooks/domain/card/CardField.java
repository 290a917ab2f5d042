package com.titan.webhooks.domain.card;

/** The scalar fields of a card, named as in TitanCard's card events. Time fields hold ISO-8601 instants. */
public enum CardField {
    NAME, SLUG, TITLE, COMPANY, EMAIL, CARD_TYPE, CREATED_AT, UPDATED_AT;

    // asked for on every field of every aggregate saved: computed once
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
