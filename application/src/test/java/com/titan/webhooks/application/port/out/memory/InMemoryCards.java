package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The cards in memory. */
final class InMemoryCards implements Cards {

    private final VersionedAggregates<Card> stored;
    private final IssuedCursors cursors;

    InMemoryCards(InMemoryStore store, IssuedCursors cursors) {
        this.stored = new VersionedAggregates<>(store, "card", state -> state.cards, card -> card.id().value(),
                Card::version, Card::copy, (c, version) -> Card.reconstitute(c.id(), c.fields(), c.totalViews(),
                        c.totalShares(), c.recentActivity(), c.lifecycle(), version));
        this.cursors = cursors;
    }

    @Override
    public Optional<Card> find(CardId id) {
        return stored.find(id.value());
    }

    @Override
    public Map<CardId, Card> findAll(Collection<CardId> ids) {
        return stored.findAll(ids.stream().map(CardId::value).toList()).values().stream()
                .collect(Collectors.toMap(Card::id, card -> card));
    }

    @Override
    public void save(Card aggregate) {
        stored.saveAll(List.of(aggregate));
    }

    @Override
    public void saveAll(List<Card> aggregates) {
        stored.saveAll(aggregates);
    }

    @Override
    public Page<Card> list(CardFilter filter, PageRequest page) {
        return stored.list(cursors, page, row -> (filter.includeDeleted() || !row.aggregate().isDeleted())
                && UpdatedSince.matches(row, filter.updatedSince()));
    }
}
