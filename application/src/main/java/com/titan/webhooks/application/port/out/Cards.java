package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import java.util.Optional;

/** Outbound port: the cards, loaded and saved whole. */
public interface Cards {

    Optional<Card> find(CardId id);

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Card aggregate);

    /** Cards in id order, from the page's cursor on. */
    Page<Card> list(boolean includeDeleted, PageRequest page);
}
