package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;

/** Outbound port: the cards, loaded and saved whole. */
public interface Cards extends AggregateStore<CardId, Card> {

    /** Cards in id order, from the page's cursor on. */
    Page<Card> list(CardFilter filter, PageRequest page);
}
