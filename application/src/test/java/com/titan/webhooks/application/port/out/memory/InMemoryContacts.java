package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactLink;
import com.titan.webhooks.domain.contact.LinkKeys;
import com.titan.webhooks.domain.contact.Phone;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The scored contacts in memory. */
final class InMemoryContacts implements Contacts {

    private final VersionedAggregates<Contact> stored;
    private final IssuedCursors cursors;

    InMemoryContacts(InMemoryStore store, IssuedCursors cursors) {
        this.stored = new VersionedAggregates<>(store, "contact", state -> state.contacts,
                contact -> contact.key().value(), Contact::version, Contact::copy,
                (c, version) -> Contact.reconstitute(c.key(), c.attributes(), version));
        this.cursors = cursors;
    }

    @Override
    public Optional<Contact> find(ContactKey id) {
        return stored.find(id.value());
    }

    @Override
    public Map<ContactKey, Contact> findAll(Collection<ContactKey> ids) {
        return stored.findAll(ids.stream().map(ContactKey::value).toList()).values().stream()
                .collect(Collectors.toMap(Contact::key, contact -> contact));
    }

    @Override
    public void save(Contact aggregate) {
        stored.saveAll(List.of(aggregate));
    }

    @Override
    public void saveAll(List<Contact> aggregates) {
        stored.saveAll(aggregates);
    }

    @Override
    public Page<Contact> list(ContactFilter filter, PageRequest page) {
        // an email no row can have matches nothing, as in the SQL stores
        Optional<String> email = filter.email().flatMap(LinkKeys::email);
        if (filter.email().isPresent() && email.isEmpty()) {
            return stored.list(cursors, page, row -> false);
        }
        return stored.list(cursors, page, row -> {
            Contact c = row.aggregate();
            return filter.leadStatus().map(status -> c.leadStatus().equals(Optional.of(status))).orElse(true)
                    && email.map(wanted -> email(c).equals(Optional.of(wanted))).orElse(true)
                    && UpdatedSince.matches(row, filter.updatedSince());
        });
    }

    @Override
    public List<ContactLink> linkedTo(Set<String> emails, Set<String> phones) {
        return stored.storedWhere(c -> c.leadStatus().isPresent()
                        && (email(c).filter(emails::contains).isPresent() || phones(c).stream().anyMatch(phones::contains)))
                .stream().map(c -> new ContactLink(c.key(), c.leadStatus().orElseThrow(), email(c), phones(c))).toList();
    }

    private static Optional<String> email(Contact contact) {
        return contact.email().flatMap(LinkKeys::email);
    }

    private static Set<String> phones(Contact contact) {
        return contact.phones().stream().map(Phone::number).map(LinkKeys::phone).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }
}
