package com.titan.webhooks.domain.contact;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code job.contact.scored}: the complete scored contact, as TitanX's camelCase attributes. Nested
 * values ({@code unmappedFields}, lists) are kept as their JSON text, so nothing is lost.
 */
public record ContactScored(ContactKey key, Stamp stamp, Map<String, String> attributes) implements ProviderEvent {

    public ContactScored {
        Require.nonNull(key, "key");
        Require.nonNull(stamp, "stamp");
        attributes = Collections.unmodifiableMap(new HashMap<>(attributes));
    }
}
