package com.titan.webhooks.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.titan.webhooks.domain.card.CardField;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.reminder.ReminderField;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The response records name their members one by one, where the domain lists its fields in an
 * enum: a field added to the domain and not to its record would never be served. (The document
 * check, {@link ResponseRecordsMatchOpenApiTest}, cannot see that: it compares records and document.)
 */
class DomainFieldsServedTest {

    @Test
    void everyConnectionField_isAMemberOfTheConnectionsAnswer() {
        Set<String> members = members(ConnectionResponse.class);
        for (ConnectionField field : ConnectionField.values()) {
            // TitanCard's notes string is notes_text: notes is the list of added notes
            String name = field == ConnectionField.NOTES ? "notes_text" : field.wireName();
            assertTrue(members.contains(name), name + " is not in " + members);
        }
    }

    @Test
    void everyCardField_isAMemberOfTheCardsAnswer() {
        Set<String> members = members(CardResponse.class);
        for (CardField field : CardField.values()) {
            assertTrue(members.contains(field.wireName()), field.wireName() + " is not in " + members);
        }
    }

    @Test
    void everyReminderField_isAMemberOfTheRemindersAnswer() {
        Set<String> members = members(ReminderResponse.class);
        for (ReminderField field : ReminderField.values()) {
            assertTrue(members.contains(field.wireName()), field.wireName() + " is not in " + members);
        }
    }

    /** The member names Jackson writes for {@code record}. */
    private static Set<String> members(Class<?> record) {
        return JsonMapping.MAPPER.getSerializationConfig()
                .introspect(JsonMapping.MAPPER.constructType(record)).findProperties().stream()
                .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
    }
}
