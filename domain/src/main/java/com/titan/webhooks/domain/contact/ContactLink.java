package com.titan.webhooks.domain.contact;

import com.titan.webhooks.domain.Require;
import java.util.Optional;
import java.util.Set;

/**
 * What links a scored contact to a connection: its lead status, and its email and phone digits
 * normalised by {@link LinkKeys}. Enough to resolve links without loading the whole contact.
 */
public record ContactLink(ContactKey key, String leadStatus, Optional<String> email, Set<String> phones) {

    public ContactLink {
        Require.nonNull(key, "key");
        Require.nonNull(leadStatus, "leadStatus");
        Require.nonNull(email, "email");
        phones = Set.copyOf(phones);
    }
}
