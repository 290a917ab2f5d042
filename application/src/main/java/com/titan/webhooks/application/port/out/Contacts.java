package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactLink;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Outbound port: the scored contacts, loaded and saved whole. */
public interface Contacts {

    Optional<Contact> find(ContactKey id);

    /** Those of {@code ids} that exist, in one round trip where the store allows. */
    default Map<ContactKey, Contact> findAll(Collection<ContactKey> ids) {
        Map<ContactKey, Contact> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(aggregate -> found.put(id, aggregate)));
        return found;
    }

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Contact aggregate);

    /**
     * Saves several, each as {@link #save} would, all or none. A store may send them together.
     *
     * @throws ConcurrentUpdateException if any of them changed since it was loaded
     */
    default void saveAll(List<Contact> aggregates) {
        aggregates.forEach(this::save);
    }

    /** Contacts in key order, from the page's cursor on. */
    Page<Contact> list(ContactFilter filter, PageRequest page);

    /**
     * The links of the contacts with a lead status that have one of {@code emails} or one of
     * {@code phones} (normalised as {@code LinkKeys} does), in one round trip: the candidates for
     * the links of many connections at once (see {@code LeadStatusLinks}).
     */
    List<ContactLink> linkedTo(Set<String> emails, Set<String> phones);
}
