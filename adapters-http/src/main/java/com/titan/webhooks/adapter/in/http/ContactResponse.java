package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.Phone;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contact as TitanX scored it. {@code attributes} holds TitanX's other fields, whatever they
 * are, under snake_case names in name order: TitanX may send new ones at any time.
 */
public record ContactResponse(String key, String leadStatus, List<PhoneResponse> phones, Map<String, Object> attributes)
        implements AggregateResponse {

    static ContactResponse from(Contact contact) {
        Map<String, Object> attributes = new TreeMap<>();
        contact.attributes().forEach((name, value) -> attributes.put(snakeCase(name), attribute(name, value.value())));
        return new ContactResponse(contact.key().value(), contact.leadStatus().orElse(null),
                contact.phones().stream().map(PhoneResponse::from).toList(), attributes);
    }

    /** {@code phone2Status} becomes {@code phone2_status}, {@code linkedInUrl} {@code linked_in_url}. */
    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** TitanX's free-form {@code unmappedFields} was kept as JSON text; it goes back out as JSON. */
    private static Object attribute(String name, String value) {
        return "unmappedFields".equals(name) && value != null ? JsonMapping.tree(value) : value;
    }

    /** One of the contact's numbers with what scoring says of it. */
    public record PhoneResponse(int slot, String number, String status, String type) {

        static PhoneResponse from(Phone phone) {
            return new PhoneResponse(phone.slot(), phone.number(), phone.status(), phone.type());
        }
    }
}
