package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import java.util.Optional;

/** Persistence adapter: stores cards in PostgreSQL or SQLite through JDBI. */
public final class JdbiCardRepository implements Cards {

    private static final String FIND = "SELECT id, version, state, deleted FROM cards WHERE id = :id";
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
                .map((rs, ctx) -> new CardRow(rs.getString("id"), rs.getLong("version"), rs.getString("state"),
                        rs.getBoolean("deleted")))
                .findOne()
                .map(CardRow::toDomain));
    }

    @Override
    public void save(Card card) {
        CardRow row = CardRow.from(card);
        int changed = transactions.withHandle(handle -> handle.createUpdate(row.version() == 0 ? INSERT : UPDATE)
                .bind("id", row.id()).bind("version", row.version()).bind("state", row.state())
                .bind("deleted", row.deleted())
                .execute());
        if (changed != 1) {
            throw new ConcurrentUpdateException("card " + row.id() + " changed since version " + row.version());
        }
    }
}
