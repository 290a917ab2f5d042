package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.card.Card;

/** A card's state in a change record. */
public record CardSnapshot(Card card) implements AggregateSnapshot {

    @Override
    public AggregateType type() {
        return AggregateType.CARD;
    }

    @Override
    public String id() {
        return card.id().value();
    }

    @Override
    public boolean deleted() {
        return card.isDeleted();
    }
}
