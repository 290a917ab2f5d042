package com.titan.webhooks.domain.reminder;

import com.titan.webhooks.domain.Require;

/** TitanCard's id of a follow-up reminder. */
public record ReminderId(String value) {

    public ReminderId {
        Require.identifier(value, "reminder id");
    }
}
