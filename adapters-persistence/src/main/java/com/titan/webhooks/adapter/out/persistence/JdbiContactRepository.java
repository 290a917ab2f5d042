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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.EmptyHandling;

/** Persistence adapter: stores scored contacts in PostgreSQL or SQLite through JDBI. */
public final class JdbiContactRepository implements Contacts {

    private static final String FIND = """
            SELECT contact_key, version, state, lead_status, email_norm
            FROM contacts WHERE contact_key = :key
            """;
    private static final String LIST = "SELECT contact_key, version, state, lead_status, email_norm FROM contacts";
    private static final String LINKED = """
            SELECT contact_key, lead_status, email_norm FROM contacts
            WHERE lead_status IS NOT NULL
              AND (email_norm IN (<emails>)
                   OR contact_key IN (SELECT contact_key FROM contact_phones
                                      WHERE substr(digits, 1, 200) IN (<phonePrefixes>) AND digits IN (<phones>)))
            """;
    private static final RowMapper<ContactRow> ROW = (rs, ctx) -> new ContactRow(rs.getString("contact_key"),
            rs.getLong("version"), rs.getString("state"), rs.getString("lead_status"), rs.getString("email_norm"),
            List.of());
    private static final String INSERT = """
            INSERT INTO contacts (contact_key, version, state, lead_status, email_norm, phone_norms)
            VALUES (:key, 1, :state, :leadStatus, :emailNorm, '')
            ON CONFLICT (contact_key) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE contacts SET version = version + 1, state = :state, lead_status = :leadStatus,
                   email_norm = :emailNorm
            WHERE contact_key = :key AND version = :version
            """;

    private final JdbiTransactions transactions;

    public JdbiContactRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
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
        ListQuery query = listQuery(filter, page);
        List<ContactRow> rows = transactions.withHandle(handle -> query.on(handle).map(ROW).list());
        return Keyset.page(rows, page.limit(), ContactRow::key, ContactRow::toDomain);
    }

    /** The query of one page: a condition for each filter given. */
    static ListQuery listQuery(ContactFilter filter, PageRequest page) {
        ListQuery query = ListQuery.select(LIST)
                .where("contact_key > :after", "after", Keyset.after(page.after()))
                .where(filter.leadStatus(), "lead_status = :leadStatus", "leadStatus")
                .where(filter.email().flatMap(LinkKeys::email), "email_norm = :email", "email")
                .where(filter.updatedSince().map(Instant::toEpochMilli), "changed_at >= :since", "since")
                .then("ORDER BY contact_key\nLIMIT :limit", page.limit() + 1);
        if (filter.email().isPresent() && filter.email().flatMap(LinkKeys::email).isEmpty()) {
            // an email no row can have (blank, too long, control characters) matches nothing, never everything
            query.where("1 = 0");
        }
        return query;
    }

    @Override
    public List<ContactLink> linkedTo(Set<String> emails, Set<String> phones) {
        return transactions.withHandle(handle -> {
            List<Map.Entry<String, ContactLink>> linked = handle.createQuery(LINKED)
                    .bindList(EmptyHandling.NULL_KEYWORD, "emails", List.copyOf(emails))
                    .bindList(EmptyHandling.NULL_KEYWORD, "phones", List.copyOf(phones))
                    .bindList(EmptyHandling.NULL_KEYWORD, "phonePrefixes",
                            phones.stream().map(MemberRows::indexed).distinct().toList())
                    .map((rs, ctx) -> Map.entry(rs.getString("contact_key"), new ContactLink(
                            new ContactKey(rs.getString("contact_key")), rs.getString("lead_status"),
                            Optional.ofNullable(rs.getString("email_norm")), Set.of())))
                    .list();
            Map<String, Set<String>> phonesOf = MemberRows.CONTACT_PHONES.of(handle,
                    linked.stream().map(Map.Entry::getKey).toList());
            return linked.stream().map(Map.Entry::getValue)
                    .map(link -> new ContactLink(link.key(), link.leadStatus(), link.email(),
                            phonesOf.getOrDefault(link.key().value(), Set.of())))
                    .toList();
        });
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
                    .bind("key", row.key()).bind("version", row.version()).bind("state", new JsonState(row.state()))
                    .bind("leadStatus", row.leadStatus()).bind("emailNorm", row.emailNorm()),
                    row -> "contact " + row.key());
            MemberRows.CONTACT_PHONES.replace(handle, rows.stream()
                    .collect(Collectors.toMap(ContactRow::key, ContactRow::phones, (first, second) -> second)));
            return null;
        });
    }
}
