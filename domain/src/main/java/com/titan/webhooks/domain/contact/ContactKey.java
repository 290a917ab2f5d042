package com.titan.webhooks.domain.contact;

import com.titan.webhooks.domain.Require;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The key of a scored contact. TitanX guarantees no single identifier (its own {@code id} and the
 * customer's references are all optional), so the key is the first present of, in order: TitanX's
 * {@code id}, {@code contactCrmId}, {@code customerContactId}, {@code databaseContactId}, and the
 * lower-cased {@code email}.
 */
public record ContactKey(String value) implements Comparable<ContactKey> {

    private static final List<String> IDENTIFIERS = List.of("id", "contactCrmId", "customerContactId", "databaseContactId");

    public ContactKey {
        Require.identifier(value, "contact key");
    }

    /** The key of the contact described by {@code attributes}, if it has any identifier at all. */
    public static Optional<ContactKey> of(Map<String, String> attributes) {
        for (String identifier : IDENTIFIERS) {
            String value = attributes.get(identifier);
            if (value != null && !value.isBlank()) {
                return Optional.of(new ContactKey(value));
            }
        }
        String email = attributes.get("email");
        if (email != null && !email.isBlank()) {
            return Optional.of(new ContactKey(email.strip().toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** By value: the order in which a batch saves them, the same for every worker. */
    @Override
    public int compareTo(ContactKey other) {
        return value.compareTo(other.value);
    }
}
