package com.titan.webhooks.domain.contact;

import java.util.Locale;
import java.util.Optional;

/**
 * How a TitanCard connection and a TitanX contact are recognised as the same person: the same
 * email, ignoring case, or the same phone number compared by its digits (country code included).
 */
public final class LinkKeys {

    private static final int SHORTEST_PHONE = 7;
    // beyond these, a value identifies nobody (RFC 5321 caps an address at 254, E.164 a number at 15 digits)
    private static final int LONGEST_EMAIL = 320;
    private static final int LONGEST_PHONE = 40;

    private LinkKeys() {
    }

    public static Optional<String> email(String email) {
        if (email == null || email.isBlank() || email.length() > LONGEST_EMAIL
                || email.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(email.strip().toLowerCase(Locale.ROOT));
    }

    /** The digits of a phone number; empty for anything too short to identify a person. */
    public static Optional<String> phone(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(phone.length());
        phone.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.length() < SHORTEST_PHONE || digits.length() > LONGEST_PHONE ? Optional.empty() : Optional.of(digits.toString());
    }
}
