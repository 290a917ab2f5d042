package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.LinkKeys;
import com.titan.webhooks.domain.contact.Phone;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@code contacts} row: the whole contact as JSON, plus the columns queries and links use, and
 * its phones' digits, kept in {@code contact_phones} (empty when read: the state holds the phones).
 */
record ContactRow(String key, long version, String state, String leadStatus, String emailNorm, List<String> phones) {

    static ContactRow from(Contact contact) {
        ObjectNode state = StateJson.object();
        state.set("attributes", StateJson.fields(contact.attributes(), Function.identity()));
        List<String> phones = contact.phones().stream().map(Phone::number).map(LinkKeys::phone)
                .flatMap(Optional::stream).distinct().toList();
        return new ContactRow(contact.key().value(), contact.version(), StateJson.write(state),
                contact.leadStatus().orElse(null), contact.email().flatMap(LinkKeys::email).orElse(null),
                phones);
    }

    Contact toDomain() {
        return StateJson.reconstitute("contact", key, this::read);
    }

    private Contact read() {
        return Contact.reconstitute(new ContactKey(key),
                StateJson.fields(StateJson.read(state).get("attributes"), Function.identity()), version);
    }
}
