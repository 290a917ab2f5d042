package com.titan.webhooks.domain.card;

import com.titan.webhooks.domain.Require;

/** TitanCard's id of a business card ({@code data.card_id}). */
public record CardId(String value) {

    public CardId {
        Require.identifier(value, "card id");
    }
}
