package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactLink;
import com.titan.webhooks.domain.contact.LinkKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.EmptyHandling;

/** Persistence adapter: stores scored contacts in PostgreSQL or SQLite through JDBI. */
public final class JdbiContactRepository implements Contacts {

    private static final String FIND = """
            SELECT contact_key, version, state, lead_status, email_norm, phone_norms
            FROM contacts WHERE contact_key = :key
            """;
    private static final String LIST = """
            SELECT contact_key, version, state, lead_status, email_norm, phone_norms FROM contacts
            WHERE contact_key > :after
              AND (:leadStatus IS NULL OR lead_status = :leadStatus)
              AND (:email IS NULL OR email_norm = :email)
              AND (:since IS NULL OR changed_at >= :since)
            ORDER BY contact_key
            LIMIT :limit
            """;
    // the phones arrive as one JSON array, because a contact's phones are a member column that IN cannot search
    private static final String LINKED_POSTGRES = """
            SELECT contact_key, lead_status, email_norm, phone_norms FROM contacts c
            WHERE lead_status IS NOT NULL
              AND (email_norm IN (<emails>)
                   OR EXISTS (SELECT 1 FROM json_array_elements_text(CAST(:phones AS json)) AS p(digits)
                              WHERE strpos(c.phone_norms, '|' || p.digits || '|') > 0))
            """;
    private static final String LINKED_SQLITE = """
            SELECT contact_key, lead_status, email_norm, phone_norms FROM contacts c
            WHERE lead_status IS NOT NULL
              AND (email_norm IN (<emails>)
                   OR EXISTS (SELECT 1 FROM json_each(:phones) AS p
                              WHERE instr(c.phone_norms, '|' || p.value || '|') > 0))
            """;
    private static final RowMapper<ContactRow> ROW = (rs, ctx) -> new ContactRow(rs.getString("contact_key"),
            rs.getLong("version"), rs.getString("state"), rs.getString("lead_status"), rs.getString("email_norm"),
            rs.getString("phone_norms"));
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
    private final Dialect dialect;

    public JdbiContactRepository(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public Optional<Contact> find(ContactKey key) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("key", key.value())
                .map(ROW)
                .findOne()
                .map(ContactRow::toDomain));
    }

    @Override
    public Page<Contact> list(ContactFilter filter, PageRequest page) {
        List<ContactRow> rows = transactions.withHandle(handle -> handle.createQuery(LIST)
                .bind("after", Keyset.after(page.after()))
                .bind("leadStatus", filter.leadStatus().orElse(null))
                .bind("email", filter.email().flatMap(LinkKeys::email).orElse(null))
                .bind("since", filter.updatedSince().map(Instant::toEpochMilli).orElse(null))
                .bind("limit", page.limit() + 1)
                .map(ROW)
                .list());
        return Keyset.page(rows, page.limit(), ContactRow::key, ContactRow::toDomain);
    }

    @Override
    public List<ContactLink> linkedTo(Set<String> emails, Set<String> phones) {
        String phoneList = StateJson.write(StateJson.strings(List.copyOf(phones)));
        return transactions.withHandle(handle -> handle.createQuery(dialect == Dialect.POSTGRESQL ? LINKED_POSTGRES : LINKED_SQLITE)
                .bindList(EmptyHandling.NULL_KEYWORD, "emails", List.copyOf(emails))
                .bind("phones", phoneList)
                .map((rs, ctx) -> new ContactLink(new ContactKey(rs.getString("contact_key")), rs.getString("lead_status"),
                        Optional.ofNullable(rs.getString("email_norm")), MemberColumn.members(rs.getString("phone_norms"))))
                .list());
    }

    @Override
    public void save(Contact contact) {
        saveAll(List.of(contact));
    }

    @Override
    public void saveAll(List<Contact> contacts) {
        List<ContactRow> rows = contacts.stream().map(ContactRow::from).toList();
        transactions.withHandle(handle -> {
            VersionedRows.saveAll(handle, INSERT, UPDATE, rows, ContactRow::version, (batch, row) -> batch
                    .bind("key", row.key()).bind("version", row.version()).bind("state", row.state())
                    .bind("leadStatus", row.leadStatus()).bind("emailNorm", row.emailNorm())
                    .bind("phoneNorms", row.phoneNorms()), row -> "contact " + row.key());
            return null;
        });
    }
}
