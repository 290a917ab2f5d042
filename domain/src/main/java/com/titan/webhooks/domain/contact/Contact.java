package com.titan.webhooks.domain.contact;

import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.event.AggregateSize;
import com.titan.webhooks.domain.LimitReachedException;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.event.StampedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: a contact as TitanX scored it, with its phones, lead status, person, address, company
 * and the customer's own references.
 *
 * <p>Invariant: every attribute is last-writer-wins by stamp, so a late delivery of an older score
 * never overwrites a newer one; attributes a newer score leaves out keep their last value. At most
 * {@value #MAX_ATTRIBUTES} attributes: a score that would add more is refused.
 */
public final class Contact implements Aggregate<Contact> {

    public static final int MAX_ATTRIBUTES = 500;
    private static final int PHONE_SLOTS = 5;

    private final ContactKey key;
    private final StampedFields<String> attributes;
    private final long version;

    private Contact(ContactKey key, StampedFields<String> attributes, long version) {
        this.key = Require.nonNull(key, "key");
        this.attributes = attributes;
        this.version = version;
    }

    /** First creation: a contact not scored yet. */
    public static Contact unseen(ContactKey key) {
        return new Contact(key, StampedFields.empty(), 0);
    }

    /** Reconstitution from storage. */
    public static Contact reconstitute(ContactKey key, Map<String, Stamped<String>> attributes, long version) {
        return new Contact(key, StampedFields.of(attributes), version);
    }

    /** An independent copy with the same state and version, to tell what applying scores changed. */
    @Override
    public Contact copy() {
        return new Contact(key, StampedFields.of(attributes.asMap()), version);
    }

    /** Applies one score; applying the same score again changes nothing. */
    public void apply(ContactScored event) {
        if (!event.key().equals(key)) {
            throw new IllegalArgumentException("score for contact " + event.key().value() + " applied to " + key.value());
        }
        Map<String, Stamped<String>> current = attributes.asMap();
        long added = event.attributes().keySet().stream().filter(name -> !current.containsKey(name)).count();
        if (current.size() + added > MAX_ATTRIBUTES) {
            throw new LimitReachedException("contact " + key.value() + " would hold more than " + MAX_ATTRIBUTES
                    + " attributes");
        }
        long before = characters();
        attributes.merge(event.attributes(), event.stamp());
        AggregateSize.check("contact", key.value(), before, characters());
    }

    /** How much text the contact holds, for its bound ({@link AggregateSize}). */
    public long characters() {
        return attributes.characters();
    }

    public ContactKey key() {
        return key;
    }

    @Override
    public long version() {
        return version;
    }

    public Optional<String> attribute(String name) {
        return attributes.get(name);
    }

    public Map<String, Stamped<String>> attributes() {
        return attributes.asMap();
    }

    /** The best status across its numbers, as TitanX reports it. */
    public Optional<String> leadStatus() {
        return attributes.get("leadStatus");
    }

    public Optional<String> email() {
        return attributes.get("email");
    }

    /** {@code phone}, {@code phone2} .. {@code phone5} with their statuses and types, those present. */
    public List<Phone> phones() {
        List<Phone> phones = new ArrayList<>();
        for (int slot = 1; slot <= PHONE_SLOTS; slot++) {
            String prefix = slot == 1 ? "phone" : "phone" + slot;
            Optional<String> number = attributes.get(prefix);
            if (number.isPresent() && !number.get().isBlank()) {
                phones.add(new Phone(slot, number.get(), attributes.get(prefix + "Status").orElse(null),
                        attributes.get(prefix + "Type").orElse(null)));
            }
        }
        return phones;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contact that && key.equals(that.key) && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, attributes);
    }

    @Override
    public String toString() {
        return "Contact[" + key.value() + ", " + attributes + "]";
    }
}
