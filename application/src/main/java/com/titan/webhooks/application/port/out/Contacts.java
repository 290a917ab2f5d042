package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import java.util.Optional;

/** Outbound port: the scored contacts, loaded and saved whole. */
public interface Contacts {

    Optional<Contact> find(ContactKey id);

    /**
     * Saves the aggregate if nobody saved it since it was loaded (its version).
     *
     * @throws ConcurrentUpdateException otherwise
     */
    void save(Contact aggregate);
}
