package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outbound port: the cards, loaded and saved whole. */
public interface Cards {

    Optional<Card> find(CardId id);

    /** Those of {@code ids} that exist, in one round trip where the store allows. */
    default Map<CardId, Card> findAll(Collection<CardId> ids) {
        Map<CardId, Card> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(aggregate -> found.put(id, aggregate)));
        return found;
    }

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Card aggregate);

    /**
     * Saves several, each as {@link #save} would, all or none. A store may send them together.
     *
     * @throws ConcurrentUpdateException if any of them changed since it was loaded
     */
    default void saveAll(List<Card> aggregates) {
        aggregates.forEach(this::save);
    }

    /** Cards in id order, from the page's cursor on. */
    Page<Card> list(CardFilter filter, PageRequest page);
}
