package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.contact.Contact;

/** A scored contact's state in a change record. */
public record ContactSnapshot(Contact contact) implements AggregateSnapshot {

    @Override
    public AggregateType type() {
        return AggregateType.CONTACT;
    }

    @Override
    public String id() {
        return contact.key().value();
    }

    @Override
    public boolean deleted() {
        return false;
    }
}
