package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;

/** Persistence adapter: stores cards in PostgreSQL or SQLite through JDBI. */
public final class JdbiCardRepository implements Cards {

    private static final String FIND = "SELECT id, version, state, deleted FROM cards WHERE id = :id";
    private static final String FIND_ALL = "SELECT id, version, state, deleted FROM cards WHERE id IN (<ids>)";
    private static final String LIST = "SELECT id, version, state, deleted FROM cards";
    private static final RowMapper<CardRow> ROW = (rs, ctx) -> new CardRow(rs.getString("id"), rs.getLong("version"),
            rs.getString("state"), rs.getBoolean("deleted"));
    private static final String INSERT = """
            INSERT INTO cards (id, version, state, deleted) VALUES (:id, 1, :state, :deleted)
            ON CONFLICT (id) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE cards SET version = version + 1, state = :state, deleted = :deleted
            WHERE id = :id AND version = :version
            """;

    private final JdbiTransactions transactions;

    public JdbiCardRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Card> find(CardId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("id", id.value())
                .map(ROW)
                .findOne()
                .map(CardRow::toDomain));
    }

    @Override
    public Map<CardId, Card> findAll(Collection<CardId> ids) {
        List<String> keys = ids.stream().map(CardId::value).toList();
        return transactions.withHandle(handle -> handle.createQuery(FIND_ALL).bindList("ids", keys).map(ROW).list())
                .stream().map(CardRow::toDomain).collect(Collectors.toMap(Card::id, card -> card));
    }

    @Override
    public Page<Card> list(CardFilter filter, PageRequest page) {
        ListQuery query = listQuery(filter, page);
        List<CardRow> rows = transactions.withHandle(handle -> query.on(handle).map(ROW).list());
        return Keyset.page(rows, page.limit(), CardRow::id, CardRow::toDomain);
    }

    /** The query of one page: a condition for each filter given. */
    static ListQuery listQuery(CardFilter filter, PageRequest page) {
        ListQuery query = ListQuery.select(LIST)
                .where("id > :after", "after", Keyset.after(page.after()))
                .where(filter.updatedSince().map(Instant::toEpochMilli), "changed_at >= :since", "since");
        if (!filter.includeDeleted()) {
            query.where("deleted = FALSE");
        }
        return query.then("ORDER BY id\nLIMIT :limit", page.limit() + 1);
    }

    @Override
    public void save(Card card) {
        saveAll(List.of(card));
    }

    @Override
    public void saveAll(List<Card> cards) {
        List<CardRow> rows = cards.stream().map(CardRow::from).toList();
        transactions.withHandle(handle -> {
            VersionedRows.saveAll(handle, INSERT, UPDATE, rows, CardRow::version, (batch, row) -> batch
                    .bind("id", row.id()).bind("version", row.version()).bind("state", new JsonState(row.state()))
                    .bind("deleted", row.deleted()), row -> "card " + row.id());
            return null;
        });
    }
}
