package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactLink;
import java.util.List;
import java.util.Set;

/** Outbound port: the scored contacts, loaded and saved whole. */
public interface Contacts extends AggregateStore<ContactKey, Contact> {

    /** Contacts in key order, from the page's cursor on. */
    Page<Contact> list(ContactFilter filter, PageRequest page);

    /**
     * The links of the contacts with a lead status that have one of {@code emails} or one of
     * {@code phones} (normalised as {@code LinkKeys} does), in one round trip: the candidates for
     * the links of many connections at once (see {@code LeadStatusLinks}).
     */
    List<ContactLink> linkedTo(Set<String> emails, Set<String> phones);
}
