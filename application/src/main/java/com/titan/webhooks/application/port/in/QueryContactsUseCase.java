package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import java.util.Optional;

/** Inbound port: read scored TitanX contacts. */
public interface QueryContactsUseCase {

    Page<Contact> list(ContactFilter filter, PageRequest page);

    Optional<Contact> find(ContactKey key);
}
