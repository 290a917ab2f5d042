package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import java.util.Optional;

/** Persistence adapter: stores scored contacts in PostgreSQL or SQLite through JDBI. */
public final class JdbiContactRepository implements Contacts {

    private static final String FIND = """
            SELECT contact_key, version, state, lead_status, email_norm, phone_norms
            FROM contacts WHERE contact_key = :key
            """;
    private static final String INSERT = """
            INSERT INTO contacts (contact_key, version, state, lead_status, email_norm, phone_norms)
            VALUES (:key, 1, :state, :leadStatus, :emailNorm, :phoneNorms)
            ON CONFLICT (contact_key) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE contacts SET version = version + 1, state = :state, lead_status = :leadStatus,
                   email_norm = :emailNorm, phone_norms = :phoneNorms
            WHERE contact_key = :key AND version = :version
            """;

    private final JdbiTransactions transactions;

    public JdbiContactRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Contact> find(ContactKey key) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("key", key.value())
                .map((rs, ctx) -> new ContactRow(rs.getString("contact_key"), rs.getLong("version"),
                        rs.getString("state"), rs.getString("lead_status"), rs.getString("email_norm"),
                        rs.getString("phone_norms")))
                .findOne()
                .map(ContactRow::toDomain));
    }

    @Override
    public void save(Contact contact) {
        ContactRow row = ContactRow.from(contact);
        int changed = transactions.withHandle(handle -> handle.createUpdate(row.version() == 0 ? INSERT : UPDATE)
                .bind("key", row.key()).bind("version", row.version()).bind("state", row.state())
                .bind("leadStatus", row.leadStatus()).bind("emailNorm", row.emailNorm())
                .bind("phoneNorms", row.phoneNorms())
                .execute());
        if (changed != 1) {
            throw new ConcurrentUpdateException("contact " + row.key() + " changed since version " + row.version());
        }
    }
}
