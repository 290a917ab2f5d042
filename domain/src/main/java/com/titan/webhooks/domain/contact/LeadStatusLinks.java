package com.titan.webhooks.domain.contact;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lead status shown with someone who has an email and a phone: that of the first contact, by
 * key, that is the same person (the same email ignoring case, or the same phone digits, see
 * {@link LinkKeys}) and has a lead status. No provider offers this link; the order only makes the
 * choice the same every time. Indexed once for many lookups, so that resolving the links of a
 * whole batch costs one pass over the candidates.
 */
public final class LeadStatusLinks {

    private static final Comparator<ContactLink> BY_KEY = Comparator.comparing(link -> link.key().value());

    private final Map<String, ContactLink> firstByEmail = new HashMap<>();
    private final Map<String, ContactLink> firstByPhone = new HashMap<>();

    public LeadStatusLinks(Collection<ContactLink> candidates) {
        for (ContactLink link : candidates) {
            link.email().ifPresent(email -> firstByEmail.merge(email, link, LeadStatusLinks::first));
            link.phones().forEach(phone -> firstByPhone.merge(phone, link, LeadStatusLinks::first));
        }
    }

    /** @param email and {@code phone}: normalised by {@link LinkKeys} */
    public Optional<String> leadStatusOf(Optional<String> email, Optional<String> phone) {
        return Stream.of(email.map(firstByEmail::get), phone.map(firstByPhone::get))
                .flatMap(Optional::stream)
                .min(BY_KEY)
                .map(ContactLink::leadStatus);
    }

    private static ContactLink first(ContactLink one, ContactLink other) {
        return BY_KEY.compare(one, other) <= 0 ? one : other;
    }
}
