package com.titan.webhooks.domain.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadStatusLinksTest {

    private static ContactLink link(String key, String status, String email, String... phones) {
        return new ContactLink(new ContactKey(key), status, Optional.ofNullable(email), Set.of(phones));
    }

    @Test
    void leadStatus_isTheFirstLinkedContactsByKey_byEmailOrPhone() {
        LeadStatusLinks links = new LeadStatusLinks(List.of(link("c", "warm", "ada@example.com", "15551234567"),
                link("b", "hot", null, "15551234567"), link("d", "cold", "ada@example.com")));

        assertEquals(Optional.of("warm"), links.leadStatusOf(Optional.of("ada@example.com"), Optional.empty()));
        assertEquals(Optional.of("hot"), links.leadStatusOf(Optional.empty(), Optional.of("15551234567")));
        assertEquals(Optional.of("hot"), links.leadStatusOf(Optional.of("ada@example.com"), Optional.of("15551234567")));
        assertEquals(Optional.empty(), links.leadStatusOf(Optional.of("nobody@example.com"), Optional.of("4930000000")));
        assertEquals(Optional.empty(), links.leadStatusOf(Optional.empty(), Optional.empty()));
    }
}
